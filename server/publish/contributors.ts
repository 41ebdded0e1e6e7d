/**
 * Who worked on an article, for the commit's Co-authored-by trailers: the
 * authors of text and status changes (from the review history when the
 * server keeps one), plus what the article itself records: each segment's
 * last editor, and who opened review threads or wrote comments.
 */
import * as Y from 'yjs';
import { readArticle } from '../../shared/article/article';
import { readThreads } from '../../shared/review/read-threads';
import { USER_NAME_PATTERN } from '../auth/accounts';
import type { Db } from '../store/database';

/** Account names that changed an article's text or statuses, from a history the server keeps; null when it keeps none. */
export type HistoryAuthors = (articleId: string) => readonly string[] | null;

/**
 * The review history's authors (server/review/: text versions and status
 * changes, recorded as the room accepts updates), read from its tables; a
 * history of nothing when the database has no such tables.
 */
export function historyAuthorsFromDb(db: Db): HistoryAuthors {
  let statement: ReturnType<typeof db.prepare<[string, string], { name: string }>>;
  try {
    statement = db.prepare<[string, string], { name: string }>(
      `SELECT author AS name FROM segment_text_versions WHERE article_id = ? AND author IS NOT NULL
       UNION SELECT actor AS name FROM segment_status_changes WHERE article_id = ? AND actor IS NOT NULL`,
    );
  } catch {
    return () => null;
  }
  return (articleId) => statement.all(articleId, articleId).map((row) => row.name);
}

/** Names recorded in the article: segments' last editors, thread openers and comment authors. */
export function contributorsInDoc(doc: Y.Doc): string[] {
  const names = new Set<string>();
  for (const segment of readArticle(doc).segments) if (segment.changedBy) names.add(segment.changedBy);
  for (const thread of readThreads(doc)) {
    names.add(thread.createdBy);
    for (const comment of thread.comments) if (!comment.deleted) names.add(comment.author);
  }
  return [...names];
}

/**
 * Everyone but `publisher` who worked on the article, sorted, each once
 * (ignoring case). Only names that are account names are kept: they go
 * into the commit message, so nothing else may reach it.
 */
export function coAuthors(doc: Y.Doc, articleId: string, publisher: string, history?: HistoryAuthors): string[] {
  const byKey = new Map<string, string>();
  for (const name of [...(history?.(articleId) ?? []), ...contributorsInDoc(doc)]) {
    if (typeof name !== 'string' || !USER_NAME_PATTERN.test(name) || name.toLowerCase() === publisher.toLowerCase()) continue;
    if (!byKey.has(name.toLowerCase())) byKey.set(name.toLowerCase(), name);
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b, 'en'));
}
