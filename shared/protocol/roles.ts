/**
 * The roles an account can have, and the kinds of change an article update can
 * make. What each role may do is shared/permissions/permissions.ts.
 */

export const ROLES = ['admin', 'translator', 'reviewer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The kinds of change an article update can make; each update is classified into these before it is accepted. */
export const ARTICLE_CHANGES = [
  /** text inside a segment's target side */
  'targetText',
  /** text inside a segment's source side */
  'sourceText',
  /** a segment's status (and who/when changed it) */
  'status',
  /** segments added, removed or reordered (split, merge, insert) */
  'structure',
  /** front matter and Duet's own metadata */
  'metadata',
  /** the imported file's bytes kept for exact export */
  'origin',
  /** review threads and comments: open, reply, edit, resolve, suggestion state (see docs/REVIEW.md for who may do which) */
  'comment',
  /** who is assigned to translate and review which segments */
  'assignment',
] as const;
export type ArticleChange = (typeof ARTICLE_CHANGES)[number];
