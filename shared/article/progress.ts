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
