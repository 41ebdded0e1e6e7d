/**
 * A translation memory match that differs from the current source only in
 * its numbers (`去年营收3亿元` stored, `去年营收5亿元` now) is as good as an exact
 * one once the numbers in its English are changed too (`300 million` →
 * `500 million`). This file says whether a match is such a one
 * (`numberChanges`) and writes the changed numbers into its translation
 * (`substituteNumbers`, `substituteInTexts` for a translation in several text
 * nodes).
 *
 * Numbers are read by shared/qa's readers, the ones the number check uses:
 * `parseChineseNumber` for the sources' number tokens (`3.5万` is 35,000,
 * `二〇一九` 2019) and `findEnglishNumbers` for the translation (`35,000`,
 * `35 thousand`, `1.2 billion`, `twenty`, `3rd`). A new number is written as
 * the translation wrote the old one where that is plain: digits keep their
 * thousands separators or their absence, `300 million` stays in millions when
 * the new number is a whole number of them, a spelled-out number up to 99
 * stays spelled out, a rank keeps its `st`/`nd`/`rd`/`th`. Where a number
 * cannot be found exactly once in the translation, or is written as a word
 * that does not take a number (`twice`, `both`, Roman numerals), nothing is
 * substituted (null): the caller offers the match as it is.
 */
import { findEnglishNumbers } from '../qa/english-numbers';
import { formatNumber, sameNumber, type NumberMention } from '../qa/mentions';
import { parseChineseNumber } from '../qa/chinese-numbers';
import type { MatchToken } from './match-text';

/** A number of the matched source (`from`) that is another in the current source (`to`). */
export interface NumberChange {
  /** The matched source's number, which its translation has. */
  from: number;
  /** The current source's number, which the translation should have. */
  to: number;
  /** The matched source's number token as compared (normalized). */
  fromText: string;
  /** The current source's number token as compared (normalized). */
  toText: string;
}

/**
 * The number changes that turn `matched` into `current`, or null unless the
 * two token sequences are equal but for at least one pair of number tokens
 * with different values (a number written otherwise with the same value,
 * `1200` and `1,200`, is no change).
 */
export function numberChanges(current: readonly MatchToken[], matched: readonly MatchToken[]): NumberChange[] | null {
  if (current.length !== matched.length) return null;
  const changes: NumberChange[] = [];
  for (let i = 0; i < current.length; i++) {
    const now = current[i]!;
    const before = matched[i]!;
    if (now.text === before.text && now.number === before.number) continue;
    if (!now.number || !before.number) return null;
    const to = parseChineseNumber(now.text);
    const from = parseChineseNumber(before.text);
    if (to == null || from == null) return null;
    if (!sameNumber(from, to)) changes.push({ from, to, fromText: before.text, toText: now.text });
  }
  return changes.length > 0 ? changes : null;
}

/** The translation with the changed numbers written in, and how many were, or null when a number cannot be placed. */
export function substituteNumbers(englishTarget: string, changes: readonly NumberChange[]): { text: string; replaced: number } | null {
  const result = substituteInTexts([englishTarget], changes);
  return result && { text: result.texts[0]!, replaced: result.replaced };
}

/**
 * The same across several texts (the text nodes of a translation's
 * paragraph, a number never spanning two): each change's `from` must be
 * found exactly once in all of them together, and no two changes at one
 * place. The texts come back in their order, changed or not.
 */
export function substituteInTexts(texts: readonly string[], changes: readonly NumberChange[]): { texts: string[]; replaced: number } | null {
  const found = texts.map(readings);
  const edits: Edit[][] = texts.map(() => []);
  const taken = new Set<NumberMention>();
  for (const change of changes) {
    const places: { node: number; mention: NumberMention }[] = [];
    found.forEach((mentions, node) => {
      for (const mention of mentions) if (sameNumber(mention.value, change.from)) places.push({ node, mention });
    });
    if (places.length !== 1) return null;
    const { node, mention } = places[0]!;
    if (taken.has(mention)) return null;
    taken.add(mention);
    const edit = rewrite(texts[node]!, mention, change.to);
    if (edit == null) return null;
    edits[node]!.push(edit);
  }
  return { texts: texts.map((text, node) => applyEdits(text, edits[node]!)), replaced: changes.length };
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/**
 * The numbers of an English text, one reading per place: where the reader
 * offers two (`300` and `300 million`), the longer, which is what the text
 * says.
 */
function readings(text: string): NumberMention[] {
  const byIndex = new Map<number, NumberMention>();
  for (const mention of findEnglishNumbers(text).numbers) {
    const other = byIndex.get(mention.index);
    if (other == null || mention.text.length > other.text.length) byIndex.set(mention.index, mention);
  }
  return [...byIndex.values()];
}

const DIGITS = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?/;
const WORD_SCALE = /^(\s?)(thousand|million|billion|trillion)$/i;
const LETTER_SCALE = /^(?:k|K|M|B|\s?(?:mn|bn|tn))$/;
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, k: 1e3, m: 1e6, b: 1e9, mn: 1e6, bn: 1e9, tn: 1e12 };
const ORDINAL_SUFFIX = /^(?:st|nd|rd|th)\b/;
const PERCENT_TAIL = /\s?(?:%|percent|per cent|pct|percentage points?)$/i;
/** Words the English reader takes for numbers that another number cannot replace. */
const NOT_REPLACEABLE = new Set(['once', 'twice', 'thrice', 'both', 'double', 'triple', 'quadruple', 'couple', 'pair']);

