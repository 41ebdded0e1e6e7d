import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { createArticle, setSide, sideFragment } from '../../shared/article/article';
import { doc, p } from '../../shared/testing/builders';
import { segmentIssues, type RowContent } from './segment-qa';

function row(target: string): { ydoc: Y.Doc; content: RowContent } {
  const ydoc = new Y.Doc();
  createArticle(ydoc, { segments: [{ id: 'one', source: doc(p('他说：好的。')), target: doc(p(target)), status: 'translated' }] });
  return {
    ydoc,
    content: { id: 'one', status: 'translated', omitted: false, source: sideFragment(ydoc, 'one', 'source'), target: sideFragment(ydoc, 'one', 'target') },
  };
}

describe('segmentIssues', () => {
  test('checks the row as it is now', () => {
    const { ydoc, content } = row('He said，fine。');
    expect(segmentIssues(content).map((issue) => issue.check)).toEqual(['fullwidth-punctuation']);
    setSide(ydoc, 'one', 'target', doc(p('He said, fine.')), 'me');
    expect(segmentIssues(content)).toEqual([]);
  });

  test('leaves out what the status chip already says', () => {
    const { content } = row('');
    expect(segmentIssues({ ...content, status: 'untranslated' })).toEqual([]);
    expect(segmentIssues({ ...content, status: 'draft' })).toEqual([]);
  });

  test('the same content gives the same answer without checking again', () => {
    const first = segmentIssues(row('Same text，here.').content);
    expect(segmentIssues(row('Same text，here.').content)).toBe(first);
  });
});
