/**
 * Changes the server makes on someone's behalf (an XLIFF import, an uploaded
 * image) reach everyone who has the article open, are stored like any update,
 * and leave nothing behind when they fail.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { readArticle, segmentIds, setStatus } from '../../shared/article/article';
import { loadArticleDoc } from '../articles/article-service';
import { ProtocolClient, waitFor } from '../testing/protocol-client';
import { startTestServer, type TestServer } from '../testing/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const admin = { name: 'admin', role: 'admin' as const };
// Articles imported from published Markdown start translated.
const statuses = (doc: Y.Doc) => readArticle(doc).segments.map((segment) => segment.status);

describe('CollabServer.changeArticle', () => {
  test('a change to an article nobody has open is stored, and the room is not kept', () => {
    const id = server.importArticle('One.\n\nTwo.\n');
    const changed = server.running.collab.changeArticle(id, admin, (doc, origin) => {
      setStatus(doc, segmentIds(doc)[1]!, 'approved', 'admin', origin);
    });
    expect(changed).toBe(true);
    expect(statuses(loadArticleDoc(server.running.store, id))).toEqual(['translated', 'approved']);
    expect(server.running.collab.loadedRooms).toBe(0);
  });

  test('everyone with the article open sees the change live', async () => {
    const id = server.importArticle('One.\n\nTwo.\n');
    const client = new ProtocolClient({ baseUrl: server.baseUrl, articleId: id, token: server.accounts.translator.token });
    try {
      await waitFor(() => client.synced);
      server.running.collab.changeArticle(id, admin, (doc, origin) => {
        setStatus(doc, segmentIds(doc)[0]!, 'approved', 'admin', origin);
      });
      await waitFor(() => statuses(client.doc)[0] === 'approved', 10_000, 'the change to arrive');
      expect(server.running.collab.loadedRooms).toBe(1);
    } finally {
      client.destroy();
    }
  });

  test('a change that throws half-way leaves nothing in memory or in the store', async () => {
    const id = server.importArticle('One.\n\nTwo.\n');
    const client = new ProtocolClient({ baseUrl: server.baseUrl, articleId: id, token: server.accounts.translator.token });
    try {
      await waitFor(() => client.synced);
      expect(() =>
        server.running.collab.changeArticle(id, admin, (doc, origin) => {
          setStatus(doc, segmentIds(doc)[0]!, 'approved', 'admin', origin);
          throw new Error('the import found a problem in the second unit');
        }),
      ).toThrow(/second unit/);
      expect(statuses(loadArticleDoc(server.running.store, id))).toEqual(['translated', 'translated']);
      expect(statuses(client.doc)).toEqual(['translated', 'translated']);
      // A later change still works, and the client sees only that one.
      server.running.collab.changeArticle(id, admin, (doc, origin) => setStatus(doc, segmentIds(doc)[1]!, 'draft', 'admin', origin));
      await waitFor(() => statuses(client.doc)[1] === 'draft', 10_000, 'the later change');
      expect(statuses(client.doc)).toEqual(['translated', 'draft']);
    } finally {
      client.destroy();
    }
  });

  test('an unknown article is a not_found error', () => {
    expect(() => server.running.collab.changeArticle('nope', admin, () => {})).toThrow(/no article/);
  });
});
