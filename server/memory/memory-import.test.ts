/**
 * An import into the SQLite memory indexes its units itself, after inserting
 * them (migration 8), not through the insert trigger: its units are found by
 * fuzzy lookup and concordance like any other, the same pair again is
 * unchanged, a failed import leaves nothing, and whatever is written after an
 * import is indexed by the trigger again. FTS5's integrity check compares the
 * trigram index with the units it should hold.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest';
import { doc, p } from '../../shared/testing/builders';
import { openDataFolder, type DataFolder } from '../store/data-dir';
import { SqliteTranslationMemory } from './sqlite-memory';
import type { ImportedUnit } from './translation-memory';

const root = mkdtempSync(join(tmpdir(), 'duet-memory-import-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;
let folder: DataFolder;
let memory: SqliteTranslationMemory;
beforeEach(() => {
  folder = openDataFolder(join(root, `data-${++folders}`));
  memory = new SqliteTranslationMemory(folder.db);
  folder.articles.create('a1', Y.encodeStateAsUpdate(new Y.Doc()));
});
afterEach(() => folder.close());

const unit = (source: string, target: string): ImportedUnit => ({
  source: doc(p(source)),
  target: doc(p(target)),
  author: null,
  createdAt: null,
  changedAt: null,
  usedCount: 0,
});

function confirm(segmentId: string, source: string, target: string): void {
  memory.confirm({
    articleId: 'a1',
    segmentId,
    articleTitle: 'An article',
    source: doc(p(source)),
    target: doc(p(target)),
    before: null,
    after: null,
    status: 'translated',
    author: 'translator',
    at: 1000,
  });
}

/** Throws when the trigram index and the units disagree. */
const checkIndex = () => folder.db.exec(`INSERT INTO memory_text (memory_text, rank) VALUES ('integrity-check', 1)`);

const targets = (text: string, side: 'source' | 'target' | 'both') =>
  memory.search(text, side, 10).hits.map((hit) => hit.target.map((part) => part.text).join(''));

describe('importing into the SQLite memory', () => {
  test('imported units are found by lookup and concordance beside the units already there; the same pair again is unchanged', () => {
    confirm('s1', '医院增加了床位。', 'The hospital added beds.');
    expect(
      memory.importUnits(
        [
          unit('这项研究由三个实验室共同完成。', 'Three labs did the study.'),
          unit('疫情期间，医院增加了床位。', 'During the epidemic the hospital added beds.'),
          // The same pair twice in one file is stored once.
          unit('这项研究由三个实验室共同完成。', 'Three labs did the study.'),
          unit('没有译文。', ' '),
        ],
        'first.tmx',
        5,
      ),
    ).toEqual({ added: 2, unchanged: 1, skipped: 1 });
    expect(
      memory.importUnits(
        [unit('这项研究由三个实验室共同完成。', 'Three labs did the study.'), unit('今天天气很好。', 'The weather is fine today.')],
        'second.tmx',
        6,
      ),
    ).toEqual({ added: 1, unchanged: 1, skipped: 0 });
    expect(memory.stats()).toEqual({ units: 4, imported: 3 });
    checkIndex();

    expect(memory.lookup({ source: '这项研究由五个实验室共同完成。' }).map((match) => match.targetText)).toEqual(['Five labs did the study.']);
    expect(targets('增加了床位', 'source').sort()).toEqual(['During the epidemic the hospital added beds.', 'The hospital added beds.']);
    expect(targets('weather is fine', 'target')).toEqual(['The weather is fine today.']);
  });

  test('what is written after an import is indexed by the trigger as before', () => {
    memory.importUnits([unit('这项研究由三个实验室共同完成。', 'Three labs did the study.')], 'first.tmx', 5);
    confirm('s1', '医院增加了床位。', 'The hospital added beds.');
    confirm('s1', '医院增加了病床。', 'The hospital added hospital beds.');
    checkIndex();
    expect(targets('增加了病床', 'source')).toEqual(['The hospital added hospital beds.']);
    expect(targets('增加了床位', 'source')).toEqual([]);
    expect(targets('实验室', 'source')).toEqual(['Three labs did the study.']);
  });

  test('an import that fails part-way stores nothing, and the memory indexes what comes after it', () => {
    function* failing(): Iterable<ImportedUnit> {
      yield unit('这项研究由三个实验室共同完成。', 'Three labs did the study.');
      throw new Error('the file broke off');
    }
    expect(() => memory.importUnits(failing(), 'broken.tmx', 5)).toThrow('the file broke off');
    expect(memory.stats()).toEqual({ units: 0, imported: 0 });
    expect(targets('实验室', 'source')).toEqual([]);

    confirm('s1', '医院增加了床位。', 'The hospital added beds.');
    checkIndex();
    expect(targets('增加了床位', 'source')).toEqual(['The hospital added beds.']);
  });
});
