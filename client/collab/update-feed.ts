/**
 * The article document's `update` feed: the session's parts that want a
 * transaction's update bytes (the websocket sends, the device copy, the saved
 * state) subscribe here, and the feed is the document's one `update`
 * listener. That lets it spare Yjs encoding updates where the bytes are
 * known or not wanted:
 *
 * - a change from the server reaches the subscribers as the bytes that
 *   arrived: the message carries the update, and the only subscriber that
 *   wants it (the device copy) stores it as it came;
 * - a transaction nobody wants the bytes of (`unwanted`: the device copy read
 *   on opening, before the server has asked for it) reaches none.
 *
 * Encoding is about a sixth of applying an update: for a 2,000-segment
 * article, 140 ms of the 0.9 s a first visit spends on the server's answer,
 * 150 ms of a reload's reading of the device copy, and a share of every
 * colleague's keystroke (`npm run bench:editor -- --profile`).
 *
 * Yjs has no switch for this; it encodes whenever the document has an
 * `update` listener. So for those transactions the feed takes its listener
 * off (`doc.off`) just before Yjs would encode (`afterTransactionCleanup`),
 * and puts it back (handing on the arrived bytes) once the transaction is
 * done, all through Yjs's public events. Another `update` listener on the
 * document would make Yjs encode anyway (still correct, only slower): code
 * that only needs to know the document changed listens to `afterTransaction`.
 */
import type * as Y from 'yjs';

export type UpdateListener = (update: Uint8Array, origin: unknown, transaction: Y.Transaction) => void;

export interface UpdateFeed {
  /** Hear every update of the document, in order; returns the unsubscribe. */
  subscribe(listener: UpdateListener): () => void;
  /**
   * Run `apply`, which applies `update` to the document in one transaction
   * with `origin`; the subscribers receive `update` itself for it.
   */
  applying<T>(update: Uint8Array, origin: unknown, apply: () => T): T;
  destroy(): void;
}

/** Whether the transaction changed the document (Yjs emits `update` only then). */
function changedDocument(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of transaction.afterState) {
    if (transaction.beforeState.get(client) !== clock) return true;
  }
  return false;
}

export function updateFeed(doc: Y.Doc, unwanted: (transaction: Y.Transaction) => boolean = () => false): UpdateFeed {
  const listeners = new Set<UpdateListener>();
  let expected: { update: Uint8Array; origin: unknown } | null = null;
  /** A transaction whose encoding was spared: what the subscribers get for it (the arrived bytes, or nothing). */
  let held: { update: Uint8Array | null; transaction: Y.Transaction } | null = null;

  const hear = (update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
    for (const listener of [...listeners]) listener(update, origin, transaction);
  };

  const holdBack = (transaction: Y.Transaction) => {
    let update: Uint8Array | null;
    if (expected && transaction.origin === expected.origin) {
      update = expected.update;
      expected = null; // one update, one transaction: what follows is Yjs's to encode
    } else if (unwanted(transaction)) {
      update = null;
    } else {
      return;
    }
    doc.off('update', hear);
    held = { update, transaction };
  };

  // Put back before the next transaction's observers (one an observer started) and
  // after the last one, so subscribers still hear updates in the order they happened.
  const release = () => {
    if (!held) return;
    const { update, transaction } = held;
    held = null;
    doc.on('update', hear);
    if (update && changedDocument(transaction)) hear(update, transaction.origin, doc, transaction);
  };

  doc.on('update', hear);
  doc.on('afterTransactionCleanup', holdBack);
  doc.on('beforeObserverCalls', release);
  doc.on('afterAllTransactions', release);

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    applying(update, origin, apply) {
      expected = { update, origin };
      try {
        return apply();
      } finally {
        expected = null;
        release();
      }
    },
    destroy() {
      release();
      listeners.clear();
      doc.off('update', hear);
      doc.off('afterTransactionCleanup', holdBack);
      doc.off('beforeObserverCalls', release);
      doc.off('afterAllTransactions', release);
    },
  };
}
