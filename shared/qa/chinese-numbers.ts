/**
 * Numbers as Chinese text writes them: Arabic digits (half- or full-width,
 * with thousands separators and decimals), Chinese numerals (`二十`,
 * `三百五十`, `两`, `一万二千`, `三点五`, financial `贰拾`), the two mixed
 * (`3.5万`, `150 万`, `1.2亿`), digit-by-digit years (`二〇二〇年`),
 * percentages (`96%`, `96％`, `百分之九十六`), ranks (`第二`) and dates
 * (`2020年2月23日`, `2 月 23 日`, `二月`).
 *
 * The number check must not cry wolf on ordinary prose, where numerals are
 * also parts of words (`一直` always, `一线` front line, `十分` very, `万里云` a
 * company, `两岸` cross-strait). So a numeral written with Chinese characters
 * alone counts only when it is unmistakably a quantity: a compound (`二十`,
 * `两万`), a rank (`第三`), a percentage, a date part, or a single numeral
 * followed by a measure word (`三次`, `两位`, `五个`). A lone `一` is skipped
 * unless it is a rank: it is usually English "a". Approximations (`几十`,
 * `十几`, `数百`, `上千`) and fractions (`三分之一`) are skipped too: their
 * English is too free to check.
 */
import { isValidMonthDay, type DateMention, type Mentions, type NumberMention } from './mentions';

const DIGIT_VALUES: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  貳: 2,
  两: 2,
  兩: 2,
  三: 3,
  叁: 3,
  參: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  陸: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const UNIT_VALUES: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000, 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };
/** Single characters that stand for a tens number. */
const TENS: Record<string, number> = { 廿: 2, 卅: 3, 卌: 4 };
const TWO = new Set(['两', '兩']);

/**
 * Measure words (and units) that make a single numeral a quantity: `三次`,
 * `两位`, `五个`. Longer entries first where one is a prefix of another.
 */
const MEASURE_WORDS = [
  '人次',
  '小时',
  '分钟',
  '星期',
  '公里',
  '公斤',
  '千米',
  '千克',
  '美元',
  '个',
  '位',
  '名',
  '次',
  '天',
  '岁',
  '种',
  '台',
  '张',
  '例',
  '人',
  '家',
  '条',
  '倍',
  '层',
  '级',
  '班',
  '处',
  '项',
  '篇',
  '本',
  '件',
  '只',
  '头',
  '周',
  '秒',
  '元',
  '块',
  '米',
  '吨',
  '辆',
  '架',
  '艘',
  '座',
  '所',
  '间',
  '栋',
  '套',
  '份',
  '批',
  '组',
  '轮',
  '场',
  '届',
  '章',
  '节',
  '句',
  '段',
  '行',
  '字',
  '页',
  '部',
  '集',
  '度',
  '床',
  '剂',
  '针',
  '支',
  '粒',
  '片',
  '瓶',
  '箱',
  '包',
  '双',
  '对',
  '副',
  '起',
  '遍',
  '回',
  '趟',
  '代',
  '点',
  '分',
  '帧',
  '期',
  '季',
  '年',
  '月',
  '日',
  '号',
];
/** Between a numeral and its measure word: "more than", "odd". */
const APPROXIMATE_SUFFIXES = ['多', '余', '来'];
/** 十 after these is a count of unknown size (`几十`, `数十`, `上十`, `成十`). */
const VAGUE_BEFORE = new Set(['几', '数', '上', '成', '好']);
/** A single numeral after these names a weekday or a school year (`周三`, `星期五`, `初二`), not a quantity. */
const NAME_BEFORE = new Set(['周', '期', '拜', '初']);
/**
 * Words whose numerals pass the rules above but are no quantity: 四处
 * everywhere, 四周 all around, 三天两头 all the time, 第一线 front line,
 * 第一时间 at once.
 */
const WORDS_WITH_NUMERALS = ['四处', '四周', '三天两头', '第一线', '第一时间'];

/** Where in `text` the words above are, as [start, end) ranges. */
function wordRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const word of WORDS_WITH_NUMERALS) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) ranges.push([at, at + word.length]);
  }
  return ranges;
}

const ASCII_NUMBER = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/y;

