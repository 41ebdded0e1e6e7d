import { describe, expect, test } from 'vitest';
import { characterTokens, matchTokens, type MatchToken } from './match-text';
import { normalizeForMatching } from '../text/normalize-for-matching';

/** Tokens as `text` with `#` after a number. */
const shown = (text: string): string[] => matchTokens(text).map((token) => `${token.text}${token.number ? '#' : ''}`);

/** Each token's original text, from its offsets. */
const originals = (text: string, tokens: MatchToken[] = matchTokens(text)): string[] => tokens.map((token) => text.slice(token.start, token.end));

describe('normalizeForMatching', () => {
  test.each([
    ['ＡＩ２０２０年', 'AI2020年'],
    ['准确率９６％！', '准确率96%!'],
    ['ｶﾞｲﾄﾞ', 'ガイド'],
    ['  two \t spaces\n\nand lines  ', 'two spaces and lines'],
    ['中文\u3000全角空格', '中文 全角空格'],
    ['no\u00a0break', 'no break'],
    ['', ''],
  ])('%j is %j', (text, normalized) => expect(normalizeForMatching(text)).toBe(normalized));
});

describe('matchTokens', () => {
  test.each([
    // Chinese: a token per character, punctuation included
    ['我们在医院。', ['我', '们', '在', '医', '院', '。']],
    // Latin words and digit runs are one token each, lower-cased; whitespace goes
    ['一周做三次 CT 检查', ['一', '周', '做', '三#', '次', 'ct', '检', '查']],
    ['The Quick  fox', ['the', 'quick', 'fox']],
    // decimals and thousands separators between digits stay in the number
    ['3.5 and 1,200.75', ['3.5#', 'and', '1,200.75#']],
    // a full stop after a number is punctuation
    ['in 2019.', ['in', '2019#', '.']],
    // apostrophes and hyphens inside words
    ['don’t COVID-19 well-known', ["don't", 'covid-19', 'well-known']],
    // a range of numbers is two numbers
    ['3-5天', ['3#', '-', '5#', '天']],
    // letters and digits together are one word, not a number
    ['A4纸', ['a4', '纸']],
    // full-width forms read as half-width
    ['ＡＩ２０２０年', ['ai2020', '年']],
    ['有２０个', ['有', '20#', '个']],
    // Chinese numerals that count as quantities are one number token, digits with units too
    ['一共三百五十人', ['一', '共', '三百五十#', '人']],
    ['感染人数达到 3.5万', ['感', '染', '人', '数', '达', '到', '3.5万#']],
    ['150 万人', ['150 万#', '人']],
    ['二〇二〇年', ['二〇二〇#', '年']],
    // a rank's 第 and a percentage's signs stay outside the number
    ['第三名', ['第', '三#', '名']],
    ['百分之九十六', ['百', '分', '之', '九十六#']],
    ['96％', ['96#', '%']],
    // each part of a date is a number
    ['2020年2月23日', ['2020#', '年', '2#', '月', '23#', '日']],
    ['二〇二〇年二月', ['二〇二〇#', '年', '二#', '月']],
    // numerals in words are no numbers
    ['一直在第一线', ['一', '直', '在', '第', '一', '线']],
    ['两三天', ['两', '三', '天']],
    // half-width katakana, with their sound marks, as full-width characters
    ['ｶﾞｲﾄﾞ', ['ガ', 'イ', 'ド']],
    ['', []],
    [' \n ', []],
  ])('%j is %j', (text, tokens) => expect(shown(text)).toEqual(tokens));

  test('offsets point into the original text, full-width forms included', () => {
    const text = 'ＡＩ２０２０年';
    const tokens = matchTokens(text);
    expect(tokens).toEqual([
      { text: 'ai2020', start: 0, end: 6, number: false },
      { text: '年', start: 6, end: 7, number: false },
    ]);
    expect(originals(text, tokens)).toEqual(['ＡＩ２０２０', '年']);
  });

  test('a number written in full-width digits is found and kept in place', () => {
    const text = '市值１.２亿元';
    expect(matchTokens(text)[2]).toEqual({ text: '1.2亿', start: 2, end: 6, number: true });
    expect(originals(text)).toEqual(['市', '值', '１.２亿', '元']);
  });

  test('characterTokens leaves numbers unmerged: the characters of a numeral and its unit are tokens of their own', () => {
    const text = '市值１.２亿元，三百五十人';
    expect(characterTokens(text).map((token) => `${token.text}${token.number ? '#' : ''}`)).toEqual([
      '市',
      '值',
      '1.2#',
      '亿',
      '元',
      ',',
      '三',
      '百',
      '五',
      '十',
      '人',
    ]);
    expect(matchTokens(text).map((token) => `${token.text}${token.number ? '#' : ''}`)).toEqual(['市', '值', '1.2亿#', '元', ',', '三百五十#', '人']);
  });

  test('a character outside the BMP is one token two code units long', () => {
    const text = '𠮷野家 3 家';
    const tokens = matchTokens(text);
    expect(tokens.map((token) => [token.text, token.start, token.end])).toEqual([
      ['𠮷', 0, 2],
      ['野', 2, 3],
      ['家', 3, 4],
      ['3', 5, 6],
      ['家', 7, 8],
    ]);
    expect(originals(text, tokens)).toEqual(['𠮷', '野', '家', '3', '家']);
  });

  test('a katakana letter and its half-width sound mark are one token spanning both', () => {
    const text = 'ｶﾞ';
    expect(matchTokens(text)).toEqual([{ text: 'ガ', start: 0, end: 2, number: false }]);
  });

  test('a compatibility character that stands for several characters gives each its place', () => {
    expect(matchTokens('㍿').map((token) => [token.text, token.start, token.end])).toEqual([
      ['株', 0, 1],
      ['式', 0, 1],
      ['会', 0, 1],
      ['社', 0, 1],
    ]);
  });

  test('the same text in full and half width gives the same token texts', () => {
    const texts = (text: string) => matchTokens(text).map((token) => token.text);
    expect(texts('ＣＯＶＩＤ－１９疫情，２０２０年')).toEqual(texts('COVID-19疫情,2020年'));
  });

  test('offsets skip the whitespace between tokens', () => {
    const text = '  CT  检查\n';
    expect(originals(text)).toEqual(['CT', '检', '查']);
    expect(matchTokens(text)[0]).toMatchObject({ start: 2, end: 4 });
  });
});
