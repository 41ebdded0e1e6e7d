/**
 * The front matter as the site will read it.
 *
 * - Required keys (errors): the house style needs a title, date, categories,
 *   cover image, blurb and translator; without them the site's pages and lists
 *   show gaps.
 * - The date (error): Jekyll stops the whole site's build on a date it cannot
 *   parse. The house style writes YYYY-MM-DD (a time and zone may follow).
 * - Round trip (error): the front matter is written with the exporter's own
 *   writer and read back the way Jekyll reads it (YAML 1.1, where `yes`, `on`
 *   and `no` are yes/no values, `2020-02-23` is a date, `: ` starts a mapping
 *   and a leading `[`, `*`, `&`, `!`, `|`, `>`, `%` or `@` means something).
 *   Any value that comes back different from what the translator entered is an
 *   error. This tests the file that will be committed, not a list of rules
 *   about it, so it stays true when the writer changes.
 * - Ambiguity (warnings): values that are read back as entered but may not
 *   be what was meant: a text "no" where a yes/no value was probably meant, a
 *   date-like text that Jekyll turns into a date on a key other than `date`,
 *   and `categories` written as one text, which Jekyll splits at spaces.
 */
import { parseDocument } from 'yaml';
import type { ArticleSnapshot, FrontMatterEntry } from '../article/article';
import type { JsonValue } from '../article/layout';
import { serializeFrontMatter } from '../markdown/front-matter';
import { field, issue, quote, type QaIssue } from './model';
import { DEFAULT_REQUIRED_FRONT_MATTER } from './options';

function isEmptyValue(value: JsonValue | undefined): boolean {
  if (value == null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.every(isEmptyValue);
  return false;
}

export function checkRequiredFrontMatter(frontMatter: readonly FrontMatterEntry[], required: readonly string[] = DEFAULT_REQUIRED_FRONT_MATTER): QaIssue[] {
  return required.flatMap((key) => {
    const entry = frontMatter.find((candidate) => candidate.key === key);
    if (!entry) return [issue('front-matter-required', `The metadata has no ${field(key)}; the site needs one.`, { frontMatterKey: key })];
    if (isEmptyValue(entry.value)) return [issue('front-matter-required', `The ${field(key)} is empty; the site needs one.`, { frontMatterKey: key })];
    return [];
  });
}

const JEKYLL_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:\s*(?:Z|[+-]\d{1,2}(?::?\d{2})?))?)?$/;

/** Whether Jekyll can read `value` as a post date: YYYY-MM-DD that exists on the calendar, optionally with a time and zone. */
export function isJekyllDate(value: string): boolean {
  const match = JEKYLL_DATE.exec(value.trim());
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  if (match[4] != null && (Number(match[4]) > 23 || Number(match[5]) > 59 || Number(match[6] ?? 0) > 60)) return false;
  return true;
}

export function checkDate(frontMatter: readonly FrontMatterEntry[]): QaIssue[] {
  const value = frontMatter.find((entry) => entry.key === 'date')?.value;
  if (isEmptyValue(value)) return []; // a missing date is the required-keys check's to report
  if (typeof value === 'string' && isJekyllDate(value)) return [];
  const shown = typeof value === 'string' ? quote(value, 30) : JSON.stringify(value);
  return [
    issue('front-matter-date', `The date ${shown} is not one the site can read; write it as YYYY-MM-DD, such as 2020-02-23.`, { frontMatterKey: 'date' }),
  ];
}

/** How Jekyll (Ruby's Psych, YAML 1.1) types what it reads; dates included. */
const JEKYLL_YAML = { version: '1.1' } as const;

type Meaning = 'same' | 'date' | 'different';

/** Does `read` (what YAML 1.1 gives back) mean `intended`? 'date' when a date-like text came back as a date. */
function compare(intended: JsonValue, read: unknown): Meaning {
  if (read instanceof Date) {
    // A date-like text read as that date (its time zone may move the UTC day, so compare no further).
    return typeof intended === 'string' && JEKYLL_DATE.test(intended.trim()) && !Number.isNaN(read.getTime()) ? 'date' : 'different';
  }
  if (Array.isArray(intended)) {
    if (!Array.isArray(read) || read.length !== intended.length) return 'different';
    const parts = intended.map((item, i) => compare(item, read[i]));
    return parts.includes('different') ? 'different' : parts.includes('date') ? 'date' : 'same';
  }
  if (intended != null && typeof intended === 'object') {
    if (!(read instanceof Map)) return 'different';
    const keys = Object.keys(intended);
    if (read.size !== keys.length || !keys.every((key) => read.has(key))) return 'different';
    const parts = keys.map((key) => compare(intended[key]!, read.get(key)));
    return parts.includes('different') ? 'different' : parts.includes('date') ? 'date' : 'same';
  }
  if (typeof intended === 'number' && typeof read === 'number') return intended === read ? 'same' : 'different';
  return intended === read ? 'same' : 'different';
}

