/**
 * Where articles live: each article is the log of Yjs updates that built it
 * (the first one creates it; compaction replaces a run of them with one merged
 * snapshot). Synchronous on purpose: better-sqlite3 is, and a write must be
 * committed before the update it carries is relayed to anyone.
 *
 * Two implementations: SQLite (the default, durable) and memory (fast tests).
 */
export interface StoredArticle {
  id: string;
  createdAt: string;
  updatedAt: string;
}

export interface ArticleStore {
  /** Store a new article from its first update. Throws StoreError('exists') if the id is taken. */
  create(id: string, update: Uint8Array): void;
  /** The article's updates in the order they were stored; null for an unknown id. */
  load(id: string): Uint8Array[] | null;
  /** Append one update; returns its sequence number. Throws StoreError('not_found') for an unknown id. */
  append(id: string, update: Uint8Array): number;
  /** Replace every update up to and including `throughSeq` with `snapshot`, atomically. */
  compact(id: string, snapshot: Uint8Array, throughSeq: number): void;
  /** The sequence number of the article's newest update (0 for an unknown id). */
  lastSeq(id: string): number;
  /** How many updates the article's log holds (compaction brings it back to 1). */
  logLength(id: string): number;
  /**
   * Keep the article's opening rows (server/articles/opening-cache.ts) as read
   * when `seq` was its newest update. StoreError('not_found') for an unknown id.
   */
  saveOpening(id: string, seq: number, json: string): void;
  /** What saveOpening kept last, or null. */
  loadOpening(id: string): { seq: number; json: string } | null;
  list(): StoredArticle[];
  has(id: string): boolean;
  delete(id: string): void;
  close(): void;
}

export type StoreErrorCode = 'exists' | 'not_found';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
  }
}
