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

/** One row of an article's log: the update, and who wrote it when (null for rows from before migration 6, and for compacted snapshots). */
export interface StoredUpdate {
  seq: number;
  data: Uint8Array;
  actor: string | null;
  at: number | null;
}

/** An update to store with others in one transaction (see appendMany). */
export interface NewUpdate {
  articleId: string;
  data: Uint8Array;
  /** The account name of whoever wrote it (history and notifications are derived from the log). */
  actor: string | null;
  at: number;
}

/** How far an article's log has been derived into history and notifications (see server/collab/derivation.ts). */
export interface DerivedThrough {
  /** Status history and notifications hold every row up to this sequence number. */
  derived: number;
  /** Text versions hold every row up to this one (they wait for a pause in typing). */
  textSettled: number;
}

export interface ArticleStore {
  /** Store a new article from its first update. Throws StoreError('exists') if the id is taken. */
  create(id: string, update: Uint8Array): void;
  /** The article's updates in the order they were stored; null for an unknown id. */
  load(id: string): Uint8Array[] | null;
  /** Append one update, with who wrote it and when; returns its sequence number. Throws StoreError('not_found') for an unknown id. */
  append(id: string, update: Uint8Array, written?: { actor: string | null; at: number }): number;
  /**
   * Append several updates (of one or more articles) in one transaction: all
   * are stored or none is. Returns each one's sequence number. A number may
   * skip past rows another process appended meanwhile: the caller learns of
   * them by the gap. Throws StoreError('not_found') for an unknown article.
   */
  appendMany(updates: readonly NewUpdate[]): number[];
  /** The article's rows after `afterSeq`, oldest first; null for an unknown id. */
  loadRows(id: string, afterSeq?: number): StoredUpdate[] | null;
  derivedThrough(id: string): DerivedThrough;
  /** Articles whose log runs past what has been derived from it. */
  underived(): string[];
  /** Record how far the log has been derived (inside the transaction that wrote what was derived). */
  markDerived(id: string, through: Partial<DerivedThrough>): void;
  /** A count that moves whenever anything is written through the store's database connection (SQLite's total_changes). */
  writesSoFar(): number;
  /** Run `work` in one transaction of the store (and of whatever shares its database). */
  transaction<T>(work: () => T): T;
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
