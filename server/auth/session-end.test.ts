/**
 * A websocket lasts no longer than the session it opened with: logging out
 * closes that session's sockets at once, and a session ended elsewhere (the
 * CLI, expiry) closes them at the next check. Through the real server, a
 * browser's cookie and the real SQLite file.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { readArticle, sideFragment } from '../../shared/article/article';
import { CLOSE } from '../../shared/protocol/collab';
import { exportArticle } from '../articles/article-service';
import { openDataFolder } from '../store/data-dir';
import { ProtocolClient, waitFor } from '../testing/protocol-client';
import { PASSWORD, startTestServer, type TestServer } from '../testing/test-server';

let server: TestServer;
const clients: ProtocolClient[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => clients.splice(0).forEach((client) => client.destroy()));
afterAll(() => server.close());

/** Sign in as a browser does; the Cookie header it would send afterwards. */
async function signIn(): Promise<string> {
  const res = await fetch(`${server.baseUrl}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-duet-csrf': '1' },
    body: JSON.stringify({ name: 'translator', password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

function browserClient(articleId: string, cookie: string): ProtocolClient {
  const client = new ProtocolClient({ baseUrl: server.baseUrl, articleId, token: '', cookie });
  clients.push(client);
  return client;
}

function typeIntoFirst(doc: Y.Doc, text: string): void {
  const id = readArticle(doc).segments[0]!.id;
  ((sideFragment(doc, id, 'target').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, text);
}

describe('a websocket ends with its session', () => {
  test('logging out closes the tab’s websockets at once, and nothing it sends after is stored', async () => {
    const id = server.importArticle('First.\n');
    const cookie = await signIn();
    const otherCookie = await signIn(); // the same person in another browser stays signed in
    const tab = browserClient(id, cookie);
    const other = browserClient(id, otherCookie);
    await waitFor(() => tab.synced && other.synced);

    const logout = await fetch(`${server.baseUrl}/api/logout`, { method: 'POST', headers: { cookie, 'x-duet-csrf': '1' } });
    expect(logout.status).toBe(200);
    await waitFor(() => tab.closes.some((close) => close.code === CLOSE.UNAUTHENTICATED), 5000, 'the logged-out socket to close');
    expect(tab.closes.find((close) => close.code === CLOSE.UNAUTHENTICATED)!.reason).toBe('you signed out');

    typeIntoFirst(tab.doc, 'After logout: ');
    typeIntoFirst(other.doc, 'Still here: ');
    await waitFor(() => other.allSaved, 5000, "the other browser's edit saved");
    expect(exportArticle(server.running.store, id)).toBe('Still here: First.\n');
    expect(other.closes).toEqual([]);
  });

  test('a session ended outside the server (deleted, or expired) closes its websockets at the next check', async () => {
    const id = server.importArticle('First.\n');
    const cookie = await signIn();
    const tab = browserClient(id, cookie);
    await waitFor(() => tab.synced);
    // What `duet` on the server's shell, or the clock, does to the sessions table.
    const folder = openDataFolder(server.dataDir);
    try {
      folder.db.prepare("UPDATE sessions SET expires_at = '2000-01-01T00:00:00.000Z'").run();
    } finally {
      folder.close();
    }
    await waitFor(() => tab.closes.some((close) => close.code === CLOSE.UNAUTHENTICATED), 5000, 'the expired socket to close');
    typeIntoFirst(tab.doc, 'Expired: ');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(exportArticle(server.running.store, id)).toBe('First.\n');
  });
});
