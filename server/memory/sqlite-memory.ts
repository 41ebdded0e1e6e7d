/**
 * The translation memory in SQLite (migrations 7 and 8): units in
 * `memory_units`, their normalized sources and targets indexed by trigram in
 * the FTS5 table `memory_text`, by trigger or, for an import, all at once.
 *
 * A lookup is exact first (an indexed equality on the normalized source),
 * then fuzzy: the looked-up source's rarest trigrams pick the few hundred
 * units that share the most of them, of a length that could reach the threshold, and only
 * those are scored, token by
 * token (shared/memory/fuzzy-score.ts). So a lookup costs a handful of
 * posting lists and a few hundred comparisons whatever the memory's size.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { schema } from '../../shared/schema/schema';
import { sideText } from '../../shared/qa/side-content';
import { characterTokens, matchTokens } from '../../shared/memory/match-text';
import { normalizeForMatching } from '../../shared/text/normalize-for-matching';
import { matchScoreAtLeast } from '../../shared/memory/fuzzy-score';
import { diffSources } from '../../shared/memory/source-diff';
import { numberChanges } from '../../shared/memory/number-substitution';
import { substituteInSide } from '../../shared/memory/side-numbers';
import { highlightHits } from '../../shared/memory/hit-parts';
import {
  DEFAULT_MATCH_THRESHOLD,
  MAX_FUZZY_SOURCE_CHARS,
  MAX_MATCHES,
  UNIT_STATUSES,
  type ConcordanceResponse,
  type LookupRequest,
  type MemoryStats,
  type TmMatch,
  type UnitOrigin,
  type UnitStatus,
} from '../../shared/protocol/memory-api';
import type { Db } from '../store/database';
import type { ApprovedTarget, ConfirmedSegment, ImportedUnit, ImportSummary, StoredUnit, TranslationMemory } from './translation-memory';

/** How many trigrams of a source pick the candidates: the rarest ones say the most. */
const RARE_TRIGRAMS = 8;
/** A trigram's units are read up to this many: one held by more picks too little to be worth reading whole. */
const POSTING_CAP = 1000;
/** The page cache while a file is imported (negative: KiB, as SQLite takes it). */
const IMPORT_CACHE_KIB = -65536;
/** How many candidates are scored at most. */
const CANDIDATES = 300;

interface UnitRow {
  id: number;
  source_key: string;
  source_text: string;
  target_text: string;
  source_doc: string;
  target_doc: string;
  context_before: string | null;
  context_after: string | null;
  article_id: string | null;
  segment_id: string | null;
  article_title: string | null;
  imported_from: string | null;
  status: string;
  author: string | null;
  created_at: number;
  changed_at: number;
  used_count: number;
  last_used_at: number | null;
}

const statusRank = (status: string): number => UNIT_STATUSES.indexOf(status as UnitStatus);
const unitStatus = (status: string): UnitStatus => ((UNIT_STATUSES as readonly string[]).includes(status) ? (status as UnitStatus) : 'imported');

function originOf(row: UnitRow): UnitOrigin {
  return row.article_id !== null && row.segment_id !== null
    ? { kind: 'article', articleId: row.article_id, segmentId: row.segment_id, articleTitle: row.article_title ?? '' }
    : { kind: 'import', file: row.imported_from ?? '' };
}

/** The normalized key of a neighbour's source, as stored for in-context matches. */
const contextKey = (text: string | null | undefined): string | null => (text == null ? null : normalizeForMatching(text));

/** An FTS5 string literal: the text in double quotes, quotes doubled. */
const ftsString = (text: string): string => `"${text.replaceAll('"', '""')}"`;

/** The distinct trigrams of a text, by code point (what the trigram tokenizer indexes; it folds case). */
function trigrams(text: string): string[] {
  const chars = [...text.toLowerCase()];
  const found = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) found.add(chars.slice(i, i + 3).join(''));
  return [...found];
}

