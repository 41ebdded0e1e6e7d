/**
 * Reading what one Yjs transaction itself wrote, as opposed to what the
 * merged document now shows: the server judges a sender by its own writes,
 * and a concurrent write by someone else must never count against it.
 */
import * as Y from 'yjs';
import { touchedKeyEntry } from './transaction-keys';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types are parameterised by their event type
export type AnyType = Y.AbstractType<any>;

/**
 * The item holding `type` (null for a root). Yjs's public API reaches it
 * through a relative position, which names its type by the id of the type's
 * item; at index 0 associated to the left it reads nothing of the content.
 */
function itemOf(type: AnyType): Y.Item | null {
  const position = Y.createRelativePositionFromTypeIndex(type, 0, -1);
  return position.type === null ? null : (Y.getItem(type.doc!.store, position.type) as Y.Item);
}

/**
 * Paths by type. A type never moves (its item, the item's parent and key are
 * fixed when it is integrated), so its path never changes; the server asks
 * for the same few paths (the paragraph being typed in) at every keystroke.
 */
const paths = new WeakMap<AnyType, readonly (string | null)[]>();

/** The chain of keys from the root to `type`: ['segments', id, 'target'] for a target fragment (null for an array entry). */
export function pathOf(type: AnyType): readonly (string | null)[] {
  let path = paths.get(type);
  if (path) return path;
  const item = itemOf(type);
  path = item === null ? [Y.findRootTypeKey(type)] : [...pathOf(item.parent as AnyType), item.parentSub];
  paths.set(type, path);
  return path;
}

/** Was this item (or the type it holds) created by the transaction? */
export function isNew(transaction: Y.Transaction, item: Y.Item): boolean {
  return item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0);
}

/** Was `type` created by the transaction (so its whole content counts as written by it)? */
export function isNewType(transaction: Y.Transaction, type: AnyType): boolean {
  const item = itemOf(type);
  return item !== null && isNew(transaction, item);
}

/** The items this transaction wrote to `key` of `map`, newest first. */
function writtenItems(transaction: Y.Transaction, map: Y.Map<unknown>, key: string): Y.Item[] {
  const items: Y.Item[] = [];
  for (let item = touchedKeyEntry(transaction, map, key); item !== null; item = item.left) if (isNew(transaction, item)) items.push(item);
  return items;
}

/**
 * The values this transaction wrote to `key` of `map`. Not `map.get(key)`:
 * when two clients set a key concurrently, the map shows whichever wins.
 */
export function writtenValues(transaction: Y.Transaction, map: Y.Map<unknown>, key: string): unknown[] {
  return writtenItems(transaction, map, key).flatMap((item) => item.content.getContent());
}

/** Did the transaction delete a value of `key` that existed before it (a deletion, or an overwrite)? */
export function removedExisting(transaction: Y.Transaction, map: Y.Map<unknown>, key: string): boolean {
  for (let item = touchedKeyEntry(transaction, map, key); item !== null; item = item.left) {
    if (!isNew(transaction, item) && Y.isDeleted(transaction.deleteSet, item.id)) return true;
  }
  return false;
}

const NOTHING = Symbol('nothing');

/**
 * For each write to `key` (oldest first): the value written, and the value
 * the writer replaced as it saw it: the entry its write was made on top of
 * (a map item's `origin`). That entry's content is still readable in
 * `afterTransaction` unless an earlier transaction already overwrote and
 * garbage-collected it (the writer had not seen a concurrent change); then the
 * value this transaction displaced stands in. `undefined` when the key had no
 * value for the writer.
 */
export function writesWithReplaced(transaction: Y.Transaction, map: Y.Map<unknown>, key: string): { value: unknown; replaced: unknown }[] {
  const store = transaction.doc.store;
  const displaced = (): unknown => {
    for (let item = touchedKeyEntry(transaction, map, key); item !== null; item = item.left) {
      if (!isNew(transaction, item) && (Y.isDeleted(transaction.deleteSet, item.id) || !item.deleted)) return item.content.getContent()[0];
    }
    return undefined;
  };
  return writtenItems(transaction, map, key)
    .reverse()
    .map((item) => {
      let replaced: unknown = NOTHING;
      if (item.origin === null) replaced = undefined;
      else {
        const origin = Y.getItem(store, item.origin);
        if (origin instanceof Y.Item) {
          const content = origin.content.getContent();
          if (content.length > 0) replaced = content[content.length - 1];
        }
      }
      return { value: item.content.getContent()[0], replaced: replaced === NOTHING ? displaced() : replaced };
    });
}

/** Did the transaction write anything: new items, or deletions? (A transaction can run and change nothing.) */
export function wroteAnything(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true;
  const { beforeState, afterState } = transaction;
  if (beforeState.size !== afterState.size) return true;
  for (const [client, clock] of afterState) if (beforeState.get(client) !== clock) return true;
  return false;
}
