/**
 * Source text as the translation memory compares it: `normalizeForMatching`
 * for whole strings (the key a store may index by), `characterTokens`, the
 * units the fuzzy score counts in, and `matchTokens`, the same with each
 * number as one token, which the source diff and the number substitution use.
 *
 * Chinese writes no spaces between words, so a word diff would see a whole
 * sentence as one word: every Han character (and every other symbol or
 * punctuation mark) is a token of its own, while a run of Latin letters and
 * digits (`CT`, `COVID-19`, `3.5`, `1,200`, `don't`) stays one token, compared
 * without case. Compatibility forms are folded first (NFKC: full-width `ＡＩ２０`
 * is `AI20`, half-width katakana full), so the same sentence typed in either
 * width matches itself.
 *
 * In `matchTokens`, numbers are tokens of their own (`number: true`): digit
 * runs, and the Chinese numerals that shared/qa's reader counts as quantities
 * (`三百五十`, `3.5万`, `二〇二〇`), each merged into one token, so that the
 * number substitution can read the two values and a diff marks a changed
 * number whole. The score counts characters instead: one character changed is
 * one edit even where it is the `亿` of `9.7亿` (merged, `9.7亿` against `9.7`
 * and `噵` would be two).
 *
 * Each token keeps its place in the original, un-normalized text (UTF-16
 * offsets, `start` inclusive, `end` exclusive) so a UI can highlight it.
 */
import { findChineseNumbers, parseChineseNumber } from '../qa/chinese-numbers';
import { normalizeForMatching } from '../text/normalize-for-matching';

export interface MatchToken {
  /** The token as compared: NFKC, Latin letters lower-cased. */
  text: string;
  /** Where it starts in the original text (UTF-16 offset). */
  start: number;
  /** Where it ends in the original text (UTF-16 offset, exclusive). */
  end: number;
  /** A number: digits (`2020`, `3.5`, `1,200`) or a Chinese numeral (`三百五十`, `3.5万`). */
  number: boolean;
}

/** A piece of the original text that normalizes on its own: one code point with the marks that follow it. */
interface Unit {
  norm: string;
  start: number;
  end: number;
}

/** Marks that NFKC may join to the code point before them (combining marks, half-width katakana sound marks). */
const JOINING = /^[\p{M}\uFF9E\uFF9F]$/u;
const WORD = /^[\p{L}\p{N}\p{M}]+$/u;
/** Scripts written without spaces: one character, one token. */
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Bopomofo}]/u;
const SPACE = /^\s+$/u;
const NUMBER = /^[0-9]+(?:[.,][0-9]+)*$/;
const DIGIT = /[0-9]/;
const LETTER = /\p{L}/u;
/** Between digits: a decimal point or a thousands separator. */
const DIGIT_JOINERS = new Set(['.', ',']);
/** Inside a word: apostrophes and hyphens. */
const WORD_JOINERS = new Set(["'", '’', '-', '‐', '‑']);

/** Code points NFKC leaves alone on their own: printable ASCII and the CJK unified ideographs (most of a Chinese text). */
const isStable = (code: number): boolean => (code >= 0x20 && code < 0x7f) || (code >= 0x4e00 && code <= 0x9fff);

function units(text: string): Unit[] {
  const out: Unit[] = [];
  let at = 0;
  while (at < text.length) {
    const start = at;
    const code = text.codePointAt(at)!;
    at += code > 0xffff ? 2 : 1;
    let alone = true;
    while (at < text.length) {
      const next = text.codePointAt(at)!;
      const size = next > 0xffff ? 2 : 1;
      if (!JOINING.test(text.slice(at, at + size))) break;
      at += size;
      alone = false;
    }
    const piece = text.slice(start, at);
    out.push({ norm: alone && isStable(code) ? piece : piece.normalize('NFKC'), start, end: at });
  }
  return out;
}

const isWord = (norm: string): boolean => WORD.test(norm) && !UNSPACED.test(norm);

/** Whether `joiner` (between the word so far and `after`) keeps the run one token: `3.5`, `1,200`, `don't`, `COVID-19`. */
function joins(before: string, joiner: string, after: Unit | undefined): boolean {
  if (after == null || !isWord(after.norm)) return false;
  const last = before[before.length - 1] ?? '';
  const first = after.norm[0] ?? '';
  if (DIGIT_JOINERS.has(joiner)) return DIGIT.test(last) && DIGIT.test(first);
  // "3-5" is a range of two numbers; "COVID-19" and "don't" are words.
  if (WORD_JOINERS.has(joiner)) return LETTER.test(last) || LETTER.test(first);
  return false;
}

