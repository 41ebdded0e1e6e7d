import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { createArticle, readArticle } from '../../shared/article/article';
import { doc, p } from '../../shared/testing/builders';
import { approveReviewed, countReviewed, describeApproval } from './bulk-approve';

function article() {
  const ydoc = new Y.Doc();
  createArticle(ydoc, {
    meta: {},
    frontMatter: [],
    segments: [
      { id: 'a', source: doc(p('一')), target: doc(p('One')), status: 'reviewed' },
      { id: 'b', source: doc(p('二')), target: null, status: 'untranslated' },
      { id: 'c', source: doc(p('三')), target: doc(p('Three')), status: 'reviewed' },
      { id: 'd', source: doc(p('四')), target: doc(p('Four')), status: 'translated' },
    ],
  });
  return ydoc;
}

describe('bulk approve', () => {
  test('approves the reviewed segments of the selection in one transaction and leaves the others alone', () => {
    const ydoc = article();
    const before = readArticle(ydoc).segments.find((segment) => segment.id === 'd')!;
    let transactions = 0;
    ydoc.on('afterTransaction', () => transactions++);
    const statuses = new Map(readArticle(ydoc).segments.map((segment) => [segment.id, segment.status]));
    expect(countReviewed(['a', 'b', 'd', 'gone'], (id) => statuses.get(id))).toBe(1);

    const result = approveReviewed(ydoc, ['a', 'b', 'd', 'gone'], 'rita', 'test');

    expect(transactions).toBe(1);
    expect(result).toEqual({ approved: ['a'], skipped: ['b', 'd', 'gone'] });
    const after = readArticle(ydoc).segments;
    expect(after.map((segment) => [segment.id, segment.status])).toEqual([
      ['a', 'approved'],
      ['b', 'untranslated'],
      ['c', 'reviewed'],
      ['d', 'translated'],
    ]);
    expect(after.find((segment) => segment.id === 'a')!.changedBy).toBe('rita');
    expect(after.find((segment) => segment.id === 'd')).toEqual(before);
  });

  test('says what it did and what it skipped', () => {
    expect(describeApproval({ approved: ['a'], skipped: ['b'] })).toBe('Approved 1 segment; skipped 1 that was not reviewed.');
    expect(describeApproval({ approved: ['a', 'c'], skipped: [] })).toBe('Approved 2 segments.');
    expect(describeApproval({ approved: [], skipped: ['b', 'd'] })).toBe('Nothing to approve; skipped 2 that were not reviewed.');
  });
});
