/**
 * Numbers and dates as an English translation may write them: digits with
 * separators and decimals, scaled (`35 thousand`, `1.5M`, `120 million`),
 * spelled out (`two`, `twenty-three`, `three hundred and fifty`), ranks
 * (`first`, `2nd`), multiples (`twice`, `both`), Roman numerals (`level III`),
 * percentages (`96%`, `96 percent`), and dates (`February 23, 2020`,
 * `23 February 2020`, `Feb. 23`, `2020-02-23`, `2/23/2020`).
 *
 * Read generously: this side only answers "is the source's number here?", so
 * reading a number where there is none (`second` the unit, `IV` the drip) at
 * worst hides a warning, while missing one raises a false one.
 */
import { isValidMonthDay, type DateMention, type Mentions, type NumberMention } from './mentions';

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const ORDINAL_UNITS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  sixtieth: 60,
  seventieth: 70,
  eightieth: 80,
  ninetieth: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const ORDINAL_SCALES: Record<string, number> = { hundredth: 100, thousandth: 1e3, millionth: 1e6 };
/** Words that stand for a number on their own. */
const MULTIPLES: Record<string, number> = { once: 1, twice: 2, thrice: 3, both: 2, double: 2, triple: 3, quadruple: 4, couple: 2, pair: 2 };

const isNumberWord = (word: string): boolean => word in UNITS || word in ORDINAL_UNITS || word in SCALES || word in ORDINAL_SCALES || word === 'dozen';

