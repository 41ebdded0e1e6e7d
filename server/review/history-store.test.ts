/** Text versions per author session, and their baselines, in a real SQLite data folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { openDataFolder, type DataFolder } from '../store/data-dir';
import { HistoryStore, SESSION_GAP_MS } from './history-store';

let root: string;
let folder: DataFolder;
let history: HistoryStore;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'duet-history-'));
  folder = openDataFolder(join(root, 'data'));
  folder.articles.create('a1', new Uint8Array([0, 0]));
  history = new HistoryStore(folder.db);
});
afterEach(() => {
  folder.close();
  rmSync(root, { recursive: true, force: true });
});

const MINUTE = 60_000;
const versions = () => history.segmentHistory('a1', 's1').versions.map(({ by, markdown }) => [by, markdown]);

test('one author typing on is one version; another author, or a pause, starts the next', () => {
  history.recordText('a1', 's1', 'H', 'tina', 1000, () => null);
  history.recordText('a1', 's1', 'He', 'tina', 1000 + MINUTE, () => null);
  history.recordText('a1', 's1', 'Hello', 'tina', 1000 + 2 * MINUTE, () => null);
  history.recordText('a1', 's1', 'Hello there', 'admin', 1000 + 3 * MINUTE, () => null);
  history.recordText('a1', 's1', 'Hello there!', 'tina', 1000 + 4 * MINUTE, () => null);
  history.recordText('a1', 's1', 'Hello there!!', 'tina', 1000 + 4 * MINUTE + SESSION_GAP_MS, () => null); // just inside
  history.recordText('a1', 's1', 'Hello there.', 'tina', 1000 + 5 * MINUTE + 2 * SESSION_GAP_MS, () => null); // after a pause
  expect(versions()).toEqual([
    [null, ''],
    ['tina', 'Hello'],
    ['admin', 'Hello there'],
    ['tina', 'Hello there!!'],
    ['tina', 'Hello there.'],
  ]);
  const [baseline, first] = history.segmentHistory('a1', 's1').versions;
  expect(first).toEqual({ by: 'tina', markdown: 'Hello', since: 1000, at: 1000 + 2 * MINUTE });
  expect(baseline).toEqual({ by: null, markdown: '', since: 1000, at: 1000 });
  expect(history.lastAuthor('a1', 's1')).toBe('tina');
});

test('a status change by someone else ends a session: edits after a send-back are a version of their own', () => {
  history.recordText('a1', 's1', 'First try.', 'tina', 1000, () => null);
  history.recordStatus('a1', 's1', 'draft', 'translated', 'tina', 1500); // her own confirmation does not split
  history.recordText('a1', 's1', 'First try!', 'tina', 2000, () => null);
  history.recordStatus('a1', 's1', 'translated', 'draft', 'rob', 3000); // sent back
  history.recordText('a1', 's1', 'Second try.', 'tina', 4000, () => null);
  history.recordText('a1', 's1', 'Second try, better.', 'tina', 5000, () => null);
  expect(versions()).toEqual([
    [null, ''],
    ['tina', 'First try!'],
    ['tina', 'Second try, better.'],
  ]);
});

test('the first version’s baseline is the imported text; an edit that changes nothing records nothing', () => {
  history.recordText('a1', 's1', 'As imported.', 'tina', 1000, () => 'As imported.');
  expect(versions()).toEqual([]);
  history.recordText('a1', 's1', 'As edited.', 'tina', 2000, () => 'As imported.');
  expect(versions()).toEqual([
    [null, 'As imported.'],
    ['tina', 'As edited.'],
  ]);
});

test('status changes, oldest first; other segments and articles apart', () => {
  history.recordStatus('a1', 's1', 'draft', 'translated', 'tina', 10);
  history.recordStatus('a1', 's1', 'translated', 'approved', 'rob', 20);
  history.recordStatus('a1', 's2', 'draft', 'translated', 'tina', 30);
  expect(history.segmentHistory('a1', 's1').statusChanges).toEqual([
    { from: 'draft', to: 'translated', by: 'tina', at: 10 },
    { from: 'translated', to: 'approved', by: 'rob', at: 20 },
  ]);
  expect(history.segmentHistory('a1', 'nope')).toEqual({ segmentId: 'nope', statusChanges: [], versions: [] });
});
