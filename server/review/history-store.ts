/**
 * Per-segment history in SQLite (migration 4): status changes, and versions
 * of the target text, one per author session. Written on the hot path (every
 * accepted keystroke), so each write is one indexed read and one small write.
 */
import type { Db } from '../store/database';
import { isSegmentStatus, type SegmentStatus } from '../../shared/article/status';
import type { SegmentHistory, StatusChange, TextVersion } from '../../shared/protocol/api';

/** Edits by the same author to the same segment within this long of their last edit are one session (one version). */
export const SESSION_GAP_MS = 10 * 60 * 1000;

interface VersionRow {
  id: number;
  author: string | null;
  baseline: string;
  markdown: string;
  started_at: number;
  updated_at: number;
}

interface StatusRow {
  from_status: string | null;
  to_status: string;
  actor: string | null;
  at: number;
}

export class HistoryStore {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      insertStatus: db.prepare<[string, string, string | null, string, string | null, number]>(
        'INSERT INTO segment_status_changes (article_id, segment_id, from_status, to_status, actor, at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      lastVersion: db.prepare<[string, string], VersionRow>(
        'SELECT id, author, baseline, markdown, started_at, updated_at FROM segment_text_versions WHERE article_id = ? AND segment_id = ? ORDER BY id DESC LIMIT 1',
      ),
      insertVersion: db.prepare<[string, string, string | null, string, string, number, number]>(
        'INSERT INTO segment_text_versions (article_id, segment_id, author, baseline, markdown, started_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      statusByOtherSince: db.prepare<[string, string, number, string | null], { one: number }>(
        'SELECT 1 AS one FROM segment_status_changes WHERE article_id = ? AND segment_id = ? AND at >= ? AND actor IS NOT ? LIMIT 1',
      ),
      updateVersion: db.prepare<[string, number, number]>('UPDATE segment_text_versions SET markdown = ?, updated_at = ? WHERE id = ?'),
      versions: db.prepare<[string, string], VersionRow>(
        'SELECT id, author, baseline, markdown, started_at, updated_at FROM segment_text_versions WHERE article_id = ? AND segment_id = ? ORDER BY id',
      ),
      statuses: db.prepare<[string, string], StatusRow>(
        'SELECT from_status, to_status, actor, at FROM segment_status_changes WHERE article_id = ? AND segment_id = ? ORDER BY id',
      ),
    };
  }

  recordStatus(articleId: string, segmentId: string, from: SegmentStatus | null, to: SegmentStatus, actor: string | null, at: number): void {
    this.statements.insertStatus.run(articleId, segmentId, from, to, actor, at);
  }

  /**
   * The segment's target is now `markdown`, by `author`: extend their session
   * (same author, within SESSION_GAP_MS of their last edit, and nobody else
   * has changed the segment's status since: after a send-back the reviewer
   * wants to see what changed since, on its own) or start a version
   * whose baseline is the previous version, else `imported` (the target as
   * imported), else empty. A change that leaves the text as it was starts nothing.
   */
  recordText(articleId: string, segmentId: string, markdown: string, author: string | null, at: number, imported: () => string | null): void {
    const last = this.statements.lastVersion.get(articleId, segmentId);
    const sameSession =
      last &&
      last.author === author &&
      at - last.updated_at <= SESSION_GAP_MS &&
      !this.statements.statusByOtherSince.get(articleId, segmentId, last.updated_at, author);
    if (last && sameSession) {
      this.statements.updateVersion.run(markdown, at, last.id);
      return;
    }
    const baseline = last ? last.markdown : (imported() ?? '');
    if (baseline === markdown) return;
    this.statements.insertVersion.run(articleId, segmentId, author, baseline, markdown, at, at);
  }

  /** Who last wrote the segment's text, as far as history knows. */
  lastAuthor(articleId: string, segmentId: string): string | null {
    return this.statements.lastVersion.get(articleId, segmentId)?.author ?? null;
  }

  /** The segment's history, oldest first; its versions start with the baseline of the first. */
  segmentHistory(articleId: string, segmentId: string): SegmentHistory {
    const rows = this.statements.versions.all(articleId, segmentId);
    const versions: TextVersion[] = rows.map((row) => ({ markdown: row.markdown, by: row.author, at: row.updated_at, since: row.started_at }));
    const first = rows[0];
    if (first) versions.unshift({ markdown: first.baseline, by: null, at: first.started_at, since: first.started_at });
    const statusChanges: StatusChange[] = this.statements.statuses
      .all(articleId, segmentId)
      .flatMap((row) =>
        isSegmentStatus(row.to_status)
          ? [{ from: isSegmentStatus(row.from_status) ? row.from_status : null, to: row.to_status, by: row.actor, at: row.at }]
          : [],
      );
    return { segmentId, statusChanges, versions };
  }
}
