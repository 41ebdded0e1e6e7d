/**
 * Which rows a filter shows. A row someone is in (another person's caret, or
 * this person's own focus) is never hidden silently: it stays, with a note.
 */
import type { SegmentStatus } from '../../shared/article/status';
import type { PresenceUser } from '../editing/presence';
import type { SegmentRowModel } from './use-segments';
import { isAssignedTo, type Assignments } from '../workflow/use-assignments';

export type RowFilter =
  | { kind: 'all' }
  | { kind: 'untranslated' }
  | { kind: 'mine' }
  /** Assigned to me, as translator or as reviewer. */
  | { kind: 'assigned' }
  | { kind: 'status'; status: SegmentStatus };

export interface FilterContext {
  me: string;
  focused: string | null;
  busy: (id: string) => PresenceUser[];
  /** Who each segment is assigned to (only segments that have someone). */
  assignments?: Assignments;
}

export interface FilteredRow {
  row: SegmentRowModel;
  shownBecause: string | null;
}

function matches(row: SegmentRowModel, filter: RowFilter, me: string, assignments: Assignments | undefined): boolean {
  switch (filter.kind) {
    case 'all':
      return true;
    case 'untranslated':
      return row.status === 'untranslated' && !row.omitted;
    case 'mine':
      return row.changedBy === me;
    case 'assigned':
      return isAssignedTo(assignments?.get(row.id), me);
    case 'status':
      return row.status === filter.status;
  }
}

export function filterRows(rows: SegmentRowModel[], filter: RowFilter, context: FilterContext): FilteredRow[] {
  const out: FilteredRow[] = [];
  for (const row of rows) {
    if (matches(row, filter, context.me, context.assignments)) {
      out.push({ row, shownBecause: null });
      continue;
    }
    const people = context.busy(row.id);
    if (people.length > 0) out.push({ row, shownBecause: `shown: ${people.map((person) => person.name).join(', ')} editing` });
    else if (row.id === context.focused) out.push({ row, shownBecause: 'shown: you are here' });
  }
  return out;
}
