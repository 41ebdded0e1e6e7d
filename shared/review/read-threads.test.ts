/**
 * Threads read back with their anchors: ranges follow concurrent edits made
 * before them (two Y.Docs syncing), and a deleted range says so while the
 * thread stays on its pair.
 */
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { createArticle, setSide, sideFragment } from '../article/article';
import { mergeWithNext } from '../article/structure';
import { doc, p, strong } from '../testing/builders';
import { anchorForRange } from './anchors';
import { openThreadCounts, readThread, readThreads, threadAnchorRange } from './read-threads';
import { openThread, resolveThread } from './threads';

function article(): Y.Doc {
  const ydoc = new Y.Doc();
  createArticle(ydoc, {
    segments: [
      { id: 's1', source: doc(p('快速的棕色狐狸。')), target: doc(p('The quick brown fox jumps.')) },
      { id: 's2', source: doc(p('第二段。')), target: doc(p('Second ', strong('bold'), ' part.'), p('Another block.')) },
    ],
  });
  return ydoc;
}

/** Positions of `text` inside the first paragraph of a side (1 is the paragraph's start). */
const range = (whole: string, text: string) => ({ from: 1 + whole.indexOf(text), to: 1 + whole.indexOf(text) + text.length });

function openOn(ydoc: Y.Doc, segmentId: string, side: 'source' | 'target', from: number, to: number, text = 'Look at this.') {
  const { anchor, quote } = anchorForRange(ydoc, segmentId, side, from, to);
  return openThread(ydoc, { segmentId, side, anchor, quote, text }, 'reviewer');
}

