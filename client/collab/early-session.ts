/**
 * Opening an article before the app knows who is signed in.
 *
 * Loaded at /articles/<id>, the app first asks the server who is signed in
 * and whether the article exists; only then would the editor open the
 * IndexedDB copy and the websocket, and the server start loading the article.
 * Those steps are independent (the websocket is authenticated by the same
 * cookie), so the app starts opening the article at once and the editor
 * claims the open session when it mounts. A session nobody claims (signed
 * out, another page, an unknown article) is closed.
 */
import { ArticleSession, type SessionUser } from './article-session';

/** An unclaimed session is closed after this long (the editor claims it within one or two requests). */
const UNCLAIMED_MS = 30_000;

let early: { session: ArticleSession; timer: ReturnType<typeof setTimeout> } | null = null;

/** Start opening an article (IndexedDB copy, websocket) for the editor that is about to show it. */
export function openEarly(articleId: string): void {
  if (early?.session.articleId === articleId) return;
  discardEarly();
  const session = new ArticleSession(articleId, null);
  early = { session, timer: setTimeout(discardEarly, UNCLAIMED_MS) };
}

/** An article is opening before its editor has claimed it. */
export function openedEarly(articleId: string): boolean {
  return early?.session.articleId === articleId;
}

/** The session opened early for this article, now for `user`, or a new one. */
export function claimSession(articleId: string, user: SessionUser): ArticleSession {
  if (early?.session.articleId === articleId) {
    const { session, timer } = early;
    clearTimeout(timer);
    early = null;
    session.setUser(user);
    return session;
  }
  discardEarly();
  return new ArticleSession(articleId, user);
}

/** Close a session opened early that no editor will claim. */
export function discardEarly(): void {
  if (!early) return;
  clearTimeout(early.timer);
  early.session.destroy();
  early = null;
}
