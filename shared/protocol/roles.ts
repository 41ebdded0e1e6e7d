/**
 * Who may do what. The server enforces this table on every HTTP request and
 * every websocket update; the client uses it only to hide what would be refused.
 * docs/COLLABORATION.md explains it for people.
 */
import type { SegmentStatus } from '../article/status';

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

export interface RolePermissions {
  /** Kinds of article change the role may make. */
  articleChanges: readonly ArticleChange[];
  /** Statuses the role may set a segment to, from some status (shared/review/workflow.ts says from which). */
  statuses: readonly SegmentStatus[];
  /** May create and import articles over the API. */
  createArticles: boolean;
  /** May manage accounts, configure the site, and override QA when publishing. */
  administer: boolean;
  /** May publish articles into the site's repository (docs/PUBLISHING.md). */
  publish: boolean;
}

export const PERMISSIONS: Record<Role, RolePermissions> = {
  admin: {
    articleChanges: ['targetText', 'sourceText', 'status', 'structure', 'metadata', 'origin', 'comment', 'assignment'],
    statuses: ['untranslated', 'draft', 'translated', 'reviewed', 'approved'],
    createArticles: true,
    administer: true,
    publish: true,
  },
  translator: {
    articleChanges: ['targetText', 'status', 'structure', 'metadata', 'comment'],
    statuses: ['untranslated', 'draft', 'translated'],
    createArticles: true,
    administer: false,
    // Publishing puts the text on the public site: only admins, who also configure the site and may override QA.
    publish: false,
  },
  reviewer: {
    articleChanges: ['status', 'comment'],
    // Sending a segment back to the translator is setting it to draft (with a comment; see shared/review/workflow.ts).
    statuses: ['draft', 'reviewed', 'approved'],
    createArticles: false,
    administer: false,
    publish: false,
  },
  viewer: {
    articleChanges: [],
    statuses: [],
    createArticles: false,
    administer: false,
    publish: false,
  },
};

/** May this role change anything in an article at all? (If not, its connection is read-only.) */
export const canWriteArticle = (role: Role): boolean => PERMISSIONS[role].articleChanges.length > 0;
