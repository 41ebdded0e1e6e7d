/**
 * Batched writes to the article's IndexedDB copy.
 *
 * y-indexeddb writes every Yjs update in an IndexedDB transaction of its own,
 * synchronously inside the update: about 0.8 ms each in Chromium, paid on
 * every keystroke before its frame and on every remote update (measured with
 * `npm run bench:editor -- --profile`). While the server is connected (it
 * holds the work too), updates are collected and written as one merged update
 * just after the next frame, through y-indexeddb's own writer (which keeps its
 * compaction of the store). Without the server the copy is the only one: each
 * update is written at once, as y-indexeddb does (an IndexedDB write issued
 * while the page unloads may never land, so nothing waits for one).
 */
import type { IndexeddbPersistence } from 'y-indexeddb';
import { updateBatch } from './update-batch';

/**
 * Replace `local`'s per-update writer with a batched one; `deferrable(origin)`
 * says whether an update's write may wait (the server has it, or is connected), `fromServer(origin)`
 * whether it arrived rather than was made here (see BatchTiming). Returns `flush`, which
 * writes what is pending now.
 */
export function batchLocalWrites(local: IndexeddbPersistence, deferrable: (origin: unknown) => boolean, fromServer: (origin: unknown) => boolean): () => void {
  const write = local._storeUpdate;
  // Before the database is open y-indexeddb drops the write; opening stores the whole document then.
  const batch = updateBatch((update) => write(update, null));
  const collect = (update: Uint8Array, origin: unknown) => {
    if (origin === local) return; // read from the copy itself
    batch.add(update, !deferrable(origin) ? 'now' : fromServer(origin) ? 'background' : 'after-frame');
  };

  // y-indexeddb's destroy() unsubscribes whatever `_storeUpdate` holds, so it removes this one.
  local.doc.off('update', write);
  local._storeUpdate = collect;
  local.doc.on('update', collect);
  return batch.flush;
}
