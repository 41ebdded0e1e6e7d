/**
 * The default store: articles and their update logs in the SQLite database
 * (see database.ts for durability settings).
 */
import type { ArticleStore, DerivedThrough, NewUpdate, StoredArticle, StoredUpdate } from './article-store';
import { StoreError } from './article-store';
import type { Db } from './database';

/** How often appends refresh an article's updated_at (a list sorted by activity needs no more). */
const TOUCH_INTERVAL_MS = 1000;

export class SqliteArticleStore implements ArticleStore {
  private readonly statements;
  private readonly nextSeq = new Map<string, number>();
  private readonly touchedAt = new Map<string, number>();
  /** What appends inside an enclosing transaction will tell the two maps above once it commits (see `transaction`). */
  private afterCommit: (() => void)[] = [];

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
      insertUpdate: this.db.prepare<[string, number, Uint8Array, string | null, number | null]>(
        'INSERT INTO updates (article_id, seq, data, actor, at) VALUES (?, ?, ?, ?, ?)',
      ),
      loadRows: this.db.prepare<[string, number], { seq: number; data: Buffer; actor: string | null; at: number | null }>(
        'SELECT seq, data, actor, at FROM updates WHERE article_id = ? AND seq > ? ORDER BY seq',
      ),
      derivedThrough: this.db.prepare<[string], { derived_seq: number; text_settled_seq: number }>(
        'SELECT derived_seq, text_settled_seq FROM articles WHERE id = ?',
      ),
      underived: this.db.prepare<[], { id: string }>(
        'SELECT id FROM articles WHERE MIN(derived_seq, text_settled_seq) < (SELECT COALESCE(MAX(seq), 0) FROM updates WHERE article_id = articles.id)',
      ),
      totalChanges: this.db.prepare<[], { n: number }>('SELECT total_changes() AS n'),
      markDerived: this.db.prepare<[number | null, number | null, string]>(
        'UPDATE articles SET derived_seq = COALESCE(?, derived_seq), text_settled_seq = COALESCE(?, text_settled_seq) WHERE id = ?',
      ),
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
      this.statements.insertUpdate.run(id, 1, update, null, Date.now());
      // The first update is the article as imported: nothing in it is history.
      this.statements.markDerived.run(1, 1, id);
    })();
  }

  load(id: string): Uint8Array[] | null {
    if (!this.has(id)) return null;
    return this.statements.loadUpdates.all(id).map((row) => new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength));
  }

  /** One update in its own transaction (the CLI, tests); the server's rooms use appendMany. */
  append(id: string, update: Uint8Array, written: { actor: string | null; at: number } = { actor: null, at: Date.now() }): number {
    return this.appendMany([{ articleId: id, data: update, actor: written.actor, at: written.at }])[0]!;
  }

  /**
   * The hot path: every update accepted within a moment, from every room, in
   * one transaction (one fsync), committed before any of them is relayed. The
   * next sequence number of each article is kept in memory; the article's
   * updated_at is refreshed at most once a second. The foreign key refuses an
   * update for a deleted article.
   */
  appendMany(updates: readonly NewUpdate[]): number[] {
    if (updates.length === 0) return [];
    const nextSeq = new Map<string, number>();
    const now = Date.now();
    const touched: string[] = [];
    const seqs = this.db.transaction(() => {
      const seqs = updates.map(({ articleId, data, actor, at }) => {
        let seq = nextSeq.get(articleId) ?? this.nextSeq.get(articleId);
        if (seq === undefined) {
          if (!this.has(articleId)) throw new StoreError('not_found', `unknown article "${articleId}"`);
          seq = this.lastSeq(articleId) + 1;
        }
        try {
          this.statements.insertUpdate.run(articleId, seq, data, actor, at);
        } catch (error) {
          const code = (error as { code?: string }).code;
          if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new StoreError('not_found', `unknown article "${articleId}"`);
          if (code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw error;
          // Another process appended meanwhile: continue after its rows (the caller sees the gap).
          seq = this.lastSeq(articleId) + 1;
          this.statements.insertUpdate.run(articleId, seq, data, actor, at);
        }
        nextSeq.set(articleId, seq + 1);
        return seq;
      });
      for (const articleId of nextSeq.keys()) {
        if (now - (this.touchedAt.get(articleId) ?? 0) < TOUCH_INTERVAL_MS) continue;
        this.statements.touchArticle.run(new Date(now).toISOString(), articleId);
        touched.push(articleId);
      }
      return seqs;
    })();
    // Only once committed: a rolled-back transaction must not move the numbers on (inside an
    // enclosing one, that is when the enclosing one commits).
    const remember = () => {
      for (const [articleId, seq] of nextSeq) this.nextSeq.set(articleId, seq);
      for (const articleId of touched) this.touchedAt.set(articleId, now);
    };
    if (this.db.inTransaction) this.afterCommit.push(remember);
    else remember();
    return seqs;
  }

  loadRows(id: string, afterSeq = 0): StoredUpdate[] | null {
    if (!this.has(id)) return null;
    return this.statements.loadRows.all(id, afterSeq).map((row) => ({
      seq: row.seq,
      data: new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength),
      actor: row.actor,
      at: row.at,
    }));
  }

  derivedThrough(id: string): DerivedThrough {
    const row = this.statements.derivedThrough.get(id);
    return { derived: row?.derived_seq ?? 0, textSettled: row?.text_settled_seq ?? 0 };
  }

  underived(): string[] {
    return this.statements.underived.all().map((row) => row.id);
  }

  markDerived(id: string, through: Partial<DerivedThrough>): void {
    this.statements.markDerived.run(through.derived ?? null, through.textSettled ?? null, id);
  }

  writesSoFar(): number {
    return this.statements.totalChanges.get()!.n;
  }

  transaction<T>(work: () => T): T {
    const outermost = !this.db.inTransaction;
    let result: T;
    try {
      result = this.db.transaction(work)();
    } catch (error) {
      if (outermost) this.afterCommit = [];
      throw error;
    }
    if (outermost) {
      const remember = this.afterCommit;
      this.afterCommit = [];
      for (const step of remember) step();
    }
    return result;
  }

  compact(id: string, snapshot: Uint8Array, throughSeq: number): void {
    this.db.transaction(() => {
      if (!this.has(id)) throw new StoreError('not_found', `unknown article "${id}"`);
      this.statements.deleteThrough.run(id, throughSeq);
      this.statements.insertUpdate.run(id, throughSeq, snapshot, null, null);
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
