/**
 * A reviewer sends a segment back to the translator: the status becomes draft
 * and a `sendBack` thread says why, in one transaction (the server refuses a
 * reviewer's send-back that comes without its comment).
 */
import type * as Y from 'yjs';
import { setStatus } from '../article/article';
import { openThread, type CommentExtras } from './threads';

/** Returns the new thread's id. */
export function sendBack(doc: Y.Doc, segmentId: string, comment: string, actor: string, origin: unknown = null, extras: CommentExtras = {}): string {
  let threadId = '';
  doc.transact(() => {
    threadId = openThread(doc, { ...extras, segmentId, text: comment, kind: 'sendBack' }, actor);
    setStatus(doc, segmentId, 'draft', actor);
  }, origin);
  return threadId;
}
