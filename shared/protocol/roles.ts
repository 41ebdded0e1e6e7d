/**
 * Who may do what. The server enforces this table on every HTTP request and
 * every websocket update; the client uses it only to hide what would be refused.
 * docs/COLLABORATION.md explains it for people.
 */
import type { ArticleChange } from '../article/change-kinds';
import type { SegmentStatus } from '../article/status';

export const ROLES = ['admin', 'translator', 'reviewer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

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
