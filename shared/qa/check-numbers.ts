/**
 * Numbers and dates of the source that the translation does not mention.
 * A warning, not an error: translations legitimately reword numbers ("a week"
 * for 一周, "dozens" for 几十), and the check reads numbers generously on the
 * English side so that it rarely cries wolf.
 */
import { isSideEmpty } from '../article/article';
import { findChineseNumbers } from './chinese-numbers';
import { findEnglishNumbers } from './english-numbers';
import { formatNumber, MONTH_NAMES, sameNumber, type DateMention, type Mentions, type NumberMention } from './mentions';
import { issue, listed, quote, type QaIssue, type QaSegment } from './model';
import { sideText } from './side-content';

const ORDINAL_SUFFIX = (n: number): string => {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
};

/** The number as written, and what it means when that is not plain digits: “3.5万” (35,000). */
function describeNumber(mention: NumberMention): string {
  const written = mention.text.trim();
  const digits = `${mention.value}${mention.percent ? '%' : ''}`;
  if (written.replace(/[,\s]/g, '') === digits) return quote(written);
  const meaning = mention.percent
    ? `${formatNumber(mention.value)}%`
    : mention.ordinal && Number.isInteger(mention.value)
      ? `${mention.value}${ORDINAL_SUFFIX(mention.value)}`
      : formatNumber(mention.value);
  return `${quote(written)} (${meaning})`;
}

function describeDate(date: DateMention): string {
  const month = date.month != null ? MONTH_NAMES[date.month - 1] : '';
  const english = date.day != null ? `${month} ${date.day}${date.year != null ? `, ${date.year}` : ''}` : `${month}${date.year != null ? ` ${date.year}` : ''}`;
  return `${quote(date.text)} (${english})`;
}

function numberFound(wanted: NumberMention, target: Mentions): boolean {
  return target.numbers.some((found) => sameNumber(found.value, wanted.value) && (!wanted.percent || found.percent));
}

/**
 * A date is found when the translation has the same month and day (with the
 * same year, when the translation gives one: "Feb. 23" will do for
 * 2020年2月23日); a month without a day needs its month, and its year
 * somewhere in the translation.
 */
function dateFound(wanted: DateMention, target: Mentions): boolean {
  return target.dates.some((found) => {
    if (found.month !== wanted.month) return false;
    if (wanted.day != null) return found.day === wanted.day && (found.year == null || wanted.year == null || found.year === wanted.year);
    if (wanted.year == null) return true;
    return found.year === wanted.year || target.numbers.some((n) => n.value === wanted.year);
  });
}

/** The source's numbers and dates, without repeats. */
function distinct(mentions: Mentions): Mentions {
  const seen = new Set<string>();
  const once = <T>(key: string, item: T): T[] => (seen.has(key) ? [] : (seen.add(key), [item]));
  return {
    numbers: mentions.numbers.flatMap((n) => once(`n${n.value}${n.percent ? '%' : ''}`, n)),
    dates: mentions.dates.flatMap((d) => once(`d${d.year}-${d.month}-${d.day}`, d)),
  };
}

export function checkNumbers(segment: QaSegment): QaIssue[] {
  if (segment.omitted || isSideEmpty(segment.source) || isSideEmpty(segment.target)) return [];
  const source = distinct(findChineseNumbers(sideText(segment.source)));
  if (source.numbers.length === 0 && source.dates.length === 0) return [];
  const targetText = sideText(segment.target);
  const english = findEnglishNumbers(targetText);
  // A translation may keep Chinese (a linked source title): read it as Chinese too.
  const chinese = findChineseNumbers(targetText);
  const target: Mentions = { numbers: [...english.numbers, ...chinese.numbers], dates: [...english.dates, ...chinese.dates] };

  const missing = [
    ...source.numbers.filter((n) => !numberFound(n, target)).map((n) => ({ index: n.index, text: describeNumber(n) })),
    ...source.dates.filter((d) => !dateFound(d, target)).map((d) => ({ index: d.index, text: describeDate(d) })),
  ].sort((a, b) => a.index - b.index);
  if (missing.length === 0) return [];
  const names = listed(missing.map((m) => m.text));
  const verb = missing.length === 1 ? 'is' : 'are';
  return [issue('missing-number', `The source's ${names} ${verb} not in the translation.`, { segmentId: segment.id })];
}