export class SqliteTranslationMemory implements TranslationMemory {
  private readonly statements;

  constructor(private readonly db: Db) {
    this.statements = {
      unitOfSegment: db.prepare<[string, string], { id: number }>('SELECT id FROM memory_units WHERE article_id = ? AND segment_id = ?'),
      insertUnit: db.prepare(
        `INSERT INTO memory_units (source_key, source_length, source_text, target_text, source_doc, target_doc, context_before, context_after,
           article_id, segment_id, article_title, imported_from, status, author, created_at, changed_at, used_count)
         VALUES (@sourceKey, @sourceLength, @sourceText, @targetText, @sourceDoc, @targetDoc, @before, @after,
           @articleId, @segmentId, @articleTitle, @importedFrom, @status, @author, @createdAt, @changedAt, @usedCount)`,
      ),
      updateUnit: db.prepare(
        `UPDATE memory_units SET source_key = @sourceKey, source_length = @sourceLength, source_text = @sourceText, target_text = @targetText,
           source_doc = @sourceDoc, target_doc = @targetDoc, context_before = @before, context_after = @after, article_title = @articleTitle,
           status = @status, author = @author, changed_at = @changedAt
         WHERE id = @id`,
      ),
      lastUnitId: db.prepare<[], number>('SELECT COALESCE(MAX(id), 0) FROM memory_units').pluck(),
      deferIndexing: db.prepare('INSERT INTO memory_text_deferred (id) VALUES (1)'),
      resumeIndexing: db.prepare('DELETE FROM memory_text_deferred'),
      indexUnitsAfter: db.prepare<[number]>(
        'INSERT INTO memory_text (rowid, source_key, target_text) SELECT id, source_key, target_text FROM memory_units WHERE id > ?',
      ),
      sameImported: db.prepare<[string, string], { id: number }>(
        'SELECT id FROM memory_units WHERE source_key = ? AND target_text = ? AND article_id IS NULL LIMIT 1',
      ),
      exact: db.prepare<[string], UnitRow>('SELECT * FROM memory_units WHERE source_key = ? LIMIT 50'),
      gramUnits: db.prepare<[string, number], number>('SELECT rowid FROM memory_text WHERE memory_text MATCH ? LIMIT ?').pluck(),
      unitsByIds: db.prepare<[string, number, number], UnitRow>(
        'SELECT * FROM memory_units WHERE id IN (SELECT value FROM json_each(?)) AND source_length BETWEEN ? AND ?',
      ),
      markUsed: db.prepare<[number, number], { used_count: number }>(
        'UPDATE memory_units SET used_count = used_count + 1, last_used_at = ? WHERE id = ? RETURNING used_count',
      ),
      count: db.prepare<[], { units: number; imported: number }>(
        'SELECT COUNT(*) AS units, COALESCE(SUM(article_id IS NULL), 0) AS imported FROM memory_units',
      ),
      all: db.prepare<[], UnitRow>('SELECT * FROM memory_units ORDER BY id'),
      approvedTargets: db.prepare<[string], Pick<UnitRow, 'source_key' | 'target_text' | 'article_id' | 'segment_id'>>(
        `SELECT source_key, target_text, article_id, segment_id FROM memory_units
         WHERE source_key IN (SELECT value FROM json_each(?)) AND status = 'approved' ORDER BY changed_at DESC, id DESC`,
      ),
    };
  }

