/**
 * A post's date as the site reads it: the front-matter `date`'s calendar day
 * (`2020-02-23`, or `2020-02-23 10:00:00 +0800`: Jekyll takes the day as
 * written), which also starts the file name and image folder.
 */

export interface PostDate {
  year: string;
  month: string;
  day: string;
  /** YYYY-MM-DD */
  iso: string;
}

export class PostDateError extends Error {}

const DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[Tt ]\S)/;

/** The calendar day a date string starts with; throws PostDateError when it is not a real day. */
export function parsePostDate(value: string): PostDate {
  const match = DATE.exec(value.trim());
  if (!match) throw new PostDateError(`the date ${JSON.stringify(value)} is not a date like 2020-02-23`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new PostDateError(`the date ${JSON.stringify(value)} is not a day of the calendar`);
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return { year: match[1]!, month: pad(month), day: pad(day), iso: `${match[1]}-${pad(month)}-${pad(day)}` };
}

/** Today's date in UTC, for an article without a date. */
export function todayPostDate(now: Date = new Date()): PostDate {
  return parsePostDate(now.toISOString().slice(0, 10));
}
