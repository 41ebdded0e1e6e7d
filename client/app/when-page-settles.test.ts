import { describe, expect, test } from 'vitest';
import { whenPageSettles, type LongTaskSource } from './when-page-settles';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A long-task source the test fires by hand, as the page's PerformanceObserver would. */
function longTaskSource() {
  const listeners = new Set<() => void>();
  const source: LongTaskSource = (onLongTask) => {
    listeners.add(onLongTask);
    return () => listeners.delete(onLongTask);
  };
  return { source, fire: () => listeners.forEach((listener) => listener()), listening: () => listeners.size };
}

describe('whenPageSettles', () => {
  test('runs the work once the page has been quiet for a while, and only once', async () => {
    const tasks = longTaskSource();
    let runs = 0;
    whenPageSettles(() => runs++, { quietMs: 40, maxWaitMs: 5_000, longTasks: tasks.source });
    await sleep(15);
    expect(runs).toBe(0);
    await sleep(80);
    expect(runs).toBe(1);
    expect(tasks.listening()).toBe(0);
    tasks.fire();
    await sleep(80);
    expect(runs).toBe(1);
  });

  test('every long task starts the quiet wait again', async () => {
    const tasks = longTaskSource();
    let runs = 0;
    whenPageSettles(() => runs++, { quietMs: 60, maxWaitMs: 5_000, longTasks: tasks.source });
    for (let i = 0; i < 5; i++) {
      await sleep(30);
      tasks.fire();
    }
    // 150 ms have passed, never 60 quiet ones.
    expect(runs).toBe(0);
    await sleep(120);
    expect(runs).toBe(1);
  });

  test('a page that never settles still gets the work done after the longest wait', async () => {
    const tasks = longTaskSource();
    let runs = 0;
    const started = performance.now();
    whenPageSettles(() => runs++, { quietMs: 60, maxWaitMs: 150, longTasks: tasks.source });
    // Long tasks every 20 ms for 300 ms: the quiet wait never ends.
    let ranAfter = -1;
    while (performance.now() - started < 300) {
      await sleep(20);
      tasks.fire();
      if (runs > 0 && ranAfter < 0) ranAfter = performance.now() - started;
    }
    expect(runs).toBe(1);
    expect(ranAfter).toBeGreaterThanOrEqual(150);
    expect(tasks.listening()).toBe(0);
  });

  test('cancelled before the page settles, the work never runs', async () => {
    const tasks = longTaskSource();
    let runs = 0;
    const cancel = whenPageSettles(() => runs++, { quietMs: 30, maxWaitMs: 60, longTasks: tasks.source });
    cancel();
    expect(tasks.listening()).toBe(0);
    await sleep(120);
    expect(runs).toBe(0);
  });
});
