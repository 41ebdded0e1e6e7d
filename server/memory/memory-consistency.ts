/**
 * What the consistency check (shared/qa/check-consistency.ts) needs from the
 * memory for one article: the approved translations of its sources, read in
 * one query. Units from this article's own segments say which segment, so
 * that a segment's own unit is not held against it; the same translation from
 * several units is given once.
 */
import { normalizeForMatching } from '../../shared/text/normalize-for-matching';
import type { QaSegment } from '../../shared/qa/model';
import type { ApprovedTranslation } from '../../shared/qa/options';
import { sideText } from '../../shared/qa/side-content';
import type { TranslationMemory } from './translation-memory';

/** The normalized sources the check compares: of segments neither omitted nor without source text. */
export function consistencyKeys(segments: readonly Pick<QaSegment, 'source' | 'omitted'>[]): string[] {
  const keys = new Set<string>();
  for (const segment of segments) {
    if (segment.omitted) continue;
    const key = normalizeForMatching(sideText(segment.source));
    if (key !== '') keys.add(key);
  }
  return [...keys];
}

/** The memory's approved translations of the article's sources, as `QaOptions.approvedTranslations` takes them. */
export function approvedTranslationsFor(
  memory: TranslationMemory,
  articleId: string,
  segments: readonly Pick<QaSegment, 'source' | 'omitted'>[],
): Map<string, ApprovedTranslation[]> {
  const approved = new Map<string, ApprovedTranslation[]>();
  for (const [key, units] of memory.approvedTargets(consistencyKeys(segments))) {
    const seen = new Set<string>();
    const translations: ApprovedTranslation[] = [];
    for (const unit of units) {
      const segmentId = unit.articleId === articleId ? unit.segmentId : null;
      const pair = `${segmentId ?? ''}\u0000${unit.targetText}`;
      if (seen.has(pair)) continue;
      seen.add(pair);
      translations.push({ target: unit.targetText, segmentId });
    }
    approved.set(key, translations);
  }
  return approved;
}
