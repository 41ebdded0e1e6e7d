/**
 * The glossary's own rules on a real SQLite data folder: entries added,
 * changed, searched on either side (in either width, with LIKE's wildcards
 * as text), removed; an import merges into the entry a term already has,
 * whole or not at all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { normalizeEntry, type ReadEntry } from '../../shared/glossary/glossary-entry';
import type { TermTranslation } from '../../shared/protocol/glossary-api';
import { openDataFolder, type DataFolder } from '../store/data-dir';
import { SqliteGlossary } from './sqlite-glossary';

const opened: { root: string; folder: DataFolder }[] = [];
afterEach(() => {
  for (const { root, folder } of opened.splice(0)) {
    folder.close();
    rmSync(root, { recursive: true, force: true });
  }
});

function open() {
  const root = mkdtempSync(join(tmpdir(), 'duet-glossary-test-'));
  const folder = openDataFolder(join(root, 'data'));
  opened.push({ root, folder });
  return { folder, glossary: new SqliteGlossary(folder.db) };
}

const content = (source: string, ...translations: TermTranslation[]) => normalizeEntry({ source, translations });
const read = (source: string, ...translations: TermTranslation[]): ReadEntry => ({
  ...content(source, ...translations),
  createdBy: null,
  createdAt: null,
  changedBy: null,
  changedAt: null,
});
const preferred = (text: string): TermTranslation => ({ text, use: 'preferred' });
const allowed = (text: string): TermTranslation => ({ text, use: 'allowed' });

describe('the SQLite glossary', () => {
  test('adds, changes and removes an entry, recording who and when', () => {
    const { glossary } = open();
    const added = glossary.add(content('达摩院', preferred('DAMO Academy')), 'proposed', 'reviewer', 1000);
    expect(added).toMatchObject({ source: '达摩院', status: 'proposed', createdBy: 'reviewer', createdAt: 1000, changedBy: 'reviewer', changedAt: 1000 });
    const changed = glossary.update(added.id, content('达摩院', preferred('Alibaba DAMO Academy'), allowed('DAMO Academy')), 'approved', 'translator', 2000);
    expect(changed).toMatchObject({ status: 'approved', createdBy: 'reviewer', changedBy: 'translator', changedAt: 2000 });
    expect(glossary.get(added.id)?.translations.map((translation) => translation.text)).toEqual(['Alibaba DAMO Academy', 'DAMO Academy']);
    expect(glossary.update(999, content('x', preferred('y')), 'approved', null, 1)).toBeNull();
    expect(glossary.remove(added.id)).toBe(true);
    expect(glossary.remove(added.id)).toBe(false);
    expect(glossary.list({ limit: 10 })).toEqual({ entries: [], total: 0 });
  });

  test('search finds either side, case aside and in either width; % and _ are text', () => {
    const { glossary } = open();
    glossary.add(content('人工智能', preferred('artificial intelligence'), allowed('AI')), 'approved', null, 1);
    glossary.add(content('ＣＴ检查', preferred('CT scan')), 'approved', null, 1);
    glossary.add(content('百分之百', preferred('100%')), 'approved', null, 1);
    const found = (text: string) => glossary.list({ text, limit: 10 }).entries.map((entry) => entry.source);
    expect(found('智能')).toEqual(['人工智能']);
    expect(found('Artificial')).toEqual(['人工智能']);
    expect(found('CT检查')).toEqual(['ＣＴ检查']);
    expect(found('0%')).toEqual(['百分之百']);
    expect(found('1_0')).toEqual([]);
    expect(glossary.list({ limit: 2 })).toMatchObject({ total: 3 });
    expect(glossary.list({ limit: 2 }).entries).toHaveLength(2);
  });

  test('an import adds new terms, merges new translations into a term already there, and counts what it already had', () => {
    const { glossary } = open();
    const existing = glossary.add(content('达摩院', preferred('DAMO Academy')), 'approved', 'wang', 1000);
    expect(
      glossary.importEntries(
        [read('达摩院', preferred('Alibaba DAMO Academy')), read('人工智能', preferred('artificial intelligence')), read('达摩院', allowed('DAMO Academy'))],
        5000,
      ),
    ).toEqual({ added: 1, merged: 1, unchanged: 1 });
    expect(glossary.get(existing.id)).toMatchObject({
      translations: [preferred('DAMO Academy'), allowed('Alibaba DAMO Academy')],
      createdBy: 'wang',
      changedAt: 5000,
    });
    expect(glossary.list({ limit: 10 }).total).toBe(2);
  });

  test('an import that fails part-way stores nothing', () => {
    const { glossary } = open();
    function* failing(): Iterable<ReadEntry> {
      yield read('人工智能', preferred('artificial intelligence'));
      throw new Error('the file broke off');
    }
    expect(() => glossary.importEntries(failing(), 1)).toThrow('the file broke off');
    expect(glossary.list({ limit: 10 }).total).toBe(0);
  });
});
