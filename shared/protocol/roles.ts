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
] as const;
export type ArticleChange = (typeof ARTICLE_CHANGES)[number];

export interface RolePermissions {
  /** Kinds of article change the role may make. */
  articleChanges: readonly ArticleChange[];
  /** Statuses the role may set a segment to. */
  statuses: readonly SegmentStatus[];
  /** May create and import articles over the API. */
  createArticles: boolean;
  /** May manage accounts and publish. */
  administer: boolean;
}

export const PERMISSIONS: Record<Role, RolePermissions> = {
  admin: {
    articleChanges: ['targetText', 'sourceText', 'status', 'structure', 'metadata', 'origin'],
    statuses: ['untranslated', 'draft', 'translated', 'reviewed', 'approved'],
    createArticles: true,
    administer: true,
  },
  translator: {
    articleChanges: ['targetText', 'status', 'structure', 'metadata'],
    statuses: ['untranslated', 'draft', 'translated'],
    createArticles: true,
    administer: false,
  },
  reviewer: {
    articleChanges: ['status'],
    // Sending a segment back to the translator is setting it to draft.
    statuses: ['draft', 'reviewed', 'approved'],
    createArticles: false,
    administer: false,
  },
  viewer: {
    articleChanges: [],
    statuses: [],
    createArticles: false,
    administer: false,
  },
};

/** May this role change anything in an article at all? (If not, its connection is read-only.) */
export const canWriteArticle = (role: Role): boolean => PERMISSIONS[role].articleChanges.length > 0;
