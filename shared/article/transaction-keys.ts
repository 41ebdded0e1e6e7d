/**
 * Which map keys one Yjs transaction wrote or deleted, read from what the
 * transaction itself holds (its new structs and its delete set) through
 * Yjs's public API, never a type's private `_map`.
 *
 * A map key is a chain of items linked by their public `left`/`right`
 * pointers, oldest to newest; the newest is the key's current entry. Every
 * item the transaction wrote to a key is one of its new structs, and every
 * entry it deleted is in its delete set, so one item of either kind reaches
 * the whole chain, and a key with neither is one the transaction did not touch.
 */
import * as Y from 'yjs';

/** For each parent type (an item's `parent`), one item per key the transaction wrote or deleted. */
type KeyIndex = Map<Y.Item['parent'], Map<string, Y.Item>>;

/**
 * Built once per transaction, on the first question about its keys: the
 * server asks several per transaction (one for each changed key it judges),
 * and a transaction that only types text asks none.
 */
const indexes = new WeakMap<Y.Transaction, KeyIndex>();

function note(index: KeyIndex, struct: Y.AbstractStruct): void {
  if (!(struct instanceof Y.Item) || struct.parentSub === null) return;
  // An integrated item's parent is its type (only one still waiting for its parent holds an ID, and such an item is not in the store).
  let keys = index.get(struct.parent);
  if (!keys) index.set(struct.parent, (keys = new Map()));
  if (!keys.has(struct.parentSub)) keys.set(struct.parentSub, struct);
}

function indexOf(transaction: Y.Transaction): KeyIndex {
  const known = indexes.get(transaction);
  if (known) return known;
  const { store } = transaction.doc;
  // A transaction's afterState is filled when it ends: before that, it would look as if it wrote nothing.
  if (transaction.afterState.size === 0) {
    if (store.clients.size > 0) throw new Error('a transaction is read for what it wrote only once it has ended (afterTransaction)');
    return new Map(); // an empty document: nothing to index, and nothing to keep in case it is still running
  }
  const index: KeyIndex = new Map();
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0;
    if (after === before) continue;
    const structs = store.clients.get(client)!;
    // No struct spans `before`: everything from there on was integrated by this transaction.
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) note(index, structs[i]!);
  }
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => note(index, struct));
  indexes.set(transaction, index);
  return index;
}

/**
 * The current (newest) entry of `key` in `map` if the transaction wrote or
 * deleted any entry of that key, else null. Walk `left` from it for the rest.
 */
export function touchedKeyEntry(transaction: Y.Transaction, map: Y.Map<unknown>, key: string): Y.Item | null {
  let item = indexOf(transaction).get(map)?.get(key) ?? null;
  if (item === null) return null;
  while (item.right !== null) item = item.right;
  return item;
}
