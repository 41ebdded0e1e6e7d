/**
 * Writing review threads and comments into the article's Y.Doc (layout:
 * THREAD and COMMENT in shared/article/layout.ts; design: docs/REVIEW.md).
 * Each function is one transaction with the caller's origin. They check what
 * the document can tell (the thread exists, the comment is the actor's); the
 * server judges the rest (server/collab/judge.ts).
 */
import * as Y from 'yjs';
import type { Side } from '../article/article';
import { newId } from '../article/ids';
import { articleTypes, COMMENT, SUGGESTION_STATES, THREAD, THREAD_KINDS } from '../article/layout';
import { isThreadAnchor, type ThreadAnchor } from './anchors';

export { SUGGESTION_STATES, THREAD_KINDS };
export type ThreadKind = (typeof THREAD_KINDS)[number];
export type SuggestionState = (typeof SUGGESTION_STATES)[number];

export const isThreadKind = (value: unknown): value is ThreadKind => (THREAD_KINDS as readonly unknown[]).includes(value);
export const isSuggestionState = (value: unknown): value is SuggestionState => (SUGGESTION_STATES as readonly unknown[]).includes(value);

/** What a comment says beyond its text. */
export interface CommentExtras {
  /** Account names mentioned (see mentionsIn). */
  mentions?: string[];
  /** A replacement for the thread's anchored target range (or the whole target when the thread has no anchor). */
  suggestion?: string;
  /** When, in milliseconds since the epoch (default now). */
  at?: number;
}

export interface OpenThreadInput extends CommentExtras {
  segmentId: string;
  /** The side the anchor is in; absent for the whole pair. */
  side?: Side;
  /** From anchorForRange; needs `side`. */
  anchor?: ThreadAnchor;
  /** The anchored text when the thread is opened. */
  quote?: string;
  /** The first comment. */
  text: string;
  kind?: ThreadKind;
}

function threadMap(doc: Y.Doc, threadId: string): Y.Map<unknown> {
  const thread = articleTypes(doc).threads.get(threadId);
  if (!(thread instanceof Y.Map)) throw new Error(`unknown thread "${threadId}"`);
  return thread;
}

function commentsOf(thread: Y.Map<unknown>): Y.Array<Y.Map<unknown>> {
  const comments = thread.get(THREAD.comments);
  if (!(comments instanceof Y.Array)) throw new Error(`thread "${String(thread.get(THREAD.id))}" has no comment list`);
  return comments as Y.Array<Y.Map<unknown>>;
}

function commentMap(doc: Y.Doc, threadId: string, commentId: string): Y.Map<unknown> {
  const comment = commentsOf(threadMap(doc, threadId))
    .toArray()
    .find((candidate) => candidate instanceof Y.Map && candidate.get(COMMENT.id) === commentId);
  if (!comment) throw new Error(`unknown comment "${commentId}" in thread "${threadId}"`);
  return comment;
}

function checkText(text: string): void {
  if (typeof text !== 'string' || text.trim() === '') throw new Error('a comment needs some text');
}

function newComment(text: string, actor: string, extras: CommentExtras): Y.Map<unknown> {
  checkText(text);
  const comment = new Y.Map<unknown>();
  comment.set(COMMENT.id, newId(10));
  comment.set(COMMENT.author, actor);
  comment.set(COMMENT.createdAt, extras.at ?? Date.now());
  comment.set(COMMENT.text, text);
  if (extras.mentions && extras.mentions.length > 0) comment.set(COMMENT.mentions, [...new Set(extras.mentions)]);
  if (extras.suggestion !== undefined) {
    comment.set(COMMENT.suggestion, extras.suggestion);
    comment.set(COMMENT.suggestionState, 'open');
  }
  return comment;
}

/** Open a thread on a segment pair (optionally anchored in one side) with its first comment; returns the thread's id. */
export function openThread(doc: Y.Doc, input: OpenThreadInput, actor: string, origin: unknown = null): string {
  const types = articleTypes(doc);
  if (!types.segments.has(input.segmentId)) throw new Error(`unknown segment "${input.segmentId}"`);
  if (input.anchor !== undefined && (input.side === undefined || !isThreadAnchor(input.anchor))) {
    throw new Error('an anchor needs a side and two relative positions (see anchorForRange)');
  }
  if (input.suggestion !== undefined && input.side === 'source') throw new Error('a suggestion replaces target text: anchor it in the target');
  const kind = input.kind ?? 'comment';
  if (!isThreadKind(kind)) throw new Error(`unknown thread kind "${String(kind)}"`);
  const id = newId(10);
  const thread = new Y.Map<unknown>();
  const first = newComment(input.text, actor, input);
  doc.transact(() => {
    types.threads.set(id, thread);
    thread.set(THREAD.id, id);
    thread.set(THREAD.segmentId, input.segmentId);
    if (input.side !== undefined) thread.set(THREAD.side, input.side);
    if (input.anchor !== undefined) thread.set(THREAD.anchor, { start: input.anchor.start, end: input.anchor.end });
    if (input.quote !== undefined) thread.set(THREAD.quote, input.quote);
    thread.set(THREAD.createdBy, actor);
    thread.set(THREAD.createdAt, input.at ?? Date.now());
    thread.set(THREAD.kind, kind);
    thread.set(THREAD.resolved, false);
    const comments = new Y.Array<Y.Map<unknown>>();
    thread.set(THREAD.comments, comments);
    comments.push([first]);
  }, origin);
  return id;
}

