/**
 * The memory's own rules on a real SQLite data folder: an article's units go
 * with the article, imported units stay; re-confirming updates a unit; the
 * same pair is offered once; a threshold of 100 offers only exact matches.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { doc, p } from '../../shared/testing/builders';
import { createEmptyArticle } from '../articles/article-service';
import { openDataFolder, type DataFolder } from '../store/data-dir';
import { SqliteTranslationMemory } from './sqlite-memory';
import type { ConfirmedSegment, ImportedUnit } from './translation-memory';

const folders: { root: string; folder: DataFolder }[] = [];
afterEach(() => {
  for (const { root, folder } of folders.splice(0)) {
    folder.close();
    rmSync(root, { recursive: true, force: true });
  }
});

function open() {
  const root = mkdtempSync(join(tmpdir(), 'duet-memory-test-'));
  const folder = openDataFolder(join(root, 'data'));
  folders.push({ root, folder });
  return { folder, memory: new SqliteTranslationMemory(folder.db) };
}

const confirmed = (articleId: string, segmentId: string, source: string, target: string, at = 1000): ConfirmedSegment => ({
  articleId,
  segmentId,
  articleTitle: 'An article',
  source: doc(p(source)),
  target: doc(p(target)),
  before: null,
  after: null,
  status: 'translated',
  author: 'translator',
  at,
});

/** A unit as a file brings it: no author, dates or uses. */
const imported = (source: string, target: string): ImportedUnit => ({
  source: doc(p(source)),
  target: doc(p(target)),
  author: null,
  createdAt: null,
  changedAt: null,
  usedCount: 0,
});

describe('the SQLite translation memory', () => {
  test('deleting an article removes its units; imported units stay', () => {
    const { folder, memory } = open();
    const id = createEmptyArticle(folder.articles);
    memory.confirm(confirmed(id, 's1', '达摩院发布了研究。', 'DAMO released research.'));
    memory.importUnits([imported('达摩院发布了研究。', 'The Academy released research.')], 'old.tmx', 5);
    expect(memory.stats()).toEqual({ units: 2, imported: 1 });
    folder.articles.delete(id);
    expect(memory.stats()).toEqual({ units: 1, imported: 1 });
    expect(memory.lookup({ source: '达摩院发布了研究。' }).map((match) => match.targetText)).toEqual(['The Academy released research.']);
    // The trigram index followed the deletion too: concordance finds only what is left.
    expect(memory.search('发布了', 'source', 10).total).toBe(1);
  });

  test('confirming a segment again updates its unit; the same pair from two places is offered once', () => {
    const { folder, memory } = open();
    const id = createEmptyArticle(folder.articles);
    memory.confirm(confirmed(id, 's1', '今天天气很好。', 'The weather is fine today.'));
    memory.confirm(confirmed(id, 's1', '今天天气很好。', 'It is a fine day.', 2000));
    expect(memory.stats().units).toBe(1);
    expect(memory.search('fine day', 'target', 10).total).toBe(1);
    expect(memory.search('weather', 'target', 10).total).toBe(0);
    memory.confirm(confirmed(id, 's2', '今天天气很好。', 'It is a fine day.', 3000));
    expect(memory.stats().units).toBe(2);
    expect(memory.lookup({ source: '今天天气很好。' })).toHaveLength(1);
  });

  test('a threshold of 100 offers only exact matches; 90 offers a near one', () => {
    const { folder, memory } = open();
    const id = createEmptyArticle(folder.articles);
    memory.confirm(confirmed(id, 's1', '这项研究由三个实验室共同完成。', 'Three labs did it.'));
    expect(memory.lookup({ source: '这项研究由五个实验室共同完成。', threshold: 100 })).toEqual([]);
    expect(memory.lookup({ source: '这项研究由五个实验室共同完成。', threshold: 90 })[0]).toMatchObject({
      numbersSubstituted: true,
      targetText: 'Five labs did it.',
    });
  });

  test('a short source with a common Latin word finds its unit among a thousand units sharing that word', () => {
    const { memory } = open();
    const sought = '疫傪算表保射 Transformer。';
    // Over a thousand units end in the same word, each with six Chinese characters none of the sought one has:
    // every trigram of "Transformer" is held by more units than a lookup reads of it.
    const taken = new Set(sought);
    const characters: string[] = [];
    for (let code = 0x4e00; characters.length < 1100 * 6; code++) if (!taken.has(String.fromCodePoint(code))) characters.push(String.fromCodePoint(code));
    const others = Array.from({ length: 1100 }, (_, i) => imported(`${characters.slice(i * 6, i * 6 + 6).join('')} Transformer。`, `Other ${i}.`));
    memory.importUnits([...others, imported(sought, 'The sought one.')], 'many.tmx', 5);
    // One character changed: the unit shares only a few rare trigrams with it, and the common ones with the thousand.
    expect(memory.lookup({ source: '疫傪算嫃保射 Transformer。' }).map((match) => [match.targetText, match.score])).toEqual([['The sought one.', 87]]);
  });

  test('an imported unit is never "in context": its neighbours are unknown, not the edge of an article', () => {
    const { folder, memory } = open();
    const id = createEmptyArticle(folder.articles);
    memory.importUnits([imported('达摩院发布了研究。', 'The Academy released research.')], 'old.tmx', 5);
    // A one-segment article: no segment before or after, as a unit of a one-segment article has none either.
    expect(memory.lookup({ source: '达摩院发布了研究。', before: null, after: null }).map((match) => match.score)).toEqual([100]);
    memory.confirm(confirmed(id, 's1', '达摩院发布了研究。', 'DAMO released research.'));
    expect(memory.lookup({ source: '达摩院发布了研究。', before: null, after: null }).map((match) => [match.score, match.targetText])).toEqual([
      [101, 'DAMO released research.'],
      [100, 'The Academy released research.'],
    ]);
  });
});
