import { describe, expect, test } from 'vitest';
import { afterQuiet } from './after-quiet';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('afterQuiet', () => {
  test('runs once, the quiet time after the last change of a burst', async () => {
    const runs: number[] = [];
    const start = performance.now();
    const quiet = afterQuiet(60, () => runs.push(performance.now() - start));
    for (let i = 0; i < 8; i++) {
      quiet.poke();
      await sleep(15);
    }
    // The burst lasted about 120 ms: nothing yet, although the first wait has long passed.
    expect(runs).toEqual([]);
    await sleep(100);
    expect(runs).toHaveLength(1);
    expect(runs[0]!).toBeGreaterThanOrEqual(105 + 60 - 5);
  });

  test('a change after the work ran starts a new wait', async () => {
    let runs = 0;
    const quiet = afterQuiet(30, () => runs++);
    quiet.poke();
    await sleep(60);
    expect(runs).toBe(1);
    quiet.poke();
    await sleep(10);
    expect(runs).toBe(1);
    await sleep(50);
    expect(runs).toBe(2);
  });

  test('runNow runs at once and drops the wait; cancel drops it without running', async () => {
    let runs = 0;
    const quiet = afterQuiet(30, () => runs++);
    quiet.poke();
    quiet.runNow();
    expect(runs).toBe(1);
    await sleep(60);
    expect(runs).toBe(1);
    quiet.poke();
    quiet.cancel();
    await sleep(60);
    expect(runs).toBe(1);
  });
});