  confirm(segment: ConfirmedSegment): void {
    const sourceText = sideText(segment.source);
    const targetText = sideText(segment.target);
    if (sourceText.trim() === '' || targetText.trim() === '') return;
    const sourceKey = normalizeForMatching(sourceText);
    const values = {
      sourceKey,
      sourceLength: [...sourceKey].length,
      sourceText,
      targetText,
      sourceDoc: JSON.stringify(segment.source.toJSON()),
      targetDoc: JSON.stringify(segment.target.toJSON()),
      before: contextKey(segment.before),
      after: contextKey(segment.after),
      articleTitle: segment.articleTitle,
      status: segment.status,
      author: segment.author,
      changedAt: segment.at,
    };
    const existing = this.statements.unitOfSegment.get(segment.articleId, segment.segmentId);
    if (existing) this.statements.updateUnit.run({ ...values, id: existing.id });
    else
      this.statements.insertUnit.run({
        ...values,
        articleId: segment.articleId,
        segmentId: segment.segmentId,
        importedFrom: null,
        createdAt: segment.at,
        usedCount: 0,
      });
  }

  importUnits(units: Iterable<ImportedUnit>, file: string, at: number): ImportSummary {
    const summary: ImportSummary = { added: 0, unchanged: 0, skipped: 0 };
    // A big file rewrites much of the trigram index: with SQLite's default 2 MB page cache it would
    // read and write the same pages over and over. A larger cache for the import only.
    const cache = this.db.pragma('cache_size', { simple: true }) as number;
    this.db.pragma(`cache_size = ${IMPORT_CACHE_KIB}`);
    try {
      this.importAll(units, file, at, summary);
    } finally {
      this.db.pragma(`cache_size = ${cache}`);
    }
    return summary;
  }

  private importAll(units: Iterable<ImportedUnit>, file: string, at: number, summary: ImportSummary): void {
    this.db.transaction(() => {
      // The trigger would index each unit by itself, and FTS5 would write each as a segment of its own
      // (migration 8): the units are indexed together once they are all in. New units' ids are above
      // every id before them (INTEGER PRIMARY KEY), and nothing else writes inside the transaction.
      const before = this.statements.lastUnitId.get()!;
      this.statements.deferIndexing.run();
      for (const unit of units) {
        const sourceText = sideText(unit.source);
        const targetText = sideText(unit.target);
        if (sourceText.trim() === '' || targetText.trim() === '') {
          summary.skipped++;
          continue;
        }
        const sourceKey = normalizeForMatching(sourceText);
        if (this.statements.sameImported.get(sourceKey, targetText)) {
          summary.unchanged++;
          continue;
        }
        this.statements.insertUnit.run({
          sourceKey,
          sourceLength: [...sourceKey].length,
          sourceText,
          targetText,
          sourceDoc: JSON.stringify(unit.source.toJSON()),
          targetDoc: JSON.stringify(unit.target.toJSON()),
          before: null,
          after: null,
          articleId: null,
          segmentId: null,
          articleTitle: null,
          importedFrom: file,
          status: 'imported',
          author: unit.author,
          createdAt: unit.createdAt ?? at,
          changedAt: unit.changedAt ?? unit.createdAt ?? at,
          usedCount: unit.usedCount,
        });
        summary.added++;
      }
      this.statements.indexUnitsAfter.run(before);
      this.statements.resumeIndexing.run();
    })();
  }