/** A Latin word as compared: lower case, one apostrophe, one hyphen. */
const wordText = (word: string): string => word.toLowerCase().replace(/’/g, "'").replace(/[‐‑]/g, '-');

/**
 * The tokens the fuzzy score counts, in order: each Han character, symbol or
 * punctuation mark one token; a run of letters and digits one token
 * (lower-cased); whitespace dropped. `number` marks digit runs only.
 */
export function characterTokens(text: string): MatchToken[] {
  const list = units(text);
  const tokens: MatchToken[] = [];
  let i = 0;
  while (i < list.length) {
    const unit = list[i]!;
    if (SPACE.test(unit.norm)) {
      i++;
      continue;
    }
    if (isWord(unit.norm)) {
      let word = unit.norm;
      let j = i + 1;
      for (;;) {
        const next = list[j];
        if (next != null && isWord(next.norm)) {
          word += next.norm;
          j++;
        } else if (next != null && joins(word, next.norm, list[j + 1])) {
          word += next.norm + list[j + 1]!.norm;
          j += 2;
        } else break;
      }
      const text = wordText(word);
      tokens.push({ text, start: unit.start, end: list[j - 1]!.end, number: NUMBER.test(text) });
      i = j;
      continue;
    }
    // Usually one character; a compatibility character may stand for several (`㍿` is 株式会社), all at its place.
    for (const ch of unit.norm) {
      if (!SPACE.test(ch)) tokens.push({ text: ch, start: unit.start, end: unit.end, number: NUMBER.test(ch) });
    }
    i++;
  }
  return tokens;
}

/**
 * Where the numerals shared/qa's reader finds are, as [start, end) spans of
 * the numeral alone: without a rank's `第`, a percentage's `百分之` or `%`, and
 * with each number of a date (`2020年2月23日`) on its own.
 */
function numberSpans(text: string): [number, number][] {
  const found = findChineseNumbers(text);
  const spans: [number, number][] = [];
  const add = (start: number, end: number) => {
    while (start < end && /\s/.test(text[end - 1]!)) end--;
    if (start < end && parseChineseNumber(text.slice(start, end)) != null) spans.push([start, end]);
  };
  for (const mention of found.numbers) {
    let start = mention.index;
    let end = mention.index + mention.text.length;
    if (mention.ordinal && text[start] === '第') start++;
    if (text.startsWith('百分之', start)) start += 3;
    if (text[end - 1] === '%' || text[end - 1] === '％') end--;
    add(start, end);
  }
  for (const date of found.dates) {
    const end = date.index + date.text.length;
    let from = date.index;
    for (let at = date.index; at <= end; at++) {
      if (at === end || '年月日号 '.includes(text[at]!)) {
        if (at > from) add(from, at);
        from = at + 1;
      }
    }
  }
  return spans;
}

/**
 * The tokens of `text`, in order: each Han character, symbol or punctuation
 * mark one token; a run of letters and digits one token (lower-cased); a
 * number one token (`number: true`); whitespace dropped. A numeral only
 * counts when its span starts and ends at token boundaries: the `19` of
 * `COVID19` stays inside its word.
 */
export function matchTokens(text: string): MatchToken[] {
  const tokens = characterTokens(text);
  const spans = numberSpans(text);
  if (spans.length === 0) return tokens;
  const byStart = new Map<number, number>();
  tokens.forEach((token, index) => {
    if (!byStart.has(token.start)) byStart.set(token.start, index);
  });
  // Merge each span's tokens into one, from the last span so that earlier indexes stay right.
  const ordered = [...new Map(spans.map((span) => [span[0], span])).values()].sort((a, b) => b[0] - a[0]);
  let limit = tokens.length;
  for (const [start, end] of ordered) {
    const first = byStart.get(start);
    if (first == null || first >= limit) continue;
    let last = first;
    while (last + 1 < limit && tokens[last + 1]!.end <= end) last++;
    if (tokens[last]!.end !== end) continue;
    tokens.splice(first, last - first + 1, { text: normalizeForMatching(text.slice(start, end)), start, end, number: true });
    limit = first;
  }
  return tokens;
}
