/**
 * Batched writes to the article's IndexedDB copy.
 *
 * y-indexeddb writes every Yjs update in an IndexedDB transaction of its own,
 * synchronously inside the update: about 0.8 ms each in Chromium, paid on
 * every keystroke before its frame and on every remote update (measured with
 * `npm run bench:editor -- --profile`). Here updates are collected and written
 * as one merged update shortly after, outside the keystroke's task, through
 * y-indexeddb's own writer (which keeps its compaction of the store).
 *
 * The delay is short, and the batch is written at once when the page is
 * hidden or closed, so a reload right after typing offline still finds it.
 */
import * as Y from 'yjs';
import type { IndexeddbPersistence } from 'y-indexeddb';

export const LOCAL_WRITE_DELAY_MS = 200;

/** Replace `local`'s per-update writer with a batched one; returns `flush`, which writes what is pending now. */
export function batchLocalWrites(local: IndexeddbPersistence, delayMs = LOCAL_WRITE_DELAY_MS): () => void {
  const write = local._storeUpdate;
  let pending: Uint8Array[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (pending.length === 0) return;
    const update = pending.length === 1 ? pending[0]! : Y.mergeUpdates(pending);
    pending = [];
    // Before the database is open y-indexeddb drops the write; opening stores the whole document then.
    write(update, null);
  };

  const collect = (update: Uint8Array, origin: unknown) => {
    if (origin === local) return; // read from the copy itself
    pending.push(update);
    timer ??= setTimeout(flush, delayMs);
  };

  // y-indexeddb's destroy() unsubscribes whatever `_storeUpdate` holds, so it removes this one.
  local.doc.off('update', write);
  local._storeUpdate = collect;
  local.doc.on('update', collect);
  return flush;
}
