/**
 * What a transaction did to review threads (ROOT.threads; THREAD and COMMENT
 * in layout.ts), for the server to judge (who claims to have written what)
 * and to record (notifications). Part of classifyTransaction (changes.ts).
 *
 * Only the resolve fields of a thread and the author's fields of a comment
 * may change after creation; suggestion state is set by those who may edit
 * the target. Anything else (rewriting a thread's anchor, a comment's author)
 * is not part of the layout and refused.
 */
import * as Y from 'yjs';
import { COMMENT, ROOT, SUGGESTION_STATES, THREAD, THREAD_KINDS } from './layout';
import { isNew, isNewType, removedExisting, writtenValues, type AnyType } from './transaction-values';

export interface NewThread {
  threadId: string;
  segmentId: string;
  kind: (typeof THREAD_KINDS)[number];
  /** As claimed by the sender. */
  createdBy: unknown;
}

export interface NewComment {
  threadId: string;
  commentId: string;
  /** As claimed by the sender. */
  author: unknown;
  text: string;
  mentions: string[];
  /** The first comment of a thread opened in the same transaction. */
  opensThread: boolean;
}

export interface CommentEdit {
  threadId: string;
  commentId: string;
  /** The comment's author (a field no transaction may change). */
  author: string;
  /** The author's fields changed (text, editedAt, deleted, mentions, suggestion; the suggestion state fields when only removed). */
  fields: string[];
  /** Does it delete the comment (deleted written true, text emptied)? */
  deletes: boolean;
}

export interface SuggestionWrite {
  threadId: string;
  commentId: string;
  states: unknown[];
  /** Values written to suggestionBy. */
  by: unknown[];
}

export interface Resolution {
  threadId: string;
  /** Values written to resolvedBy. */
  by: unknown[];
}

export interface ThreadChanges {
  newThreads: NewThread[];
  newComments: NewComment[];
  commentEdits: CommentEdit[];
  suggestionWrites: SuggestionWrite[];
  resolutions: Resolution[];
  /** Threads removed or replaced (admin only). */
  threadRemovals: string[];
  /** Threads whose comment entries were removed (admin only; others delete a comment by marking it). */
  commentRemovals: string[];
}

export const emptyThreadChanges = (): ThreadChanges => ({
  newThreads: [],
  newComments: [],
  commentEdits: [],
  suggestionWrites: [],
  resolutions: [],
  threadRemovals: [],
  commentRemovals: [],
});

const RESOLVE_FIELDS = new Set<string>([THREAD.resolved, THREAD.resolvedBy, THREAD.resolvedAt]);
const AUTHOR_FIELDS = new Set<string>([COMMENT.text, COMMENT.editedAt, COMMENT.deleted, COMMENT.mentions, COMMENT.suggestion]);
const SUGGESTION_FIELDS = new Set<string>([COMMENT.suggestionState, COMMENT.suggestionBy]);
const THREAD_FIELDS = new Set<string>(Object.values(THREAD));
const COMMENT_FIELDS = new Set<string>(Object.values(COMMENT));

const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isPosition = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
const isAnchor = (value: unknown) =>
  typeof value === 'object' && value !== null && isPosition((value as { start?: unknown }).start) && isPosition((value as { end?: unknown }).end);

type Report = (problem: string) => void;

