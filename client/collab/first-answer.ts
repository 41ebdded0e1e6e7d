import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { messageYjsSyncStep1, messageYjsSyncStep2 } from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';
import { MESSAGE } from '../../shared/protocol/collab';
import { wroteAnything } from '../../shared/article/transaction-values';

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
export function firstAnswerToServer(provider: WebsocketProvider) {
  /** Nothing in the document came from here, the local copy or another tab. */
  let serverOnly = true;
  let first = true;
  const notOnlyServer = () => {
    serverOnly = false;
    provider.doc.off('afterTransaction', watch);
  };
  const watch = (transaction: Y.Transaction) => {
    if (transaction.origin === provider) return; // from the server or another tab: see `received`
    if (wroteAnything(transaction)) notOnlyServer();
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
      provider.doc.off('afterTransaction', watch); // decided now, once for the page
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
