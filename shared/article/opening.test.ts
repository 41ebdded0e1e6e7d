import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { createArticle, readSegment, segmentIds, setStatus } from './article';
import { openingDoc, openingFromJson, openingToJson, readOpening } from './opening';
import { articleTypes, SEGMENT } from './layout';
import { doc, fig, p, strong } from '../testing/builders';

function article(segments: number): Y.Doc {
  const ydoc = new Y.Doc();
  createArticle(ydoc, {
    meta: { sourceTitle: '如何看待' },
    frontMatter: [{ key: 'title', value: 'How to view it' }],
    segments: Array.from({ length: segments }, (_, i) => ({
      id: `s${i}`,
      source: doc(p(`第${i}段`)),
      target: i % 2 === 0 ? doc(p(`Paragraph `, strong(`${i}`))) : null,
    })),
  });
  return ydoc;
}

describe('the opening of an article', () => {
  test('holds the first rows, the count of all, the title and front matter', () => {
    const ydoc = article(50);
    setStatus(ydoc, 's1', 'translated', 'li');
    articleTypes(ydoc).segments.get('s2')!.set(SEGMENT.omitted, true);
    const opening = readOpening(ydoc, 5);
    expect(opening.total).toBe(50);
    expect(opening.segments.map((segment) => segment.id)).toEqual(['s0', 's1', 's2', 's3', 's4']);
    expect(opening.meta.sourceTitle).toBe('如何看待');
    expect(opening.frontMatter).toEqual([{ key: 'title', value: 'How to view it' }]);
    expect(opening.segments[1]).toMatchObject({ status: 'translated', changedBy: 'li' });
    expect(opening.segments[2]!.omitted).toBe(true);
    expect(opening.segments[0]!.target.eq(doc(p('Paragraph ', strong('0'))))).toBe(true);
  });

  test('survives JSON and becomes a document the editor shows like the article', () => {
    const ydoc = article(3);
    setStatus(ydoc, 's1', 'reviewed', 'wang');
    const opening = openingFromJson(JSON.parse(JSON.stringify(openingToJson(readOpening(ydoc)))));
    const shown = openingDoc(opening);
    expect(segmentIds(shown)).toEqual(['s0', 's1', 's2']);
    for (const id of segmentIds(ydoc)) {
      const [want, got] = [readSegment(ydoc, id), readSegment(shown, id)];
      expect(got.source.eq(want.source)).toBe(true);
      expect(got.target.eq(want.target)).toBe(true);
      expect([got.status, got.changedBy, got.changedAt]).toEqual([want.status, want.changedBy, want.changedAt]);
    }
  });

  test('figures keep their image and caption', () => {
    const ydoc = new Y.Doc();
    createArticle(ydoc, { segments: [{ id: 'f', source: doc(fig('/media/a.png', 'alt', '图')), target: doc(fig('/media/a.png', 'alt', 'Figure')) }] });
    const shown = openingDoc(openingFromJson(JSON.parse(JSON.stringify(openingToJson(readOpening(ydoc))))));
    expect(readSegment(shown, 'f').target.eq(doc(fig('/media/a.png', 'alt', 'Figure')))).toBe(true);
  });

  test.each([
    ['not an object', 'nope'],
    ['no count', { meta: {}, frontMatter: [], segments: [] }],
    [
      'more rows than the article',
      { total: 0, meta: {}, frontMatter: [], segments: [{ id: 'a', status: 'draft', source: { type: 'doc' }, target: { type: 'doc' } }] },
    ],
    ['an unknown status', { total: 1, meta: {}, frontMatter: [], segments: [{ id: 'a', status: 'done', source: { type: 'doc' }, target: { type: 'doc' } }] }],
    [
      'a node the schema lacks',
      { total: 1, meta: {}, frontMatter: [], segments: [{ id: 'a', status: 'draft', source: { type: 'table' }, target: { type: 'doc' } }] },
    ],
    [
      'a side that is not a document',
      { total: 1, meta: {}, frontMatter: [], segments: [{ id: 'a', status: 'draft', source: { type: 'paragraph' }, target: { type: 'doc' } }] },
    ],
  ])('refuses %s', (_name, json) => {
    expect(() => openingFromJson(json)).toThrow();
  });
});
