/**
 * Runs work that can wait until the page has finished opening: once `quietMs`
 * have passed without a long task (50 ms or more) on the main thread, or after
 * `maxWaitMs` whatever happens.
 *
 * Why: installing the service worker makes Chromium compile the whole app
 * bundle again for its code cache (0.36 s of CPU in a trace), and the worker
 * fetches and stores every asset. Started at `load`, that ran beside the
 * decoding of a long article's first sync; on a two-core machine it made
 * opening 0.25–0.3 s slower. Opening an article is a run of long tasks
 * (decoding, the first rows), so their end is the sign that it has opened.
 */

/** Calls `onLongTask` whenever the main thread ran a long task; returns a function that stops listening. */
export type LongTaskSource = (onLongTask: () => void) => () => void;

export interface SettleOptions {
  quietMs: number;
  maxWaitMs: number;
  longTasks?: LongTaskSource;
}

/** Chromium's Long Tasks API; where it is missing there is nothing to wait for but `quietMs`. */
export const observeLongTasks: LongTaskSource = (onLongTask) => {
  if (typeof PerformanceObserver === 'undefined' || !PerformanceObserver.supportedEntryTypes?.includes('longtask')) {
    return () => undefined;
  }
  const observer = new PerformanceObserver(() => onLongTask());
  observer.observe({ type: 'longtask' });
  return () => observer.disconnect();
};

/** Returns a function that cancels the work if it has not run yet. */
export function whenPageSettles(work: () => void, { quietMs, maxWaitMs, longTasks = observeLongTasks }: SettleOptions): () => void {
  let done = false;
  let quiet: ReturnType<typeof setTimeout> | undefined;
  const finish = (run: boolean) => {
    if (done) return;
    done = true;
    clearTimeout(quiet);
    clearTimeout(deadline);
    stopListening();
    if (run) work();
  };
  const restartQuiet = () => {
    if (done) return;
    clearTimeout(quiet);
    quiet = setTimeout(() => finish(true), quietMs);
  };
  const deadline = setTimeout(() => finish(true), maxWaitMs);
  const stopListening = longTasks(restartQuiet);
  restartQuiet();
  return () => finish(false);
}
