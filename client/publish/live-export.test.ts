import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { createArticle, readArticle, setSide, setStatus } from '../../shared/article/article';
import type { QaIssue } from '../../shared/qa/qa';
import { doc, fig, p } from '../../shared/testing/builders';
import { computeExport, publishingIssues } from './live-export';

function article() {
  const ydoc = new Y.Doc();
  createArticle(ydoc, {
    frontMatter: [
      { key: 'title', value: 'A title' },
      { key: 'date', value: '2020-02-23' },
    ],
    segments: [
      { id: 's1', source: doc(p('第一段。')), target: doc(p('The first, with Chinese punctuation，left in.')), status: 'translated' },
      { id: 's2', source: doc(p('第二段。')), status: 'untranslated' },
      {
        id: 's3',
        source: doc(fig('https://pic1.zhimg.com/a.jpg', '', '图')),
        target: doc(fig('/api/articles/x/media/a.png', 'a ward', 'A ward')),
        status: 'translated',
      },
    ],
  });
  return ydoc;
}

describe('computeExport', () => {
  test('gives the Markdown, its preview, the QA issues by segment and the segments’ numbers', () => {
    const live = computeExport(article());
    expect(live.title).toBe('A title');
    expect(live.markdown.startsWith('---\ntitle: "A title"\ndate: 2020-02-23\n---\n\nThe first')).toBe(true);
    expect(live.html).toContain('<h1>A title</h1>');
    expect(live.html).toContain('<img src="/api/articles/x/media/a.png" alt="a ward">');
    expect(live.numbers.get('s2')).toBe(2);
    const bySegment = (id: string) => live.issues.filter((issue) => issue.segmentId === id).map((issue) => issue.check);
    expect(bySegment('s1')).toContain('fullwidth-punctuation');
    expect(bySegment('s2')).toEqual(expect.arrayContaining(['empty-target']));
    expect(live.issues.some((issue) => issue.frontMatterKey === 'blurb')).toBe(true);
  });

  test('follows the document: a fixed segment loses its issues', () => {
    const ydoc = article();
    setSide(ydoc, 's2', 'target', doc(p('The second.')), 'me');
    setStatus(ydoc, 's2', 'approved', 'me');
    expect(computeExport(ydoc).issues.filter((issue) => issue.segmentId === 's2')).toEqual([]);
  });
});

describe('the issues, as publishing judges them', () => {
  test('a missing cover image is no error when a figure will provide it', () => {
    const ydoc = new Y.Doc();
    createArticle(ydoc, {
      frontMatter: ['title', 'date', 'categories', 'blurb', 'translator'].map((key) => ({
        key,
        value: key === 'date' ? '2020-02-23' : key === 'categories' ? ['opinion'] : 'Text',
      })),
      segments: [
        {
          id: 'f',
          source: doc(fig('https://pic1.zhimg.com/a.jpg', '', '图')),
          target: doc(fig(`/api/articles/x/media/${'a'.repeat(64)}.png`, 'a ward', 'A ward')),
          status: 'approved',
        },
      ],
    });
    expect(computeExport(ydoc).issues).toEqual([]);
  });
});

describe('publishingIssues', () => {
  test('holds the article against the memory’s approved translations once the server has said them', () => {
    const ydoc = new Y.Doc();
    createArticle(ydoc, {
      frontMatter: [{ key: 'title', value: 'A title' }],
      segments: [{ id: 's1', source: doc(p('谢谢大家。')), target: doc(p('Thanks, all.')), status: 'approved' }],
    });
    const snapshot = readArticle(ydoc);
    const memory = (issues: QaIssue[]) => issues.filter((found) => found.check === 'memory-inconsistent').map((found) => found.message);
    expect(memory(publishingIssues(snapshot))).toEqual([]);
    expect(memory(publishingIssues(snapshot, new Map([['谢谢大家。', [{ target: 'Thank you all.', segmentId: null }]]])))).toEqual([
      "The memory's approved translation of this source is “Thank you all.”.",
    ]);
  });
});
