import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { messageYjsSyncStep2 } from 'y-protocols/sync';
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
export function firstAnswerToServer(doc: Y.Doc, server: unknown) {
  /** Nothing in the document came from here or the device copy (`server` is the origin of what came from the server). */
  let serverOnly = true;
  let first = true;
  const watch = (transaction: Y.Transaction) => {
    if (transaction.origin === server) return;
    if (!wroteAnything(transaction)) return;
    serverOnly = false;
    doc.off('afterTransaction', watch);
  };
  doc.on('afterTransaction', watch);
  return {
    /** Write the empty answer to the server's step 1 (its type already read) if it may be; true if it did. */
    answer(encoder: encoding.Encoder, decoder: decoding.Decoder): boolean {
      const wasFirst = first;
      first = false;
      doc.off('afterTransaction', watch); // decided now, once for the page
      if (!wasFirst || !serverOnly) return false;
      decoding.readVarUint8Array(decoder); // the server's state vector: it has all of this document
      encoding.writeVarUint(encoder, MESSAGE.SYNC);
      encoding.writeVarUint(encoder, messageYjsSyncStep2);
      encoding.writeVarUint8Array(encoder, EMPTY_UPDATE);
      return true;
    },
  };
}

const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());