  lookup(request: LookupRequest): TmMatch[] {
    const threshold = request.threshold ?? DEFAULT_MATCH_THRESHOLD;
    const key = normalizeForMatching(request.source);
    if (key === '') return [];
    const tokens = characterTokens(request.source);
    const excluded = (row: UnitRow) =>
      request.exclude !== undefined && row.article_id === request.exclude.articleId && row.segment_id === request.exclude.segmentId;
    const before = contextKey(request.before);
    const after = contextKey(request.after);

    const scored: { row: UnitRow; score: number }[] = [];
    const seen = new Set<number>();
    for (const row of this.statements.exact.all(key)) {
      seen.add(row.id);
      if (excluded(row)) continue;
      // An imported unit's neighbours are unknown (its null context is not "the article's edge"): never in context.
      const inContext = request.before !== undefined && row.status !== 'imported' && row.context_before === before && row.context_after === after;
      scored.push({ row, score: inContext ? 101 : 100 });
    }
    // At 100 only exact matches count: the fuzzy pass could find none.
    if (threshold < 100 && key.length <= MAX_FUZZY_SOURCE_CHARS) {
      for (const row of this.fuzzyCandidates(key, threshold)) {
        if (seen.has(row.id) || excluded(row)) continue;
        seen.add(row.id);
        const score = matchScoreAtLeast(tokens, characterTokens(row.source_text), threshold);
        if (score !== null && score >= threshold && score < 100) scored.push({ row, score });
        // 100 without being equal after normalization cannot happen: matchScore is 100 only for equal token sequences, which share the key.
      }
    }
    scored.sort(
      (a, b) => b.score - a.score || statusRank(b.row.status) - statusRank(a.row.status) || b.row.changed_at - a.row.changed_at || b.row.id - a.row.id,
    );
    // The same pair from several segments or files is offered once, at its best.
    const offered = new Set<string>();
    const matches: TmMatch[] = [];
    for (const { row, score } of scored) {
      const pair = `${row.source_key}\u0000${row.target_text}`;
      if (offered.has(pair)) continue;
      offered.add(pair);
      matches.push(this.match(row, score, request.source));
      if (matches.length === MAX_MATCHES) break;
    }
    return matches;
  }

  private match(row: UnitRow, score: number, source: string): TmMatch {
    let target = schema.nodeFromJSON(JSON.parse(row.target_doc));
    let numbersSubstituted = false;
    if (score < 100) {
      const changes = numberChanges(matchTokens(source), matchTokens(row.source_text));
      const substituted = changes ? substituteInSide(target, changes) : null;
      if (substituted) {
        target = substituted;
        numbersSubstituted = true;
      }
    }
    return {
      unitId: row.id,
      score,
      sourceDiff: diffSources(source, row.source_text),
      targetText: numbersSubstituted ? sideText(target) : row.target_text,
      target: target.toJSON(),
      numbersSubstituted,
      status: unitStatus(row.status),
      author: row.author,
      changedAt: row.changed_at,
      usedCount: row.used_count,
      origin: originOf(row),
    };
  }

  /**
   * Units that share the most of the key's rarest trigrams, of a length that
   * could reach the threshold. Each trigram's units are read from the index
   * unranked, at most POSTING_CAP of them: a trigram with more says little
   * and is only used when nothing rarer is there. The rarest lists are counted
   * here, unit by unit: ranking an OR of trigrams in FTS5 would score every
   * unit holding any of them, and asking the index's vocabulary for each
   * trigram's count costs more than reading a rare trigram's units outright.
   */
  private fuzzyCandidates(key: string, threshold: number): UnitRow[] {
    const lists: number[][] = [];
    for (const gram of trigrams(key)) {
      const units = this.statements.gramUnits.all(`source_key : ${ftsString(gram)}`, POSTING_CAP);
      // A trigram no unit has picks nothing.
      if (units.length > 0) lists.push(units);
    }
    if (lists.length === 0) return [];
    lists.sort((a, b) => a.length - b.length);
    // A list read to the cap is an arbitrary thousand of the trigram's units, not the ones like this
    // source: counted beside the rare lists, the units of a common word's trigrams (every trigram of
    // "Transformer" holds the same first thousand) would outnumber the unit sought, which shares only
    // the rare ones. Such lists pick candidates only when there is nothing rarer.
    const rare = lists.filter((units) => units.length < POSTING_CAP);
    const chosen = (rare.length > 0 ? rare : lists).slice(0, RARE_TRIGRAMS);
    // How many chosen trigrams each unit shares, and the units by that count (a bucket per count).
    const shared = new Map<number, number>();
    for (const units of chosen) for (const id of units) shared.set(id, (shared.get(id) ?? 0) + 1);
    const byCount: number[][] = Array.from({ length: chosen.length + 1 }, () => []);
    for (const [id, count] of shared) byCount[count]!.push(id);
    const ids: number[] = [];
    for (let count = chosen.length; count > 0 && ids.length < CANDIDATES; count--) ids.push(...byCount[count]!.slice(0, CANDIDATES - ids.length));
    const length = [...key].length;
    // A score of t % allows at most (100 - t) % of the longer side to differ, which bounds the length ratio.
    const ratio = threshold / 100;
    return this.statements.unitsByIds.all(JSON.stringify(ids), Math.floor(length * ratio), Math.ceil(length / ratio));
  }

