/**
 * The websocket provider's sends of local changes, moved after the frame.
 *
 * y-websocket encodes and sends every local update (and posts it to other
 * tabs) synchronously inside the Yjs transaction: on a keystroke that is
 * about 0.75 ms before the browser can show the character (measured with
 * `npm run bench:editor -- --profile`). Here updates are collected and sent,
 * merged, just after the next frame: collaborators see them one frame later.
 */
import * as decoding from 'lib0/decoding';
import { messageYjsSyncStep1 } from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';
import { MESSAGE } from '../../shared/protocol/collab';
import { updateBatch } from './update-batch';
import { firstAnswerToServer } from './first-answer';

export interface DeferredSends {
  /** Send what is pending now. */
  flush(): void;
  /** Whether updates read from the local copy now would be sent (see below). */
  wantsCopyUpdates(): boolean;
}

/**
 * Replace `provider`'s update sender with a deferred one.
 *
 * Updates read from the local copy (origin `copy`) are not sent while the
 * server's sync step 1 has not been answered on this connection: the answer
 * (everything the server lacks) carries them. y-websocket would send the
 * whole stored document, 1.9 MB at 2,000 segments, on every open.
 */
export function deferUpdateSends(provider: WebsocketProvider, copy: unknown): DeferredSends {
  const send = provider._updateHandler;
  /** The server's step 1 has been answered since the socket opened. */
  let answered = false;
  const answer = provider.messageHandlers[MESSAGE.SYNC]!;
  const firstAnswer = firstAnswerToServer(provider);
  provider.messageHandlers[MESSAGE.SYNC] = (encoder, decoder, provider, fromServer, ...rest) => {
    const type = decoding.readVarUint(decoding.clone(decoder));
    if (!(type === messageYjsSyncStep1 && fromServer && firstAnswer.answer(encoder, decoder))) {
      firstAnswer.received(type, fromServer);
      answer(encoder, decoder, provider, fromServer, ...rest); // the answer holds everything in the document by now
    }
    if (type === messageYjsSyncStep1) answered = true;
  };
  // A new connection gets a new step 1 from the server.
  provider.on('status', () => (answered = false));

  const batch = updateBatch((update) => send(update, null));
  const collect = (update: Uint8Array, origin: unknown) => {
    if (origin === provider) return; // came from the server
    if (origin === copy && !answered) return; // the answer to the server's step 1 will carry it
    batch.add(update);
  };

  // The provider's destroy() unsubscribes whatever `_updateHandler` holds, so it removes this one.
  provider.doc.off('update', send);
  provider._updateHandler = collect;
  provider.doc.on('update', collect);
  return { flush: batch.flush, wantsCopyUpdates: () => answered };
}
