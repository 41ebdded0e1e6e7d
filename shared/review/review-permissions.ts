/**
 * Who may do what with threads and comments: the rules the server enforces
 * (server/collab/permissions.ts), for the editor to offer only what would be
 * accepted. Statuses are in workflow.ts.
 */
import { PERMISSIONS, type Role } from '../protocol/roles';

export interface Account {
  name: string;
  role: Role;
}

/** Open threads, reply, resolve and reopen. */
export const mayComment = (role: Role): boolean => PERMISSIONS[role].articleChanges.includes('comment');

/** Edit a comment's text: its author only. */
export const mayEditComment = (account: Account, comment: { author: string; deleted?: boolean }): boolean =>
  mayComment(account.role) && comment.author === account.name && comment.deleted !== true;

/** Delete a comment: its author, or an admin. */
export const mayDeleteComment = (account: Account, comment: { author: string }): boolean =>
  mayComment(account.role) && (comment.author === account.name || account.role === 'admin');

/** Apply or decline a suggestion: those who may edit the target text. */
export const maySetSuggestionState = (role: Role): boolean => PERMISSIONS[role].articleChanges.includes('targetText');

/** Remove a thread outright (everyone else resolves it). */
export const mayRemoveThread = (role: Role): boolean => role === 'admin';

/** Assign segments to translators and reviewers. */
export const mayAssign = (role: Role): boolean => PERMISSIONS[role].articleChanges.includes('assignment');
