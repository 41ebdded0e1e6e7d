import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { createArticle, readArticle, segmentIds, sideFragment } from './article';
import { insertTranslatorSegment, mergeWithNext, moveSegment, setOmitted, splitSegment, structureFromSource } from './structure';
import { a, doc, li, p, strong } from '../testing/builders';

function article() {
  const ydoc = new Y.Doc();
  createArticle(ydoc, {
    segments: [
      { id: 's1', source: doc(p('第一句。第二句。')), target: doc(p('First. Second.')), status: 'translated' },
      { id: 's2', source: doc(p('第三段。')), target: doc(p('Third.')) },
      { id: 's3', source: doc(li({ ordered: true, number: 2 }, strong('加粗'), '和', a('https://x.cn', '链接'))), target: null },
    ],
  });
  return ydoc;
}

const texts = (ydoc: Y.Doc, side: 'source' | 'target') => readArticle(ydoc).segments.map((segment) => segment[side].textContent);

describe('segment structure', () => {
  test('split at the caret moves the rest of that side to a new segment after it', () => {
    const ydoc = article();
    const firstFragment = sideFragment(ydoc, 's1', 'target');
    const newId = splitSegment(ydoc, 's1', 'target', 1 + 'First. '.length, 'alice');
    expect(newId).not.toBeNull();
    expect(segmentIds(ydoc)).toEqual(['s1', newId, 's2', 's3']);
    expect(texts(ydoc, 'target')).toEqual(['First. ', 'Second.', 'Third.', '']);
    expect(texts(ydoc, 'source')).toEqual(['第一句。第二句。', '', '第三段。', '加粗和链接']);
    expect(sideFragment(ydoc, 's1', 'target')).toBe(firstFragment); // edited in place, not replaced
    expect(readArticle(ydoc).segments[1]!.status).toBe('draft');
  });

  test('split at either end does nothing', () => {
    const ydoc = article();
    expect(splitSegment(ydoc, 's1', 'target', 1, 'alice')).toBeNull();
    expect(splitSegment(ydoc, 's1', 'target', 999, 'alice')).toBeNull();
    expect(segmentIds(ydoc)).toEqual(['s1', 's2', 's3']);
  });

  test('merge joins both sides into the first segment and removes the second', () => {
    const ydoc = article();
    expect(mergeWithNext(ydoc, 's1', 'alice')).toBe(true);
    expect(segmentIds(ydoc)).toEqual(['s1', 's3']);
    const merged = readArticle(ydoc).segments[0]!;
    expect(merged.source.toJSON()).toEqual(doc(p('第一句。第二句。'), p('第三段。')).toJSON());
    expect(merged.target.toJSON()).toEqual(doc(p('First. Second.'), p('Third.')).toJSON());
    expect(mergeWithNext(ydoc, 's3', 'alice')).toBe(false);
  });

  test("a translator's segment has no source and an empty paragraph to type in", () => {
    const ydoc = article();
    const id = insertTranslatorSegment(ydoc, 's2', 'before');
    expect(segmentIds(ydoc)).toEqual(['s1', id, 's2', 's3']);
    const note = readArticle(ydoc).segments[1]!;
    expect(note.source.childCount).toBe(0);
    expect(note.target.toJSON()).toEqual(doc(p()).toJSON());
  });

  test('moving a segment changes only the order', () => {
    const ydoc = article();
    const fragment = sideFragment(ydoc, 's1', 'target');
    expect(moveSegment(ydoc, 's1', 1)).toBe(true);
    expect(segmentIds(ydoc)).toEqual(['s2', 's1', 's3']);
    expect(moveSegment(ydoc, 's3', 1)).toBe(false);
    expect(moveSegment(ydoc, 's3', -1)).toBe(true);
    expect(segmentIds(ydoc)).toEqual(['s2', 's3', 's1']);
    expect(sideFragment(ydoc, 's1', 'target')).toBe(fragment);
  });

  test('two concurrent moves of one segment leave it once in the order', () => {
    const a = article();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    moveSegment(a, 's1', 1);
    moveSegment(b, 's1', 1);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(segmentIds(a)).toEqual(segmentIds(b));
    expect(segmentIds(a).filter((id) => id === 's1')).toHaveLength(1);
  });

  test('omitting a source block is recorded and can be undone', () => {
    const ydoc = article();
    setOmitted(ydoc, 's2', true);
    expect(readArticle(ydoc).segments[1]!.omitted).toBe(true);
    setOmitted(ydoc, 's2', false);
    expect(readArticle(ydoc).segments[1]!.omitted).toBe(false);
  });

  test("the source's structure seeds an empty target: numbers, bold runs and links", () => {
    const source = readArticle(article()).segments[2]!.source;
    expect(structureFromSource(source).toJSON()).toEqual(doc(li({ ordered: true, number: 2 }, strong('加粗'), '和', a('https://x.cn', '链接'))).toJSON());
  });
});
