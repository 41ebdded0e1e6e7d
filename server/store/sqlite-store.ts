/**
 * The default store: articles and their update logs in the SQLite database
 * (see database.ts for durability settings).
 */
import type { ArticleStore, StoredArticle } from './article-store';
import { StoreError } from './article-store';
import type { Db } from './database';

/** How often appends refresh an article's updated_at (a list sorted by activity needs no more). */
const TOUCH_INTERVAL_MS = 1000;

export class SqliteArticleStore implements ArticleStore {
  private readonly statements;
  private readonly nextSeq = new Map<string, number>();
  private readonly touchedAt = new Map<string, number>();

  /** The store does not own the database: whoever opened it closes it. */
  constructor(readonly db: Db) {
    this.statements = {
      insertArticle: this.db.prepare<[string, string, string]>('INSERT INTO articles (id, created_at, updated_at) VALUES (?, ?, ?)'),
      touchArticle: this.db.prepare<[string, string]>('UPDATE articles SET updated_at = ? WHERE id = ?'),
      hasArticle: this.db.prepare<[string], { one: number }>('SELECT 1 AS one FROM articles WHERE id = ?'),
      listArticles: this.db.prepare<[], { id: string; created_at: string; updated_at: string }>(
        'SELECT id, created_at, updated_at FROM articles ORDER BY created_at, id',
      ),
      deleteArticle: this.db.prepare<[string]>('DELETE FROM articles WHERE id = ?'),
      insertUpdate: this.db.prepare<[string, number, Uint8Array]>('INSERT INTO updates (article_id, seq, data) VALUES (?, ?, ?)'),
      lastSeq: this.db.prepare<[string], { seq: number | null }>('SELECT MAX(seq) AS seq FROM updates WHERE article_id = ?'),
      loadUpdates: this.db.prepare<[string], { data: Buffer }>('SELECT data FROM updates WHERE article_id = ? ORDER BY seq'),
      countUpdates: this.db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM updates WHERE article_id = ?'),
      deleteThrough: this.db.prepare<[string, number]>('DELETE FROM updates WHERE article_id = ? AND seq <= ?'),
      saveOpening: this.db.prepare<[string, number, string]>('INSERT OR REPLACE INTO article_openings (article_id, seq, json) VALUES (?, ?, ?)'),
      loadOpening: this.db.prepare<[string], { seq: number; json: string }>('SELECT seq, json FROM article_openings WHERE article_id = ?'),
    };
  }

  create(id: string, update: Uint8Array): void {
    const now = new Date().toISOString();
    this.db.transaction(() => {
      if (this.has(id)) throw new StoreError('exists', `article "${id}" already exists`);
      this.statements.insertArticle.run(id, now, now);
      this.statements.insertUpdate.run(id, 1, update);
    })();
  }

  load(id: string): Uint8Array[] | null {
    if (!this.has(id)) return null;
    return this.statements.loadUpdates.all(id).map((row) => new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength));
  }

  /**
   * The hot path: one update per keystroke burst, committed before it is
   * relayed. One INSERT (its own transaction) with the next sequence number
   * kept in memory; the article's updated_at is refreshed at most once a
   * second. The foreign key refuses an update for a deleted article.
   */
  append(id: string, update: Uint8Array): number {
    let seq = this.nextSeq.get(id);
    if (seq === undefined) {
      if (!this.has(id)) throw new StoreError('not_found', `unknown article "${id}"`);
      seq = this.lastSeq(id) + 1;
    }
    try {
      this.statements.insertUpdate.run(id, seq, update);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new StoreError('not_found', `unknown article "${id}"`);
      if (code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw error;
      // Another writer appended meanwhile: continue after its updates.
      seq = this.lastSeq(id) + 1;
      this.statements.insertUpdate.run(id, seq, update);
    }
    this.nextSeq.set(id, seq + 1);
    const now = Date.now();
    if (now - (this.touchedAt.get(id) ?? 0) >= TOUCH_INTERVAL_MS) {
      this.statements.touchArticle.run(new Date(now).toISOString(), id);
      this.touchedAt.set(id, now);
    }
    return seq;
  }

  compact(id: string, snapshot: Uint8Array, throughSeq: number): void {
    this.db.transaction(() => {
      if (!this.has(id)) throw new StoreError('not_found', `unknown article "${id}"`);
      this.statements.deleteThrough.run(id, throughSeq);
      this.statements.insertUpdate.run(id, throughSeq, snapshot);
    })();
  }

  lastSeq(id: string): number {
    return this.statements.lastSeq.get(id)?.seq ?? 0;
  }

  logLength(id: string): number {
    return this.statements.countUpdates.get(id)?.n ?? 0;
  }

  saveOpening(id: string, seq: number, json: string): void {
    try {
      this.statements.saveOpening.run(id, seq, json);
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new StoreError('not_found', `unknown article "${id}"`);
      throw error;
    }
  }

  loadOpening(id: string): { seq: number; json: string } | null {
    return this.statements.loadOpening.get(id) ?? null;
  }

  list(): StoredArticle[] {
    return this.statements.listArticles.all().map((row) => ({ id: row.id, createdAt: row.created_at, updatedAt: row.updated_at }));
  }

  has(id: string): boolean {
    return this.statements.hasArticle.get(id) !== undefined;
  }

  delete(id: string): void {
    this.statements.deleteArticle.run(id);
    this.nextSeq.delete(id);
    this.touchedAt.delete(id);
  }

  close(): void {}
}
