import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { createArticle, readArticle } from '../article/article';
import { a, doc, em, fig, p, strong } from '../testing/builders';
import { checkArticle, checkSegment, countIssues, hasErrors, QA_CHECKS, type QaIssue } from './qa';
import { segment } from './testing';

const FRONT_MATTER = [
  { key: 'title', value: 'How to View' },
  { key: 'date', value: '2020-02-23' },
  { key: 'categories', value: ['opinion'] },
  { key: 'image', value: '/assets/media/2020-02-23/x-01.jpg' },
  { key: 'blurb', value: 'A blurb.' },
  { key: 'translator', value: 'COVID-19 Readings' },
];

describe('checkSegment', () => {
  test('a finished row has nothing to report', () => {
    const row = segment({
      source: doc(p('一句话：', strong('成熟的 AI 技术'), '，准确率达 96%。')),
      target: doc(p('In a word: ', strong('mature AI technology'), ', 96% accurate.')),
    });
    expect(checkSegment(row)).toEqual([]);
  });

  test('runs every segment check, in a fixed order', () => {
    const row = segment({
      source: doc(p('见', a('https://zhihu.com/a', '这里'), '，800 张病床'), fig('https://pic1.zhimg.com/a.jpg', '')),
      target: doc(p('See here，and 钟南山 {{ beds }}'), fig('https://pic1.zhimg.com/a.jpg', '')),
      status: 'draft',
    });
    expect(checkSegment(row).map((found) => found.check)).toEqual([
      'draft',
      'chinese-text',
      'fullwidth-punctuation',
      'missing-number',
      'missing-link',
      'figure-remote-image',
      'figure-empty-alt',
      'liquid-in-text',
    ]);
  });

  test('every issue carries its check’s severity and its segment', () => {
    const row = segment({ source: '800 张', target: doc(p('钟南山，{{ x }}'), fig('', '')), status: 'translated' }, 'row-1');
    const issues = checkSegment(row);
    expect(issues.length).toBeGreaterThan(4);
    for (const found of issues) {
      expect(found.severity).toBe(QA_CHECKS[found.check].severity);
      expect(found.segmentId).toBe('row-1');
      expect(found.message).toMatch(/^[A-Z“].*[.]$/);
    }
  });

  test('passes the installation’s stored-image rule to the figure check', () => {
    const row = segment({ source: '', target: doc(fig('https://cdn.example.org/a.jpg', 'a')) });
    expect(checkSegment(row).map((found) => found.check)).toEqual(['figure-remote-image']);
    expect(checkSegment(row, { localImagePrefixes: ['https://cdn.example.org/'] })).toEqual([]);
  });
});

describe('checkArticle', () => {
  const article = (frontMatter = FRONT_MATTER) => {
    const ydoc = new Y.Doc();
    createArticle(ydoc, {
      frontMatter,
      segments: [
        {
          source: doc(p(em(a('https://www.zhihu.com/question/1', '如何看待？')))),
          target: doc(p(em(a('https://www.zhihu.com/question/1', '如何看待？')))),
          status: 'approved',
        },
        { source: null, target: doc(p('*Translator: COVID-19 Readings*')), status: 'untranslated' },
        { source: doc(p('题主是一名学生。')), target: null, status: 'untranslated' },
        { source: doc(p('两位')), target: doc(p('Three')), status: 'translated' },
      ],
    });
    return readArticle(ydoc);
  };

  test('reads a snapshot as readArticle gives it: front matter first, then rows in reading order', () => {
    const snapshot = article(FRONT_MATTER.filter((entry) => entry.key !== 'blurb'));
    const issues = checkArticle(snapshot);
    const [, , third, fourth] = snapshot.segments;
    expect(issues.map((found) => [found.check, found.frontMatterKey ?? found.segmentId])).toEqual([
      ['front-matter-required', 'blurb'],
      ['empty-target', third!.id],
      ['unreviewed', fourth!.id],
      ['missing-number', fourth!.id],
    ]);
  });

  test('takes the required keys and the stored-image rule from its options', () => {
    const snapshot = article(FRONT_MATTER.map((entry) => (entry.key === 'image' ? { key: 'image', value: 'https://cdn.example.org/a.jpg' } : entry)));
    expect(
      checkArticle(snapshot)
        .filter((found) => found.frontMatterKey)
        .map((found) => found.check),
    ).toEqual(['cover-image-remote']);
    expect(
      checkArticle(snapshot, { requiredFrontMatter: ['title', 'author'], isStoredImage: (src) => src.startsWith('https://cdn.example.org/') }).filter(
        (found) => found.frontMatterKey,
      ),
    ).toEqual([{ check: 'front-matter-required', severity: 'error', frontMatterKey: 'author', message: 'The metadata has no author; the site needs one.' }]);
  });

  test('checks repeated sources against each other and the memory, after each segment’s own checks', () => {
    const ydoc = new Y.Doc();
    createArticle(ydoc, {
      frontMatter: FRONT_MATTER,
      segments: [
        { source: doc(p('谢谢大家。')), target: doc(p('Thank you all.')), status: 'approved' },
        { source: doc(p('谢谢大家。')), target: doc(p('Thanks, 大家.')), status: 'approved' },
      ],
    });
    const snapshot = readArticle(ydoc);
    const [first, second] = snapshot.segments;
    const approvedTranslations = new Map([['谢谢大家。', [{ target: 'Thank you all.', segmentId: first!.id }]]]);
    expect(checkArticle(snapshot, { approvedTranslations }).map((found) => [found.check, found.segmentId])).toEqual([
      ['inconsistent-translation', first!.id],
      ['chinese-text', second!.id],
      ['inconsistent-translation', second!.id],
      ['memory-inconsistent', second!.id],
    ]);
    expect(hasErrors(checkArticle(snapshot, { approvedTranslations }).filter((found) => found.check !== 'chinese-text'))).toBe(false);
  });

  test('checks Liquid and YAML in the front matter', () => {
    const snapshot = article([...FRONT_MATTER, { key: 'published', value: 'no' }, { key: 'subtitle', value: '{{ x }}' }]);
    expect(
      checkArticle(snapshot)
        .filter((found) => found.frontMatterKey)
        .map((found) => `${found.check}:${found.frontMatterKey}`),
    ).toEqual(['front-matter-ambiguous:published', 'liquid-in-front-matter:subtitle']);
  });
});

describe('hasErrors and countIssues', () => {
  const warning: QaIssue = { check: 'unreviewed', severity: 'warning', segmentId: 's', message: 'w.' };
  const error: QaIssue = { check: 'draft', severity: 'error', segmentId: 's', message: 'e.' };
  test.each<[QaIssue[], boolean, { errors: number; warnings: number }]>([
    [[], false, { errors: 0, warnings: 0 }],
    [[warning, warning], false, { errors: 0, warnings: 2 }],
    [[warning, error], true, { errors: 1, warnings: 1 }],
  ])('%j', (issues, errors, counts) => {
    expect(hasErrors(issues)).toBe(errors);
    expect(countIssues(issues)).toEqual(counts);
  });
});
