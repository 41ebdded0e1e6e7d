/**
 * Changes from the server reach the document's `update` listeners as the bytes
 * that arrived, not re-encoded.
 *
 * Yjs encodes every transaction again for its `update` listeners. For a change
 * from the server that work is wasted: the message already carries the update,
 * and the only listener that wants it (the IndexedDB copy) can store it as it
 * came. Re-encoding is about a sixth of applying an update: 140 ms of the 0.9 s
 * a first visit of a 2,000-segment article spends on the server's answer, and a
 * share of every colleague's keystroke (`npm run bench:editor -- --profile`).
 *
 * Yjs has no switch for this; it encodes when the document has any `update`
 * listener. So for the server's transaction the listeners are set aside just
 * before Yjs would encode (`afterTransactionCleanup`), and given the arrived
 * bytes once the transaction is done. This reaches into lib0's Observable,
 * which keeps listeners in `_observers` (a Map of Sets), as the providers'
 * wiring here already reaches into theirs. A listener removed while set aside
 * (inside an observer of the server's change) would come back; nothing here
 * does that.
 */
import type * as Y from 'yjs';

type UpdateListener = (update: Uint8Array, origin: unknown, doc: Y.Doc, transaction: Y.Transaction) => void;

interface Held {
  listeners: Set<UpdateListener>;
  update: Uint8Array;
  transaction: Y.Transaction;
}

export interface ArrivedUpdates {
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

export function arrivedUpdates(doc: Y.Doc): ArrivedUpdates {
  let expected: { update: Uint8Array; origin: unknown } | null = null;
  let held: Held | null = null;

  const holdListeners = (transaction: Y.Transaction) => {
    if (!expected || transaction.origin !== expected.origin) return;
    const { update } = expected;
    expected = null; // one update, one transaction: what follows is Yjs's to encode
    const listeners = listenersOf(doc).get('update');
    if (!listeners) return;
    listenersOf(doc).delete('update');
    held = { listeners, update, transaction };
  };

  // Released before the next transaction's observers (one an observer started) and
  // after the last one, so listeners still see updates in the order they happened.
  const release = () => {
    if (!held) return;
    const { listeners, update, transaction } = held;
    held = null;
    // One an observer subscribed meanwhile hears this transaction too, as with Yjs's own emit.
    const subscribedMeanwhile = listenersOf(doc).get('update');
    const all = subscribedMeanwhile ? new Set([...listeners, ...subscribedMeanwhile]) : listeners;
    listenersOf(doc).set('update', all);
    if (!changedDocument(transaction)) return;
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
