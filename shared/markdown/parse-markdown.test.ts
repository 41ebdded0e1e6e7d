/**
 * The parser's own text helpers: the same results as the regular expressions
 * they replace, in one pass.
 */
import { describe, expect, test } from 'vitest';
import { parseMarkdownBlocks, softBreaksAsSpaces } from './parse-markdown';
import { p } from '../testing/builders';

describe('softBreaksAsSpaces', () => {
  // Every string of up to five characters over space, tab, line break and a letter.
  const alphabet = [' ', '\t', '\n', 'a'];
  const strings: string[] = [''];
  for (let length = 1; length <= 5; length++) {
    for (let n = 0; n < alphabet.length ** length; n++) {
      let s = '';
      for (let k = 0, rest = n; k < length; k++, rest = Math.floor(rest / alphabet.length)) s += alphabet[rest % alphabet.length];
      strings.push(s);
    }
  }

  test('matches /[ \\t]*\\n[ \\t]*/g → " " on every short string of spaces, tabs, line breaks and letters', () => {
    for (const s of strings) expect(softBreaksAsSpaces(s), JSON.stringify(s)).toBe(s.replace(/[ \t]*\n[ \t]*/g, ' '));
  });

  test('a paragraph holding a long run of spaces reads as typed', () => {
    const text = `a${' '.repeat(20_000)}b`;
    expect(parseMarkdownBlocks(text).map((node) => node.toJSON())).toEqual([p(text).toJSON()]);
  });
});