/** One change under ROOT.threads; `path` from the root (see pathOf). */
export function classifyThreadChange(
  transaction: Y.Transaction,
  type: AnyType,
  path: readonly (string | null)[],
  keys: Set<string | null>,
  changes: ThreadChanges,
  unknown: Report,
): void {
  const threadId = path[1];
  if (path.length === 1) {
    // A root that no one has asked for by type yet is a bare AbstractType: ask for it as the map it is.
    const threads = transaction.doc.getMap<unknown>(ROOT.threads);
    for (const key of keys) {
      if (key == null) continue;
      if (removedExisting(transaction, threads, key)) changes.threadRemovals.push(key);
      const thread = threads.get(key);
      if (thread instanceof Y.Map && isNewType(transaction, thread)) collectNewThread(key, thread, changes, unknown);
      else if (thread !== undefined && !(thread instanceof Y.Map)) unknown(`thread "${key}" that is not a map`);
    }
  } else if (path.length === 2 && threadId != null) {
    const thread = type as unknown as Y.Map<unknown>;
    for (const key of keys) {
      if (key != null && RESOLVE_FIELDS.has(key)) {
        if (key === THREAD.resolved && !writtenValues(transaction, thread, key).every((value) => typeof value === 'boolean'))
          unknown('thread resolved that is not true or false');
        if (key === THREAD.resolvedAt && !writtenValues(transaction, thread, key).every(isNumber)) unknown('thread resolvedAt that is not a time');
        resolutionOf(changes, threadId).by.push(...(key === THREAD.resolvedBy ? writtenValues(transaction, thread, key) : []));
      } else {
        unknown(`thread field "${String(key)}" changed after the thread was opened`);
      }
    }
  } else if (path.length === 3 && threadId != null && path[2] === THREAD.comments) {
    collectCommentListChange(transaction, threadId, type as unknown as Y.Array<unknown>, changes, unknown);
  } else if (path.length === 4 && threadId != null && path[2] === THREAD.comments && path[3] === null) {
    collectCommentFieldChange(transaction, threadId, type as unknown as Y.Map<unknown>, keys, changes, unknown);
  } else {
    unknown(`thread content at ${path.map(String).join('.')}`);
  }
}

function resolutionOf(changes: ThreadChanges, threadId: string): Resolution {
  let resolution = changes.resolutions.find((candidate) => candidate.threadId === threadId);
  if (!resolution) changes.resolutions.push((resolution = { threadId, by: [] }));
  return resolution;
}

function collectNewThread(key: string, thread: Y.Map<unknown>, changes: ThreadChanges, unknown: Report): void {
  for (const field of thread.keys()) if (!THREAD_FIELDS.has(field)) unknown(`thread field "${field}"`);
  const segmentId = thread.get(THREAD.segmentId);
  const kind = thread.get(THREAD.kind);
  const side = thread.get(THREAD.side);
  const comments = thread.get(THREAD.comments);
  if (thread.get(THREAD.id) !== key) return unknown(`thread "${key}" whose id field is not its key`);
  if (!isString(segmentId)) return unknown(`thread "${key}" without a segment`);
  if (!(THREAD_KINDS as readonly unknown[]).includes(kind)) return unknown(`thread kind "${String(kind)}"`);
  if (side !== undefined && side !== 'source' && side !== 'target') unknown(`thread side "${String(side)}"`);
  if (thread.has(THREAD.anchor) && (side === undefined || !isAnchor(thread.get(THREAD.anchor)))) unknown(`thread "${key}" with a malformed anchor`);
  if (thread.has(THREAD.quote) && !isString(thread.get(THREAD.quote))) unknown(`thread "${key}" with a quote that is not text`);
  if (!isNumber(thread.get(THREAD.createdAt))) unknown(`thread "${key}" without createdAt`);
  if (thread.has(THREAD.resolved) && typeof thread.get(THREAD.resolved) !== 'boolean') unknown('thread resolved that is not true or false');
  if (!(comments instanceof Y.Array) || comments.length === 0) return unknown(`thread "${key}" without a first comment`);
  changes.newThreads.push({ threadId: key, segmentId, kind: kind as NewThread['kind'], createdBy: thread.get(THREAD.createdBy) });
  if (thread.has(THREAD.resolvedBy)) resolutionOf(changes, key).by.push(thread.get(THREAD.resolvedBy));
  comments.toArray().forEach((comment, index) => collectNewComment(key, comment, index === 0, changes, unknown));
}

