/**
 * The status workflow: which status a role may give a segment, judged from the
 * status the writer replaced (what it saw), not from the merged document.
 * The server enforces it (server/collab/permissions.ts); the editor uses it to
 * offer only what would be accepted.
 *
 *   untranslated → draft (first edit) → translated (translator confirms)
 *   → reviewed → approved (reviewer); a reviewer sends translated, reviewed or
 *   approved back to draft only with a comment (a sendBack thread).
 */
import { SEGMENT_STATUSES, type SegmentStatus } from '../article/status';
import type { Role } from '../protocol/roles';

export interface StatusContext {
  /** Does the same change open a sendBack thread with a comment on this segment? */
  sendBackComment?: boolean;
}

const TRANSLATOR_STATUSES: readonly SegmentStatus[] = ['untranslated', 'draft', 'translated'];
/** What a reviewer may review or approve, or send back. */
const REVIEWABLE: readonly SegmentStatus[] = ['translated', 'reviewed'];
const SENDABLE_BACK: readonly SegmentStatus[] = ['translated', 'reviewed', 'approved'];

/** May `role` set a segment whose status it saw as `from` to `to`? Writing the same status again is allowed to any role that may set it at all. */
export function canSetStatus(role: Role, from: SegmentStatus, to: SegmentStatus, context: StatusContext = {}): boolean {
  switch (role) {
    case 'admin':
      return true;
    case 'translator':
      return TRANSLATOR_STATUSES.includes(to);
    case 'reviewer':
      if (to === 'reviewed' || to === 'approved') return from === to || REVIEWABLE.includes(from);
      if (to === 'draft') return from === 'draft' || (SENDABLE_BACK.includes(from) && context.sendBackComment === true);
      return false;
    case 'viewer':
      return false;
  }
}

/** Does moving `from` → `to` need a sendBack comment for this role (the editor asks for one first)? */
export function needsSendBackComment(role: Role, from: SegmentStatus, to: SegmentStatus): boolean {
  return !canSetStatus(role, from, to) && canSetStatus(role, from, to, { sendBackComment: true });
}

export interface StatusOption {
  status: SegmentStatus;
  /** The status can be set only together with a sendBack comment (use `sendBack`). */
  needsComment: boolean;
}

/** The statuses, other than `from`, that `role` may move a segment to, in workflow order: for the editor's menus. */
export function statusOptions(role: Role, from: SegmentStatus): StatusOption[] {
  return SEGMENT_STATUSES.filter((to) => to !== from && canSetStatus(role, from, to, { sendBackComment: true })).map((status) => ({
    status,
    needsComment: needsSendBackComment(role, from, status),
  }));
}
