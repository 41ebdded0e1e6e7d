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
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { messageYjsSyncStep1, messageYjsSyncStep2 } from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';
import { MESSAGE } from '../../shared/protocol/collab';
import { updateBatch } from './update-batch';

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
  const firstAnswer = serverOnlyAnswer(provider);
  provider.messageHandlers[MESSAGE.SYNC] = (encoder, decoder, provider, fromServer, ...rest) => {
    const type = decoding.readVarUint(decoding.clone(decoder));
    if (type === messageYjsSyncStep1 && fromServer && firstAnswer.answer(encoder, decoder)) answered = true;
    else {
      firstAnswer.received(type, fromServer);
      answer(encoder, decoder, provider, fromServer, ...rest); // the answer holds everything in the document by now
      if (type === messageYjsSyncStep1) answered = true;
    }
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

/**
 * The page's first answer to the server's step 1, when everything in the
 * document came from that server: an empty update.
 *
 * The server sends its step 1 once it has built its document, usually after
 * its answer (a whole article on a first visit) has been applied here. The
 * y-protocols answer is "what you lack", and as Yjs cannot tell which
 * deletions a peer knows, it always carries the whole delete set: 35 ms to
 * encode at 2,000 segments in a profile, uploaded and applied again by the
 * server, for nothing. Only the first step 1 of the page: by a later one
 * (a reconnection) the server may have restarted without something it had
 * sent, and the full answer is what gives it back.
 */
function serverOnlyAnswer(provider: WebsocketProvider) {
  /** Nothing in the document came from here, the local copy or another tab. */
  let serverOnly = true;
  let first = true;
  const notOnlyServer = () => {
    serverOnly = false;
    provider.doc.off('afterTransaction', watch);
  };
  const watch = (transaction: Y.Transaction) => {
    if (transaction.origin === provider) return; // from the server or another tab: see `received`
    if (transaction.deleteSet.clients.size > 0 || !sameClocks(transaction.beforeState, transaction.afterState)) notOnlyServer();
  };
  provider.doc.on('afterTransaction', watch);
  return {
    /** A sync message the provider is about to apply; `fromServer` is false for another tab's. */
    received(type: number, fromServer: boolean) {
      if (serverOnly && !fromServer && type !== messageYjsSyncStep1) notOnlyServer();
    },
    /** Write the empty answer to the server's step 1 if it may be; true if it did. */
    answer(encoder: encoding.Encoder, decoder: decoding.Decoder): boolean {
      const wasFirst = first;
      first = false;
      if (!wasFirst || !serverOnly) return false;
      decoding.readVarUint(decoder);
      decoding.readVarUint8Array(decoder); // the server's state vector: it has all of this document
      encoding.writeVarUint(encoder, MESSAGE.SYNC);
      encoding.writeVarUint(encoder, messageYjsSyncStep2);
      encoding.writeVarUint8Array(encoder, EMPTY_UPDATE);
      return true;
    },
  };
}

const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

function sameClocks(a: Map<number, number>, b: Map<number, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [client, clock] of a) if (b.get(client) !== clock) return false;
  return true;
}
