/** Making and resolving anchors, with a mapping built from the fragment or given (as an editor's binding gives it). */
import { expect, test } from 'vitest';
import * as Y from 'yjs';
import { createArticle, sideFragment } from '../article/article';
import { doc, em, p } from '../testing/builders';
import { anchorForRange, isThreadAnchor, readSideWithMapping, resolveAnchor } from './anchors';

function article(): Y.Doc {
  const ydoc = new Y.Doc();
  createArticle(ydoc, { segments: [{ id: 's1', source: doc(p('源文。')), target: doc(p('An ', em('emphatic'), ' word.'), p('Second.')) }] });
  return ydoc;
}

test('an anchor is two JSON relative positions and resolves back to its range', () => {
  const ydoc = article();
  const { anchor, quote } = anchorForRange(ydoc, 's1', 'target', 4, 12);
  expect(quote).toBe('emphatic');
  expect(isThreadAnchor(anchor)).toBe(true);
  expect(JSON.parse(JSON.stringify(anchor))).toEqual(anchor);
  const fragment = sideFragment(ydoc, 's1', 'target');
  expect(resolveAnchor(ydoc, fragment, anchor)).toEqual({ from: 4, to: 12 });
  // The same with a mapping supplied, as an editor passes its binding's.
  expect(resolveAnchor(ydoc, fragment, anchor, readSideWithMapping(fragment).mapping)).toEqual({ from: 4, to: 12 });
});

test('the whole side, and an empty range at its end, can be anchored', () => {
  const ydoc = article();
  const size = readSideWithMapping(sideFragment(ydoc, 's1', 'target')).node.content.size;
  expect(anchorForRange(ydoc, 's1', 'target', 0, size).quote).toBe('An emphatic word.\nSecond.');
  const { anchor } = anchorForRange(ydoc, 's1', 'target', size, size);
  expect(resolveAnchor(ydoc, sideFragment(ydoc, 's1', 'target'), anchor)).toEqual({ from: size, to: size });
});

test('an anchor from another side, or a malformed one, does not resolve', () => {
  const ydoc = article();
  const { anchor } = anchorForRange(ydoc, 's1', 'target', 1, 3);
  expect(resolveAnchor(ydoc, sideFragment(ydoc, 's1', 'source'), anchor)).toBeNull();
  expect(resolveAnchor(ydoc, sideFragment(ydoc, 's1', 'target'), { start: { nonsense: true }, end: {} })).toBeNull();
  expect(isThreadAnchor({ start: 1, end: {} })).toBe(false);
});
