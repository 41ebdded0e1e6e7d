/**
 * An update whose text does not fit the editor's schema (a forged client, or a
 * buggy one) is refused like a forbidden change: not stored, not relayed, and
 * the room's copy stays what the store holds.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { segmentIds, sideFragment } from '../../shared/article/article';
import { DENIED } from '../../shared/protocol/collab';
import { loadArticleDoc } from '../articles/article-service';
import { ProtocolClient, waitFor } from '../testing/protocol-client';
import { startTestServer, type TestServer } from '../testing/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const targetXml = (doc: Y.Doc, index: number) => sideFragment(doc, segmentIds(doc)[index]!, 'target').toJSON();

describe('content that does not fit the schema', () => {
  test('a translator writing an unknown node into a target is refused, and nobody else sees it', async () => {
    const id = server.importArticle('One.\n\nTwo.\n');
    const forger = new ProtocolClient({ baseUrl: server.baseUrl, articleId: id, token: server.accounts.translator.token });
    const observer = new ProtocolClient({ baseUrl: server.baseUrl, articleId: id, token: server.accounts.admin.token });
    const honest = new ProtocolClient({ baseUrl: server.baseUrl, articleId: id, token: server.accounts.translator.token });
    try {
      await waitFor(() => forger.synced && observer.synced && honest.synced);
      const before = targetXml(observer.doc, 0);
      sideFragment(forger.doc, segmentIds(forger.doc)[0]!, 'target').insert(0, [new Y.XmlElement('script')]);
      await waitFor(() => forger.denials.length > 0, 10_000, 'the refusal');
      expect(forger.denials[0]).toContain(DENIED.INVALID_CONTENT);
      expect(forger.denials[0]).toContain('does not fit');
      expect(targetXml(loadArticleDoc(server.running.store, id), 0)).toBe(before);

      // The room goes on: a valid edit from a fresh client reaches the observer, and the refused node never does.
      const text = (sideFragment(honest.doc, segmentIds(honest.doc)[1]!, 'target').get(0) as Y.XmlElement).get(0) as Y.XmlText;
      text.insert(0, 'Still ');
      await waitFor(() => targetXml(observer.doc, 1).includes('Still Two.'), 10_000, 'the valid edit');
      expect(targetXml(observer.doc, 0)).toBe(before);
    } finally {
      forger.destroy();
      honest.destroy();
      observer.destroy();
    }
  });

  test('a translator linking text to a javascript: address is refused; an https link is accepted', async () => {
    const id = server.importArticle('One.\n\nTwo.\n');
    const translator = new ProtocolClient({ baseUrl: server.baseUrl, articleId: id, token: server.accounts.translator.token });
    const observer = new ProtocolClient({ baseUrl: server.baseUrl, articleId: id, token: server.accounts.admin.token });
    const honest = new ProtocolClient({ baseUrl: server.baseUrl, articleId: id, token: server.accounts.translator.token });
    const textOf = (doc: Y.Doc, index: number) => (sideFragment(doc, segmentIds(doc)[index]!, 'target').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    try {
      await waitFor(() => translator.synced && observer.synced && honest.synced);
      const before = targetXml(observer.doc, 0);
      // As y-prosemirror stores a link mark: a text attribute named after the mark.
      textOf(translator.doc, 0).format(0, 3, { link: { href: 'javascript:alert(document.cookie)', title: null } });
      await waitFor(() => translator.denials.length > 0, 10_000, 'the refusal');
      expect(translator.denials[0]).toContain(DENIED.INVALID_CONTENT);
      expect(translator.denials[0]).toContain('refused address');
      expect(targetXml(loadArticleDoc(server.running.store, id), 0)).toBe(before);

      // (The refused client's later updates would build on what was refused: a colleague links instead.)
      textOf(honest.doc, 1).format(0, 3, { link: { href: 'https://example.org/two', title: null } });
      await waitFor(() => targetXml(observer.doc, 1).includes('https://example.org/two'), 10_000, 'the https link');
      expect(targetXml(observer.doc, 0)).toBe(before);
      expect(honest.denials).toEqual([]);
    } finally {
      translator.destroy();
      honest.destroy();
      observer.destroy();
    }
  });
});
