/** Who is to translate and review which segments (set by an admin; the server refuses anyone else). */
import type * as Y from 'yjs';
import { articleTypes, orderedIds, SEGMENT } from '../article/layout';

export interface Assignment {
  /** An account name; null clears the assignment; absent leaves it as it is. */
  translator?: string | null;
  reviewer?: string | null;
}

export function assignSegments(doc: Y.Doc, ids: readonly string[], assignment: Assignment, origin: unknown = null): void {
  const segments = articleTypes(doc).segments;
  const maps = ids.map((id) => {
    const map = segments.get(id);
    if (!map) throw new Error(`unknown segment "${id}"`);
    return map;
  });
  const fields = [
    [SEGMENT.assignedTranslator, assignment.translator],
    [SEGMENT.assignedReviewer, assignment.reviewer],
  ] as const;
  doc.transact(() => {
    for (const map of maps) {
      for (const [field, value] of fields) {
        if (value === undefined) continue;
        if (value === null) {
          if (map.has(field)) map.delete(field);
        } else if (map.get(field) !== value) {
          map.set(field, value);
        }
      }
    }
  }, origin);
}

/** A segment's assignees as plain values. */
export function readAssignment(doc: Y.Doc, id: string): { translator: string | null; reviewer: string | null } {
  const map = articleTypes(doc).segments.get(id);
  const read = (field: string) => {
    const value = map?.get(field);
    return typeof value === 'string' ? value : null;
  };
  return { translator: read(SEGMENT.assignedTranslator), reviewer: read(SEGMENT.assignedReviewer) };
}

/** Statuses at which an assignee's part is done: a translator's once translated, a reviewer's once reviewed. */
const DONE_FOR_TRANSLATOR = new Set<unknown>(['translated', 'reviewed', 'approved']);
const DONE_FOR_REVIEWER = new Set<unknown>(['reviewed', 'approved']);

/**
 * The segments assigned to `name` (as translator or reviewer; names ignore
 * case) and how many of them are done, for the article list's "mine" counts.
 */
export function assignmentCounts(doc: Y.Doc, name: string | null): { assigned: number; done: number } {
  const counts = { assigned: 0, done: 0 };
  if (!name) return counts;
  const me = name.toLowerCase();
  const types = articleTypes(doc);
  for (const id of orderedIds(types.order, (candidate) => types.segments.has(candidate))) {
    const map = types.segments.get(id)!;
    const asReviewer = String(map.get(SEGMENT.assignedReviewer) ?? '').toLowerCase() === me;
    const asTranslator = String(map.get(SEGMENT.assignedTranslator) ?? '').toLowerCase() === me;
    if (!asReviewer && !asTranslator) continue;
    counts.assigned++;
    if ((asReviewer ? DONE_FOR_REVIEWER : DONE_FOR_TRANSLATOR).has(map.get(SEGMENT.status))) counts.done++;
  }
  return counts;
}