  search(text: string, side: 'source' | 'target' | 'both', limit: number): ConcordanceResponse {
    const needle = normalizeForMatching(text);
    if (needle === '') return { hits: [], total: 0 };
    const columns = side === 'source' ? ['source_key'] : side === 'target' ? ['target_text'] : ['source_key', 'target_text'];
    let rows: UnitRow[];
    let total: number;
    if ([...needle].length >= 3) {
      // The trigram index answers a substring as a phrase of its trigrams, case-folded.
      const query = `{${columns.join(' ')}} : ${ftsString(needle)}`;
      rows = this.db
        .prepare<[string, number], UnitRow>(
          'SELECT memory_units.* FROM memory_text JOIN memory_units ON memory_units.id = memory_text.rowid WHERE memory_text MATCH ? ORDER BY memory_units.changed_at DESC LIMIT ?',
        )
        .all(query, limit);
      total = this.db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM memory_text WHERE memory_text MATCH ?').get(query)!.n;
    } else {
      // One or two characters (a Chinese word): too short for trigrams, so a scan, which is what a short word costs.
      const where = columns.map((column) => `instr(lower(${column}), lower(@needle)) > 0`).join(' OR ');
      rows = this.db
        .prepare<{ needle: string; limit: number }, UnitRow>(`SELECT * FROM memory_units WHERE ${where} ORDER BY changed_at DESC LIMIT @limit`)
        .all({ needle, limit });
      total = this.db.prepare<{ needle: string }, { n: number }>(`SELECT COUNT(*) AS n FROM memory_units WHERE ${where}`).get({ needle })!.n;
    }
    return {
      total,
      hits: rows.map((row) => ({
        unitId: row.id,
        source: highlightHits(row.source_text, side === 'target' ? '' : text),
        target: highlightHits(row.target_text, side === 'source' ? '' : text),
        status: unitStatus(row.status),
        author: row.author,
        changedAt: row.changed_at,
        origin: originOf(row),
      })),
    };
  }

  approvedTargets(sourceKeys: readonly string[]): Map<string, ApprovedTarget[]> {
    const found = new Map<string, ApprovedTarget[]>();
    if (sourceKeys.length === 0) return found;
    for (const row of this.statements.approvedTargets.all(JSON.stringify([...new Set(sourceKeys)]))) {
      const target = { targetText: row.target_text, articleId: row.article_id, segmentId: row.segment_id };
      const list = found.get(row.source_key);
      if (list) list.push(target);
      else found.set(row.source_key, [target]);
    }
    return found;
  }

  markUsed(unitId: number, at: number): number | null {
    return this.statements.markUsed.get(at, unitId)?.used_count ?? null;
  }

  stats(): MemoryStats {
    return this.statements.count.get()!;
  }

  *units(): Iterable<StoredUnit> {
    for (const row of this.statements.all.iterate()) yield storedUnit(row);
  }
}

function storedUnit(row: UnitRow): StoredUnit {
  return {
    id: row.id,
    source: sideFromJson(row.source_doc),
    target: sideFromJson(row.target_doc),
    status: unitStatus(row.status),
    author: row.author,
    createdAt: row.created_at,
    changedAt: row.changed_at,
    usedCount: row.used_count,
    lastUsedAt: row.last_used_at,
    articleId: row.article_id,
    articleTitle: row.article_title,
    importedFrom: row.imported_from,
  };
}

const sideFromJson = (json: string): PMNode => schema.nodeFromJSON(JSON.parse(json));
