/**
 * What device-copy.test.ts runs inside Chromium (IndexedDB exists only
 * there): the device copy with real Yjs documents, exposed on `window`.
 */
import * as Y from 'yjs';
import { DeviceCopy } from './device-copy';
import { updateFeed } from './update-feed';
import type { BatchTiming } from './update-batch';

/** A page's document and its device copy of the article `name`. */
function open(name: string, timing: BatchTiming = 'now') {
  const doc = new Y.Doc();
  const feed = updateFeed(doc);
  const copy = new DeviceCopy(name, doc, feed, () => timing);
  return { doc, copy };
}

/** How many entries the copy's `updates` store holds. */
function entries(name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const count = db.transaction('updates').objectStore('updates').count();
      count.onsuccess = () => {
        db.close();
        resolve(count.result);
      };
    };
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

Object.assign(window, {
  /** A long offline session in one tab while another tab writes: compacted, nothing lost. */
  async longSession(name: string) {
    const first = open(name);
    await first.copy.whenRead;
    for (let i = 0; i < 520; i++) first.doc.getText('t').insert(first.doc.getText('t').length, 'x');
    const typed = await entries(name);
    const tab = open(name);
    await tab.copy.whenRead;
    const tabRead = tab.doc.getText('t').length;
    tab.doc.getText('u').insert(0, 'from the other tab');
    await sleep(1500); // compaction runs a second after the last write
    const compacted = await entries(name);
    const firstHasTab = first.doc.getText('u').toString();
    first.copy.destroy();
    tab.copy.destroy();
    const reload = open(name, 'after-frame');
    const read = await reload.copy.whenRead;
    const result = { typed, tabRead, compacted, firstHasTab, read, reloaded: [reload.doc.getText('t').length, reload.doc.getText('u').toString()] };
    reload.copy.destroy();
    return result;
  },
  /** A change made before the database is open is stored once it is. */
  async beforeOpen(name: string) {
    const early = open(name);
    early.doc.getText('t').insert(0, 'before open');
    await early.copy.whenRead;
    early.copy.destroy();
    const again = open(name);
    await again.copy.whenRead;
    return again.doc.getText('t').toString();
  },
  /** A change batched after the frame is written by `flush` (the page is being hidden). */
  async flushed(name: string) {
    const page = open(name, 'after-frame');
    await page.copy.whenRead;
    page.doc.getText('t').insert(0, 'typed');
    page.copy.flush();
    const written = await entries(name);
    page.copy.destroy();
    return written;
  },
});
