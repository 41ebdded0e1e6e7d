import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { createArticle, insertSegmentsAt, removeSegment, segmentIds, setSide, sideFragment } from './article';
import { articleTypes } from './layout';
import { insertTranslatorSegment, mergeWithNext, moveSegment, splitSegment } from './structure';
import { sourceFingerprint } from './source-fingerprint';
import { a, doc, fig, h, hr, p, raw, strong } from '../testing/builders';

function article(): Y.Doc {
  const ydoc = new Y.Doc();
  createArticle(ydoc, {
    segments: [
      { id: 's1', source: doc(h(2, '标题')) },
      { id: 's2', source: doc(p('第一段有', a('https://example.org/', '链接'), '和', strong('粗体'), '。')) },
      { id: 's3', source: doc(fig('/media/a.png', '图', '图注')) },
      { id: 's4', source: doc(hr()) },
      { id: 's5', source: doc(raw('<aside>旁注</aside>')) },
    ],
  });
  return ydoc;
}

/** Whether `change` leaves the source reading as it did. */
function keeps(change: (ydoc: Y.Doc) => void): boolean {
  const ydoc = article();
  const before = sourceFingerprint(ydoc);
  change(ydoc);
  return sourceFingerprint(ydoc) === before;
}

describe('what the source reads', () => {
  test.each([
    ['a split inside a link and a bold run', (d: Y.Doc) => void splitSegment(d, 's2', 'source', 6, null)],
    [
      'a split, then a merge back',
      (d: Y.Doc) => {
        splitSegment(d, 's2', 'source', 3, null);
        mergeWithNext(d, 's2', null);
      },
    ],
    ['merging a heading with the paragraph after it', (d: Y.Doc) => void mergeWithNext(d, 's1', null)],
    ["a translator's note, moved past a source", (d: Y.Doc) => void moveSegment(d, insertTranslatorSegment(d, 's2', 'after'), 1)],
    ["removing a translator's note", (d: Y.Doc) => removeSegment(d, insertTranslatorSegment(d, 's2', 'after'))],
  ])('is unchanged by %s', (_, change) => {
    expect(keeps(change)).toBe(true);
  });

  test.each([
    ['typing in a source', (d: Y.Doc) => setSide(d, 's2', 'source', doc(p('改了。')), null)],
    ['moving a source past another', (d: Y.Doc) => void moveSegment(d, 's3', -1)],
    ['removing a source', (d: Y.Doc) => removeSegment(d, 's4')],
    [
      "changing a link's address",
      (d: Y.Doc) => setSide(d, 's2', 'source', doc(p('第一段有', a('https://evil.example/', '链接'), '和', strong('粗体'), '。')), null),
    ],
    ['unbolding a run', (d: Y.Doc) => setSide(d, 's2', 'source', doc(p('第一段有', a('https://example.org/', '链接'), '和粗体。')), null)],
    ["swapping a figure's image", (d: Y.Doc) => (sideFragment(d, 's3', 'source').get(0) as Y.XmlElement).setAttribute('src', '/media/b.png')],
    ['changing a heading level', (d: Y.Doc) => (sideFragment(d, 's1', 'source').get(0) as Y.XmlElement).setAttribute('level', 3 as unknown as string)],
    ['editing raw HTML', (d: Y.Doc) => (sideFragment(d, 's5', 'source').get(0) as Y.XmlElement).setAttribute('text', '<script>x</script>')],
    [
      'a source stored outside the reading order',
      (d: Y.Doc) => {
        insertSegmentsAt(d, 0, [{ id: 'orphan', source: doc(p('伪造。')) }]);
        articleTypes(d).order.delete(0, 1);
      },
    ],
    ['a segment id repeated in the order, moved', (d: Y.Doc) => articleTypes(d).order.insert(0, [segmentIds(d).at(-1)!])],
  ])('is changed by %s', (_, change) => {
    expect(keeps(change)).toBe(false);
  });

  test('an attribute stored at its default reads as one left out', () => {
    const withDefault = new Y.Doc();
    createArticle(withDefault, { segments: [{ id: 's1', source: doc(fig('/a.png', '')) }] });
    const before = sourceFingerprint(withDefault);
    (sideFragment(withDefault, 's1', 'source').get(0) as Y.XmlElement).setAttribute('title', null as unknown as string);
    expect(sourceFingerprint(withDefault)).toBe(before);
  });
});