function describe(value: unknown): string {
  if (value == null) return 'empty';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'boolean') return `${value ? 'yes' : 'no'} (a yes/no value)`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'string') return `the text ${quote(value, 30)}`;
  if (Array.isArray(value)) return 'a list';
  return 'a set of keys';
}

/** Keys whose values are always text in the house style and in Jekyll themes. */
const TEXT_KEYS = new Set([
  'title',
  'blurb',
  'translator',
  'author',
  'description',
  'excerpt',
  'image',
  'categories',
  'category',
  'tags',
  'layout',
  'permalink',
  'slug',
  'lang',
]);
/** Words YAML 1.1 (and so Jekyll) reads as yes/no values when unquoted. */
const YES_NO = /^(?:yes|no|true|false|on|off)$/i;

/** The front matter exactly as publishing will write it, checked as the site will read it. */
export function checkYamlMeaning(article: Pick<ArticleSnapshot, 'frontMatter' | 'importedFile'>): QaIssue[] {
  if (article.frontMatter.length === 0) return [];
  let yaml: string;
  try {
    yaml = serializeFrontMatter(article.frontMatter, article.importedFile.frontMatterYaml);
  } catch (error) {
    return [issue('front-matter-yaml', `The metadata cannot be written as front matter: ${(error as Error).message}.`)];
  }
  return checkYamlText(yaml, article.frontMatter);
}

/** Does `yaml`, read as Jekyll reads it, say what `frontMatter` says? */
export function checkYamlText(yaml: string, frontMatter: readonly FrontMatterEntry[]): QaIssue[] {
  const doc = parseDocument(yaml, JEKYLL_YAML);
  if (doc.errors.length > 0) {
    return [issue('front-matter-yaml', `The site could not read the metadata: ${doc.errors[0]!.message.split('\n')[0]}.`)];
  }
  let read: unknown;
  try {
    read = doc.toJS({ mapAsMap: true });
  } catch (error) {
    return [issue('front-matter-yaml', `The site could not read the metadata: ${(error as Error).message.split('\n')[0]}.`)];
  }
  const map = read instanceof Map ? read : new Map<unknown, unknown>();

  const issues: QaIssue[] = [];
  for (const { key, value } of frontMatter) {
    const where = { frontMatterKey: key };
    if (!map.has(key)) {
      issues.push(issue('front-matter-yaml', `The site would not find the key ${quote(key)} in the metadata as written.`, where));
      continue;
    }
    const back = map.get(key);
    const meaning = compare(value, back);
    if (meaning === 'different') {
      issues.push(issue('front-matter-yaml', `The site would read the ${field(key)} as ${describe(back)}, not as ${describe(value)}.`, where));
    } else if (meaning === 'date' && key !== 'date') {
      issues.push(
        issue(
          'front-matter-ambiguous',
          `The site will read the ${field(key)} ${quote(String(value))} as a date, not as text; write it differently if text was meant.`,
          where,
        ),
      );
    }
    if (typeof value === 'string' && YES_NO.test(value.trim()) && !TEXT_KEYS.has(key)) {
      issues.push(
        issue(
          'front-matter-ambiguous',
          `The ${field(key)} is the text ${quote(value)}, which the site treats as text (and so as true), not as a yes/no value.`,
          where,
        ),
      );
    }
    if (key === 'categories' && typeof value === 'string' && /\s/.test(value.trim())) {
      const parts = value.trim().split(/\s+/);
      issues.push(
        issue(
          'front-matter-ambiguous',
          `The categories ${quote(value)} will be split at spaces into ${parts.length} categories (${parts.map((part) => quote(part)).join(', ')}).`,
          where,
        ),
      );
    }
  }
  return issues;
}

export function checkFrontMatter(article: Pick<ArticleSnapshot, 'frontMatter' | 'importedFile'>, required?: readonly string[]): QaIssue[] {
  return [...checkRequiredFrontMatter(article.frontMatter, required), ...checkDate(article.frontMatter), ...checkYamlMeaning(article)];
}
