/**
 * Apply an update to a room's document and say what it did. Yjs decodes an
 * update as it applies it, and the document's afterTransaction hands over
 * each transaction that applied it: classified there, once, the update is
 * never decoded a second time to learn what it touched. The room observes
 * this way whatever it applies: a client's update (admission.ts), a change
 * made on the server's side, rows read from the store.
 */
import * as Y from 'yjs';
import { classifyTransaction, mergeChanges, type ArticleChanges } from '../../shared/article/changes';
import { wroteAnything } from '../../shared/article/transaction-values';

/** What one update did, seen from the transaction(s) that applied it. */
export interface Observed {
  changes: ArticleChanges;
  wrote: boolean;
  /** Each client whose clock the update moved, and where it moved it to. */
  clients: number[];
}

export class UpdateObserver {
  /** The origin being applied now, and what its transactions did (see `observe`). */
  private observing: unknown = null;
  private observed: Observed | null = null;

  /** For the document's afterTransaction: every document the room builds calls it. */
  readonly observe = (transaction: Y.Transaction): void => {
    if (this.observing === null || transaction.origin !== this.observing) return;
    const changes = classifyTransaction(transaction);
    const clients: number[] = [];
    for (const [client, clock] of transaction.afterState) if ((transaction.beforeState.get(client) ?? 0) !== clock) clients.push(client);
    const wrote = wroteAnything(transaction);
    const before = this.observed;
    this.observed = before
      ? { changes: mergeChanges(before.changes, changes), wrote: before.wrote || wrote, clients: [...new Set([...before.clients, ...clients])] }
      : { changes, wrote, clients };
  };

  /** Apply an update (or run a change) on `doc` as `origin`, and say what its transactions did (null: none ran). */
  apply(doc: Y.Doc, update: Uint8Array | ((doc: Y.Doc) => void), origin: unknown): Observed | null {
    this.observing = origin;
    this.observed = null;
    try {
      if (typeof update === 'function') doc.transact(() => update(doc), origin);
      else Y.applyUpdate(doc, update, origin);
    } finally {
      this.observing = null;
    }
    const observed = this.observed;
    this.observed = null;
    return observed;
  }
}
