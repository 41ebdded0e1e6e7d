/** An ArticleStore in memory, for fast unit tests and throwaway servers. */
import type { ArticleStore, StoredArticle } from './article-store';
import { StoreError } from './article-store';

interface Entry {
  meta: StoredArticle;
  log: { seq: number; data: Uint8Array }[];
  opening?: { seq: number; json: string };
}

export class MemoryArticleStore implements ArticleStore {
  private readonly articles = new Map<string, Entry>();

  create(id: string, update: Uint8Array): void {
    if (this.articles.has(id)) throw new StoreError('exists', `article "${id}" already exists`);
    const now = new Date().toISOString();
    this.articles.set(id, { meta: { id, createdAt: now, updatedAt: now }, log: [{ seq: 1, data: update.slice() }] });
  }

  load(id: string): Uint8Array[] | null {
    return this.articles.get(id)?.log.map((entry) => entry.data.slice()) ?? null;
  }

  append(id: string, update: Uint8Array): number {
    const entry = this.entry(id);
    const seq = (entry.log.at(-1)?.seq ?? 0) + 1;
    entry.log.push({ seq, data: update.slice() });
    entry.meta.updatedAt = new Date().toISOString();
    return seq;
  }

  compact(id: string, snapshot: Uint8Array, throughSeq: number): void {
    const entry = this.entry(id);
    entry.log = [{ seq: throughSeq, data: snapshot.slice() }, ...entry.log.filter((update) => update.seq > throughSeq)];
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
