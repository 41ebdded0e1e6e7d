/**
 * May this user make these changes to an article? The one place where the
 * roles table meets what an update actually did.
 */
import type { ArticleChanges } from '../../shared/article/changes';
import { PERMISSIONS, type ArticleChange, type Role } from '../../shared/protocol/roles';

export type Verdict = { ok: true } | { ok: false; reason: string };

export interface Actor {
  name: string;
  role: Role;
}

/**
 * @param sourceTextUnchanged called only when the changes touch source text and
 *   the role may not edit it: structure changes (split, merge) may still move it.
 */
export function judgeArticleChanges(actor: Actor, changes: ArticleChanges, sourceTextUnchanged: () => boolean): Verdict {
  if (changes.unknown.length > 0) return { ok: false, reason: `not part of an article: ${changes.unknown.join(', ')}` };
  const allowed = PERMISSIONS[actor.role];
  const refused: ArticleChange[] = [];
  for (const kind of changes.kinds) {
    if (allowed.articleChanges.includes(kind)) continue;
    if (kind === 'sourceText' && allowed.articleChanges.includes('structure') && changes.kinds.has('structure') && sourceTextUnchanged()) continue;
    refused.push(kind);
  }
  if (refused.length > 0) return { ok: false, reason: `a ${actor.role} may not change ${refused.join(', ')}` };
  const status = changes.statuses.find((value) => !allowed.statuses.includes(value));
  if (status) return { ok: false, reason: `a ${actor.role} may not set a segment to ${status}` };
  const impersonated = changes.changedBy.find((value) => value !== actor.name);
  if (impersonated !== undefined) return { ok: false, reason: `changedBy must be your own name, not ${JSON.stringify(impersonated)}` };
  return { ok: true };
}
