/**
 * The roles an account can have. What each role may do is
 * shared/permissions/permissions.ts; the kinds of change an update can make
 * are shared/article/change-kinds.ts.
 */

export const ROLES = ['admin', 'translator', 'reviewer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
