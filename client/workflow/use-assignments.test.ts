import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { createArticle } from '../../shared/article/article';
import { assignSegments } from '../../shared/review/assignments';
import { doc, p } from '../../shared/testing/builders';
import { isAssignedTo, readAssignments } from './use-assignments';

function article() {
  const ydoc = new Y.Doc();
  createArticle(ydoc, {
    meta: {},
    frontMatter: [],
    segments: ['a', 'b', 'c'].map((id) => ({ id, source: doc(p(id)), target: null })),
  });
  return ydoc;
}

describe('assignments as the editor reads them', () => {
  test('only segments with someone assigned are listed, with both roles', () => {
    const ydoc = article();
    assignSegments(ydoc, ['a', 'b'], { translator: 'tina' });
    assignSegments(ydoc, ['b'], { reviewer: 'rita' });
    const read = readAssignments(ydoc);
    expect(Object.fromEntries(read)).toEqual({ a: { translator: 'tina', reviewer: null }, b: { translator: 'tina', reviewer: 'rita' } });
    expect(isAssignedTo(read.get('b'), 'rita')).toBe(true);
    expect(isAssignedTo(read.get('a'), 'rita')).toBe(false);
    expect(isAssignedTo(read.get('c'), 'tina')).toBe(false);
  });

  test('an unchanged assignment keeps its object, so its row need not re-render', () => {
    const ydoc = article();
    assignSegments(ydoc, ['a', 'b'], { translator: 'tina' });
    const before = readAssignments(ydoc);
    assignSegments(ydoc, ['b'], { translator: 'tom' });
    const after = readAssignments(ydoc, before);
    expect(after.get('a')).toBe(before.get('a'));
    expect(after.get('b')).toEqual({ translator: 'tom', reviewer: null });
    assignSegments(ydoc, ['a'], { translator: null });
    expect(readAssignments(ydoc, after).has('a')).toBe(false);
  });
});
