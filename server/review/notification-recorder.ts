/**
 * Who is to hear of an accepted change (a deriver, see server/collab/derivation.ts): the members a new comment @mentions, the people who opened
 * or commented in the thread a reply joins, and the translator a segment is
 * sent back to (the one assigned, else the last who wrote its text). Never the
 * actor themself; one notification per person per comment, a mention first.
 */
import { articleTitle, readFrontMatter } from '../../shared/article/article';
import { articleTypes } from '../../shared/article/layout';
import type { NotificationKind } from '../../shared/protocol/api';
import { readAssignment } from '../../shared/review/assignments';
import { mentionsIn } from '../../shared/review/mentions';
import { readThread } from '../../shared/review/read-threads';
import type * as Y from 'yjs';
import type { DerivedChange } from '../collab/derivation';
import type { HistoryStore } from './history-store';
import type { NewNotification, NotificationStore } from './notification-store';

interface Recipient {
  name: string;
  kind: NotificationKind;
  segmentId: string | null;
  threadId: string;
  text: string;
}

export function recordNotifications(store: NotificationStore, history: HistoryStore, { articleId, actor, changes, at }: DerivedChange, doc: Y.Doc): void {
  if (changes.newComments.length === 0) return; // the hot path: keystrokes end here
  const recipients: Recipient[] = [];
  const sendBackThreads = new Set(changes.newThreads.filter((thread) => thread.kind === 'sendBack').map((thread) => thread.threadId));

  for (const comment of changes.newComments) {
    const thread = readThread(doc, comment.threadId);
    if (!thread) continue;
    const told = new Set<string>(actor ? [actor.toLowerCase()] : []);
    const tell = (name: string, kind: NotificationKind) => {
      if (told.has(name.toLowerCase())) return;
      told.add(name.toLowerCase());
      recipients.push({ name, kind, segmentId: thread.segmentId, threadId: thread.id, text: comment.text });
    };
    // Only names the text really mentions: the list is the sender's claim.
    for (const name of mentionsIn(comment.text, comment.mentions)) tell(name, 'mention');
    if (comment.opensThread && sendBackThreads.has(comment.threadId)) {
      const wasSentBack = changes.statusWrites.some((write) => write.segmentId === thread.segmentId && write.to === 'draft');
      const translator = readAssignment(doc, thread.segmentId).translator ?? history.lastAuthor(articleId, thread.segmentId);
      if (wasSentBack && translator) tell(translator, 'sendBack');
    }
    if (!comment.opensThread) {
      for (const name of [thread.createdBy, ...thread.comments.filter((other) => other.id !== comment.commentId).map((other) => other.author)]) {
        if (name) tell(name, 'reply');
      }
    }
  }
  if (recipients.length === 0) return;

  const title = articleTitle({ frontMatter: readFrontMatter(doc), meta: Object.fromEntries(articleTypes(doc).meta.entries()) });
  const rows: NewNotification[] = recipients.flatMap(({ name, kind, segmentId, threadId, text }) => {
    const userId = store.userId(name);
    return userId ? [{ userId, kind, articleId, articleTitle: title, segmentId, threadId, actor, text, at }] : [];
  });
  store.add(rows);
}
