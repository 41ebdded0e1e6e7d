/**
 * The kinds of change an article update can make: what a Yjs transaction did
 * to an article, in the fewest words (shared/article/changes.ts classifies
 * every transaction into them). Permissions are written in these terms
 * (shared/permissions/permissions.ts), so they belong to the article, not to the roles.
 */
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
  'importedFile',
  /** review threads and comments: open, reply, edit, resolve, suggestion state (see docs/REVIEW.md for who may do which) */
  'comment',
  /** who is assigned to translate and review which segments */
  'assignment',
] as const;
export type ArticleChange = (typeof ARTICLE_CHANGES)[number];