/** The edit that writes `to` where `mention` is, in its style, or null when that is not plain. */
function rewrite(text: string, mention: NumberMention, to: number): Edit | null {
  const start = mention.index;
  const end = start + mention.text.length;
  const digits = DIGITS.exec(mention.text);
  if (digits) {
    const written = digits[0];
    const rest = mention.text.slice(written.length);
    if (mention.ordinal) {
      const suffix = ORDINAL_SUFFIX.exec(text.slice(end));
      if (!Number.isInteger(to) || to < 0) return null;
      return { start, end: end + (suffix?.[0].length ?? 0), text: writeDigits(to, written) + (suffix ? ordinalSuffix(to) : '') };
    }
    const scale = WORD_SCALE.test(rest) || LETTER_SCALE.test(rest) ? SCALES[rest.trim().toLowerCase()]! : 1;
    if (scale === 1) return { start, end, text: writeDigits(to, written) + rest };
    const scaled = to / scale;
    const replacement = to >= scale && isRound(scaled) ? writeDigits(scaled, written) + rest : formatNumber(to);
    return { start, end, text: replacement };
  }
  if (!/^[A-Za-z]/.test(mention.text)) return null;
  if (NOT_REPLACEABLE.has(mention.text.toLowerCase())) return null;
  if (/^[IVX]+$/.test(mention.text)) return null; // a Roman numeral: "level III"
  const percent = PERCENT_TAIL.exec(mention.text);
  const words = percent ? mention.text.slice(0, percent.index) : mention.text;
  const tail = percent?.[0] ?? '';
  const replacement = mention.ordinal ? writeOrdinal(to) : writeWords(to, words);
  if (replacement == null) return null;
  const capital = /^[A-Z]/.test(words);
  return { start, end, text: (capital ? replacement[0]!.toUpperCase() + replacement.slice(1) : replacement) + tail };
}

/** A number with at most three decimals: `1.25 billion` reads well, `1.23456 billion` does not. */
const isRound = (value: number): boolean => Math.abs(value * 1000 - Math.round(value * 1000)) < 1e-6;

/**
 * `value` in digits as `like` wrote its number: with thousands separators if
 * it had them, without if it had four digits or more without (`2019`,
 * `35000`); with them when it was too short to say (`12` → `1,500`).
 */
function writeDigits(value: number, like: string): string {
  const formatted = formatNumber(value);
  if (like.includes(',')) return formatted;
  const whole = like.split('.')[0]!;
  return whole.length >= 4 ? formatted.replace(/,/g, '') : formatted;
}

function ordinalSuffix(value: number): string {
  const lastTwo = value % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return 'th';
  return { 1: 'st', 2: 'nd', 3: 'rd' }[value % 10] ?? 'th';
}

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const TEENS = ['eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ORDINAL_WORDS: Record<string, string> = {
  one: 'first',
  two: 'second',
  three: 'third',
  five: 'fifth',
  eight: 'eighth',
  nine: 'ninth',
  twelve: 'twelfth',
};

/** 0 to 99 spelled out (`twenty-three`), else null. */
function spell(value: number): string | null {
  if (!Number.isInteger(value) || value < 0 || value > 99) return null;
  if (value <= 10) return ONES[value]!;
  if (value < 20) return TEENS[value - 11]!;
  const ones = value % 10;
  return TENS[Math.floor(value / 10)]! + (ones === 0 ? '' : `-${ONES[ones]!}`);
}

/** 1st to 99th spelled out (`twenty-third`), else digits with a suffix (`112th`). */
function writeOrdinal(value: number): string | null {
  if (!Number.isInteger(value) || value < 1) return null;
  const cardinal = spell(value);
  if (cardinal == null) return formatNumber(value) + ordinalSuffix(value);
  const parts = cardinal.split('-');
  const last = parts.pop()!;
  const ordinal = ORDINAL_WORDS[last] ?? (last.endsWith('y') ? `${last.slice(0, -1)}ieth` : `${last}th`);
  return [...parts, ordinal].join('-');
}

/**
 * `value` as a spelled-out number was written: spelled out up to 99, with its
 * scale word kept when `value` is a round number of them (`three million` →
 * `five million`, `1.5 million`), else in digits (`350`, `12,000`).
 */
function writeWords(value: number, words: string): string | null {
  const scaleWord = /(?:^|[\s-])(thousand|million|billion|trillion)$/i.exec(words);
  if (scaleWord && words.trim().toLowerCase() !== scaleWord[1]!.toLowerCase()) {
    const scale = SCALES[scaleWord[1]!.toLowerCase()]!;
    const scaled = value / scale;
    if (value >= scale && isRound(scaled)) return `${spell(scaled) ?? formatNumber(scaled)} ${scaleWord[1]!}`;
    return formatNumber(value);
  }
  return spell(value) ?? formatNumber(value);
}