const DIGITS = /(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?/g;
const ORDINAL_SUFFIX = /^(?:st|nd|rd|th)\b/;
const PERCENT_AFTER = /^\s?(?:%|percent\b|per cent\b|pct\b|percentage points?\b)/i;
const WORD_SCALE_AFTER = /^\s?(thousand|million|billion|trillion)\b/i;
const LETTER_SCALE_AFTER = /^(?:(k|K|M|B)\b|\s?(mn|bn|tn)\b)/;
const LETTER_SCALES: Record<string, number> = { k: 1e3, K: 1e3, M: 1e6, B: 1e9, mn: 1e6, bn: 1e9, tn: 1e12 };

function digitNumbers(text: string, out: NumberMention[]): void {
  for (const match of text.matchAll(DIGITS)) {
    // Not the fraction of a decimal that started earlier (".5").
    if (match.index > 0 && text[match.index - 1] === '.' && /\d/.test(text[match.index - 2] ?? '')) continue;
    const value = Number(match[0].replace(/,/g, ''));
    const rest = text.slice(match.index + match[0].length);
    const percent = PERCENT_AFTER.exec(rest);
    const ordinal = ORDINAL_SUFFIX.test(rest);
    const word = WORD_SCALE_AFTER.exec(rest);
    const letter = LETTER_SCALE_AFTER.exec(rest);
    const scale = word ? SCALES[word[1]!.toLowerCase()]! : letter ? LETTER_SCALES[letter[1] ?? letter[2]!]! : 1;
    const scaleText = word?.[0] ?? letter?.[0] ?? '';
    const percentAfterScale = scale !== 1 && PERCENT_AFTER.test(rest.slice(scaleText.length));
    out.push({ value, percent: percent != null, ordinal, text: match[0] + (percent?.[0] ?? ''), index: match.index });
    if (scale !== 1) out.push({ value: value * scale, percent: percentAfterScale, ordinal: false, text: match[0] + scaleText, index: match.index });
  }
}

interface Word {
  word: string;
  start: number;
  end: number;
}

/** Spelled-out numbers: each maximal phrase of number words ("three hundred and fifty") is one number. */
function wordNumbers(text: string, out: NumberMention[]): void {
  const words: Word[] = [...text.matchAll(/[A-Za-z]+/g)].map((m) => ({ word: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
  const joined = (a: Word, b: Word): boolean => /^[\s-]*$/.test(text.slice(a.end, b.start));
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!.word;
    if (word in MULTIPLES) {
      out.push({ value: MULTIPLES[word]!, percent: false, ordinal: false, text: text.slice(words[i]!.start, words[i]!.end), index: words[i]!.start });
      continue;
    }
    // "a hundred", "a thousand"
    const startsWithA =
      word === 'a' && words[i + 1] != null && (words[i + 1]!.word in SCALES || words[i + 1]!.word === 'dozen') && joined(words[i]!, words[i + 1]!);
    if (!isNumberWord(word) && !startsWithA) continue;
    let j = startsWithA ? i + 1 : i;
    const phrase: Word[] = [];
    let previous: Word | null = null; // the last word taken, "and" included
    while (j < words.length) {
      const current = words[j]!;
      if (isNumberWord(current.word) && (previous == null || joined(previous, current))) {
        phrase.push(current);
        previous = current;
        j++;
        if (current.word in ORDINAL_UNITS || current.word in ORDINAL_SCALES) break;
        continue;
      }
      const next = words[j + 1];
      if (current.word === 'and' && previous && next && isNumberWord(next.word) && joined(previous, current) && joined(current, next)) {
        previous = current;
        j++;
        continue;
      }
      break;
    }
    if (phrase.length === 0) continue;
    // "35 thousand" was read with its digits.
    if (phrase[0]!.word in SCALES && !startsWithA && /\d\s?$/.test(text.slice(0, phrase[0]!.start))) {
      i = j - 1;
      continue;
    }
    const value = phraseValue(phrase.map((w) => w.word));
    const last = phrase[phrase.length - 1]!;
    const first = startsWithA ? words[i]! : phrase[0]!;
    const ordinal = last.word in ORDINAL_UNITS || last.word in ORDINAL_SCALES;
    const percent = PERCENT_AFTER.exec(text.slice(last.end));
    out.push({ value, percent: percent != null, ordinal, text: text.slice(first.start, last.end) + (percent?.[0] ?? ''), index: first.start });
    i = j - 1;
  }
}

function phraseValue(words: string[]): number {
  let total = 0;
  let current = 0;
  for (const word of words) {
    const unit = UNITS[word] ?? ORDINAL_UNITS[word];
    const scale = SCALES[word] ?? ORDINAL_SCALES[word];
    if (unit != null) current += unit;
    else if (word === 'dozen') current = (current || 1) * 12;
    else if (scale === 100) current = (current || 1) * 100;
    else if (scale != null) {
      total += (current || 1) * scale;
      current = 0;
    }
  }
  return total + current;
}

const ROMAN = /\b(?=[IVX]{2,}\b)(X{0,3})(IX|IV|V?I{0,3})\b/g;

/** Roman numerals II to XXXIX written in capitals ("level III"); single letters are too ambiguous. */
function romanNumbers(text: string, out: NumberMention[]): void {
  for (const match of text.matchAll(ROMAN)) {
    if (match[0] === '') continue;
    const tens = match[1]!.length * 10;
    const ones = { IX: 9, IV: 4 }[match[2]!] ?? (match[2]!.startsWith('V') ? 5 : 0) + match[2]!.replace('V', '').length;
    out.push({ value: tens + ones, percent: false, ordinal: false, text: match[0], index: match.index });
  }
}

const MONTHS =
  /\b(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?/g;
const MONTH_INDEX = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_AFTER = /^\s*(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s*(\d{4})\b)?/;
const YEAR_AFTER = /^,?\s*(\d{4})\b/;
const DAY_BEFORE = /(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?$/;

function dates(text: string): DateMention[] {
  const out: DateMention[] = [];
  const push = (date: Omit<DateMention, 'text' | 'index'>, start: number, end: number) => {
    if (isValidMonthDay(date.month!, date.day)) out.push({ ...date, text: text.slice(start, end), index: start });
  };
  for (const match of text.matchAll(MONTHS)) {
    const month = MONTH_INDEX.indexOf(match[1]!.slice(0, 3)) + 1;
    const start = match.index;
    const end = start + match[0].length;
    const rest = text.slice(end);
    const after = DAY_AFTER.exec(rest);
    if (after) {
      push({ month, day: Number(after[1]), ...(after[2] ? { year: Number(after[2]) } : {}) }, start, end + after[0].length);
      continue;
    }
    const before = DAY_BEFORE.exec(text.slice(0, start));
    const year = YEAR_AFTER.exec(rest);
    const yearPart = year ? { year: Number(year[1]) } : {};
    const until = end + (year?.[0].length ?? 0);
    if (before) push({ month, day: Number(before[1]), ...yearPart }, before.index, until);
    else push({ month, ...yearPart }, start, until);
  }
  for (const match of text.matchAll(/\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/g)) {
    push({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }, match.index, match.index + match[0].length);
  }
  for (const match of text.matchAll(/\b(\d{4})-(\d{1,2})\b(?![-/.]\d)/g)) {
    push({ year: Number(match[1]), month: Number(match[2]) }, match.index, match.index + match[0].length);
  }
  // 2/23/2020 or 23/2/2020, 2/23: both readings, since either may be meant.
  for (const match of text.matchAll(/(?<![\d/.-])(\d{1,2})[/.](\d{1,2})(?:[/.](\d{4}|\d{2}))?(?![\d/.])/g)) {
    const a = Number(match[1]);
    const b = Number(match[2]);
    const year = match[3] ? { year: Number(match[3].length === 2 ? `20${match[3]}` : match[3]) } : {};
    const end = match.index + match[0].length;
    if (match[0].includes('.') && !match[3]) continue; // "3.5" is a decimal
    push({ month: a, day: b, ...year }, match.index, end);
    push({ month: b, day: a, ...year }, match.index, end);
  }
  return out;
}

/** Every number and date in English text. */
export function findEnglishNumbers(text: string): Mentions {
  const numbers: NumberMention[] = [];
  digitNumbers(text, numbers);
  wordNumbers(text, numbers);
  romanNumbers(text, numbers);
  return { numbers, dates: dates(text) };
}
