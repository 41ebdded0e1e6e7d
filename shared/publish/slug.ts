/**
 * Slugs: the part of a post's file name (and permalink) after its date, and
 * the short form that names its images.
 */
import { MAX_SLUG_LENGTH, slugProblem } from './untrusted-names';

/** Derived slugs stop at a word boundary before this many characters. */
export const DERIVED_SLUG_LENGTH = 60;
/** Image names start with a short slug of at most this many characters. */
export const SHORT_SLUG_LENGTH = 30;

/** Cut a hyphenated slug to at most `max` characters, at a hyphen when there is one. */
function cutAtHyphen(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const hyphen = cut.lastIndexOf('-');
  return (hyphen > 0 ? cut.slice(0, hyphen) : slug.slice(0, max)).replace(/-+$/, '');
}

/**
 * A lowercase ASCII slug from an English title: accents dropped, apostrophes
 * removed ("Academy's" → "academys"), every other run of non-alphanumerics a
 * hyphen, cut at a word boundary. '' when the title has no ASCII letters or
 * digits (a Chinese title): the article then needs a slug of its own.
 */
export function slugFromTitle(title: string): string {
  const ascii = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return cutAtHyphen(ascii, DERIVED_SLUG_LENGTH);
}

/** The slug that names a post's images: lowercase, at most SHORT_SLUG_LENGTH characters, cut at a hyphen. */
export function shortSlug(slug: string): string {
  return cutAtHyphen(slug.toLowerCase(), SHORT_SLUG_LENGTH);
}

export class SlugError extends Error {}

/** The slug a user gave, checked (see slugProblem); throws SlugError saying what is wrong. */
export function checkedSlug(slug: string): string {
  const problem = slugProblem(slug);
  if (problem) throw new SlugError(problem);
  return slug;
}

export { MAX_SLUG_LENGTH };