/** Add a comment to a thread; returns the comment's id. */
export function reply(doc: Y.Doc, threadId: string, text: string, actor: string, origin: unknown = null, extras: CommentExtras = {}): string {
  const comments = commentsOf(threadMap(doc, threadId));
  const comment = newComment(text, actor, extras);
  doc.transact(() => comments.push([comment]), origin);
  return comment.get(COMMENT.id) as string;
}

/** Change the text (and mentions) of one's own comment. */
export function editComment(
  doc: Y.Doc,
  threadId: string,
  commentId: string,
  text: string,
  actor: string,
  origin: unknown = null,
  extras: Pick<CommentExtras, 'mentions' | 'at'> = {},
): void {
  const comment = commentMap(doc, threadId, commentId);
  if (comment.get(COMMENT.author) !== actor) throw new Error('only its author may edit a comment');
  if (comment.get(COMMENT.deleted) === true) throw new Error('a deleted comment cannot be edited');
  checkText(text);
  doc.transact(() => {
    comment.set(COMMENT.text, text);
    comment.set(COMMENT.editedAt, extras.at ?? Date.now());
    if (extras.mentions && extras.mentions.length > 0) comment.set(COMMENT.mentions, [...new Set(extras.mentions)]);
    else if (comment.has(COMMENT.mentions)) comment.delete(COMMENT.mentions);
  }, origin);
}

/**
 * Delete a comment: its text is emptied and it is marked deleted; the entry
 * stays so replies keep their place. Its author may; so may an admin (the
 * server checks the role).
 */
export function deleteComment(doc: Y.Doc, threadId: string, commentId: string, _actor: string, origin: unknown = null): void {
  const comment = commentMap(doc, threadId, commentId);
  doc.transact(() => {
    comment.set(COMMENT.deleted, true);
    comment.set(COMMENT.text, '');
    for (const field of [COMMENT.mentions, COMMENT.suggestion, COMMENT.suggestionState, COMMENT.suggestionBy]) if (comment.has(field)) comment.delete(field);
  }, origin);
}

export function resolveThread(doc: Y.Doc, threadId: string, actor: string, origin: unknown = null, at = Date.now()): void {
  const thread = threadMap(doc, threadId);
  doc.transact(() => {
    thread.set(THREAD.resolved, true);
    thread.set(THREAD.resolvedBy, actor);
    thread.set(THREAD.resolvedAt, at);
  }, origin);
}

export function reopenThread(doc: Y.Doc, threadId: string, _actor: string, origin: unknown = null): void {
  const thread = threadMap(doc, threadId);
  doc.transact(() => {
    thread.set(THREAD.resolved, false);
    thread.delete(THREAD.resolvedBy);
    thread.delete(THREAD.resolvedAt);
  }, origin);
}

/**
 * Record that a suggestion was applied or declined (or reopen it). Applying
 * the text itself is the editor's job (through the view, so it is undoable);
 * do both in one transaction when you can.
 */
export function setSuggestionState(doc: Y.Doc, threadId: string, commentId: string, state: SuggestionState, actor: string, origin: unknown = null): void {
  if (!isSuggestionState(state)) throw new Error(`unknown suggestion state "${String(state)}"`);
  const comment = commentMap(doc, threadId, commentId);
  if (!comment.has(COMMENT.suggestion)) throw new Error(`comment "${commentId}" carries no suggestion`);
  doc.transact(() => {
    comment.set(COMMENT.suggestionState, state);
    if (state === 'open') comment.delete(COMMENT.suggestionBy);
    else comment.set(COMMENT.suggestionBy, actor);
  }, origin);
}

/** Remove a thread outright (admin only; everyone else resolves). */
export function removeThread(doc: Y.Doc, threadId: string, origin: unknown = null): void {
  threadMap(doc, threadId);
  doc.transact(() => articleTypes(doc).threads.delete(threadId), origin);
}