/** Full-width digits and signs as ASCII, one code unit for one, so offsets stay the same. */
function normalizeWidth(text: string): string {
  return text.replace(/[０-９．％]/g, (ch) => (ch === '．' ? '.' : ch === '％' ? '%' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

type Token =
  { kind: 'literal'; value: number } | { kind: 'digit'; value: number; char: string } | { kind: 'unit'; value: number } | { kind: 'point'; fraction: string };

// Looked up by character code: `in` on objects keyed by CJK characters is slow enough to matter on every keystroke.
const byCode = (values: Record<string, number>): Map<number, number> => new Map(Object.entries(values).map(([ch, value]) => [ch.charCodeAt(0), value]));
const DIGIT_BY_CODE = byCode(DIGIT_VALUES);
const UNIT_BY_CODE = byCode(UNIT_VALUES);
const TENS_BY_CODE = byCode(TENS);
const digitValue = (ch: string): number => DIGIT_BY_CODE.get(ch.charCodeAt(0))!;

const isAsciiDigit = (ch: string | undefined): boolean => ch != null && ch >= '0' && ch <= '9';
const isDigitChar = (ch: string | undefined): boolean => ch != null && DIGIT_BY_CODE.has(ch.charCodeAt(0));
const isUnitChar = (ch: string | undefined): boolean => ch != null && UNIT_BY_CODE.has(ch.charCodeAt(0));
const isTensChar = (ch: string | undefined): boolean => ch != null && TENS_BY_CODE.has(ch.charCodeAt(0));

/** Reads the numeral starting at `start`; returns its tokens and where it ends. */
function readTokens(text: string, start: number): { tokens: Token[]; end: number } {
  const tokens: Token[] = [];
  let at = start;
  while (at < text.length) {
    const ch = text[at]!;
    const last = tokens[tokens.length - 1];
    if (isAsciiDigit(ch)) {
      if (last && last.kind !== 'unit') break; // "三5": not one number
      ASCII_NUMBER.lastIndex = at;
      const match = ASCII_NUMBER.exec(text)!;
      tokens.push({ kind: 'literal', value: Number(match[0].replace(/,/g, '')) });
      at += match[0].length;
      // Pangu spacing: "150 万".
      if (text[at] === ' ' && isUnitChar(text[at + 1]) && !text.startsWith('百分之', at + 1)) at++;
    } else if (isDigitChar(ch)) {
      if (last?.kind === 'literal') break;
      tokens.push({ kind: 'digit', value: digitValue(ch), char: ch });
      at++;
    } else if (isTensChar(ch)) {
      if (last && last.kind !== 'unit') break;
      tokens.push({ kind: 'digit', value: TENS_BY_CODE.get(ch.charCodeAt(0))!, char: ch }, { kind: 'unit', value: 10 });
      at++;
    } else if (isUnitChar(ch)) {
      if (text.startsWith('百分之', at)) break;
      tokens.push({ kind: 'unit', value: UNIT_BY_CODE.get(ch.charCodeAt(0))! });
      at++;
    } else if (ch === '点' && tokens.length > 0 && (isDigitChar(text[at + 1]) || isAsciiDigit(text[at + 1]))) {
      let end = at + 1;
      let fraction = '';
      while (isDigitChar(text[end]) || isAsciiDigit(text[end])) {
        fraction += isAsciiDigit(text[end]) ? text[end] : String(digitValue(text[end]!));
        end++;
      }
      tokens.push({ kind: 'point', fraction });
      at = end;
    } else break;
  }
  return { tokens, end: at };
}

/**
 * The value of a structured numeral (one with units, or Arabic digits): null
 * when it is not one number (`二三十` "twenty or thirty").
 */
function structuredValue(tokens: Token[]): number | null {
  let result = 0; // whole 亿s
  let wan = 0; // whole 万s below the last 亿
  let section = 0; // below 万
  let pending: number | null = null;
  let lastUnit: number | null = null;
  let zeroSince = false; // a 零 since the last unit: "一百零五" is 105, not "一百五" 150
  let previous: Token | undefined;
  for (const token of tokens) {
    switch (token.kind) {
      case 'literal':
        pending = token.value;
        break;
      case 'digit':
        if (previous?.kind === 'digit' || previous?.kind === 'literal') {
          if (previous.kind === 'digit' && previous.value === 0) {
            pending = token.value; // "一千零五"
            break;
          }
          return null;
        }
        if (token.value === 0) zeroSince = true;
        else pending = token.value;
        break;
      case 'point':
        pending = section + (pending ?? 0) + Number(`0.${token.fraction}`);
        section = 0;
        break;
      case 'unit':
        if (token.value < 1e4) {
          if (pending == null && token.value !== 10) return null; // "百" alone
          if (pending == null && section > 0 && token.value === 10 && !zeroSince) return null;
          section += (pending ?? 1) * token.value;
        } else if (token.value === 1e4) {
          const below: number = section + (pending ?? 0);
          if (below === 0 && wan === 0 && result === 0) return null;
          // "万亿": 万 then 亿 multiplies both.
          wan = (wan === 0 ? below : wan + below) * 1e4;
          section = 0;
        } else {
          const below: number = wan + section + (pending ?? 0);
          if (below === 0 && result === 0) return null;
          result = (result + below) * 1e8;
          wan = 0;
          section = 0;
        }
        pending = null;
        lastUnit = token.value;
        zeroSince = false;
        break;
    }
    previous = token;
  }
  if (pending != null) {
    // Colloquial "三百五" is 350 and "一万五" 15,000: a last digit right after a unit of 100 or more counts in tenths of it.
    const lastIsDigit = previous?.kind === 'digit' || (previous?.kind === 'literal' && Number.isInteger(previous.value) && previous.value < 10);
    const abbreviated = lastIsDigit && lastUnit != null && lastUnit >= 100 && !zeroSince && tokens[tokens.length - 2]?.kind === 'unit';
    section += abbreviated ? pending * (lastUnit! / 10) : pending;
  }
  return result + wan + section;
}

/**
 * The value of a numeral written as a whole string (`二十`, `3.5万`, `２０`,
 * `1,200`, `二〇二〇`), or null when the string is not exactly one number.
 */
export function parseChineseNumber(text: string): number | null {
  const normalized = normalizeWidth(text.trim());
  if (normalized === '') return null;
  const { tokens, end } = readTokens(normalized, 0);
  if (end !== normalized.length || tokens.length === 0) return null;
  if (tokens.every((token) => token.kind === 'digit')) {
    if (tokens.length === 1) return tokens[0]!.value;
    if (tokens.some((token) => token.kind === 'digit' && TWO.has(token.char))) return null;
    return Number(tokens.map((token) => token.value).join(''));
  }
  return structuredValue(tokens);
}

/** Measure words by their first character. */
const MEASURE_WORDS_BY_FIRST = new Map<string, string[]>();
for (const word of MEASURE_WORDS) MEASURE_WORDS_BY_FIRST.set(word[0]!, [...(MEASURE_WORDS_BY_FIRST.get(word[0]!) ?? []), word]);

/** The measure word at `at` (after an optional "more than"), if any. */
function measureWordAt(text: string, at: number): string | null {
  let from = at;
  if (APPROXIMATE_SUFFIXES.includes(text[from] ?? '')) from++;
  return MEASURE_WORDS_BY_FIRST.get(text[from] ?? '')?.find((word) => text.startsWith(word, from)) ?? null;
}

/** Skips one space (pangu spacing between digits and Chinese). */
const skipSpace = (text: string, at: number): number => (text[at] === ' ' ? at + 1 : at);

interface Found extends NumberMention {
  end: number;
  /** A date suffix right after it (`年`, `月`, `日`, `号`) and where that suffix ends. */
  suffix?: { char: string; end: number };
}

/** Every number and date in Chinese (or mixed) text. */
export function findChineseNumbers(original: string): Mentions {
  const text = normalizeWidth(original);
  const found: Found[] = [];
  const words = wordRanges(text);
  let at = 0;
  while (at < text.length) {
    const start = at;
    let percent = false;
    let from = at;
    if (text.startsWith('百分之', at)) {
      percent = true;
      from = at + 3;
    } else if (text.startsWith('百分百', at)) {
      found.push({ value: 100, percent: true, ordinal: false, text: original.slice(at, at + 3), index: at, end: at + 3 });
      at += 3;
      continue;
    }
    const ch = text[from];
    if (!(isAsciiDigit(ch) || isDigitChar(ch) || ch === '十' || ch === '拾' || isTensChar(ch))) {
      at = percent ? from : at + 1;
      continue;
    }
    const { tokens, end } = readTokens(text, from);
    at = end;
    if (words.some(([wordStart, wordEnd]) => from >= wordStart && from < wordEnd)) continue;
    const mention = judge(text, original, start, end, tokens, percent);
    if (mention === 'skip-fraction') {
      // "三分之一": skip the numeral after 分之 as well.
      at = readTokens(text, end + 2).end;
      continue;
    }
    found.push(...mention);
  }
  return assembleDates(text, original, found);
}

function judge(text: string, original: string, start: number, end: number, tokens: Token[], percent: boolean): Found[] | 'skip-fraction' {
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  const chineseOnly = tokens.every((token) => token.kind === 'digit' || token.kind === 'unit');
  const ordinal = before === '第';
  if (text.startsWith('分之', end)) return 'skip-fraction';
  if (after === '几' || (VAGUE_BEFORE.has(before) && tokens[0]?.kind === 'unit')) return [];
  // Most numerals in prose are a lone 一 in a word (一直, 一线): settle those first, cheaply.
  if (chineseOnly && tokens.length === 1 && !ordinal && !percent && !measureWordAt(text, end)) return [];
  const source = original.slice(start, end);
  const suffixAt = skipSpace(text, end);
  const suffixChar = text[suffixAt] ?? '';
  const suffix = '年月日号'.includes(suffixChar) && suffixChar !== '' ? { char: suffixChar, end: suffixAt + 1 } : undefined;
  const isPercent = percent || text[skipSpace(text, end)] === '%';
  const mentionText = isPercent && !percent ? original.slice(start, skipSpace(text, end) + 1) : source;
  const make = (value: number): Found => ({
    value,
    percent: isPercent,
    ordinal,
    text: ordinal ? original.slice(start - 1, start) + mentionText : mentionText,
    index: ordinal ? start - 1 : start,
    end: isPercent && !percent ? skipSpace(text, end) + 1 : end,
    ...(suffix ? { suffix } : {}),
  });

  if (!chineseOnly) {
    const value = structuredValue(tokens);
    return value == null ? [] : [make(value)];
  }

  const digitsOnly = tokens.every((token) => token.kind === 'digit');
  // One numeral (or a pair like 两三): a quantity only in the right company.
  const single = tokens.length === 1 || (tokens.length === 2 && digitsOnly);
  if (single && !ordinal && !percent) {
    // A lone numeral is a quantity only before a measure word or as a date part, and not in a weekday name.
    if (NAME_BEFORE.has(before)) return [];
    const measure = measureWordAt(text, end);
    if (!measure) return [];
    if (measure === '分' && tokens.length === 1 && tokens[0]!.kind === 'unit') return []; // 十分: "very"
  }

  if (digitsOnly) {
    const values = tokens.map((token) => token.value);
    const hasTwo = tokens.some((token) => token.kind === 'digit' && TWO.has(token.char));
    if (values.length === 1) return values[0] === 1 && !ordinal && !percent ? [] : [make(values[0]!)];
    // "两三天" two or three days, "七八个" seven or eight: a range of two neighbours.
    if (values.length === 2 && (TWO.has((tokens[0] as { char: string }).char) || values[1] === values[0]! + 1)) {
      return values.filter((value) => value !== 1).map((value) => make(value));
    }
    if (hasTwo) return [];
    // Digit by digit ("二〇二〇年"): a year, or anything with a zero, or three digits or more.
    if (suffix?.char === '年' || values.includes(0) || values.length >= 3) return [make(Number(values.join('')))];
    return [];
  }
  const value = structuredValue(tokens);
  return value == null ? [] : [make(value)];
}

/** Joins year, month and day numbers that follow each other (`2020年2月23日`) into dates. */
function assembleDates(text: string, original: string, found: Found[]): Mentions {
  const numbers: NumberMention[] = [];
  const dates: DateMention[] = [];
  const plain = (mention: Found): NumberMention => ({
    value: mention.value,
    percent: mention.percent,
    ordinal: mention.ordinal,
    text: mention.text,
    index: mention.index,
  });
  for (let i = 0; i < found.length; i++) {
    const current = found[i]!;
    const next = found[i + 1];
    const afterNext = found[i + 2];
    const follows = (a: Found, b: Found | undefined): b is Found => b != null && a.suffix != null && skipSpace(text, a.suffix.end) === b.index;
    const isMonth = (mention: Found | undefined): mention is Found =>
      mention != null &&
      mention.suffix?.char === '月' &&
      !mention.percent &&
      !mention.ordinal &&
      isValidMonthDay(mention.value) &&
      !TWO.has(text[mention.index]!);
    const isDay = (mention: Found | undefined, month: Found): mention is Found =>
      mention != null && (mention.suffix?.char === '日' || mention.suffix?.char === '号') && !mention.percent && isValidMonthDay(month.value, mention.value);

    let year: Found | undefined;
    let month: Found | undefined;
    let day: Found | undefined;
    if (current.suffix?.char === '年' && Number.isInteger(current.value) && isMonth(next) && follows(current, next)) {
      year = current;
      month = next;
      if (isDay(afterNext, next) && follows(next, afterNext)) day = afterNext;
    } else if (isMonth(current)) {
      month = current;
      if (isDay(next, current) && follows(current, next)) day = next;
    }
    if (!month) {
      numbers.push(plain(current));
      continue;
    }
    const first = year ?? month;
    const last = day ?? month;
    dates.push({
      ...(year ? { year: year.value } : {}),
      month: month.value,
      ...(day ? { day: day.value } : {}),
      text: original.slice(first.index, last.suffix!.end),
      index: first.index,
    });
    i += [year, month, day].filter(Boolean).length - 1;
  }
  return { numbers, dates };
}
