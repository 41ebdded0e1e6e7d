/**
 * Yjs updates collected and handed on as one merged update just after the
 * next frame, so work done per update (a websocket send, an IndexedDB write)
 * stays out of the keystroke that made it. Used by deferred-sends.ts and
 * local-writes.ts.
 */
import * as Y from 'yjs';
import { afterPaint } from './after-paint';

export interface UpdateBatch {
  /** Add an update; `now` hands on everything pending at once instead of after the frame. */
  add(update: Uint8Array, now?: boolean): void;
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
    add(update, now = false) {
      pending.push(update);
      if (now) return flush();
      if (scheduled) return;
      scheduled = true;
      afterPaint(flush);
    },
  };
}
