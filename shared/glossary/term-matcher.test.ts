import { describe, expect, test } from 'vitest';
import type { GlossaryEntry, TermTranslation } from '../protocol/glossary-api';
import { findTranslation, TermMatcher } from './term-matcher';

let ids = 0;
const entry = (source: string, translations: TermTranslation[], overrides: Partial<GlossaryEntry> = {}): GlossaryEntry => ({
  id: ++ids,
  source,
  translations,
  note: '',
  caseSensitive: false,
  status: 'approved',
  createdBy: null,
  createdAt: 0,
  changedBy: null,
  changedAt: 0,
  ...overrides,
});

describe('finding terms in a source', () => {
  const matcher = new TermMatcher([
    entry('人工', [{ text: 'manual', use: 'preferred' }]),
    entry('人工智能', [{ text: 'artificial intelligence', use: 'preferred' }]),
    entry('ＣＴ检查', [{ text: 'CT scan', use: 'preferred' }]),
    entry('达摩院', [{ text: 'DAMO Academy', use: 'preferred' }], { status: 'proposed' }),
  ]);

  test('the longest term where terms start together, each once where it stands, in either width, with ranges in the text', () => {
    const source = '发展人工智能需要ct检查，人工也要。';
    expect(matcher.find(source).map((hit) => [hit.entry.source, source.slice(hit.start, hit.end)])).toEqual([
      ['人工智能', '人工智能'],
      ['ＣＴ检查', 'ct检查'],
      ['人工', '人工'],
    ]);
  });

  test('a proposed entry is not matched, nor anything in an empty glossary', () => {
    expect(matcher.find('达摩院发布了研究。')).toEqual([]);
    expect(new TermMatcher([]).find('人工智能')).toEqual([]);
  });
});

describe('finding an English term in a translation', () => {
  test.each<[string, string, boolean, number]>([
    ['Three labs did it.', 'lab', false, 1],
    ["The lab's result", 'lab', false, 1],
    ['A label on it', 'lab', false, 0],
    ['He said so.', 'AI', false, 0],
    ['The ai said so; AI too.', 'AI', true, 1],
    ['The Alibaba  DAMO\nAcademy', 'alibaba DAMO academy', false, 1],
    ['ＣＴ scans', 'CT scan', false, 1],
  ])('%j holds %j (case-sensitive %s) %i times', (text, term, caseSensitive, times) => {
    expect(findTranslation(text, term, caseSensitive)).toHaveLength(times);
  });
});
