/** How far an article's translation has come, by segment status. */
import { SEGMENT_STATUSES, type SegmentStatus } from './status';
import type { SegmentSnapshot } from './article';

export type StatusCounts = Record<SegmentStatus, number>;

export function statusCounts(segments: Pick<SegmentSnapshot, 'status'>[]): StatusCounts {
  const counts = Object.fromEntries(SEGMENT_STATUSES.map((status) => [status, 0])) as StatusCounts;
  for (const segment of segments) counts[segment.status]++;
  return counts;
}

/** The share of segments translated or further along, 0..1 (1 for an article with no segments). */
export function translatedShare(counts: StatusCounts): number {
  const total = SEGMENT_STATUSES.reduce((sum, status) => sum + counts[status], 0);
  if (total === 0) return 1;
  return (counts.translated + counts.reviewed + counts.approved) / total;
}

/** CJK ideographs (and the extension blocks), the unit Chinese length is counted in. */
const HAN = /\p{Script=Han}/gu;
/** Words as English counts them: runs of letters or digits, with inner apostrophes and hyphens. */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export const countHan = (text: string): number => text.match(HAN)?.length ?? 0;
export const countWords = (text: string): number => text.match(WORD)?.length ?? 0;

export interface TextProgress {
  /** Chinese characters in all sources. */
  sourceChars: number;
  /** Chinese characters in sources whose segment is translated or further along (or omitted on purpose). */
  sourceCharsTranslated: number;
  /** English words in all targets. */
  targetWords: number;
}

export function textProgress(segments: Pick<SegmentSnapshot, 'status' | 'source' | 'target' | 'omitted'>[]): TextProgress {
  let sourceChars = 0;
  let sourceCharsTranslated = 0;
  let targetWords = 0;
  for (const segment of segments) {
    const chars = countHan(segment.source.textContent);
    sourceChars += chars;
    if (segment.omitted || segment.status === 'translated' || segment.status === 'reviewed' || segment.status === 'approved') sourceCharsTranslated += chars;
    targetWords += countWords(segment.target.textContent);
  }
  return { sourceChars, sourceCharsTranslated, targetWords };
}
