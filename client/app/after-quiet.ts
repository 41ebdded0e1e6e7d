/**
 * Run work once things have been quiet for a while: every `poke` says "it
 * changed again", and the work runs `quietMs` after the last one.
 *
 * The usual debounce clears and sets a timer on every change; these changes
 * are keystrokes, local and remote, and a timer is not free in the browser
 * (both calls showed in a typing profile). Here one timer is armed per quiet
 * wait: when it fires early (changes came since it was set) it is armed again
 * for the time that is left.
 */
export interface AfterQuiet {
  /** Something changed: wait from now. */
  poke(): void;
  /** Run now, whatever is pending (and cancel the wait). */
  runNow(): void;
  /** Forget what is pending. */
  cancel(): void;
}

export function afterQuiet(quietMs: number, work: () => void, now: () => number = () => performance.now()): AfterQuiet {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastPoke = 0;
  const stop = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const fire = () => {
    const left = lastPoke + quietMs - now();
    if (left > 0) {
      timer = setTimeout(fire, left);
      return;
    }
    timer = undefined;
    work();
  };
  return {
    poke() {
      lastPoke = now();
      timer ??= setTimeout(fire, quietMs);
    },
    runNow() {
      stop();
      work();
    },
    cancel: stop,
  };
}
