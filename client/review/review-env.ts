/** What the review components need from the editor page, in one value. */
import { may, type Actor } from '../../shared/permissions/permissions';
import type { Role } from '../../shared/protocol/roles';
import type { ReviewHub } from './review-hub';

export interface ReviewEnv {
  hub: ReviewHub;
  me: string;
  /** May open threads, reply, resolve and reopen (`thread.comment`). */
  canComment: boolean;
  /** May apply or decline suggestions (`suggestion.decide`). */
  canDecideSuggestions: boolean;
  /** The role, for what depends on the comment too (`comment.edit`, `comment.delete`: see `mayOnComment`). */
  role: Role;
  /** Names a comment can @mention. */
  members: readonly string[];
  /** The segment's number as the page shows it (1-based), or null when it is gone. */
  segmentNumber(segmentId: string): number | null;
  /** Scroll a segment into the window, so its row mounts. */
  reveal(segmentId: string): void;
  /** A short message for the page's notice line. */
  notify(message: string): void;
}

export function reviewRights(user: Actor): Pick<ReviewEnv, 'canComment' | 'canDecideSuggestions' | 'role'> {
  return { canComment: may(user, 'thread.comment'), canDecideSuggestions: may(user, 'suggestion.decide'), role: user.role };
}

/** May the person on this page edit or delete this comment? */
export function mayOnComment(
  env: Pick<ReviewEnv, 'me' | 'role'>,
  operation: 'comment.edit' | 'comment.delete',
  comment: { author: string; deleted: boolean },
): boolean {
  return may({ name: env.me, role: env.role }, operation, comment);
}
