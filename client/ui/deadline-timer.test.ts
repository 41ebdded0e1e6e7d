import { describe, expect, test } from 'vitest';
import { deadlineTimer } from './deadline-timer';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('deadlineTimer', () => {
  test('a deadline moved later runs at the later time, once', async () => {
    let runs = 0;
    const timer = deadlineTimer(() => runs++);
    timer.at(performance.now() + 30);
    await sleep(15);
    timer.at(performance.now() + 60);
    await sleep(40); // past the first deadline
    expect(runs).toBe(0);
    await sleep(60);
    expect(runs).toBe(1);
  });

  test('a deadline moved earlier does not wait for the armed one', async () => {
    let runs = 0;
    const timer = deadlineTimer(() => runs++);
    timer.at(performance.now() + 500);
    timer.at(performance.now() + 20);
    await sleep(60);
    expect(runs).toBe(1);
  });

  test('clear leaves the armed timer with nothing to do; a new deadline after it still runs', async () => {
    let runs = 0;
    const timer = deadlineTimer(() => runs++);
    timer.at(performance.now() + 20);
    timer.clear();
    await sleep(40);
    expect(runs).toBe(0);
    timer.at(performance.now() + 20);
    await sleep(50);
    expect(runs).toBe(1);
  });
});
