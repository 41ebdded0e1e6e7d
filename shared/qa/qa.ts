/**
 * Quality checks before publishing: the one module the editor and the
 * publish panel import.
 *
 * - `checkSegment` is cheap enough to run on a row at every change (it reads
 *   only that segment).
 * - `checkArticle` checks everything: the front matter, the cover image and
 *   every segment, in reading order, and whether repeated sources are
 *   translated alike (in the article, and as the memory approved them). Publishing is refused while
 *   `hasErrors(checkArticle(…))`, unless an admin overrides with a reason.
 *
 * Every check, its severity and the reason for it are in docs/QA.md.
 */
import type { ArticleSnapshot } from '../article/article';
import { checkChinese } from './check-chinese';
import { checkConsistency } from './check-consistency';
import { checkCoverImage, checkFigures } from './check-figures';
import { checkFrontMatter } from './check-front-matter';
import { checkFrontMatterLiquid, checkLiquid } from './check-liquid';
import { checkMarkup } from './check-markup';
import { checkNumbers } from './check-numbers';
import { checkStatus } from './check-status';
import { checkTerms } from './check-terms';
import type { QaIssue, QaSegment } from './model';
import type { QaContext, QaOptions } from './options';

export { hasErrors, QA_CHECKS, type QaCheckId, type QaIssue, type QaSegment, type QaSeverity } from './model';
export { DEFAULT_LOCAL_IMAGE_PREFIXES, DEFAULT_REQUIRED_FRONT_MATTER, type ApprovedTranslation, type QaContext, type QaOptions } from './options';

/** The issues of one segment: status, Chinese left over, numbers, the glossary's terms, markup, figures, Liquid. */
export function checkSegment(segment: QaSegment, context: QaContext = {}): QaIssue[] {
  return [
    ...checkStatus(segment),
    ...checkChinese(segment),
    ...checkNumbers(segment),
    ...checkTerms(segment, context.terms),
    ...checkMarkup(segment),
    ...checkFigures(segment, context),
    ...checkLiquid(segment),
  ];
}

/**
 * Every issue of the article: front matter first, then the segments in reading
 * order, each segment's own checks followed by its consistency with the other
 * segments and with the memory's approved translations (`approvedTranslations`).
 */
export function checkArticle(article: Pick<ArticleSnapshot, 'frontMatter' | 'importedFile' | 'segments'>, options: QaOptions = {}): QaIssue[] {
  const consistency = checkConsistency(article.segments, options);
  return [
    ...checkFrontMatter(article, options.requiredFrontMatter),
    ...checkFrontMatterLiquid(article.frontMatter),
    ...checkCoverImage(article.frontMatter, options),
    ...article.segments.flatMap((segment) => [...checkSegment(segment, options), ...(consistency.get(segment.id) ?? [])]),
  ];
}

/** How many errors and warnings, for a badge or a summary line. */
export function countIssues(issues: readonly QaIssue[]): { errors: number; warnings: number } {
  const errors = issues.filter((found) => found.severity === 'error').length;
  return { errors, warnings: issues.length - errors };
}
