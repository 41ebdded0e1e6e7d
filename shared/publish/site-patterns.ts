/**
 * The site's naming patterns: a post's file name and its permalink, written
 * with Jekyll's placeholders. `:year`, `:month`, `:day` are the post's date,
 * `:slug` and `:title` both the post's slug (Jekyll's `:title` is the slug
 * part of the file name).
 */
import type { PostDate } from './post-date';
import { fileNameProblem } from './untrusted-names';

export const DEFAULT_FILE_NAME_PATTERN = ':year-:month-:day-:slug.md';
export const DEFAULT_PERMALINK_PATTERN = '/articles/:year/:month/:day/:title';

const PLACEHOLDER = /:(year|month|day|slug|title)\b/g;

function expand(pattern: string, date: PostDate, slug: string): string {
  return pattern.replace(PLACEHOLDER, (_all, name: string) => {
    switch (name) {
      case 'year':
        return date.year;
      case 'month':
        return date.month;
      case 'day':
        return date.day;
      default:
        return slug;
    }
  });
}

/** What is wrong with a file-name pattern, or null. */
export function fileNamePatternProblem(pattern: string): string | null {
  if (!/:(slug|title)\b/.test(pattern)) return `the file-name pattern ${JSON.stringify(pattern)} must contain :slug (or :title)`;
  if (!/\.(md|markdown)$/.test(pattern)) return `the file-name pattern ${JSON.stringify(pattern)} must end in .md or .markdown`;
  const sample = expand(pattern, { year: '2020', month: '01', day: '01', iso: '2020-01-01' }, 'slug');
  const problem = fileNameProblem(sample);
  return problem ? `the file-name pattern ${JSON.stringify(pattern)} does not give a plain file name: ${problem}` : null;
}

/** What is wrong with a permalink pattern, or null. */
export function permalinkPatternProblem(pattern: string): string | null {
  if (!pattern.startsWith('/')) return `the permalink pattern ${JSON.stringify(pattern)} must start with "/"`;
  // eslint-disable-next-line no-control-regex -- control characters are what this removes or refuses
  if (/[\u0000-\u0020\u007f]/.test(pattern)) return `the permalink pattern ${JSON.stringify(pattern)} contains a space or a control character`;
  return null;
}

/** A post's file name; throws when the result is not a plain file name (the slug must be checked before). */
export function postFileName(pattern: string, date: PostDate, slug: string): string {
  const name = expand(pattern, date, slug);
  const problem = fileNameProblem(name);
  if (problem) throw new Error(problem);
  return name;
}

export function postPermalink(pattern: string, date: PostDate, slug: string): string {
  return expand(pattern, date, slug);
}