function collectNewComment(threadId: string, comment: unknown, opensThread: boolean, changes: ThreadChanges, unknown: Report): void {
  if (!(comment instanceof Y.Map)) return unknown(`a comment in thread "${threadId}" that is not a map`);
  for (const field of comment.keys()) if (!COMMENT_FIELDS.has(field)) unknown(`comment field "${field}"`);
  const id = comment.get(COMMENT.id);
  const text = comment.get(COMMENT.text);
  const mentions = comment.get(COMMENT.mentions) ?? [];
  if (!isString(id) || id === '') return unknown(`a comment without an id in thread "${threadId}"`);
  if (!isString(text)) return unknown(`comment "${id}" without text`);
  if (!isNumber(comment.get(COMMENT.createdAt))) unknown(`comment "${id}" without createdAt`);
  if (!Array.isArray(mentions) || !mentions.every(isString)) return unknown(`comment "${id}" with mentions that are not names`);
  if (comment.has(COMMENT.suggestion) && !isString(comment.get(COMMENT.suggestion))) unknown(`comment "${id}" with a suggestion that is not text`);
  if (comment.has(COMMENT.deleted) && typeof comment.get(COMMENT.deleted) !== 'boolean') unknown(`comment "${id}" with deleted that is not true or false`);
  changes.newComments.push({ threadId, commentId: id, author: comment.get(COMMENT.author), text, mentions, opensThread });
  const state = comment.get(COMMENT.suggestionState);
  if (state !== undefined && !(SUGGESTION_STATES as readonly unknown[]).includes(state)) unknown(`suggestion state "${String(state)}"`);
  // A comment born with its suggestion already decided is a suggestion-state write.
  if ((state !== undefined && state !== 'open') || comment.has(COMMENT.suggestionBy)) {
    changes.suggestionWrites.push({
      threadId,
      commentId: id,
      states: [state],
      by: comment.has(COMMENT.suggestionBy) ? [comment.get(COMMENT.suggestionBy)] : [],
    });
  }
}

function collectCommentListChange(transaction: Y.Transaction, threadId: string, comments: Y.Array<unknown>, changes: ThreadChanges, unknown: Report): void {
  let removed = false;
  // Every entry, deleted ones too, in list order.
  for (const item of Y.getTypeChildren(comments)) {
    if (isNew(transaction, item)) {
      if (!item.deleted) for (const comment of item.content.getContent()) collectNewComment(threadId, comment, false, changes, unknown);
    } else if (Y.isDeleted(transaction.deleteSet, item.id)) {
      removed = true;
    }
  }
  if (removed) changes.commentRemovals.push(threadId);
}

function collectCommentFieldChange(
  transaction: Y.Transaction,
  threadId: string,
  comment: Y.Map<unknown>,
  keys: Set<string | null>,
  changes: ThreadChanges,
  unknown: Report,
): void {
  const commentId = comment.get(COMMENT.id);
  const author = comment.get(COMMENT.author);
  if (!isString(commentId) || !isString(author)) return unknown(`a comment in thread "${threadId}" without an id or author`);
  const fields: string[] = [];
  let suggestion: SuggestionWrite | null = null;
  for (const key of keys) {
    if (key != null && AUTHOR_FIELDS.has(key)) fields.push(key);
    else if (key != null && SUGGESTION_FIELDS.has(key)) {
      suggestion ??= { threadId, commentId, states: [], by: [] };
      if (key === COMMENT.suggestionState) suggestion.states.push(...writtenValues(transaction, comment, key));
      else suggestion.by.push(...writtenValues(transaction, comment, key));
    } else unknown(`comment field "${String(key)}" changed after the comment was written`);
  }
  // Removing the suggestion fields without writing them is part of deleting the comment (deleteComment), not a decision.
  if (suggestion && suggestion.states.length === 0 && suggestion.by.length === 0) {
    for (const key of keys) if (key != null && SUGGESTION_FIELDS.has(key)) fields.push(key);
    suggestion = null;
  }
  if (suggestion) {
    if (!suggestion.states.every((state) => (SUGGESTION_STATES as readonly unknown[]).includes(state))) unknown('an unknown suggestion state');
    changes.suggestionWrites.push(suggestion);
  }
  if (fields.length > 0) {
    const deleted = writtenValues(transaction, comment, COMMENT.deleted);
    const texts = writtenValues(transaction, comment, COMMENT.text);
    if (!texts.every(isString)) unknown(`comment "${commentId}" text that is not text`);
    const deletes = deleted.length > 0 && deleted.every((value) => value === true) && texts.every((text) => text === '');
    changes.commentEdits.push({ threadId, commentId, author, fields, deletes });
  }
}
