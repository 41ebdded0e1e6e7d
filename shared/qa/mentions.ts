/**
 * Numbers and dates found in a text, whatever language or form they were
 * written in: what the number check compares between source and target.
 */

export interface NumberMention {
  value: number;
  /** Written as a percentage (`96%`, `百分之九十六`, `96 percent`). */
  percent: boolean;
  /** Written as a rank (`第二`, `second`, `2nd`). */
  ordinal: boolean;
  /** The text as written, for messages. */
  text: string;
  /** Where it starts in the text (UTF-16 offset). */
  index: number;
}

/** A calendar date or part of one: `2020年2月23日`, `2月`, `February 23, 2020`. */
export interface DateMention {
  year?: number;
  month?: number;
  day?: number;
  text: string;
  index: number;
}

export interface Mentions {
  numbers: NumberMention[];
  dates: DateMention[];
}

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

// One formatter for every call, made at the first: making an Intl formatter
// costs far more than formatting with it, and the checks format every number
// of a 2,000-segment article as it opens.
let numberFormat: Intl.NumberFormat | undefined;

/** `35000` → "35,000"; `1.5` → "1.5". */
export const formatNumber = (value: number): string => (numberFormat ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 })).format(value);

export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

export function isValidMonthDay(month: number, day?: number): boolean {
  if (!Number.isInteger(month) || month < 1 || month > 12) return false;
  if (day == null) return true;
  return Number.isInteger(day) && day >= 1 && day <= 31;
}
