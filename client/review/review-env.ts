/** What the review components need from the editor page, in one value. */
import { PERMISSIONS, type Role } from '../../shared/protocol/roles';
import type { ReviewHub } from './review-hub';

export interface ReviewEnv {
  hub: ReviewHub;
  me: string;
  /** May open threads, reply and resolve (the server judges this as the `comment` change). */
  canComment: boolean;
  /** May change target text, so may apply or decline suggestions. */
  canEditTarget: boolean;
  /** May delete anyone's comment. */
  isAdmin: boolean;
  /** Names a comment can @mention. */
  members: readonly string[];
  /** The segment's number as the page shows it (1-based), or null when it is gone. */
  segmentNumber(segmentId: string): number | null;
  /** Scroll a segment into the window, so its row mounts. */
  reveal(segmentId: string): void;
  /** A short message for the page's notice line. */
  notify(message: string): void;
}

export function reviewRights(role: Role): Pick<ReviewEnv, 'canComment' | 'canEditTarget' | 'isAdmin'> {
  const changes: readonly string[] = PERMISSIONS[role].articleChanges;
  return { canComment: changes.includes('comment'), canEditTarget: changes.includes('targetText'), isAdmin: PERMISSIONS[role].administer };
}
