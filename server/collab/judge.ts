/**
 * May this user make these changes to an article? Where what an update
 * actually did (shared/article/changes.ts) meets who may do what
 * (shared/permissions/permissions.ts): every question about a role is asked
 * of that module; what is answered here is what the update did, and that
 * names written into it are the sender's own.
 */
import type { ArticleChanges } from '../../shared/article/changes';
import { COMMENT } from '../../shared/article/layout';
import type { ArticleChange } from '../../shared/article/change-kinds';
import { may, mayChange, settableStatuses, type Actor } from '../../shared/permissions/permissions';

export type Verdict = { ok: true } | { ok: false; reason: string };

/** The fields a deletion may touch: an admin deleting someone else's comment may change nothing else. */
const DELETION_FIELDS = new Set<string>([COMMENT.deleted, COMMENT.text, COMMENT.mentions, COMMENT.suggestion, COMMENT.suggestionState, COMMENT.suggestionBy]);

const refuse = (reason: string): Verdict => ({ ok: false, reason });

/**
 * @param sourceUnchanged whether the article's source reads as it did before
 *   (shared/article/source-fingerprint.ts); asked only of a role that may
 *   restructure but not edit sources, and only when the changes could move one.
 */
export function judgeArticleChanges(actor: Actor, changes: ArticleChanges, sourceUnchanged: () => boolean): Verdict {
  if (changes.unknown.length > 0) return refuse(`not part of an article: ${changes.unknown.join(', ')}`);
  const restructures = mayChange(actor.role, 'structure') && changes.kinds.has('structure');
  const refused: ArticleChange[] = [];
  for (const kind of changes.kinds) {
    if (mayChange(actor.role, kind)) continue;
    // Split and merge write source text into other segments; judged below by what the article then reads.
    if (kind === 'sourceText' && restructures) continue;
    refused.push(kind);
  }
  if (refused.length > 0) return refuse(`a ${actor.role} may not change ${refused.join(', ')}`);
  // The resulting article, not the single step: a segment added outside the order and moved in later, a move
  // of one source past another, a deleted source, all change what the source reads.
  if (!mayChange(actor.role, 'sourceText') && (restructures || changes.kinds.has('sourceText')) && !sourceUnchanged()) {
    return refuse(`a ${actor.role} may not make a source text appear, change, move or vanish (split, merge and notes keep it as it reads)`);
  }
  const impersonated = changes.changedBy.find((value) => value !== actor.name);
  if (impersonated !== undefined) return refuse(`changedBy must be your own name, not ${JSON.stringify(impersonated)}`);
  return judgeStatuses(actor, changes) ?? judgeThreads(actor, changes) ?? { ok: true };
}

/** Each status write against the workflow, from the status the sender replaced. */
function judgeStatuses(actor: Actor, changes: ArticleChanges): Verdict | null {
  for (const { segmentId, from, to } of changes.statusWrites) {
    const sendBackComment = changes.newThreads.some(
      (thread) =>
        thread.segmentId === segmentId &&
        thread.kind === 'sendBack' &&
        changes.newComments.some((comment) => comment.threadId === thread.threadId && comment.opensThread && comment.text.trim() !== ''),
    );
    if (may(actor, 'segment.setStatus', { from: from ?? 'untranslated', to, sendBackComment })) continue;
    if (!settableStatuses(actor.role).includes(to)) return refuse(`a ${actor.role} may not set a segment to ${to}`);
    if (to === 'draft') return refuse(`a ${actor.role} may send a segment back to draft only with a comment (a sendBack thread in the same change)`);
    return refuse(`a ${actor.role} may not set a ${from ?? 'new'} segment to ${to}`);
  }
  return null;
}

/** Threads and comments: written as oneself, edited by their authors, decided by those who may edit the target. */
function judgeThreads(actor: Actor, changes: ArticleChanges): Verdict | null {
  const claimed = (value: unknown) => value !== actor.name;
  const forgedThread = changes.newThreads.find((thread) => claimed(thread.createdBy));
  if (forgedThread) return refuse(`a thread's createdBy must be your own name, not ${JSON.stringify(forgedThread.createdBy)}`);
  const forgedComment = changes.newComments.find((comment) => claimed(comment.author));
  if (forgedComment) return refuse(`a comment's author must be your own name, not ${JSON.stringify(forgedComment.author)}`);
  for (const edit of changes.commentEdits) {
    if (may(actor, 'comment.edit', { author: edit.author })) continue;
    const isDeletion = edit.deletes && edit.fields.every((field) => DELETION_FIELDS.has(field));
    if (isDeletion && may(actor, 'comment.delete', { author: edit.author })) continue;
    return refuse(isDeletion ? `only its author or an admin may delete ${edit.author}'s comment` : `only its author may edit ${edit.author}'s comment`);
  }
  for (const write of changes.suggestionWrites) {
    if (!may(actor, 'suggestion.decide')) return refuse(`a ${actor.role} may not apply or decline suggestions`);
    if (write.by.some(claimed)) return refuse(`suggestionBy must be your own name`);
  }
  if (changes.resolutions.some((resolution) => resolution.by.some(claimed))) return refuse('resolvedBy must be your own name');
  if ((changes.threadRemovals.length > 0 || changes.commentRemovals.length > 0) && !may(actor, 'thread.remove')) {
    return refuse(`a ${actor.role} may not remove threads or comments (resolve a thread, delete a comment instead)`);
  }
  return null;
}
