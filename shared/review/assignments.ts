/** Who is to translate and review which segments (set by an admin; the server refuses anyone else). */
import type * as Y from 'yjs';
import { articleTypes, SEGMENT } from '../article/layout';

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
