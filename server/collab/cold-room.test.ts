/**
 * Opening an article nobody has open: the server answers the first sync
 * request from the stored bytes and builds its own document afterwards
 * (room.ts). Whatever the order, every client must end up with exactly what
 * the store holds, and what they send must be judged and stored as ever.
 * Real server, real SQLite folder, y-websocket providers and raw ws clients.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { readArticle } from '../../shared/article/article';
import { targetXmlText } from '../../shared/testing/target-text';
import { articleToMarkdown } from '../../shared/markdown/article-markdown';
import { MESSAGE } from '../../shared/protocol/collab';
import type { Role } from '../../shared/protocol/roles';
import { ProtocolClient, rawSocket, waitFor } from '../testing/protocol-client';
import { startTestServer, type TestServer } from '../testing/test-server';
import { exportArticle, loadArticleDoc } from '../articles/article-service';
import { openDataFolder } from '../store/data-dir';

const ARTICLE = '---\ntitle: "Cold"\n---\n\nFirst paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n';
let server: TestServer;
const clients: ProtocolClient[] = [];
afterEach(() => clients.splice(0).forEach((client) => client.destroy()));

beforeAll(async () => {
  server = await startTestServer({ limits: { compactAfterUpdates: 1000 } });
});
afterAll(() => server.close());

function client(role: Role, articleId: string, doc?: Y.Doc): ProtocolClient {
  const created = new ProtocolClient({ baseUrl: server.baseUrl, articleId, token: server.accounts[role].token, ...(doc ? { doc } : {}) });
  clients.push(created);
  return created;
}

/** Work with the stored article directly (the room must not be loaded meanwhile). */
function withStore<T>(work: (folder: ReturnType<typeof openDataFolder>) => T): T {
  const folder = openDataFolder(server.dataDir);
  try {
    return work(folder);
  } finally {
    folder.close();
  }
}

const storedMarkdown = (articleId: string) => withStore((folder) => exportArticle(folder.articles, articleId));
const markdownOf = (doc: Y.Doc) => articleToMarkdown(readArticle(doc));

/** Append an edit of segment `index`'s target to the stored log, as if typed in an earlier session. */
function storeEdit(articleId: string, index: number, text: string): void {
  withStore((folder) => {
    const doc = loadArticleDoc(folder.articles, articleId);
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const id = readArticle(doc).segments[index]!.id;
    targetXmlText(doc, id).insert(0, text);
    for (const update of updates) folder.articles.append(articleId, update);
  });
}

const targetText = (doc: Y.Doc, index: number) => readArticle(doc).segments[index]?.target.textContent ?? '';

describe('opening an article nobody has open', () => {
  test('the first person gets everything the stored log holds, and what they type next is stored', async () => {
    const articleId = server.importArticle(ARTICLE);
    // A log of several updates, not one snapshot: earlier sessions' edits.
    storeEdit(articleId, 0, 'One. ');
    storeEdit(articleId, 1, 'Two. ');
    storeEdit(articleId, 0, 'Zero. ');
    expect(withStore((folder) => folder.articles.load(articleId)!.length)).toBeGreaterThan(1);
    expect(server.running.collab.loadedRooms).toBe(0);

    const alice = client('translator', articleId);
    await waitFor(() => alice.synced, 10_000, 'alice to sync');
    expect(targetText(alice.doc, 0)).toBe('Zero. One. First paragraph.');
    expect(targetText(alice.doc, 1)).toBe('Two. Second paragraph.');
    expect(markdownOf(alice.doc)).toBe(storedMarkdown(articleId));

    alice.doc.transact(() => targetXmlText(alice.doc, readArticle(alice.doc).segments[2]!.id).insert(0, 'Three. '));
    await waitFor(() => alice.allSaved, 10_000, 'the edit to be saved');
    expect(storedMarkdown(articleId)).toContain('Three. Third paragraph.');
  });

  test('someone who has part of it (a reload) gets what they lack; their offline edit is judged and stored', async () => {
    const articleId = server.importArticle(ARTICLE);
    // The copy a browser kept: the article before someone else's later edit…
    const kept = withStore((folder) => Y.encodeStateAsUpdate(loadArticleDoc(folder.articles, articleId)));
    storeEdit(articleId, 1, 'Later. ');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, kept);
    // …plus something typed offline.
    targetXmlText(doc, readArticle(doc).segments[0]!.id).insert(0, 'Offline. ');

    const bob = client('translator', articleId, doc);
    await waitFor(() => bob.synced && bob.allSaved, 10_000, 'bob to sync and his offline edit to be saved');
    expect(targetText(bob.doc, 1)).toBe('Later. Second paragraph.');
    expect(storedMarkdown(articleId)).toContain('Offline. First paragraph.');
    expect(markdownOf(bob.doc)).toBe(storedMarkdown(articleId));
  });

  test('a reviewer’s text edit sent before the room has built its document is still refused and not stored', async () => {
    const articleId = server.importArticle(ARTICLE);
    const before = storedMarkdown(articleId);
    const doc = new Y.Doc();
    Y.applyUpdate(
      doc,
      withStore((folder) => Y.encodeStateAsUpdate(loadArticleDoc(folder.articles, articleId))),
    );
    targetXmlText(doc, readArticle(doc).segments[0]!.id).insert(0, 'Reviewer wrote this. ');
    const reviewer = client('reviewer', articleId, doc);
    await waitFor(() => reviewer.denials.length > 0, 10_000, 'the refusal');
    expect(storedMarkdown(articleId)).toBe(before);
  });

  test('a client that never asks still hears the server’s state (its sync step 1)', async () => {
    const articleId = server.importArticle(ARTICLE);
    const ws = await rawSocket(server, articleId, 'viewer');
    const step1 = await new Promise<Uint8Array>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no sync step 1 from the server')), 5000);
      ws.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data));
        if (decoding.readVarUint(decoder) !== MESSAGE.SYNC || decoding.readVarUint(decoder) !== 0) return;
        clearTimeout(timer);
        resolve(decoding.readVarUint8Array(decoder));
      });
    });
    const stored = withStore((folder) => Y.encodeStateVector(loadArticleDoc(folder.articles, articleId)));
    expect(Y.decodeStateVector(step1)).toEqual(Y.decodeStateVector(stored));
    ws.close();
  });
});
