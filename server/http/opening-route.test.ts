/**
 * GET /api/articles/:id/opening: the first rows of an article, for the
 * editor to show while the whole document is on its way. Real server, real
 * SQLite folder, y-websocket clients for the article's room.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { createArticle, readArticle } from '../../shared/article/article';
import { newId } from '../../shared/article/ids';
import { doc, p } from '../../shared/testing/builders';
import { openingFromJson, OPENING_ROWS } from '../../shared/article/opening';
import { targetXmlText } from '../../shared/testing/target-text';
import { ProtocolClient, waitFor } from '../testing/protocol-client';
import { startTestServer, type TestServer } from '../testing/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const paragraphs = (count: number) => Array.from({ length: count }, (_, i) => `Paragraph ${i + 1}.`).join('\n\n');
const articleOf = (count: number) => server.importArticle(`---\ntitle: "Long"\n---\n\n${paragraphs(count)}\n`);

describe('the opening rows of an article', () => {
  test('are the first rows as they stand now, with the count of all and the front matter', async () => {
    const articleId = articleOf(OPENING_ROWS + 20);
    // What a translator typed a moment ago is in it: it is read from the live room, not the import.
    const alice = new ProtocolClient({ baseUrl: server.baseUrl, articleId, token: server.accounts.translator.token });
    await waitFor(() => alice.synced, 10_000, 'alice to sync');
    const first = readArticle(alice.doc).segments[0]!.id;
    alice.doc.transact(() => targetXmlText(alice.doc, first).insert(0, 'Just typed. '));
    await waitFor(() => alice.allSaved, 10_000, 'the edit to be saved');

    const response = await server.as('viewer', `/api/articles/${articleId}/opening`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const opening = openingFromJson(await response.json());
    expect(opening.total).toBe(OPENING_ROWS + 20);
    expect(opening.segments).toHaveLength(OPENING_ROWS);
    expect(opening.segments[0]!.target.textContent).toBe('Just typed. Paragraph 1.');
    expect(opening.segments[1]!.target.textContent).toBe('Paragraph 2.');
    expect(opening.frontMatter).toContainEqual({ key: 'title', value: 'Long' });
    alice.destroy();
  });

  test('of an article nobody has open are answered without loading it, until it changes', async () => {
    const articleId = articleOf(5);
    const collab = server.running.collab;
    const rooms = collab.loadedRooms;
    const first = openingFromJson(await (await server.as('translator', `/api/articles/${articleId}/opening`)).json());
    expect(first.segments.map((segment) => segment.target.textContent)).toEqual([
      'Paragraph 1.',
      'Paragraph 2.',
      'Paragraph 3.',
      'Paragraph 4.',
      'Paragraph 5.',
    ]);
    expect(collab.loadedRooms).toBe(rooms);

    // A translator edits and leaves: the next first visit sees the edit, still without loading anything.
    const alice = new ProtocolClient({ baseUrl: server.baseUrl, articleId, token: server.accounts.translator.token });
    await waitFor(() => alice.synced, 10_000, 'alice to sync');
    alice.doc.transact(() => targetXmlText(alice.doc, readArticle(alice.doc).segments[1]!.id).insert(0, 'Edited. '));
    await waitFor(() => alice.allSaved, 10_000, 'the edit to be saved');
    alice.destroy();
    await waitFor(() => collab.loadedRooms === rooms, 5000, 'the room to unload');
    const second = openingFromJson(await (await server.as('translator', `/api/articles/${articleId}/opening`)).json());
    expect(second.segments[1]!.target.textContent).toBe('Edited. Paragraph 2.');
    expect(collab.loadedRooms).toBe(rooms);
  });

  test('kept from before a later change are not served: the article is read again', async () => {
    const articleId = articleOf(3);
    const rooms = server.running.collab.loadedRooms;
    // Another process (the CLI, an older server) appends to the log without keeping an opening.
    const bob = new ProtocolClient({ baseUrl: server.baseUrl, articleId, token: server.accounts.translator.token });
    await waitFor(() => bob.synced, 10_000, 'bob to sync');
    const later = new Y.Doc();
    Y.applyUpdate(later, Y.encodeStateAsUpdate(bob.doc));
    bob.destroy();
    await waitFor(() => server.running.collab.loadedRooms === rooms, 5000, 'the room to unload');
    const before = Y.encodeStateVector(later);
    targetXmlText(later, readArticle(later).segments[0]!.id).insert(0, 'Appended elsewhere. ');
    server.running.store.append(articleId, Y.encodeStateAsUpdate(later, before));

    const opening = openingFromJson(await (await server.as('translator', `/api/articles/${articleId}/opening`)).json());
    expect(opening.segments[0]!.target.textContent).toBe('Appended elsewhere. Paragraph 1.');
  });

  test('of an article stored without them load it, and keep its room for the websocket that follows, then let it go', async () => {
    // Stored as an older Duet did: no opening kept.
    const created = new Y.Doc();
    createArticle(created, { segments: [1, 2, 3].map((n) => ({ source: doc(p(`第${n}段`)), target: doc(p(`Paragraph ${n}.`)) })) });
    const articleId = newId();
    server.running.store.create(articleId, Y.encodeStateAsUpdate(created));
    const collab = server.running.collab;
    const before = collab.loadedRooms;
    expect((await server.as('translator', `/api/articles/${articleId}/opening`)).status).toBe(200);
    expect(collab.loadedRooms).toBe(before + 1);
    const read = collab.readArticle(articleId, (doc) => doc);

    // The page's websocket joins the room the request loaded: the document is not built twice.
    const bob = new ProtocolClient({ baseUrl: server.baseUrl, articleId, token: server.accounts.translator.token });
    await waitFor(() => bob.synced, 10_000, 'bob to sync');
    expect(collab.readArticle(articleId, (doc) => doc)).toBe(read);
    expect(readArticle(bob.doc).segments).toHaveLength(3);
    bob.destroy();

    // Nobody in it and the hold over: unloaded.
    collab.readArticle(articleId, () => null, 50);
    await waitFor(() => collab.loadedRooms === before, 5000, 'the room to unload');
  });

  test('are refused without a session, and for an unknown article, without loading anything', async () => {
    const articleId = articleOf(2);
    const rooms = server.running.collab.loadedRooms;
    expect((await fetch(`${server.baseUrl}/api/articles/${articleId}/opening`)).status).toBe(401);
    const missing = await server.as('translator', '/api/articles/nope/opening');
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('not_found');
    expect(server.running.collab.loadedRooms).toBe(rooms);
  });

  test('of an empty article are none, with a count of none', async () => {
    const articleId = server.importArticle('---\ntitle: "Empty"\n---\n');
    const opening = openingFromJson(await (await server.as('translator', `/api/articles/${articleId}/opening`)).json());
    expect(opening.total).toBe(0);
    expect(opening.segments).toEqual([]);
  });
});
