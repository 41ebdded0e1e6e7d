/** An ArticleStore in memory, for fast unit tests and throwaway servers. */
import type { ArticleStore, DerivedThrough, NewUpdate, StoredArticle, StoredUpdate } from './article-store';
import { StoreError } from './article-store';

interface Entry {
  meta: StoredArticle;
  log: StoredUpdate[];
  opening?: { seq: number; json: string };
  derived: DerivedThrough;
}

export class MemoryArticleStore implements ArticleStore {
  private readonly articles = new Map<string, Entry>();

  create(id: string, update: Uint8Array): void {
    if (this.articles.has(id)) throw new StoreError('exists', `article "${id}" already exists`);
    const now = new Date().toISOString();
    this.articles.set(id, {
      meta: { id, createdAt: now, updatedAt: now },
      log: [{ seq: 1, data: update.slice(), actor: null, at: Date.now() }],
      derived: { derived: 1, textSettled: 1 },
    });
  }

  load(id: string): Uint8Array[] | null {
    return this.articles.get(id)?.log.map((entry) => entry.data.slice()) ?? null;
  }

  append(id: string, update: Uint8Array, written: { actor: string | null; at: number } = { actor: null, at: Date.now() }): number {
    return this.appendMany([{ articleId: id, data: update, actor: written.actor, at: written.at }])[0]!;
  }

  appendMany(updates: readonly NewUpdate[]): number[] {
    for (const { articleId } of updates) this.entry(articleId); // all or none
    return updates.map(({ articleId, data, actor, at }) => {
      const entry = this.entry(articleId);
      const seq = (entry.log.at(-1)?.seq ?? 0) + 1;
      entry.log.push({ seq, data: data.slice(), actor, at });
      entry.meta.updatedAt = new Date().toISOString();
      return seq;
    });
  }

  loadRows(id: string, afterSeq = 0): StoredUpdate[] | null {
    return (
      this.articles
        .get(id)
        ?.log.filter((row) => row.seq > afterSeq)
        .map((row) => ({ ...row, data: row.data.slice() })) ?? null
    );
  }

  derivedThrough(id: string): DerivedThrough {
    return { ...(this.articles.get(id)?.derived ?? { derived: 0, textSettled: 0 }) };
  }

  underived(): string[] {
    return [...this.articles.entries()]
      .filter(([, entry]) => Math.min(entry.derived.derived, entry.derived.textSettled) < (entry.log.at(-1)?.seq ?? 0))
      .map(([id]) => id);
  }

  markDerived(id: string, through: Partial<DerivedThrough>): void {
    const entry = this.articles.get(id);
    if (entry) entry.derived = { ...entry.derived, ...through };
  }

  private transactions = 0;

  /** Derivers write elsewhere (SQLite), out of this store's sight: every transaction counts as a write. */
  writesSoFar(): number {
    return ++this.transactions;
  }

  /** No rollback: the memory store is for tests that do not need one. */
  transaction<T>(work: () => T): T {
    return work();
  }

  compact(id: string, snapshot: Uint8Array, throughSeq: number): void {
    const entry = this.entry(id);
    entry.log = [{ seq: throughSeq, data: snapshot.slice(), actor: null, at: null }, ...entry.log.filter((update) => update.seq > throughSeq)];
  }

  lastSeq(id: string): number {
    return this.articles.get(id)?.log.at(-1)?.seq ?? 0;
  }

  logLength(id: string): number {
    return this.articles.get(id)?.log.length ?? 0;
  }

  saveOpening(id: string, seq: number, json: string): void {
    this.entry(id).opening = { seq, json };
  }

  loadOpening(id: string): { seq: number; json: string } | null {
    const opening = this.articles.get(id)?.opening;
    return opening ? { ...opening } : null;
  }

  list(): StoredArticle[] {
    return [...this.articles.values()].map((entry) => ({ ...entry.meta }));
  }

  has(id: string): boolean {
    return this.articles.has(id);
  }

  delete(id: string): void {
    this.articles.delete(id);
  }

  close(): void {}

  private entry(id: string): Entry {
    const entry = this.articles.get(id);
    if (!entry) throw new StoreError('not_found', `unknown article "${id}"`);
    return entry;
  }
}
