/**
 * What a segment records when a translation-memory match is inserted into
 * its target (SEGMENT.memoryMatch): which unit, at what score. The reviewer
 * sees "filled from the memory, 95 %" on the row; the judge lets through only
 * this shape (shared/article/changes.ts).
 */
import type * as Y from 'yjs';
import { articleTypes, SEGMENT } from './layout';

export interface MemoryMatchNote {
  unitId: number;
  /** 101 in context, 100 exact, below fuzzy. */
  score: number;
}

export function isMemoryMatch(value: unknown): value is MemoryMatchNote {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { unitId, score, ...rest } = value as Record<string, unknown>;
  return (
    Object.keys(rest).length === 0 &&
    Number.isSafeInteger(unitId) &&
    (unitId as number) > 0 &&
    Number.isInteger(score) &&
    (score as number) >= 1 &&
    (score as number) <= 101
  );
}

/** The memory match recorded on a segment, if any. */
export function memoryMatchOf(doc: Y.Doc, segmentId: string): MemoryMatchNote | null {
  const value = articleTypes(doc).segments.get(segmentId)?.get(SEGMENT.memoryMatch);
  return isMemoryMatch(value) ? value : null;
}

/** Record that the segment's target was filled from this match. */
export function setMemoryMatch(doc: Y.Doc, segmentId: string, note: MemoryMatchNote, origin: unknown = null): void {
  doc.transact(() => articleTypes(doc).segments.get(segmentId)?.set(SEGMENT.memoryMatch, { unitId: note.unitId, score: note.score }), origin);
}
