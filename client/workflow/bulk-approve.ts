/**
 * "Approve N reviewed": of the selected segments, the reviewed ones become
 * approved in one transaction (so collaborators and the server see one change,
 * and undo of a colleague's work cannot split it); every other segment of the
 * selection is left exactly as it is.
 */
import type * as Y from 'yjs';
import { setStatus } from '../../shared/article/article';
import { articleTypes, SEGMENT } from '../../shared/article/layout';
import type { SegmentStatus } from '../../shared/article/status';

export interface BulkApproval {
  approved: string[];
  /** Selected segments that were not reviewed (or no longer exist). */
  skipped: string[];
}

/** How many of `ids` are reviewed: what the button offers. `statusOf` is the page's rows, as rendered. */
export function countReviewed(ids: Iterable<string>, statusOf: (id: string) => SegmentStatus | undefined): number {
  let count = 0;
  for (const id of ids) if (statusOf(id) === 'reviewed') count++;
  return count;
}

export function approveReviewed(doc: Y.Doc, ids: Iterable<string>, actor: string, origin: unknown): BulkApproval {
  const { segments } = articleTypes(doc);
  const result: BulkApproval = { approved: [], skipped: [] };
  doc.transact(() => {
    for (const id of ids) {
      if (segments.get(id)?.get(SEGMENT.status) !== 'reviewed') {
        result.skipped.push(id);
        continue;
      }
      // setStatus's own transaction joins this one.
      setStatus(doc, id, 'approved', actor, origin);
      result.approved.push(id);
    }
  }, origin);
  return result;
}

/** "Approved 2 segments; skipped 1 that was not reviewed." */
export function describeApproval({ approved, skipped }: BulkApproval): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const done = approved.length === 0 ? 'Nothing to approve' : `Approved ${plural(approved.length, 'segment')}`;
  if (skipped.length === 0) return `${done}.`;
  return `${done}; skipped ${skipped.length} that ${skipped.length === 1 ? 'was' : 'were'} not reviewed.`;
}
