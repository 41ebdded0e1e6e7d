/**
 * Run work once things have been quiet for a while: every `poke` says "it
 * changed again", and the work runs `quietMs` after the last one (without a
 * timer cleared and set per poke: see deadline-timer.ts).
 */
import { deadlineTimer } from './deadline-timer';

export interface AfterQuiet {
  /** Something changed: wait from now. */
  poke(): void;
  /** Run now, whatever is pending (and cancel the wait). */
  runNow(): void;
  /** Forget what is pending. */
  cancel(): void;
}

export function afterQuiet(quietMs: number, work: () => void, now: () => number = () => performance.now()): AfterQuiet {
  const deadline = deadlineTimer(work, now);
  return {
    poke: () => deadline.at(now() + quietMs),
    runNow() {
      deadline.cancel();
      work();
    },
    cancel: deadline.cancel,
  };
}
