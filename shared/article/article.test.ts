import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import {
  articleTitle,
  createArticle,
  insertSegmentsAt,
  isSideEmpty,
  readArticle,
  readFrontMatter,
  removeFrontMatterKey,
  removeSegment,
  segmentIds,
  setFrontMatterValue,
  setSide,
  setStatus,
  sideFragment,
} from './article';
import { articleTypes } from './layout';
import { contentHash } from './content-hash';
import { doc, em, fig, hr, p, strong } from '../testing/builders';

function sync(from: Y.Doc, to: Y.Doc) {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

function twoSegmentArticle() {
  const ydoc = new Y.Doc();
  createArticle(ydoc, {
    meta: { sourceUrl: 'https://www.zhihu.com/question/372335557', sourceTitle: '如何看待' },
    frontMatter: [
      { key: 'title', value: 'How to View' },
      { key: 'categories', value: ['opinion'] },
    ],
    segments: [
      { id: 's1', source: doc(p('题主是一名学生。')), target: doc(p('OP is a ', strong('student'), '.')), status: 'draft' },
      { id: 's2', source: doc(fig('/a.jpg', '', '图')), target: null },
    ],
  });
  return ydoc;
}

describe('the article model', () => {
  test('reads back what it was created with, in order', () => {
    const article = readArticle(twoSegmentArticle());
    expect(article.meta.sourceTitle).toBe('如何看待');
    expect(article.frontMatter).toEqual([
      { key: 'title', value: 'How to View' },
      { key: 'categories', value: ['opinion'] },
    ]);
    expect(article.segments.map((segment) => [segment.id, segment.status])).toEqual([
      ['s1', 'draft'],
      ['s2', 'untranslated'],
    ]);
    expect(article.segments[0]!.target.toJSON()).toEqual(doc(p('OP is a ', strong('student'), '.')).toJSON());
    expect(isSideEmpty(article.segments[1]!.target)).toBe(true);
    expect(isSideEmpty(article.segments[1]!.source)).toBe(false);
    expect(articleTitle(article)).toBe('How to View');
  });

  test('each side is a Y.XmlFragment that a second peer receives intact', () => {
    const a = twoSegmentArticle();
    const b = new Y.Doc();
    sync(a, b);
    expect(sideFragment(b, 's1', 'target')).toBeInstanceOf(Y.XmlFragment);
    expect(readArticle(b).segments.map((segment) => segment.target.toJSON())).toEqual(readArticle(a).segments.map((segment) => segment.target.toJSON()));
    // The content hash that decides verbatim export survives the trip through Yjs.
    expect(contentHash(readArticle(b).segments[0]!.target)).toBe(contentHash(doc(p('OP is a ', strong('student'), '.'))));
  });

  test('status changes record who and when; unknown statuses and segments are refused', () => {
    const ydoc = twoSegmentArticle();
    const before = Date.now();
    setStatus(ydoc, 's1', 'translated', 'alice');
    const segment = readArticle(ydoc).segments[0]!;
    expect(segment.status).toBe('translated');
    expect(segment.changedBy).toBe('alice');
    expect(segment.changedAt).toBeGreaterThanOrEqual(before);
    expect(() => setStatus(ydoc, 's1', 'finished' as never, 'alice')).toThrow(/unknown segment status/);
    expect(() => setStatus(ydoc, 'nope', 'draft', 'alice')).toThrow(/unknown segment "nope"/);
  });

  test('concurrent edits to different segments and a concurrent insert converge', () => {
    const a = twoSegmentArticle();
    const b = new Y.Doc();
    sync(a, b);
    setSide(a, 's1', 'target', doc(p('OP is a ', em('radiology'), ' student.')), 'alice');
    setSide(b, 's2', 'target', doc(fig('/a.jpg', '', 'Image')), 'bob');
    insertSegmentsAt(b, 1, [{ id: 'note', target: doc(p("Translator's note.")) }]);
    sync(a, b);
    sync(b, a);
    expect(readArticle(a).segments.map((s) => s.target.toJSON())).toEqual(readArticle(b).segments.map((s) => s.target.toJSON()));
    expect(segmentIds(a)).toEqual(['s1', 'note', 's2']);
    expect(readArticle(a).segments[0]!.target.textContent).toBe('OP is a radiology student.');
  });

  test('an id listed twice in the order (two concurrent moves) is read once', () => {
    const ydoc = twoSegmentArticle();
    articleTypes(ydoc).order.push(['s1']);
    expect(segmentIds(ydoc)).toEqual(['s1', 's2']);
  });

  test('removing a segment removes it from the order', () => {
    const ydoc = twoSegmentArticle();
    removeSegment(ydoc, 's1');
    expect(segmentIds(ydoc)).toEqual(['s2']);
  });

  test('front-matter keys keep their order; new keys go last; removed keys disappear', () => {
    const ydoc = twoSegmentArticle();
    setFrontMatterValue(ydoc, 'date', '2020-02-23');
    setFrontMatterValue(ydoc, 'title', 'New title');
    removeFrontMatterKey(ydoc, 'categories');
    expect(readFrontMatter(ydoc)).toEqual([
      { key: 'title', value: 'New title' },
      { key: 'date', value: '2020-02-23' },
    ]);
    expect(() => setFrontMatterValue(ydoc, ' ', 'x')).toThrow(/empty/);
  });

  test('a side must be a doc node of the schema', () => {
    const ydoc = twoSegmentArticle();
    expect(() => setSide(ydoc, 's1', 'target', p('not a doc'), null)).toThrow(/must be a "doc" node/);
  });

  test('createArticle refuses a Y.Doc that already holds an article', () => {
    expect(() => createArticle(twoSegmentArticle(), { segments: [{ target: doc(hr()) }] })).toThrow(/already holds/);
  });

  test('writes carry the origin they were given', () => {
    const ydoc = twoSegmentArticle();
    const origins: unknown[] = [];
    ydoc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin));
    setStatus(ydoc, 's1', 'translated', 'alice', 'cli');
    expect(origins).toEqual(['cli']);
  });
});
