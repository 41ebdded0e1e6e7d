/**
 * The article's copy on this device (IndexedDB), so work survives reloads and
 * outages: read into the document when the session opens, written with every
 * change after that.
 *
 * Duet's own rather than y-indexeddb's IndexeddbPersistence, whose public API
 * has no way to batch its writes: it writes every Yjs update in an IndexedDB
 * transaction of its own, synchronously inside the update, about 0.8 ms each
 * in Chromium, paid on every keystroke before its frame and on every remote
 * update (`npm run bench:editor -- --profile`). Here, while the server is
 * connected (it holds the work too), updates are written as one merged update
 * just after the next frame; without the server the copy is the only one, and
 * each update is written at once (an IndexedDB write issued while the page
 * unloads may never land, so nothing waits for one).
 *
 * The store is laid out as y-indexeddb lays it out (a database per article,
 * its `updates` store holding Yjs updates under increasing keys), so copies
 * written before this file existed, offline work among them, are read as
 * they are. Compaction is y-indexeddb's too: past 500 entries, and a second
 * after the last write, the entries are replaced by the whole document, after
 * reading what other tabs wrote meanwhile (compacting without that re-read
 * could delete another tab's offline work: bench/README.md).
 */
import * as Y from 'yjs';
import type { UpdateFeed } from './update-feed';
import { updateBatch, type BatchTiming } from './update-batch';

const UPDATES = 'updates';
/** y-indexeddb's store for other data; created as it does, so either can open the database. */
const CUSTOM = 'custom';
const COMPACT_AFTER_ENTRIES = 500;
const COMPACT_DELAY_MS = 1000;

export class DeviceCopy {
  /** Resolves once the copy is read into the document: true, or false when there is no IndexedDB to read (a private window, say). */
  readonly whenRead: Promise<boolean>;
  private db: IDBDatabase | null = null;
  /** Updates to write that came before the database was open; null once it is known not to open. */
  private waiting: Uint8Array[] | null = [];
  /** The highest key read into the document: entries after it were written since (by this page or another tab). */
  private readKey = 0;
  private entries = 0;
  private compactTimer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;
  private readonly batch = updateBatch((update) => this.write(update));
  private readonly unsubscribe: () => void;

  /** `timing(origin)` says when an update's write is due (see BatchTiming). */
  constructor(
    readonly name: string,
    private readonly doc: Y.Doc,
    feed: UpdateFeed,
    timing: (origin: unknown) => BatchTiming,
  ) {
    this.unsubscribe = feed.subscribe((update, origin) => {
      if (origin !== this) this.batch.add(update, timing(origin)); // what was read from the copy is in it
    });
    this.whenRead = openDatabase(name).then(
      (db) => this.read(db),
      () => {
        this.waiting = null;
        return false;
      },
    );
  }

  /** Write what is pending now. */
  flush(): void {
    this.batch.flush();
  }

  destroy(): void {
    this.flush();
    this.unsubscribe();
    this.destroyed = true;
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.db?.close(); // once the transactions already asked for are done
  }

  /** Apply every stored entry in one transaction, and write there what waited for the database. */
  private read(db: IDBDatabase): Promise<boolean> {
    if (this.destroyed) {
      db.close();
      return Promise.resolve(false);
    }
    this.db = db;
    db.onversionchange = () => db.close(); // another page deletes the database: let it
    const store = db.transaction(UPDATES, 'readwrite').objectStore(UPDATES);
    return new Promise((resolve) => {
      const written = () => {
        for (const update of this.waiting ?? []) this.add(store, update);
        this.waiting = null;
        resolve(true);
      };
      this.readNew(store, written, (error) => {
        reportError(error);
        const waited = this.waiting ?? [];
        this.waiting = null;
        for (const update of waited) this.write(update); // each in a transaction of its own, as later ones
        resolve(false);
      });
    });
  }

  /** Apply the entries after `readKey` to the document, then `done` (in the same IndexedDB transaction). */
  private readNew(store: IDBObjectStore, done: () => void, failed: (error: unknown) => void = reportError): void {
    const range = IDBKeyRange.lowerBound(this.readKey, true);
    const values = store.getAll(range);
    const keys = store.getAllKeys(range);
    values.onerror = () => failed(values.error);
    keys.onsuccess = () => {
      const updates = values.result as Uint8Array[];
      const found = keys.result as number[];
      if (found.length > 0) this.readKey = found[found.length - 1]!;
      this.entries += found.length;
      try {
        if (updates.length > 0 && !this.destroyed) Y.transact(this.doc, () => updates.forEach((update) => Y.applyUpdate(this.doc, update)), this, false);
      } catch (error) {
        reportError(error); // an observer failed: the copy is in the document all the same
      }
      done();
    };
  }

  private write(update: Uint8Array): void {
    if (this.waiting) return void this.waiting.push(update);
    if (!this.db) return; // no IndexedDB here
    try {
      this.add(this.db.transaction(UPDATES, 'readwrite').objectStore(UPDATES), update);
    } catch (error) {
      reportError(error); // the database was closed under the page (deleted from another one)
    }
  }

  private add(store: IDBObjectStore, update: Uint8Array): void {
    store.add(update);
    if (++this.entries < COMPACT_AFTER_ENTRIES) return;
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.compactTimer = setTimeout(() => this.compact(), COMPACT_DELAY_MS);
  }

  /** Replace the entries with the whole document, once what was written since the last read is in it. */
  private compact(): void {
    this.compactTimer = null;
    if (!this.db || this.destroyed) return;
    const store = this.db.transaction(UPDATES, 'readwrite').objectStore(UPDATES);
    this.readNew(store, () => {
      store.delete(IDBKeyRange.upperBound(this.readKey));
      const whole = store.add(Y.encodeStateAsUpdate(this.doc));
      whole.onsuccess = () => (this.readKey = whole.result as number);
      this.entries = 1;
    });
  }
}

function openDatabase(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(UPDATES)) db.createObjectStore(UPDATES, { autoIncrement: true });
      if (!db.objectStoreNames.contains(CUSTOM)) db.createObjectStore(CUSTOM);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function reportError(error: unknown): void {
  console.error('Device copy:', error);
}
