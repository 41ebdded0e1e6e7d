/**
 * Consistency: the same source should read the same in English.
 *
 * - `inconsistent-translation`: segments of one article whose sources are the
 *   same (compared as the translation memory compares them,
 *   `normalizeForMatching`: full-width and half-width forms and runs of
 *   whitespace count as the same) and whose translations differ. Each of them
 *   is warned, naming the other translations.
 * - `memory-inconsistent`: a segment whose translation is none of the
 *   memory's approved translations of its source (`approvedTranslations`,
 *   read on the server). A segment's own unit is not held against it.
 *
 * Warnings: a repeated source may be translated differently on purpose (a
 * heading and a sentence, a pun), but more often one of the two is a slip.
 * Omitted segments, a translator's own segments (no source) and empty
 * translations are not compared.
 */
import { normalizeForMatching } from '../text/normalize-for-matching';
import { issue, listed, quote, type QaIssue, type QaSegment } from './model';
import type { QaOptions } from './options';
import { sideText } from './side-content';

/** How long a quoted translation may be: a translation often differs late in the sentence. */
const QUOTED_CHARS = 80;

interface Translated {
  segment: QaSegment;
  /** The normalized source: the key segments are grouped by, and the memory's `source_key`. */
  key: string;
  /** The translation as written (plain text), for the message. */
  text: string;
  /** The translation normalized: what is compared. */
  norm: string;
}

function translated(segment: QaSegment): Translated | null {
  if (segment.omitted) return null;
  const key = normalizeForMatching(sideText(segment.source));
  if (key === '') return null;
  const text = sideText(segment.target);
  const norm = normalizeForMatching(text);
  if (norm === '') return null;
  return { segment, key, text, norm };
}

/** The distinct translations among `texts` (by normalized text, the first spelling kept), leaving out `own`. */
function others(texts: Iterable<{ text: string; norm: string }>, own: string): string[] {
  const seen = new Map<string, string>();
  for (const { text, norm } of texts) if (norm !== own && !seen.has(norm)) seen.set(norm, text);
  return [...seen.values()];
}

const quoted = (texts: readonly string[]): string => listed(texts.map((text) => quote(text, QUOTED_CHARS)));

/** The consistency issues of the article's segments, by segment id, in the order the checks run. */
export function checkConsistency(segments: readonly QaSegment[], options: Pick<QaOptions, 'approvedTranslations'> = {}): Map<string, QaIssue[]> {
  const rows = segments.map(translated).filter((row): row is Translated => row !== null);
  const groups = new Map<string, Translated[]>();
  for (const row of rows) {
    const group = groups.get(row.key);
    if (group) group.push(row);
    else groups.set(row.key, [row]);
  }

  const issues = new Map<string, QaIssue[]>();
  const add = (segmentId: string, found: QaIssue) => {
    const list = issues.get(segmentId);
    if (list) list.push(found);
    else issues.set(segmentId, [found]);
  };
  for (const row of rows) {
    const where = { segmentId: row.segment.id };
    const elsewhere = others(groups.get(row.key)!, row.norm);
    if (elsewhere.length > 0) {
      add(row.segment.id, issue('inconsistent-translation', `The same source is translated ${quoted(elsewhere)} elsewhere in the article.`, where));
    }

    const approved = (options.approvedTranslations?.get(row.key) ?? [])
      .filter((unit) => unit.segmentId !== row.segment.id)
      .map((unit) => ({ text: unit.target, norm: normalizeForMatching(unit.target) }))
      .filter((unit) => unit.norm !== '');
    // Translated as one approved unit has it: the segment agrees with the memory, even if the memory has other approved translations too.
    if (approved.length === 0 || approved.some((unit) => unit.norm === row.norm)) continue;
    const differing = others(approved, row.norm);
    const noun = differing.length === 1 ? 'translation of this source is' : 'translations of this source are';
    add(row.segment.id, issue('memory-inconsistent', `The memory's approved ${noun} ${quoted(differing)}.`, where));
  }
  return issues;
}
