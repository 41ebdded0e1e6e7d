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

  /** Turn segment `index`'s target paragraph into `name` with `attrs`, as a forged client would write it. */
  const reshape = (name: string, attrs: Record<string, unknown>) => (doc: Y.Doc) => {
    const fragment = sideFragment(doc, segmentIds(doc)[0]!, 'target');
    const element = new Y.XmlElement(name);
    for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, value as string);
    element.insert(0, [new Y.XmlText('Injected')]);
    doc.transact(() => {
      fragment.delete(0, 1);
      fragment.insert(0, [element]);
    });
  };
  const codeWithBackticks = (doc: Y.Doc) =>
    ((sideFragment(doc, segmentIds(doc)[0]!, 'target').get(0) as Y.XmlElement).get(0) as Y.XmlText).format(0, 3, { code: { backticks: '```' } });

  test.each([
    ['a heading of level 7', reshape('heading', { level: 7 }), "heading's level"],
    ['a list item whose marker opens a heading', reshape('list_item', { ordered: false, number: null, marker: '\n# x' }), "list_item's marker"],
    ['a list item numbered with text', reshape('list_item', { ordered: true, number: 'abc', marker: '.' }), "list_item's number"],
    ['a code mark carrying backticks', codeWithBackticks, 'a code mark has no attribute "backticks"'],
  ])('a translator writing %s is refused, and every export still answers', async (_, forge, problem) => {
    const id = server.importArticle('One.\n\nTwo.\n');
    const forger = new ProtocolClient({ baseUrl: server.baseUrl, articleId: id, token: server.accounts.translator.token });
    try {
      await waitFor(() => forger.synced);
      const before = targetXml(loadArticleDoc(server.running.store, id), 0);
      forge(forger.doc);
      await waitFor(() => forger.denials.length > 0, 10_000, 'the refusal');
      expect(forger.denials[0]).toContain(DENIED.INVALID_CONTENT);
      expect(forger.denials[0]).toContain(problem);
      expect(targetXml(loadArticleDoc(server.running.store, id), 0)).toBe(before);
      for (const path of [
        `/api/articles/${id}/export`,
        `/api/articles/${id}/bilingual?format=md`,
        `/api/articles/${id}/bilingual`,
        `/api/articles/${id}/preview`,
      ]) {
        expect((await server.as('admin', path)).status, path).toBe(200);
      }
    } finally {
      forger.destroy();
    }
  });
});

describe('an article stored with an attribute out of range (before the server judged ranges)', () => {
  test('exports with the nearest valid block, in every format', async () => {
    const id = server.importArticle('One.\n\nTwo.\n');
    // Written to the log directly, as an older server would have accepted it.
    const doc = loadArticleDoc(server.running.store, id);
    const before = Y.encodeStateVector(doc);
    reshapeStored(doc);
    server.running.store.append(id, Y.encodeStateAsUpdate(doc, before));

    const markdown = await (await server.as('admin', `/api/articles/${id}/export`)).text();
    expect(markdown).toBe('###### Injected\n\n- Two\n');
    const bilingual = await server.as('admin', `/api/articles/${id}/bilingual?format=md`);
    expect(bilingual.status).toBe(200);
    expect(await bilingual.text()).toContain('###### Injected');
    const html = await (await server.as('admin', `/api/articles/${id}/bilingual`)).text();
    expect(html).toContain('<h6>Injected</h6>');
  });
});

function reshapeStored(doc: Y.Doc) {
  const ids = segmentIds(doc);
  const replace = (index: number, name: string, attrs: Record<string, unknown>, text: string) => {
    const fragment = sideFragment(doc, ids[index]!, 'target');
    const element = new Y.XmlElement(name);
    for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, value as string);
    element.insert(0, [new Y.XmlText(text)]);
    fragment.delete(0, fragment.length);
    fragment.insert(0, [element]);
  };
  doc.transact(() => {
    replace(0, 'heading', { level: 7 }, 'Injected');
    replace(1, 'list_item', { ordered: false, number: null, marker: '\n# x' }, 'Two');
  });
}
