/**
 * `approvedTargets` and what the consistency check is given from it, against
 * a real SQLite data folder: only approved units, found by normalized source
 * in one indexed query, with where each came from; a segment's own unit
 * marked so that the check leaves it out.
 */
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { normalizeForMatching } from '../../shared/text/normalize-for-matching';
import { doc, p } from '../../shared/testing/builders';
import { openDataFolder, type DataFolder } from '../store/data-dir';
import { approvedTranslationsFor, consistencyKeys } from './memory-consistency';
import { SqliteTranslationMemory } from './sqlite-memory';
import type { ConfirmedSegment } from './translation-memory';

const root = mkdtempSync(join(tmpdir(), 'duet-approved-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;
let folder: DataFolder;
let memory: SqliteTranslationMemory;
beforeEach(() => {
  folder = openDataFolder(join(root, `data-${++folders}`));
  memory = new SqliteTranslationMemory(folder.db);
  // Units name their article, which must exist.
  for (const id of ['a1', 'a2', 'a3']) folder.articles.create(id, Y.encodeStateAsUpdate(new Y.Doc()));
});
afterEach(() => folder.close());

const SOURCE = '疫情期间，医院增加了床位。';
const KEY = normalizeForMatching(SOURCE);
const OTHER = '这项研究由三个实验室共同完成。';

function confirm(articleId: string, segmentId: string, source: string, target: string, status: ConfirmedSegment['status'], at: number): void {
  memory.confirm({
    articleId,
    segmentId,
    articleTitle: articleId,
    source: doc(p(source)),
    target: doc(p(target)),
    before: null,
    after: null,
    status,
    author: 'translator',
    at,
  });
}

describe('approvedTargets', () => {
  test('the approved units of each key (its half-width spelling too), newest first, with their origin; other statuses, imports and other keys are not', () => {
    confirm('a1', 's1', SOURCE, 'During the epidemic, the hospital added beds.', 'approved', 1000);
    confirm('a2', 's7', '疫情期间,医院增加了床位。', 'The hospital added beds during the outbreak.', 'approved', 2000);
    confirm('a3', 's1', SOURCE, 'A translated one.', 'translated', 3000);
    confirm('a3', 's2', SOURCE, 'A reviewed one.', 'reviewed', 3000);
    confirm('a1', 's2', OTHER, 'The research was done by three labs together.', 'approved', 4000);
    memory.importUnits(
      [{ source: doc(p(SOURCE)), target: doc(p('An imported one.')), author: null, createdAt: null, changedAt: null, usedCount: 0 }],
      'x.tmx',
      5000,
    );

    const found = memory.approvedTargets([KEY, '没有这句。']);
    expect([...found.keys()]).toEqual([KEY]);
    expect(found.get(KEY)).toEqual([
      { targetText: 'The hospital added beds during the outbreak.', articleId: 'a2', segmentId: 's7' },
      { targetText: 'During the epidemic, the hospital added beds.', articleId: 'a1', segmentId: 's1' },
    ]);
    expect(memory.approvedTargets([KEY, normalizeForMatching(OTHER), KEY]).get(normalizeForMatching(OTHER))).toEqual([
      { targetText: 'The research was done by three labs together.', articleId: 'a1', segmentId: 's2' },
    ]);
    expect(memory.approvedTargets([]).size).toBe(0);
  });

  test('a unit approved, then confirmed again as translated, is no longer approved', () => {
    confirm('a1', 's1', SOURCE, 'During the epidemic, the hospital added beds.', 'approved', 1000);
    expect(memory.approvedTargets([KEY]).size).toBe(1);
    confirm('a1', 's1', SOURCE, 'During the epidemic, the hospital added beds.', 'translated', 2000);
    expect(memory.approvedTargets([KEY]).size).toBe(0);
  });

  test('is one query on the source_key index', () => {
    const plan = folder.db
      .prepare<[string], { detail: string }>(
        "EXPLAIN QUERY PLAN SELECT source_key FROM memory_units WHERE source_key IN (SELECT value FROM json_each(?)) AND status = 'approved'",
      )
      .all('[]')
      .map((row) => row.detail)
      .join('\n');
    expect(plan).toMatch(/USING INDEX memory_units_source/);
  });
});

describe('approvedTranslationsFor an article', () => {
  test("marks the article's own units with their segment, others with none, each translation once per origin", () => {
    confirm('a1', 's1', SOURCE, 'During the epidemic, the hospital added beds.', 'approved', 1000);
    confirm('a2', 's1', SOURCE, 'The hospital added beds during the outbreak.', 'approved', 2000);
    confirm('a3', 's4', SOURCE, 'The hospital added beds during the outbreak.', 'approved', 3000);
    const segments = [
      { source: doc(p(SOURCE)), omitted: false },
      { source: doc(p(OTHER)), omitted: false },
      { source: doc(p('省略的一句。')), omitted: true },
      { source: doc(), omitted: false },
    ];
    expect(consistencyKeys(segments)).toEqual([KEY, normalizeForMatching(OTHER)]);
    expect(approvedTranslationsFor(memory, 'a1', segments)).toEqual(
      new Map([
        [
          KEY,
          [
            { target: 'The hospital added beds during the outbreak.', segmentId: null },
            { target: 'During the epidemic, the hospital added beds.', segmentId: 's1' },
          ],
        ],
      ]),
    );
  });
});
