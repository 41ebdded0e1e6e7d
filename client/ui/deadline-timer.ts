/**
 * A timer whose deadline moves often (on every keystroke, local or a
 * colleague's) without being cleared and set again each time: clearing and
 * setting browser timers per keystroke showed in a typing profile. One timer
 * is armed; when it fires before the current deadline it is armed again for
 * the time left, and when the deadline was cleared meanwhile it does nothing.
 */
export interface DeadlineTimer {
  /** Run the work at `time` (on the `now` clock), instead of any earlier deadline. */
  at(time: number): void;
  /** No deadline: a pending timer will find nothing to do. */
  clear(): void;
  /** No deadline, and no pending timer either (for tearing down). */
  cancel(): void;
}

export function deadlineTimer(work: () => void, now: () => number = () => performance.now()): DeadlineTimer {
  let deadline: number | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let armedFor = 0;
  const arm = (time: number) => {
    armedFor = time;
    timer = setTimeout(fire, Math.max(0, time - now()));
  };
  const fire = () => {
    timer = undefined;
    if (deadline === null) return;
    if (deadline > now()) return arm(deadline);
    deadline = null;
    work();
  };
  return {
    at(time) {
      deadline = time;
      if (timer === undefined) return arm(time);
      // A deadline earlier than the armed one (not the keystroke case) must not wait for it.
      if (time < armedFor) {
        clearTimeout(timer);
        arm(time);
      }
    },
    clear() {
      deadline = null;
    },
    cancel() {
      deadline = null;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
