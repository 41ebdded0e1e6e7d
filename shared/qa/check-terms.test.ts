import { describe, expect, test } from 'vitest';
import { TermMatcher } from '../glossary/term-matcher';
import type { GlossaryEntry, TermTranslation } from '../protocol/glossary-api';
import { checkTerms } from './check-terms';
import { checkSegment } from './qa';
import { segment } from './testing';

let ids = 0;
const entry = (source: string, translations: TermTranslation[], caseSensitive = false): GlossaryEntry => ({
  id: ++ids,
  source,
  translations,
  note: '',
  caseSensitive,
  status: 'approved',
  createdBy: null,
  createdAt: 0,
  changedBy: null,
  changedAt: 0,
});

/** The seed article's three names for 达摩院, as a glossary would have settled them. */
const TERMS = new TermMatcher([
  entry('达摩院', [
    { text: 'Alibaba DAMO Academy', use: 'preferred' },
    { text: 'DAMO Academy', use: 'allowed' },
    { text: 'Ali Damo Academy', use: 'forbidden' },
  ]),
  entry('林楚勉', [{ text: 'LIN Chumian', use: 'preferred' }], true),
]);

const messages = (source: string, target: string) =>
  checkTerms(segment({ source, target }), TERMS).map((found) => `${found.severity} ${found.check}: ${found.message}`);

describe('the glossary in a translation', () => {
  test.each<[string, string, string[]]>([
    ['阿里达摩院发布了报告。', 'Alibaba DAMO Academy published a report.', []],
    ['阿里达摩院发布了报告。', 'The DAMO Academy published a report.', []],
    [
      '阿里达摩院发布了报告。',
      'Ali Damo Academy published a report.',
      ['error term-forbidden: The glossary forbids “Ali Damo Academy” for “达摩院”: use “Alibaba DAMO Academy”.'],
    ],
    [
      '阿里达摩院发布了报告。',
      'The academy published a report.',
      [
        'warning term-missing: The source says “达摩院”, which the glossary translates as “Alibaba DAMO Academy” (or “DAMO Academy”); the translation has none of them.',
      ],
    ],
    // Case-sensitive: the site writes the family name in capitals.
    [
      '作者：林楚勉',
      'By Lin Chumian',
      ['warning term-missing: The source says “林楚勉”, which the glossary translates as “LIN Chumian”; the translation has none of them.'],
    ],
    ['作者：林楚勉。林楚勉说……', 'By LIN Chumian. He says…', []],
    ['没有术语。', 'No term here.', []],
  ])('%j → %j', (source, target, expected) => expect(messages(source, target)).toEqual(expected));

  test('an omitted segment, an empty translation or no glossary are not checked', () => {
    expect(checkTerms(segment({ source: '达摩院', target: '' }), TERMS)).toEqual([]);
    expect(checkTerms(segment({ source: '达摩院', target: 'x', omitted: true }), TERMS)).toEqual([]);
    expect(checkTerms(segment({ source: '达摩院', target: 'x' }), undefined)).toEqual([]);
  });

  test('checkSegment runs it with the context’s glossary', () => {
    const row = segment({ source: '达摩院', target: 'Ali Damo Academy', status: 'approved' });
    expect(checkSegment(row, { terms: TERMS }).map((found) => found.check)).toEqual(['term-forbidden']);
    expect(checkSegment(row)).toEqual([]);
  });
});
