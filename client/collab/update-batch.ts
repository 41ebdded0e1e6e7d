/**
 * Yjs updates collected and handed on as one merged update just after the
 * next frame, so work done per update (a websocket send, an IndexedDB write)
 * stays out of the keystroke that made it. Used by collab-provider.ts and
 * device-copy.ts.
 */
import * as Y from 'yjs';
import { afterPaint, inBackground } from './after-paint';

/**
 * When pending updates are handed on: `now`; `after-frame`, for updates made
 * here (a keystroke: its frame is coming, the work waits until it is out); or
 * `background`, for updates that arrived: a moment later, together (they may
 * change nothing on screen, so there is no frame to wait for, and scheduling
 * a task for each of a colleague's keystrokes showed in a profile of them).
 */
/** How long updates that arrived are gathered before they are handed on together. */
const BACKGROUND_GATHER_MS = 200;

export type BatchTiming = 'now' | 'after-frame' | 'background';

export interface UpdateBatch {
  add(update: Uint8Array, timing?: BatchTiming): void;
  /** Hand on what is pending now. */
  flush(): void;
}

export function updateBatch(deliver: (update: Uint8Array) => void): UpdateBatch {
  let pending: Uint8Array[] = [];
  let frameScheduled = false;
  let gatherScheduled = false;
  const flush = () => {
    if (pending.length === 0) return;
    const update = pending.length === 1 ? pending[0]! : Y.mergeUpdates(pending);
    pending = [];
    deliver(update);
  };
  return {
    flush,
    add(update, timing = 'after-frame') {
      pending.push(update);
      if (timing === 'now') return flush();
      // A keystroke's update never waits for the slower gathering: it goes with its frame, and
      // takes whatever arrived meanwhile along.
      if (timing === 'after-frame' && !frameScheduled) {
        frameScheduled = true;
        afterPaint(() => {
          frameScheduled = false;
          flush();
        });
      } else if (timing === 'background' && !frameScheduled && !gatherScheduled) {
        gatherScheduled = true;
        setTimeout(
          () =>
            inBackground(() => {
              gatherScheduled = false;
              flush();
            }),
          BACKGROUND_GATHER_MS,
        );
      }
    },
  };
}