const textIn = (ydoc: Y.Doc, segmentId: string) => (sideFragment(ydoc, segmentId, 'target').get(0) as Y.XmlElement).get(0) as Y.XmlText;

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('anchors', () => {
  test('an anchored thread reads back with its quote and range', () => {
    const ydoc = article();
    const { from, to } = range('The quick brown fox jumps.', 'brown fox');
    const id = openOn(ydoc, 's1', 'target', from, to);
    const thread = readThread(ydoc, id)!;
    expect(thread).toMatchObject({ segmentId: 's1', side: 'target', quote: 'brown fox', anchorState: 'ok', anchoredText: 'brown fox', range: { from, to } });
    expect(thread.comments.map((c) => [c.author, c.text])).toEqual([['reviewer', 'Look at this.']]);
  });

  test('a range across marks and blocks quotes its text', () => {
    const ydoc = article();
    // "Second " is 7 characters, so "bold" starts at 1 + 7; the first paragraph ("Second bold part.", 17) spans 0–19, the second's text starts at 20.
    const id = openOn(ydoc, 's2', 'target', 8, 20 + 'Another'.length);
    expect(readThread(ydoc, id)).toMatchObject({ quote: 'bold part.\nAnother', anchoredText: 'bold part.\nAnother', anchorState: 'ok' });
  });

  test('the range follows concurrent edits before it, on every peer', () => {
    const reviewer = article();
    const translator = new Y.Doc();
    Y.applyUpdate(translator, Y.encodeStateAsUpdate(reviewer));
    const { from, to } = range('The quick brown fox jumps.', 'brown fox');
    const id = openOn(reviewer, 's1', 'target', from, to);
    textIn(translator, 's1').insert(4, 'very, very '); // before the range, concurrently
    textIn(translator, 's1').insert('The very, very quick brown fox'.length, ' red'); // inside it
    sync(reviewer, translator);
    for (const peer of [reviewer, translator]) {
      const thread = readThread(peer, id)!;
      expect(thread.anchoredText).toBe('brown fox red');
      expect(thread.range).toEqual({ from: from + 11, to: to + 11 + 4 });
      expect(thread.anchorState).toBe('ok');
      expect(threadAnchorRange(peer, thread)).toEqual(thread.range);
    }
  });

  test('an edit applied through the editor path (diffing the whole side) keeps the anchor', () => {
    const ydoc = article();
    const { from, to } = range('The quick brown fox jumps.', 'fox');
    const id = openOn(ydoc, 's1', 'target', from, to);
    setSide(ydoc, 's1', 'target', doc(p('The very quick brown fox jumps.')), 'translator'); // one change: setSide diffs one region
    expect(readThread(ydoc, id)).toMatchObject({ anchoredText: 'fox', anchorState: 'ok' });
  });

  test('when the anchored text is deleted the thread stays on the pair and says so', () => {
    const reviewer = article();
    const translator = new Y.Doc();
    Y.applyUpdate(translator, Y.encodeStateAsUpdate(reviewer));
    const { from, to } = range('The quick brown fox jumps.', 'brown fox');
    const id = openOn(reviewer, 's1', 'target', from, to);
    textIn(translator, 's1').delete(from - 1 - 1, to - from + 2); // " brown fox " and a character either side
    sync(reviewer, translator);
    for (const peer of [reviewer, translator]) {
      const thread = readThread(peer, id)!;
      expect(thread).toMatchObject({ segmentId: 's1', anchorState: 'deleted', anchoredText: '', quote: 'brown fox', segmentExists: true });
      expect(thread.range!.from).toBe(thread.range!.to);
    }
  });

  test('a deleted paragraph, and a merged-away segment, leave the anchor deleted', () => {
    const ydoc = article();
    const inBlock = openOn(ydoc, 's2', 'target', 20, 27); // "Another"
    setSide(ydoc, 's2', 'target', doc(p('Second ', strong('bold'), ' part.')), 'translator');
    expect(readThread(ydoc, inBlock)!.anchorState).toBe('deleted');
    const other = openOn(ydoc, 's2', 'target', 1, 7);
    mergeWithNext(ydoc, 's1', 'translator');
    expect(readThread(ydoc, other)).toMatchObject({ anchorState: 'deleted', segmentExists: false, range: null });
  });

  test('a thread on the whole pair has no anchor', () => {
    const ydoc = article();
    const id = openThread(ydoc, { segmentId: 's1', text: 'Whole pair.' }, 'reviewer');
    expect(readThread(ydoc, id)).toMatchObject({ side: null, anchor: null, anchorState: 'none', anchoredText: null, range: null });
    expect(threadAnchorRange(ydoc, readThread(ydoc, id)!)).toBeNull();
  });

  test('a range outside the side is refused', () => {
    expect(() => anchorForRange(article(), 's1', 'target', 5, 500)).toThrow(/not inside/);
    expect(() => anchorForRange(article(), 'nope', 'target', 0, 1)).toThrow(/unknown segment/);
  });
});

describe('reading threads', () => {
  test('oldest first, filtered by segment, with open counts per segment', () => {
    const ydoc = article();
    const a = openThread(ydoc, { segmentId: 's1', text: 'a', at: 3 }, 'reviewer');
    const b = openThread(ydoc, { segmentId: 's2', text: 'b', at: 1 }, 'reviewer');
    const c = openThread(ydoc, { segmentId: 's1', text: 'c', at: 2 }, 'reviewer');
    resolveThread(ydoc, c, 'translator');
    expect(readThreads(ydoc).map((t) => t.id)).toEqual([b, c, a]);
    expect(readThreads(ydoc, { segmentId: 's1' }).map((t) => t.id)).toEqual([c, a]);
    expect(openThreadCounts(readThreads(ydoc))).toEqual(
      new Map([
        ['s2', 1],
        ['s1', 1],
      ]),
    );
  });

  test('damaged entries read as harmless defaults', () => {
    const ydoc = article();
    const forged = new Y.Map<unknown>();
    ydoc.getMap('threads').set('x', forged);
    forged.set('kind', 'shouting');
    forged.set('anchor', 'nonsense');
    forged.set('side', 'target');
    expect(readThreads(ydoc)).toEqual([
      expect.objectContaining({ id: '', kind: 'comment', anchor: null, anchorState: 'none', comments: [], segmentExists: false }),
    ]);
  });
});
