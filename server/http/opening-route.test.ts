/**
 * GET /api/articles/:id/opening: the first rows of an article, for the
 * editor to show while the whole document is on its way. Real server, real
 * SQLite folder, a y-websocket client for the room the request loads.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readArticle } from '../../shared/article/article';
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

  test('loading them keeps the room for the websocket that follows, then lets it go', async () => {
    const articleId = articleOf(3);
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

