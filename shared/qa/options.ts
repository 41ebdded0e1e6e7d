/**
 * What the checks need to know about the installation: which front-matter keys
 * the site requires, and which image addresses are already stored with the
 * article (everything else is a remote image that must be stored before
 * publishing), what the translation memory approved for the article's
 * sources (which lives on the server), and the team's glossary.
 */
import type { TermMatcher } from '../glossary/term-matcher';

/** What a check of one segment needs. */
export interface QaContext {
  /** Decides whether an image address is stored with the article; overrides `localImagePrefixes`. */
  isStoredImage?: (src: string) => boolean;
  /** Address prefixes of stored images (default `DEFAULT_LOCAL_IMAGE_PREFIXES`). */
  localImagePrefixes?: readonly string[];
  /** The team's glossary, built once (shared/glossary/term-matcher.ts). Absent: terms are not checked. */
  terms?: TermMatcher;
}

/** An approved unit of the translation memory, as the consistency check reads it. */
export interface ApprovedTranslation {
  /** The unit's target, as plain text. */
  target: string;
  /** The segment of this article the unit came from, if it did: a segment's own unit is not held against it. */
  segmentId: string | null;
}

/** What a check of the whole article needs. */
export interface QaOptions extends QaContext {
  /** Front-matter keys that must be present and non-empty (default `DEFAULT_REQUIRED_FRONT_MATTER`). */
  requiredFrontMatter?: readonly string[];
  /**
   * The memory's approved translations, by normalized source (`normalizeForMatching(sideText(source))`,
   * the memory's `source_key`). Absent: the article is only checked against itself.
   */
  approvedTranslations?: ReadonlyMap<string, readonly ApprovedTranslation[]>;
}

/** The house style's front matter (see the published seed article). */
export const DEFAULT_REQUIRED_FRONT_MATTER = ['title', 'date', 'categories', 'image', 'blurb', 'translator'] as const;

/**
 * Media stored with an article are served under `/api/articles/<id>/media/<name>`
 * while it is edited and published under `/assets/media/…` (the site's own
 * assets live under `/assets/` too).
 */
export const DEFAULT_LOCAL_IMAGE_PREFIXES = ['/api/articles/', '/assets/'] as const;

export function storedImagePredicate(context: QaContext): (src: string) => boolean {
  if (context.isStoredImage) return context.isStoredImage;
  const prefixes = context.localImagePrefixes ?? DEFAULT_LOCAL_IMAGE_PREFIXES;
  return (src) => prefixes.some((prefix) => src.startsWith(prefix));
}
