/** Notifications per account in SQLite (migration 4): what happened, to whom, read or not. */
import type { Db } from '../store/database';
import type { AppNotification, NotificationKind } from '../../shared/protocol/api';

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  articleId: string;
  articleTitle: string;
  segmentId: string | null;
  threadId: string | null;
  actor: string | null;
  text: string;
  at: number;
}

/** How many a listing returns, newest first. */
export const NOTIFICATION_PAGE = 200;
/** How much of a comment a notification keeps. */
export const NOTIFICATION_TEXT_CHARS = 280;

interface Row {
  id: number;
  kind: NotificationKind;
  article_id: string;
  article_title: string;
  segment_id: string | null;
  thread_id: string | null;
  actor: string | null;
  text: string;
  at: number;
  read_at: number | null;
}

export class NotificationStore {
  private readonly statements;

  constructor(private readonly db: Db) {
    this.statements = {
      userIdByName: db.prepare<[string], { id: string }>('SELECT id FROM users WHERE name = ?'),
      insert: db.prepare<[string, string, string, string, string | null, string | null, string | null, string, number]>(
        'INSERT INTO notifications (user_id, kind, article_id, article_title, segment_id, thread_id, actor, text, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      list: db.prepare<[string, number], Row>(
        'SELECT id, kind, article_id, article_title, segment_id, thread_id, actor, text, at, read_at FROM notifications WHERE user_id = ? ORDER BY id DESC LIMIT ?',
      ),
      unread: db.prepare<[string], { count: number }>('SELECT count(*) AS count FROM notifications WHERE user_id = ? AND read_at IS NULL'),
      markRead: db.prepare<[number, string, number]>('UPDATE notifications SET read_at = ? WHERE user_id = ? AND id = ? AND read_at IS NULL'),
      markAllRead: db.prepare<[number, string]>('UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL'),
    };
  }

  /** The account with this name (names ignore case), or null. */
  userId(name: string): string | null {
    return this.statements.userIdByName.get(name)?.id ?? null;
  }

  add(notifications: readonly NewNotification[]): void {
    if (notifications.length === 0) return;
    this.db.transaction(() => {
      for (const n of notifications) {
        this.statements.insert.run(
          n.userId,
          n.kind,
          n.articleId,
          n.articleTitle,
          n.segmentId,
          n.threadId,
          n.actor,
          n.text.slice(0, NOTIFICATION_TEXT_CHARS),
          n.at,
        );
      }
    })();
  }

  list(userId: string): { notifications: AppNotification[]; unread: number } {
    const notifications = this.statements.list.all(userId, NOTIFICATION_PAGE).map((row) => ({
      id: String(row.id),
      kind: row.kind,
      articleId: row.article_id,
      articleTitle: row.article_title,
      segmentId: row.segment_id,
      threadId: row.thread_id,
      actor: row.actor,
      text: row.text,
      at: row.at,
      read: row.read_at !== null,
    }));
    return { notifications, unread: this.unreadCount(userId) };
  }

  unreadCount(userId: string): number {
    return this.statements.unread.get(userId)?.count ?? 0;
  }

  /** Mark some (ids not the user's are ignored) or all of a user's notifications read. */
  markRead(userId: string, which: { ids: string[] } | { all: true }, at: number): void {
    this.db.transaction(() => {
      if ('all' in which) this.statements.markAllRead.run(at, userId);
      else for (const id of which.ids) this.statements.markRead.run(at, userId, Number(id));
    })();
  }
}
