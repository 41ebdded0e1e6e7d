/**
 * The team's glossary (docs/GLOSSARY.md): Chinese terms with the English the
 * team uses for them. One implementation today, in the data folder's SQLite
 * database (sqlite-glossary.ts); the interface is what the scale-out store
 * implements next to it. What an entry may hold is shared/glossary's rule
 * (normalizeEntry); a store only keeps what it is given.
 */
import type { EntryStatus, GlossaryEntry, GlossaryImportSummary } from '../../shared/protocol/glossary-api';
import type { EntryContent, ReadEntry } from '../../shared/glossary/glossary-entry';

export interface GlossarySearch {
  /** Entries whose Chinese or English holds this, case aside (every entry without it). */
  text?: string;
  limit: number;
  offset?: number;
}

export interface Glossary {
  list(search: GlossarySearch): { entries: GlossaryEntry[]; total: number };
  get(id: number): GlossaryEntry | null;
  /** Every entry, in Chinese term order, read as they are written out (an export). */
  all(): Iterable<GlossaryEntry>;
  add(content: EntryContent, status: EntryStatus, by: string | null, at: number): GlossaryEntry;
  /** The entry changed, or null when there is none with this id. */
  update(id: number, content: EntryContent, status: EntryStatus, by: string | null, at: number): GlossaryEntry | null;
  /** Whether there was such an entry. */
  remove(id: number): boolean;
  /**
   * A file's entries, in one transaction: a term the glossary has is merged
   * into its (first) entry (mergeEntry), a new one added as approved.
   */
  importEntries(entries: Iterable<ReadEntry>, at: number): Omit<GlossaryImportSummary, 'skipped' | 'notes'>;
}
