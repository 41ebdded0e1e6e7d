/**
 * A translator keeps working while the server is out of reach: edits go on,
 * the page says they are kept on this device, a reload still shows them (and
 * what a colleague did before the outage), and
 * when the server is back everything merges with what a colleague did
 * meanwhile. Nothing typed is lost.
 */
import type { Browser, Page } from 'playwright-core';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import { MESSAGE } from '../shared/protocol/collab';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../server/main';
import type { TestServer } from '../server/testing/test-server';
import { ProtocolClient } from '../server/testing/protocol-client';
import { readArticle, segmentIds } from '../shared/article/article';
import { targetXmlText } from '../shared/testing/target-text';
import { launchBrowser, newUser } from './support/browser';
import { addAccount, PASSWORD, seedArticle, startDuet } from './support/duet';
import { EditorPage } from './support/editor-page';
import { eventually } from './support/pages';

describe('offline editing', () => {
  let browser: Browser;
  let server: TestServer;
  let restarted: RunningServer | null = null;
  let articleId: string;

  beforeAll(async () => {
    server = await startDuet();
    await addAccount(server, 'bob', 'translator');
    articleId = seedArticle(server, { title: 'Offline', sourceTitle: '离线', statuses: ['untranslated', 'untranslated', 'untranslated'] });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await restarted?.close();
    await server?.close();
  });

  // First: the next story stops the server.
  test('reopening an article on the same device downloads only what changed meanwhile', async () => {
    const reopened = seedArticle(server, { title: 'Reopened', sourceTitle: '再次打开', statuses: Array.from({ length: 30 }, () => 'translated' as const) });
    const alice = await newUser(browser, server.baseUrl);
    const firstVisit = framesOf(alice.page);
    await EditorPage.open(alice.page, reopened, 'translator', PASSWORD);
    const articleBytes = Math.max(...firstVisit.received);
    expect(articleBytes).toBeGreaterThan(3000); // the whole article came with the first visit
    // The device keeps its copy.
    await eventually(() => storedBytes(alice.page, reopened)).toBeGreaterThanOrEqual(articleBytes - 16);
    await alice.page.close();

    // While the translator is away, a colleague changes one segment.
    const bob = new ProtocolClient({ baseUrl: server.baseUrl, articleId: reopened, token: server.accounts.admin.token });
    try {
      await eventually(() => bob.synced).toBe(true);
      const first = segmentIds(bob.doc)[0]!;
      targetXmlText(bob.doc, first).insert(0, 'Revised. ');
      await eventually(() => bob.allSaved).toBe(true);
    } finally {
      bob.destroy();
    }

    const page = await alice.context.newPage();
    const secondVisit = framesOf(page);
    await page.goto(`/articles/${reopened}`);
    const again = new EditorPage(page);
    await again.connection.and(page.locator('[data-state="connected"]')).waitFor();
    await eventually(() => again.targetText(0)).toBe('Revised. Paragraph 1: AI is changing translation.');
    expect(await again.targetText(3)).toBe('Paragraph 4: AI is changing translation.');
    // Only the change came down, and the copy was not sent back up.
    expect(Math.max(...secondVisit.received)).toBeLessThan(articleBytes / 4);
    expect(Math.max(0, ...secondVisit.sent)).toBeLessThan(articleBytes / 4);
    expect(alice.pageErrors).toEqual([]);
  });

  test('a first visit sends nothing of the article back to the server', async () => {
    const article = seedArticle(server, { title: 'Visited', sourceTitle: '初访', statuses: Array.from({ length: 12 }, () => 'translated' as const) });
    // A colleague's deletions: Yjs cannot tell which ones a peer knows, so a full answer would carry them all.
    const bob = new ProtocolClient({ baseUrl: server.baseUrl, articleId: article, token: server.accounts.admin.token });
    try {
      await eventually(() => bob.synced).toBe(true);
      for (const id of segmentIds(bob.doc)) targetXmlText(bob.doc, id).delete(0, 'Paragraph '.length);
      await eventually(() => bob.allSaved).toBe(true);
    } finally {
      bob.destroy();
    }

    const { page, pageErrors } = await newUser(browser, server.baseUrl);
    const frames = framesOf(page);
    const editor = await EditorPage.open(page, article, 'translator', PASSWORD);
    await eventually(() => editor.targetText(0)).toBe('1: AI is changing translation.');
    // The server's step 1 is answered with an empty update. A room nobody had open sends its step 1 once
    // it has built its document, which can be after the page is connected: wait for the answer.
    await editor.connection.and(page.locator('[data-state="connected"]')).waitFor();
    await eventually(() => sentUpdates(frames.sentPayloads).length).toBeGreaterThan(0);
    for (const update of sentUpdates(frames.sentPayloads)) {
      expect(update.structs).toEqual([]);
      expect(update.ds.clients.size).toBe(0);
    }

    // What the translator then types goes up as usual.
    await editor.typeInTarget(0, 'Now ');
    await eventually(() => editor.isSaved()).toBe(true);
    expect(sentUpdates(frames.sentPayloads).some((update) => update.structs.length > 0)).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  test('after Duet is updated, the device keeps the new version of the app and drops the old one', async () => {
    const alice = await newUser(browser, server.baseUrl);
    const editor = await EditorPage.open(alice.page, articleId, 'translator', PASSWORD);
    // The service worker is registered once the page has opened, and takes it over.
    await eventually(() => alice.page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    // The whole app is kept, the parts this page has not loaded (the publish page) too.
    const current = await alice.page.evaluate(async () => {
      const manifest = (await (await fetch('/.vite/manifest.json')).json()) as Record<string, { file: string; css?: string[] }>;
      return [...new Set(Object.values(manifest).flatMap((chunk) => [chunk.file, ...(chunk.css ?? [])]))].map((file) => `/${file}`);
    });
    expect(current.filter((path) => path.includes('PublishPage'))).not.toEqual([]);
    await eventually(() => cachedPaths(alice.page)).toEqual(expect.arrayContaining(['/', ...current]));

    // As the device would hold it had the previous version of Duet been its last visit.
    await alice.page.evaluate(async () => {
      const cache = await caches.open((await caches.keys())[0]!);
      await cache.put('/assets/index-0ldVersn.js', new Response('// the previous version', { headers: { 'content-type': 'text/javascript' } }));
      await cache.put('/', new Response('<script type="module" src="/assets/index-0ldVersn.js"></script>', { headers: { 'content-type': 'text/html' } }));
    });
    expect(await cachedPaths(alice.page)).toContain('/assets/index-0ldVersn.js');

    await alice.page.reload();
    await eventually(() => editor.connection.getAttribute('data-state')).toBe('connected');
    await eventually(() => cachedPaths(alice.page)).not.toContain('/assets/index-0ldVersn.js');
    expect(await cachedPaths(alice.page)).toEqual(expect.arrayContaining(['/', ...current]));
    expect(alice.pageErrors).toEqual([]);
    await alice.context.close();
  });

  test('edits made while the server is down survive a reload and merge when it returns', async () => {
    const alice = await newUser(browser, server.baseUrl);
    const editor = await EditorPage.open(alice.page, articleId, 'translator', PASSWORD);
    await editor.typeInTarget(0, 'Typed online.');
    await eventually(() => editor.isSaved()).toBe(true);
    // The app is kept for offline use once its service worker controls the page.
    await alice.page.reload();
    await eventually(() => alice.page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    await eventually(() => editor.connection.getAttribute('data-state')).toBe('connected');

    // A colleague's change arrives while the server is up: the device keeps it too.
    const carol = new ProtocolClient({ baseUrl: server.baseUrl, articleId, token: server.accounts.admin.token });
    try {
      await eventually(() => carol.synced).toBe(true);
      const first = segmentIds(carol.doc)[0]!;
      const text = targetXmlText(carol.doc, first);
      text.insert(text.length, ' Checked.');
      await eventually(() => editor.targetText(0)).toBe('Typed online. Checked.');
    } finally {
      carol.destroy();
    }

    const port = server.running.port;
    await server.running.close();
    await eventually(() => editor.connection.getAttribute('data-state')).toBe('offline');

    await editor.typeInTarget(1, 'Typed offline.');
    expect(await editor.isSaved()).toBe(false);
    expect(await editor.saved.textContent()).toMatch(/Saved on this device/);

    // A reload with the server still down: the app and the offline edit come back.
    await alice.page.reload();
    await eventually(() => editor.targetText(1)).toBe('Typed offline.');
    expect(await editor.targetText(0)).toBe('Typed online. Checked.');
    await editor.typeInTarget(2, 'Typed after the offline reload.');

    // Meanwhile, Bob's edit reaches the server once it is back.
    restarted = await startServer({ dataDir: server.dataDir, port, log: () => {} });
    const bob = new ProtocolClient({ baseUrl: server.baseUrl, articleId, token: server.accounts.admin.token });
    try {
      await eventually(() => bob.synced).toBe(true);
      const first = segmentIds(bob.doc)[0]!;
      targetXmlText(bob.doc, first).insert(0, 'Bob: ');

      await eventually(() => editor.connection.getAttribute('data-state')).toBe('connected');
      await eventually(() => editor.isSaved()).toBe(true);
      await eventually(() => editor.targetText(0)).toBe('Bob: Typed online. Checked.');
      await eventually(() => readArticle(bob.doc).segments.map((segment) => segment.target.textContent)).toEqual([
        'Bob: Typed online. Checked.',
        'Typed offline.',
        'Typed after the offline reload.',
      ]);
    } finally {
      bob.destroy();
    }
    expect(alice.pageErrors).toEqual([]);
  });
});

/** Sizes of the websocket frames a page receives and sends from now on, and the sent ones' bytes. */
function framesOf(page: Page): { received: number[]; sent: number[]; sentPayloads: Uint8Array[] } {
  const frames = { received: [] as number[], sent: [] as number[], sentPayloads: [] as Uint8Array[] };
  page.on('websocket', (socket) => {
    socket.on('framereceived', ({ payload }) => void frames.received.push(payload.length));
    socket.on('framesent', ({ payload }) => {
      frames.sent.push(payload.length);
      if (typeof payload !== 'string') frames.sentPayloads.push(new Uint8Array(payload));
    });
  });
  return frames;
}

/** The Yjs updates in the sync messages (step 2 or update) among `payloads`. */
function sentUpdates(payloads: Uint8Array[]): ReturnType<typeof Y.decodeUpdate>[] {
  const updates: ReturnType<typeof Y.decodeUpdate>[] = [];
  for (const payload of payloads) {
    const decoder = decoding.createDecoder(payload);
    if (decoding.readVarUint(decoder) !== MESSAGE.SYNC) continue;
    const type = decoding.readVarUint(decoder);
    if (type === messageYjsSyncStep2 || type === messageYjsUpdate) updates.push(Y.decodeUpdate(decoding.readVarUint8Array(decoder)));
  }
  return updates;
}

/** Bytes in the page's IndexedDB copy of the article. */
function storedBytes(page: Page, articleId: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('updates')) {
            db.close();
            return resolve(0);
          }
          const all = db.transaction('updates').objectStore('updates').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            db.close();
            resolve((all.result as Uint8Array[]).reduce((sum, update) => sum + update.byteLength, 0));
          };
        };
      }),
    `duet-article-${articleId}`,
  );
}

/** The paths of everything the page's service worker keeps (sorted). */
function cachedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) paths.push(new URL(request.url).pathname);
    }
    return paths.sort();
  });
}
