import { expect, test } from 'vitest';
import * as Y from 'yjs';
import { createArticle, setStatus } from '../article/article';
import { doc, p } from '../testing/builders';
import { assignmentCounts, assignSegments, readAssignment } from './assignments';

function article(): Y.Doc {
  const ydoc = new Y.Doc();
  createArticle(ydoc, {
    segments: [
      { id: 's1', source: doc(p('一。')), target: doc(p('One.')) },
      { id: 's2', source: doc(p('二。')), target: doc(p('Two.')) },
    ],
  });
  return ydoc;
}

test('assignments are set, kept, and cleared per field', () => {
  const ydoc = article();
  assignSegments(ydoc, ['s1', 's2'], { translator: 'tina', reviewer: 'rob' });
  assignSegments(ydoc, ['s2'], { reviewer: null });
  expect(readAssignment(ydoc, 's1')).toEqual({ translator: 'tina', reviewer: 'rob' });
  expect(readAssignment(ydoc, 's2')).toEqual({ translator: 'tina', reviewer: null });
  expect(() => assignSegments(ydoc, ['s1', 'nope'], { translator: 'x' })).toThrow(/unknown segment/);
  expect(readAssignment(ydoc, 's1').translator).toBe('tina');
});

test('mine: assigned segments, and those done for the assignee’s part', () => {
  const ydoc = article();
  setStatus(ydoc, 's1', 'translated', 'tina');
  setStatus(ydoc, 's2', 'translated', 'tina');
  assignSegments(ydoc, ['s1', 's2'], { translator: 'Tina' });
  assignSegments(ydoc, ['s1'], { reviewer: 'rob' });
  expect(assignmentCounts(ydoc, 'tina')).toEqual({ assigned: 2, done: 2 });
  expect(assignmentCounts(ydoc, 'rob')).toEqual({ assigned: 1, done: 0 });
  setStatus(ydoc, 's1', 'approved', 'rob');
  expect(assignmentCounts(ydoc, 'rob')).toEqual({ assigned: 1, done: 1 });
  expect(assignmentCounts(ydoc, 'nobody')).toEqual({ assigned: 0, done: 0 });
  expect(assignmentCounts(ydoc, null)).toEqual({ assigned: 0, done: 0 });
});
