/**
 * The bytes the document's `update` listeners receive, without Yjs encoding
 * them again where that is wasted work:
 *
 * - a change from the server reaches them as the bytes that arrived: the
 *   message carries the update, and the only listener that wants it (the
 *   IndexedDB copy) stores it as it came;
 * - a transaction no listener wants the bytes of (`unwanted`: the local copy
 *   read on opening, before the server has asked for it) reaches none.
 *
 * Encoding is about a sixth of applying an update: for a 2,000-segment
 * article, 140 ms of the 0.9 s a first visit spends on the server's answer,
 * 150 ms of a reload's reading of the local copy, and a share of every
 * colleague's keystroke (`npm run bench:editor -- --profile`).
 *
 * Yjs has no switch for this; it encodes whenever the document has an
 * `update` listener. So for those transactions the listeners are set aside
 * just before Yjs would encode (`afterTransactionCleanup`), and put back (and
 * given the arrived bytes) once the transaction is done. This reaches into
 * lib0's Observable, which keeps listeners in `_observers` (a Map of Sets), as
 * the providers' wiring here already reaches into theirs. Listeners that only
 * need to know the document changed use `afterTransaction` instead. A listener
 * removed while set aside (inside an observer of such a change) would come
 * back; nothing here does that.
 */
import type * as Y from 'yjs';

type UpdateListener = (update: Uint8Array, origin: unknown, doc: Y.Doc, transaction: Y.Transaction) => void;

interface Held {
  listeners: Set<UpdateListener>;
  /** What they get: the arrived bytes, or nothing. */
  update: Uint8Array | null;
  transaction: Y.Transaction;
}

export interface UpdateBytes {
  /**
   * Run `apply`, which applies `update` to the document in one transaction
   * with `origin`; the `update` listeners receive `update` itself for it.
   */
  applying<T>(update: Uint8Array, origin: unknown, apply: () => T): T;
  destroy(): void;
}

function listenersOf(doc: Y.Doc): Map<string, Set<UpdateListener>> {
  return (doc as unknown as { _observers: Map<string, Set<UpdateListener>> })._observers;
}

/** Whether the transaction changed the document (Yjs emits `update` only then). */
function changedDocument(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of transaction.afterState) {
    if (transaction.beforeState.get(client) !== clock) return true;
  }
  return false;
}

export function updateBytes(doc: Y.Doc, unwanted: (transaction: Y.Transaction) => boolean = () => false): UpdateBytes {
  let expected: { update: Uint8Array; origin: unknown } | null = null;
  let held: Held | null = null;

  const holdListeners = (transaction: Y.Transaction) => {
    let update: Uint8Array | null;
    if (expected && transaction.origin === expected.origin) {
      update = expected.update;
      expected = null; // one update, one transaction: what follows is Yjs's to encode
    } else if (unwanted(transaction)) {
      update = null;
    } else {
      return;
    }
    const listeners = listenersOf(doc).get('update');
    if (!listeners) return;
    listenersOf(doc).delete('update');
    held = { listeners, update, transaction };
  };

  // Put back before the next transaction's observers (one an observer started) and
  // after the last one, so listeners still hear updates in the order they happened.
  const release = () => {
    if (!held) return;
    const { listeners, update, transaction } = held;
    held = null;
    // One an observer subscribed meanwhile hears this transaction too, as with Yjs's own emit.
    const subscribedMeanwhile = listenersOf(doc).get('update');
    const all = subscribedMeanwhile ? new Set([...listeners, ...subscribedMeanwhile]) : listeners;
    listenersOf(doc).set('update', all);
    if (!update || !changedDocument(transaction)) return;
    for (const listener of [...all]) listener(update, transaction.origin, doc, transaction);
  };

  doc.on('afterTransactionCleanup', holdListeners);
  doc.on('beforeObserverCalls', release);
  doc.on('afterAllTransactions', release);

  return {
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
      doc.off('afterTransactionCleanup', holdListeners);
      doc.off('beforeObserverCalls', release);
      doc.off('afterAllTransactions', release);
    },
  };
}
