/**
 * The glossary in the translation (docs/QA.md, docs/GLOSSARY.md):
 *
 * - `term-missing`, a warning: a glossary term is in the source and none of
 *   its English translations (preferred or allowed) is in the translation.
 *   A warning: a translator may have rephrased on purpose (a pronoun for a
 *   name said twice), but more often the team's term was forgotten.
 * - `term-forbidden`, an error: the translation uses a variant the glossary
 *   forbids for a term of the source. An error: the team decided against it,
 *   and the site must not print it. A forbidden variant inside an allowed one
 *   ("DAMO Academy" inside "Alibaba DAMO Academy") is the allowed one.
 *
 * Each term is checked once per segment, however often the source says it.
 * Omitted segments and empty translations are not checked (other checks
 * report those).
 */
import { isSideEmpty } from '../article/article';
import { findTranslation, type TermMatcher } from '../glossary/term-matcher';
import { issue, listed, quote, type QaIssue, type QaSegment } from './model';
import { sideText } from './side-content';

export function checkTerms(segment: QaSegment, terms: TermMatcher | undefined): QaIssue[] {
  if (!terms || segment.omitted || isSideEmpty(segment.target)) return [];
  const hits = terms.find(sideText(segment.source));
  if (hits.length === 0) return [];
  const target = sideText(segment.target);
  const issues: QaIssue[] = [];
  const seen = new Set<number>();
  for (const { entry } of hits) {
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    const usable = entry.translations.filter((translation) => translation.use !== 'forbidden');
    const forbidden = entry.translations.filter((translation) => translation.use === 'forbidden');
    const allowedAt = usable.flatMap((translation) => findTranslation(target, translation.text, entry.caseSensitive));
    const preferred = usable[0];
    for (const variant of forbidden) {
      const inside = (range: [number, number]) => allowedAt.some(([start, end]) => start <= range[0] && range[1] <= end);
      if (findTranslation(target, variant.text, entry.caseSensitive).some((range) => !inside(range)))
        issues.push(
          issue(
            'term-forbidden',
            `The glossary forbids ${quote(variant.text)} for ${quote(entry.source)}${preferred ? `: use ${quote(preferred.text)}` : ''}.`,
            { segmentId: segment.id },
          ),
        );
    }
    if (usable.length > 0 && allowedAt.length === 0) {
      const others = usable.slice(1).map((translation) => quote(translation.text));
      issues.push(
        issue(
          'term-missing',
          `The source says ${quote(entry.source)}, which the glossary translates as ${quote(preferred!.text)}${others.length ? ` (or ${listed(others)})` : ''}; the translation has none of them.`,
          { segmentId: segment.id },
        ),
      );
    }
  }
  return issues;
}
