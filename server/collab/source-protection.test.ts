/**
 * The source is read-only for translators, in every shape: whatever path an
 * update takes (a new segment, a move, an order edit, a delete), the server
 * judges the article it would make, through real websockets and the real
 * store. Split, merge and translator's notes still go through.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { insertSegmentsAt, readArticle, segmentIds } from '../../shared/article/article';
import { articleTypes } from '../../shared/article/layout';
import { insertTranslatorSegment, mergeWithNext, moveSegment, splitSegment } from '../../shared/article/structure';
import { DENIED } from '../../shared/protocol/collab';
import type { Role } from '../../shared/protocol/roles';
import { doc, p } from '../../shared/testing/builders';
import { exportArticle, importSourceArticle, loadArticleDoc } from '../articles/article-service';
import { ProtocolClient, waitFor } from '../testing/protocol-client';
import { startTestServer, type TestServer } from '../testing/test-server';

const SOURCE = '第一段有[链接](https://example.org/a)和**粗体**。\n\n第二段。\n\n第三段。\n';
/** A Chinese source of three paragraphs, imported as an admin would. */
const importSource = () => importSourceArticle(server.running.store, { bytes: new TextEncoder().encode(SOURCE), format: 'markdown', title: 'Sources' });
let server: TestServer;
const clients: ProtocolClient[] = [];
afterEach(() => clients.splice(0).forEach((client) => client.destroy()));
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

function client(role: Role, articleId: string): ProtocolClient {
  const created = new ProtocolClient({ baseUrl: server.baseUrl, articleId, token: server.accounts[role].token });
  clients.push(created);
  return created;
}

const sources = (ydoc: Y.Doc) => readArticle(ydoc).segments.map((segment) => segment.source.textContent);
const storedSources = (id: string) => sources(loadArticleDoc(server.running.store, id));
const FORGED = '伪造的句子。';

describe('a translator cannot change what the source reads', () => {
  test('adding a segment with a source outside the reading order is refused at once, so it can never be moved in', async () => {
    const id = await importSource();
    const forger = client('translator', id);
    const observer = client('admin', id);
    await waitFor(() => forger.synced && observer.synced);
    const before = storedSources(id);
    forger.doc.transact(() => {
      insertSegmentsAt(forger.doc, 0, [{ id: 'forged', source: doc(p(FORGED)), target: doc(p('Forged.')) }]);
      articleTypes(forger.doc).order.delete(0, 1);
    });
    await waitFor(() => forger.denials.length > 0, 10_000, 'the refusal');
    expect(forger.denials[0]).toContain(DENIED.FORBIDDEN_CHANGE);
    expect(forger.denials[0]).toContain('may not make a source text appear');
    expect(articleTypes(loadArticleDoc(server.running.store, id)).segments.has('forged')).toBe(false);
    expect(storedSources(id)).toEqual(before);
    expect(articleTypes(observer.doc).segments.has('forged')).toBe(false);
  });

  test('a source stored outside the order (as an older server accepted it) cannot be moved into it', async () => {
    const id = await importSource();
    const stored = loadArticleDoc(server.running.store, id);
    const vector = Y.encodeStateVector(stored);
    stored.transact(() => {
      insertSegmentsAt(stored, 0, [{ id: 'orphan', source: doc(p(FORGED)), target: doc(p('Forged.')) }]);
      articleTypes(stored).order.delete(0, 1);
    });
    server.running.store.append(id, Y.encodeStateAsUpdate(stored, vector));

    const forger = client('translator', id);
    await waitFor(() => forger.synced);
    articleTypes(forger.doc).order.insert(1, ['orphan']);
    await waitFor(() => forger.denials.length > 0, 10_000, 'the refusal');
    expect(forger.denials[0]).toContain('may not make a source text appear');
    expect(exportArticle(server.running.store, id)).not.toContain('Forged');
    expect(storedSources(id)).not.toContain(FORGED);
  });

  test('moving a source past another or deleting one is refused; an admin may', async () => {
    const id = await importSource();
    const translator = client('translator', id);
    await waitFor(() => translator.synced);
    const before = storedSources(id);
    moveSegment(translator.doc, segmentIds(translator.doc)[2]!, -1);
    await waitFor(() => translator.denials.length > 0, 10_000, 'the refused move');
    expect(translator.denials[0]).toContain('may not make a source text appear');
    expect(storedSources(id)).toEqual(before);

    const deleter = client('translator', id);
    await waitFor(() => deleter.synced);
    const [, second] = segmentIds(deleter.doc);
    articleTypes(deleter.doc).segments.delete(second!);
    await waitFor(() => deleter.denials.length > 0, 10_000, 'the refused delete');
    expect(storedSources(id)).toEqual(before);

    const admin = client('admin', id);
    await waitFor(() => admin.synced);
    moveSegment(admin.doc, segmentIds(admin.doc)[2]!, -1);
    await waitFor(() => admin.allSaved && storedSources(id)[1] === '第三段。', 10_000, "the admin's move stored");
    expect(admin.denials).toEqual([]);
  });
});

describe('a translator still reshapes the translation', () => {
  test('split, merge, a note and its move are accepted, and the source reads as before', async () => {
    const id = await importSource();
    const translator = client('translator', id);
    await waitFor(() => translator.synced);
    const before = storedSources(id).join('');
    const [first] = segmentIds(translator.doc);
    // Split inside the bold run, after the link: marks and links continue across the cut.
    const splitAt = readArticle(translator.doc).segments[0]!.source.textContent.indexOf('粗') + 2;
    const tail = splitSegment(translator.doc, first!, 'source', splitAt, 'translator');
    expect(tail).not.toBeNull();
    mergeWithNext(translator.doc, segmentIds(translator.doc)[2]!, 'translator');
    const note = insertTranslatorSegment(translator.doc, first!, 'after');
    moveSegment(translator.doc, note, 1);
    await waitFor(() => translator.allSaved, 10_000, 'every change saved');
    expect(translator.denials).toEqual([]);
    const after = storedSources(id);
    expect(after.join('')).toBe(before);
    expect(after).toEqual(['第一段有链接和粗', '体。', '', '第二段。第三段。']);
  });
});
