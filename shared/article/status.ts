/** The workflow a segment moves through, in order. */
export const SEGMENT_STATUSES = ['untranslated', 'draft', 'translated', 'reviewed', 'approved'] as const;

export type SegmentStatus = (typeof SEGMENT_STATUSES)[number];

export function isSegmentStatus(value: unknown): value is SegmentStatus {
  return typeof value === 'string' && (SEGMENT_STATUSES as readonly string[]).includes(value);
}
