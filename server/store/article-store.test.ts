/** One contract, both implementations: the SQLite store on a real file, and the memory store. */
import { afterEach, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import type { ArticleStore } from './article-store';
import { StoreError } from './article-store';
import { MemoryArticleStore } from './memory-store';
import { SqliteArticleStore } from './sqlite-store';
import { openDataFolder, resolveDataDir } from './data-dir';
import { openDatabase } from './database';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'duet-store-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const implementations: [string, () => ArticleStore][] = [
  [
    'sqlite',
    () => {
      const db = openDatabase(join(tempDir(), 'duet.sqlite'));
      cleanups.push(() => db.close());
      return new SqliteArticleStore(db);
    },
  ],
  ['memory', () => new MemoryArticleStore()],
];

function textUpdate(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getText('t').insert(doc.getText('t').length, text);
  return Y.encodeStateAsUpdate(doc, before);
}

function replay(updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
}

describe.each(implementations)('%s article store', (_name, open) => {
  test('an article is its first update plus everything appended, in order', () => {
    const store = open();
    const author = new Y.Doc();
    store.create('a1', textUpdate(author, 'Hello'));
    expect(store.append('a1', textUpdate(author, ', world'))).toBe(2);
    expect(store.append('a1', textUpdate(author, '!'))).toBe(3);
    expect(replay(store.load('a1')!)).toBe('Hello, world!');
    expect(store.has('a1')).toBe(true);
    expect(store.list().map((article) => article.id)).toEqual(['a1']);
  });

  test('compaction replaces the covered updates with one snapshot and keeps later ones', () => {
    const store = open();
    const author = new Y.Doc();
    store.create('a1', textUpdate(author, 'a'));
    store.append('a1', textUpdate(author, 'b'));
    const snapshot = Y.mergeUpdates(store.load('a1')!);
    store.append('a1', textUpdate(author, 'c')); // arrives while the snapshot is being made
    store.compact('a1', snapshot, 2);
    expect(store.logLength('a1')).toBe(2);
    expect(replay(store.load('a1')!)).toBe('abc');
    expect(store.lastSeq('a1')).toBe(3);
    expect(store.append('a1', textUpdate(author, 'd'))).toBe(4);
    expect(replay(store.load('a1')!)).toBe('abcd');
  });

  test('unknown ids and duplicate ids are refused without changing anything', () => {
    const store = open();
    const author = new Y.Doc();
    store.create('a1', textUpdate(author, 'a'));
    expect(store.load('nope')).toBeNull();
    expect(() => store.append('nope', textUpdate(author, 'x'))).toThrow(StoreError);
    expect(() => store.create('a1', textUpdate(new Y.Doc(), 'other'))).toThrow(/already exists/);
    expect(replay(store.load('a1')!)).toBe('a');
  });

  test('delete removes the article and its log', () => {
    const store = open();
    store.create('a1', textUpdate(new Y.Doc(), 'a'));
    store.delete('a1');
    expect(store.has('a1')).toBe(false);
    expect(store.load('a1')).toBeNull();
    expect(store.logLength('a1')).toBe(0);
  });

  test('keeps the opening last saved, replaces it, refuses it for an unknown article and drops it with the article', () => {
    const store = open();
    store.create('a', textUpdate(new Y.Doc(), 'x'));
    expect(store.loadOpening('a')).toBeNull();
    store.saveOpening('a', 1, '{"total":1}');
    store.saveOpening('a', 2, '{"total":2}');
    expect(store.loadOpening('a')).toEqual({ seq: 2, json: '{"total":2}' });
    expect(() => store.saveOpening('nope', 1, '{}')).toThrow(StoreError);
    store.delete('a');
    store.create('a', textUpdate(new Y.Doc(), 'y'));
    expect(store.loadOpening('a')).toBeNull();
  });
});

describe('the SQLite file', () => {
  test('keeps articles across closing and reopening, in WAL mode', () => {
    const dir = tempDir();
    const first = openDataFolder(dir);
    first.articles.create('a1', textUpdate(new Y.Doc(), 'kept'));
    expect(first.db.pragma('journal_mode', { simple: true })).toBe('wal');
    first.close();
    const second = openDataFolder(dir);
    cleanups.push(() => second.close());
    expect(replay(second.articles.load('a1')!)).toBe('kept');
  });

  test('the data folder is --data, else DUET_DATA, else ./data', () => {
    expect(resolveDataDir('/x/flag', { DUET_DATA: '/x/env' }, '/cwd')).toBe('/x/flag');
    expect(resolveDataDir(undefined, { DUET_DATA: '/x/env' }, '/cwd')).toBe('/x/env');
    expect(resolveDataDir(undefined, {}, '/cwd')).toBe('/cwd/data');
  });

  test('is created on first use, nested folders included', () => {
    const dir = join(tempDir(), 'deep', 'data');
    const folder = openDataFolder(dir);
    cleanups.push(() => folder.close());
    expect(folder.articles.list()).toEqual([]);
  });
});

describe('SQLite appends', () => {
  test('two stores on one file never overwrite each other’s updates', () => {
    const path = join(tempDir(), 'duet.sqlite');
    const first = openDatabase(path);
    const second = openDatabase(path);
    cleanups.push(
      () => first.close(),
      () => second.close(),
    );
    const a = new SqliteArticleStore(first);
    const b = new SqliteArticleStore(second);
    const author = new Y.Doc();
    a.create('a1', textUpdate(author, '1'));
    expect(a.append('a1', textUpdate(author, '2'))).toBe(2);
    expect(b.append('a1', textUpdate(author, '3'))).toBe(3);
    expect(a.append('a1', textUpdate(author, '4'))).toBe(4); // a's cached sequence number was stale
    expect(replay(b.load('a1')!)).toBe('1234');
  });

  test('appends rolled back with the transaction around them leave no gap in the numbers', () => {
    // The group commit appends every room's updates inside one transaction; when one room's
    // article is gone, the whole transaction rolls back and each room is committed on its own.
    const db = openDatabase(join(tempDir(), 'duet.sqlite'));
    cleanups.push(() => db.close());
    const store = new SqliteArticleStore(db);
    const author = new Y.Doc();
    store.create('a1', textUpdate(author, '1'));
    const two = textUpdate(author, '2');
    expect(() =>
      store.transaction(() => {
        store.appendMany([{ articleId: 'a1', data: two, actor: 'ann', at: 1 }]);
        store.appendMany([{ articleId: 'gone', data: two, actor: 'ann', at: 1 }]);
      }),
    ).toThrow(/unknown article/);
    expect(store.lastSeq('a1')).toBe(1);
    expect(store.append('a1', two)).toBe(2);
    expect(store.loadRows('a1')!.map((row) => row.seq)).toEqual([1, 2]);
    expect(replay(store.load('a1')!)).toBe('12');
  });

  test('an update for an article deleted meanwhile is refused', () => {
    const db = openDatabase(join(tempDir(), 'duet.sqlite'));
    cleanups.push(() => db.close());
    const store = new SqliteArticleStore(db);
    const author = new Y.Doc();
    store.create('a1', textUpdate(author, '1'));
    store.append('a1', textUpdate(author, '2'));
    db.prepare('DELETE FROM articles WHERE id = ?').run('a1');
    expect(() => store.append('a1', textUpdate(author, '3'))).toThrow(/unknown article/);
  });
});
