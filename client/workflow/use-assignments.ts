/**
 * Who each segment is assigned to (the segment fields `assignedTranslator` and
 * `assignedReviewer`, docs/REVIEW.md), as a map by segment id. Rebuilt only when
 * an assignment changes or segments come and go, never on typing; an entry whose
 * people did not change keeps its object, so memoized rows do not re-render.
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { articleTypes, SEGMENT } from '../../shared/article/layout';

export interface Assignment {
  translator: string | null;
  reviewer: string | null;
}

export type Assignments = ReadonlyMap<string, Assignment>;

const ASSIGNMENT_KEYS: readonly string[] = [SEGMENT.assignedTranslator, SEGMENT.assignedReviewer];

const name = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** Assignments of every segment that has one; `previous` lends its unchanged entries. */
export function readAssignments(doc: Y.Doc, previous: Assignments = new Map()): Map<string, Assignment> {
  const out = new Map<string, Assignment>();
  articleTypes(doc).segments.forEach((map, id) => {
    const translator = name(map.get(SEGMENT.assignedTranslator));
    const reviewer = name(map.get(SEGMENT.assignedReviewer));
    if (!translator && !reviewer) return;
    const before = previous.get(id);
    out.set(id, before && before.translator === translator && before.reviewer === reviewer ? before : { translator, reviewer });
  });
  return out;
}

export function isAssignedTo(assignment: Assignment | undefined, me: string): boolean {
  return !!assignment && (assignment.translator === me || assignment.reviewer === me);
}

export function useAssignments(doc: Y.Doc): Assignments {
  const [assignments, setAssignments] = useState<Assignments>(() => readAssignments(doc));
  useEffect(() => {
    const { segments } = articleTypes(doc);
    const refresh = () => setAssignments((previous) => readAssignments(doc, previous));
    const onSegments = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      // Text edits are events deeper down: they cost one look at each event here, nothing per row.
      const relevant = events.some(
        (event) =>
          event.target === segments ||
          (event.target.parent === segments && ASSIGNMENT_KEYS.some((key) => (event as Y.YMapEvent<unknown>).keysChanged?.has(key))),
      );
      if (relevant) refresh();
    };
    segments.observeDeep(onSegments);
    refresh();
    return () => segments.unobserveDeep(onSegments);
  }, [doc]);
  return assignments;
}
