/**
 * Yjs updates collected and handed on as one merged update just after the
 * next frame, so work done per update (a websocket send, an IndexedDB write)
 * stays out of the keystroke that made it. Used by deferred-sends.ts and
 * local-writes.ts.
 */
import * as Y from 'yjs';
import { afterPaint, inBackground } from './after-paint';

/**
 * When pending updates are handed on: `now`; `after-frame`, for updates made
 * here (a keystroke: its frame is coming, the work waits until it is out); or
 * `background`, for updates that arrived (they may change nothing on screen,
 * and asking for a frame to wait for would cost one).
 */
export type BatchTiming = 'now' | 'after-frame' | 'background';

export interface UpdateBatch {
  add(update: Uint8Array, timing?: BatchTiming): void;
  /** Hand on what is pending now. */
  flush(): void;
}

export function updateBatch(deliver: (update: Uint8Array) => void): UpdateBatch {
  let pending: Uint8Array[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
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
      if (scheduled) return;
      scheduled = true;
      if (timing === 'after-frame') afterPaint(flush);
      else inBackground(flush);
    },
  };
}
