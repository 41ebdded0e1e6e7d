/**
 * The glossary in SQLite (migration 9): one row per entry, its translations
 * as JSON. A glossary holds thousands of entries, not millions: search is a
 * LIKE over both sides lower-cased, and the editor's term matching (built
 * once from all entries) is not a query at all.
 */
import type { EntryStatus, GlossaryEntry, TermTranslation } from '../../shared/protocol/glossary-api';
import { mergeEntry, termKey, type EntryContent, type ReadEntry } from '../../shared/glossary/glossary-entry';
import type { Db } from '../store/database';
import type { Glossary, GlossarySearch } from './glossary';

interface EntryRow {
  id: number;
  source: string;
  translations: string;
  note: string;
  case_sensitive: number;
  status: EntryStatus;
  created_by: string | null;
  created_at: number;
  changed_by: string | null;
  changed_at: number;
}

const entryOf = (row: EntryRow): GlossaryEntry => ({
  id: row.id,
  source: row.source,
  translations: JSON.parse(row.translations) as TermTranslation[],
  note: row.note,
  caseSensitive: row.case_sensitive === 1,
  status: row.status,
  createdBy: row.created_by,
  createdAt: row.created_at,
  changedBy: row.changed_by,
  changedAt: row.changed_at,
});

/** Both sides, lower-cased, for search: a term typed in either width finds its entry. */
const searchText = (content: EntryContent) =>
  [termKey(content.source), ...content.translations.map((translation) => translation.text)].join('\n').toLowerCase();

/** `text` as a LIKE pattern that matches it literally. */
const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

const ORDER = 'ORDER BY source_key, id';

export class SqliteGlossary implements Glossary {
  private readonly statements;

  constructor(private readonly db: Db) {
    this.statements = {
      get: db.prepare<[number], EntryRow>('SELECT * FROM glossary_entries WHERE id = ?'),
      all: db.prepare<[], EntryRow>(`SELECT * FROM glossary_entries ${ORDER}`),
      page: db.prepare<[number, number], EntryRow>(`SELECT * FROM glossary_entries ${ORDER} LIMIT ? OFFSET ?`),
      count: db.prepare<[], number>('SELECT COUNT(*) FROM glossary_entries').pluck(),
      search: db.prepare<[string, number, number], EntryRow>(`SELECT * FROM glossary_entries WHERE search_text LIKE ? ESCAPE '\\' ${ORDER} LIMIT ? OFFSET ?`),
      searchCount: db.prepare<[string], number>(`SELECT COUNT(*) FROM glossary_entries WHERE search_text LIKE ? ESCAPE '\\'`).pluck(),
      bySource: db.prepare<[string], EntryRow>('SELECT * FROM glossary_entries WHERE source_key = ? ORDER BY id LIMIT 1'),
      insert: db.prepare(
        `INSERT INTO glossary_entries (source, source_key, translations, search_text, note, case_sensitive, status, created_by, created_at, changed_by, changed_at)
         VALUES (@source, @sourceKey, @translations, @searchText, @note, @caseSensitive, @status, @createdBy, @createdAt, @changedBy, @changedAt)`,
      ),
      update: db.prepare(
        `UPDATE glossary_entries SET source = @source, source_key = @sourceKey, translations = @translations, search_text = @searchText, note = @note,
           case_sensitive = @caseSensitive, status = @status, changed_by = @changedBy, changed_at = @changedAt
         WHERE id = @id`,
      ),
      remove: db.prepare<[number]>('DELETE FROM glossary_entries WHERE id = ?'),
    };
  }

  private columns(content: EntryContent) {
    return {
      source: content.source,
      sourceKey: termKey(content.source),
      translations: JSON.stringify(content.translations),
      searchText: searchText(content),
      note: content.note,
      caseSensitive: content.caseSensitive ? 1 : 0,
    };
  }

  list({ text, limit, offset = 0 }: GlossarySearch): { entries: GlossaryEntry[]; total: number } {
    const query = text?.trim() ?? '';
    if (query === '') return { entries: this.statements.page.all(limit, offset).map(entryOf), total: this.statements.count.get()! };
    // The query normalized as the terms are (full-width forms, spaces), so either width finds the entry.
    const pattern = likePattern(termKey(query));
    return { entries: this.statements.search.all(pattern, limit, offset).map(entryOf), total: this.statements.searchCount.get(pattern)! };
  }

  get(id: number): GlossaryEntry | null {
    const row = this.statements.get.get(id);
    return row ? entryOf(row) : null;
  }

  *all(): Iterable<GlossaryEntry> {
    for (const row of this.statements.all.iterate()) yield entryOf(row);
  }

  add(content: EntryContent, status: EntryStatus, by: string | null, at: number): GlossaryEntry {
    const { lastInsertRowid } = this.statements.insert.run({ ...this.columns(content), status, createdBy: by, createdAt: at, changedBy: by, changedAt: at });
    return this.get(Number(lastInsertRowid))!;
  }

  update(id: number, content: EntryContent, status: EntryStatus, by: string | null, at: number): GlossaryEntry | null {
    const { changes } = this.statements.update.run({ ...this.columns(content), id, status, changedBy: by, changedAt: at });
    return changes === 0 ? null : this.get(id);
  }

  remove(id: number): boolean {
    return this.statements.remove.run(id).changes > 0;
  }

  importEntries(entries: Iterable<ReadEntry>, at: number): { added: number; merged: number; unchanged: number } {
    const summary = { added: 0, merged: 0, unchanged: 0 };
    this.db.transaction(() => {
      for (const entry of entries) {
        const existing = this.statements.bySource.get(termKey(entry.source));
        if (!existing) {
          this.statements.insert.run({
            ...this.columns(entry),
            status: 'approved',
            createdBy: entry.createdBy,
            createdAt: entry.createdAt ?? at,
            changedBy: entry.changedBy ?? entry.createdBy,
            changedAt: entry.changedAt ?? entry.createdAt ?? at,
          });
          summary.added++;
          continue;
        }
        const current = entryOf(existing);
        const merged = mergeEntry(current, entry);
        if (merged === null) {
          summary.unchanged++;
          continue;
        }
        this.statements.update.run({ ...this.columns(merged), id: current.id, status: current.status, changedBy: current.changedBy, changedAt: at });
        summary.merged++;
      }
    })();
    return summary;
  }
}
