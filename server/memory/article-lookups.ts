/**
 * The memory's best match for each segment of an article, looked up for
 * pre-translation and analysis. An article can have hundreds of segments and
 * a fuzzy lookup costs milliseconds, so the lookups yield to the event loop
 * every few segments: the rooms go on relaying keystrokes meanwhile.
 */
import type * as Y from 'yjs';
import { readSegment, segmentIds, type SegmentSnapshot } from '../../shared/article/article';
import { sideText } from '../../shared/qa/side-content';
import type { TmMatch } from '../../shared/protocol/memory-api';
import type { TranslationMemory } from './translation-memory';

/** Lookups between two yields: a few tens of milliseconds of work at most. */
const LOOKUPS_PER_TURN = 8;

export interface SegmentLookup {
  segment: SegmentSnapshot;
  /** The segment's source as plain text. */
  source: string;
  best: TmMatch | null;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A segment as the lookups need it, read from the document at once (the lookups run later, over turns). */
export interface SegmentToLookUp {
  segment: SegmentSnapshot;
  source: string;
  before: string | null;
  after: string | null;
}

/** The article's segments that `wanted` keeps, in order, with their neighbours' sources. */
export function segmentsToLookUp(doc: Y.Doc, wanted: (segment: SegmentSnapshot) => boolean = () => true): SegmentToLookUp[] {
  const segments = segmentIds(doc).map((id) => readSegment(doc, id));
  const sources = segments.map((segment) => sideText(segment.source));
  return segments.flatMap((segment, index) =>
    wanted(segment) ? [{ segment, source: sources[index]!, before: sources[index - 1] ?? null, after: sources[index + 1] ?? null }] : [],
  );
}

/** Each segment with its best match at or above `threshold` (101: in context only). */
export async function lookupSegments(
  items: readonly SegmentToLookUp[],
  memory: TranslationMemory,
  articleId: string,
  threshold: number,
): Promise<SegmentLookup[]> {
  const lookups: SegmentLookup[] = [];
  let sinceYield = 0;
  for (const { segment, source, before, after } of items) {
    let best: TmMatch | null = null;
    if (source.trim() !== '') {
      if (++sinceYield > LOOKUPS_PER_TURN) {
        sinceYield = 0;
        await nextTurn();
      }
      const [first] = memory.lookup({ source, before, after, threshold: Math.min(threshold, 100), exclude: { articleId, segmentId: segment.id } });
      best = first && first.score >= threshold ? first : null;
    }
    lookups.push({ segment, source, best });
  }
  return lookups;
}
