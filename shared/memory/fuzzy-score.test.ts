import { describe, expect, test } from 'vitest';
import { matchScore, matchScoreAtLeast } from './fuzzy-score';
import { characterTokens, type MatchToken } from './match-text';

const score = (a: string, b: string): number => matchScore(characterTokens(a), characterTokens(b));

/** Tokens from a list of texts, for sequences the tokenizer would not make. */
const tokens = (texts: readonly string[]): MatchToken[] => texts.map((text, i) => ({ text, start: i, end: i + 1, number: false }));

/** The textbook distance, full table, to check the fast one against. */
function levenshtein(a: readonly string[], b: readonly string[]): number {
  const table = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      table[i]![j] = Math.min(table[i - 1]![j]! + 1, table[i]![j - 1]! + 1, table[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return table[a.length]![b.length]!;
}

const expected = (a: readonly string[], b: readonly string[]): number => {
  const length = Math.max(a.length, b.length);
  // floor(100 (1 − d / n)) in exact arithmetic: in floating point 1 − 20 / 25 is 0.19999999999999996.
  return length === 0 ? 100 : Math.floor((100 * (length - levenshtein(a, b))) / length);
};

/** A small deterministic generator, so a failing case can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const SENTENCE = '我们在医院里工作了很久，大家都非常辛苦。';

describe('matchScore', () => {
  test('the sentence used below is 20 tokens long', () => expect(characterTokens(SENTENCE)).toHaveLength(20));

  test('equal sources score 100', () => expect(score(SENTENCE, SENTENCE)).toBe(100));

  test('two empty sources score 100', () => expect(matchScore([], [])).toBe(100));

  test('one source empty scores 0', () => expect(score('', SENTENCE)).toBe(0));

  test('one character changed in a 20-character sentence scores 95', () => {
    expect(score(SENTENCE, SENTENCE.replace('医', '学'))).toBe(95);
    expect(score(SENTENCE, SENTENCE.replace('辛', '心'))).toBeGreaterThanOrEqual(90);
  });

  test('one character added or removed costs one token', () => {
    expect(score(SENTENCE, SENTENCE.replace('很久', '很久很'))).toBe(95); // 1 of 21 → floor(95.2)
    expect(score(SENTENCE, SENTENCE.replace('很久', '久'))).toBe(95);
  });

  test('an unrelated Chinese sentence of the same length scores below 70', () => {
    const other = '今天上午北京市政府召开新闻发布会介绍情况';
    expect(characterTokens(other)).toHaveLength(20);
    expect(score(SENTENCE, other)).toBeLessThan(70);
  });

  test.each([
    ['ＡＩ２０２０年发展报告', 'AI2020年发展报告'],
    ['准确率达９６％，', '准确率达96%,'],
    ['CT  检查', 'ct 检查'],
    ['ｶﾞｲﾄﾞ', 'ガイド'],
  ])('%j and %j (width, case and spacing) score 100', (a, b) => expect(score(a, b)).toBe(100));

  test('a different number is one token different', () => expect(score('去年营收3亿元', '去年营收5亿元')).toBe(Math.floor(100 * (1 - 1 / 7))));

  test('a character changed beside a number is one edit, not the number and the character', () => {
    // 17 tokens: 说 可 9.7 亿 分 … 是 。
    expect(score('说可9.7亿分一以再诊使之三一很交是。', '说可9.7噵分一以再诊使之三一很交是。')).toBe(Math.floor(100 * (1 - 1 / 17)));
    expect(score('疫情期间投入三百五十万元', '疫情期间投入三百五十个元')).toBe(Math.floor(100 * (1 - 1 / 12)));
  });

  test('never 100 for sequences that differ, however long', () => {
    const long = Array.from({ length: 500 }, (_, i) => `w${i}`);
    expect(matchScore(tokens(long), tokens([...long.slice(0, 499), 'other']))).toBe(99);
  });

  test('agrees with the textbook distance on random sequences', () => {
    const next = random(7);
    for (let round = 0; round < 300; round++) {
      const alphabet = 2 + Math.floor(next() * 6);
      const make = () => Array.from({ length: Math.floor(next() * 30) }, () => String(Math.floor(next() * alphabet)));
      const a = make();
      const b = next() < 0.5 ? make() : a.map((text) => (next() < 0.2 ? 'x' : text));
      expect(matchScore(tokens(a), tokens(b)), `${a.join('')} / ${b.join('')}`).toBe(expected(a, b));
    }
  });
});

describe('matchScoreAtLeast', () => {
  test('gives the score when it reaches the minimum', () => {
    expect(matchScoreAtLeast(characterTokens(SENTENCE), characterTokens(SENTENCE.replace('辛', '心')), 90)).toBe(95);
    expect(matchScoreAtLeast(characterTokens(SENTENCE), characterTokens(SENTENCE.replace('辛', '心')), 95)).toBe(95);
    expect(matchScoreAtLeast(characterTokens(SENTENCE), characterTokens(SENTENCE), 100)).toBe(100);
  });

  test('gives null when it does not', () => {
    expect(matchScoreAtLeast(characterTokens(SENTENCE), characterTokens(SENTENCE.replace('辛', '心')), 96)).toBeNull();
    expect(matchScoreAtLeast(characterTokens(SENTENCE), characterTokens('今天上午北京市政府召开新闻发布会介绍情况'), 70)).toBeNull();
  });

  test('a length difference too large settles it', () => {
    const short = tokens(['a', 'b', 'c']);
    const long = tokens(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']);
    // At best 3 of 10 tokens agree: 30.
    expect(matchScoreAtLeast(short, long, 31)).toBeNull();
    expect(matchScoreAtLeast(short, long, 30)).toBe(30);
  });

  test('two empty sequences score 100 at any minimum', () => expect(matchScoreAtLeast([], [], 100)).toBe(100));

  test('a minimum above 100 is never reached, one at 0 or below always', () => {
    expect(matchScoreAtLeast(tokens(['a']), tokens(['a']), 101)).toBeNull();
    expect(matchScoreAtLeast(tokens(['a']), tokens(['b']), 0)).toBe(0);
    expect(matchScoreAtLeast(tokens(['a']), tokens(['b']), -5)).toBe(0);
  });

  test('agrees with matchScore on random sequences at every minimum', () => {
    const next = random(11);
    for (let round = 0; round < 300; round++) {
      const alphabet = 2 + Math.floor(next() * 5);
      const make = (length: number) => Array.from({ length }, () => String(Math.floor(next() * alphabet)));
      const a = make(Math.floor(next() * 40));
      const b = next() < 0.3 ? make(Math.floor(next() * 40)) : a.filter(() => next() > 0.1).map((text) => (next() < 0.15 ? 'x' : text));
      const full = expected(a, b);
      const minimum = Math.floor(next() * 101);
      expect(matchScoreAtLeast(tokens(a), tokens(b), minimum), `${a.join('')} / ${b.join('')} ≥ ${minimum}`).toBe(full >= minimum ? full : null);
    }
  });
});
