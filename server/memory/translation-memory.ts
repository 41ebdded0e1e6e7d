/**
 * The translation memory: every confirmed segment pair as a unit, offered
 * again (exact, in context, fuzzy) while one translates, and searched by
 * concordance. One implementation today, in the data folder's SQLite
 * database (sqlite-memory.ts); the interface is what a PostgreSQL store of the
 * scale-out issue implements next to it.
 *
 * Units hold each side twice: its ProseMirror JSON (a segment side's `doc`
 * node, so inserting a match brings back links, bold and figures as
 * structure) and its plain text (what matching, search and display read).
 */
import type { Node as PMNode } from 'prosemirror-model';
import type { ConcordanceResponse, LookupRequest, MemoryStats, TmMatch, UnitStatus } from '../../shared/protocol/memory-api';

/** A confirmed segment as the memory takes it. */
export interface ConfirmedSegment {
  articleId: string;
  segmentId: string;
  articleTitle: string;
  source: PMNode;
  target: PMNode;
  /** The plain sources of the segments before and after it (null at either end), for in-context matches. */
  before: string | null;
  after: string | null;
  status: Exclude<UnitStatus, 'imported'>;
  author: string | null;
  at: number;
}

/** A unit read from an interchange file (TMX). */
export interface ImportedUnit {
  source: PMNode;
  target: PMNode;
  author: string | null;
  createdAt: number | null;
  changedAt: number | null;
  usedCount: number;
}

export interface ImportSummary {
  added: number;
  /** Units already in the memory with the same source and target: their dates and counts were kept. */
  unchanged: number;
  /** Units with an empty source or target. */
  skipped: number;
}

/** A unit as stored, for export. */
export interface StoredUnit {
  id: number;
  source: PMNode;
  target: PMNode;
  status: UnitStatus;
  author: string | null;
  createdAt: number;
  changedAt: number;
  usedCount: number;
  lastUsedAt: number | null;
  articleId: string | null;
  articleTitle: string | null;
  importedFrom: string | null;
}

/** An approved unit's translation, for the consistency check (shared/qa/check-consistency.ts). */
export interface ApprovedTarget {
  /** The unit's target, as plain text. */
  targetText: string;
  /** Where it came from: an article's segment, or (both null) a file. */
  articleId: string | null;
  segmentId: string | null;
}

export interface TranslationMemory {
  /** A segment reached translated, reviewed or approved: its unit is stored, or updated (re-confirming is not a second unit). */
  confirm(segment: ConfirmedSegment): void;
  /** Units from a file, in one transaction: all of them or, on an error, none. */
  importUnits(units: Iterable<ImportedUnit>, file: string, at: number): ImportSummary;
  /** The best matches for a source, best first (at most MAX_MATCHES). */
  lookup(request: LookupRequest): TmMatch[];
  /**
   * The approved units' targets for these normalized sources (`normalizeForMatching`, the units'
   * `source_key`), in one query: each key that has any, newest first. Keys without one are absent.
   */
  approvedTargets(sourceKeys: readonly string[]): Map<string, ApprovedTarget[]>;
  /** Units whose source or target holds the text. */
  search(text: string, side: 'source' | 'target' | 'both', limit: number): ConcordanceResponse;
  /** A match from this unit was inserted; null when there is no such unit. */
  markUsed(unitId: number, at: number): number | null;
  stats(): MemoryStats;
  /** Every unit, oldest first. */
  units(): Iterable<StoredUnit>;
}
