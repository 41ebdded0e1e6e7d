/**
 * The websocket provider's sends of local changes, moved after the frame.
 *
 * y-websocket encodes and sends every local update (and posts it to other
 * tabs) synchronously inside the Yjs transaction: on a keystroke that is
 * about 0.75 ms before the browser can show the character (measured with
 * `npm run bench:editor -- --profile`). Here updates are collected and sent,
 * merged, just after the next frame: collaborators see them one frame later.
 */
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { afterPaint } from './after-paint';

/** Replace `provider`'s update sender with a deferred one; returns `flush`, which sends what is pending now. */
export function deferUpdateSends(provider: WebsocketProvider): () => void {
  const send = provider._updateHandler;
  let pending: Uint8Array[] = [];
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    if (pending.length === 0) return;
    const update = pending.length === 1 ? pending[0]! : Y.mergeUpdates(pending);
    pending = [];
    send(update, null);
  };

  const collect = (update: Uint8Array, origin: unknown) => {
    if (origin === provider) return; // came from the server
    pending.push(update);
    if (scheduled) return;
    scheduled = true;
    afterPaint(flush);
  };

  // The provider's destroy() unsubscribes whatever `_updateHandler` holds, so it removes this one.
  provider.doc.off('update', send);
  provider._updateHandler = collect;
  provider.doc.on('update', collect);
  return flush;
}
