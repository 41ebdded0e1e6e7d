/**
 * History is derived from accepted changes after they are relayed, once per
 * pause in typing, never per keystroke; and it survives a crash between the
 * commit and the derivation, because it is derived again from the log.
 * Real servers (one in this process, one as a process of its own for
 * kill -9), real SQLite files, real websocket clients.
 */
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { segmentIds, setStatus, sideFragment } from '../../shared/article/article';
import type { SegmentHistory } from '../../shared/protocol/api';
import { importPublished } from '../articles/article-service';
import { DATABASE_FILE } from '../store/database';
import { openDataFolder } from '../store/data-dir';
import { ProtocolClient, waitFor } from '../testing/protocol-client';
import { spawnServer } from '../testing/server-process';
import { prepareDataDir, startTestServer, type TestServer } from '../testing/test-server';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

const text = (doc: Y.Doc, id: string) => (sideFragment(doc, id, 'target').get(0) as Y.XmlElement).get(0) as Y.XmlText;

async function typed(client: ProtocolClient, change: (doc: Y.Doc) => void): Promise<void> {
  change(client.doc);
  await waitFor(() => client.allSaved, 10_000, 'the change to be saved');
}

/** The stored versions of a segment, read from the SQLite file itself (the API would derive what waits first). */
function storedVersions(dataDir: string, segmentId: string): [string | null, string][] {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return db
      .prepare<[string], { author: string | null; markdown: string }>('SELECT author, markdown FROM segment_text_versions WHERE segment_id = ? ORDER BY id')
      .all(segmentId)
      .map((row) => [row.author, row.markdown]);
  } finally {
    db.close();
  }
}

async function history(baseUrl: string, token: string, articleId: string, segmentId: string): Promise<SegmentHistory> {
  const response = await fetch(`${baseUrl}/api/articles/${articleId}/segments/${segmentId}/history`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as SegmentHistory;
}

describe('history is derived per pause in typing', () => {
  let server: TestServer;
  const client = async (role: 'translator' | 'admin', articleId: string) => {
    const connected = new ProtocolClient({ baseUrl: server.baseUrl, articleId, token: server.accounts[role].token });
    cleanups.push(() => connected.destroy());
    await waitFor(() => connected.synced, 10_000, `${role} to sync`);
    return connected;
  };

  test('twenty keystrokes are no version until a status change; then one, with the text as typed; another author ends it', async () => {
    // A pause longer than the test: only a status change, another author or a reader can end a version here.
    server = await startTestServer({ limits: { textSettleMs: 60_000, textMaxWaitMs: 60_000 } });
    cleanups.push(() => server.close());
    const id = server.importArticle('Start.\n\nOther.\n');
    const translator = await client('translator', id);
    const segment = segmentIds(translator.doc)[0]!;
    for (const [i, char] of [...'Twenty keys typed: '].entries()) await typed(translator, (doc) => text(doc, segment).insert(i, char));
    expect(text(translator.doc, segment).toString()).toBe('Twenty keys typed: Start.');
    expect(storedVersions(server.dataDir, segment)).toEqual([]);

    // Imported as a published English article, the segment is translated; she takes it back to draft.
    await typed(translator, (doc) => setStatus(doc, segment, 'draft', 'translator'));
    await waitFor(() => storedVersions(server.dataDir, segment).length === 1, 5000, 'the version at the status change');
    expect(storedVersions(server.dataDir, segment)).toEqual([['translator', 'Twenty keys typed: Start.']]);

    // The translator goes on; the admin joins in: the translator's version ends with the text she left, before the admin's first key.
    await typed(translator, (doc) => text(doc, segment).insert(0, 'A'));
    const admin = await client('admin', id);
    await waitFor(() => text(admin.doc, segment).toString().startsWith('A'));
    await typed(admin, (doc) => text(doc, segment).insert(text(doc, segment).length, ' Admin.'));
    const answer = await history(server.baseUrl, server.accounts.viewer.token, id, segment);
    expect(answer.versions.map((version) => [version.by, version.markdown])).toEqual([
      [null, 'Start.'],
      ['translator', 'ATwenty keys typed: Start.'],
      ['admin', 'ATwenty keys typed: Start. Admin.'],
    ]);
    expect(answer.statusChanges.map(({ from, to, by }) => [from, to, by])).toEqual([['translated', 'draft', 'translator']]);
  });

  test('a pause makes the version without anyone asking', async () => {
    server = await startTestServer({ limits: { textSettleMs: 200 } });
    cleanups.push(() => server.close());
    const id = server.importArticle('Start.\n');
    const translator = await client('translator', id);
    const segment = segmentIds(translator.doc)[0]!;
    for (const char of 'abc') await typed(translator, (doc) => text(doc, segment).insert(0, char));
    await waitFor(() => storedVersions(server.dataDir, segment).length === 1, 10_000, 'the version after the pause');
    expect(storedVersions(server.dataDir, segment)).toEqual([['translator', 'cbaStart.']]);
  });
});

describe('history after a crash', () => {
  test('edits saved but not yet derived when the server is killed are in the history after the restart', async () => {
    const root = mkdtempSync(join(tmpdir(), 'duet-derive-crash-'));
    roots.push(root);
    const dataDir = join(root, 'data');
    const accounts = await prepareDataDir(dataDir);
    const folder = openDataFolder(dataDir);
    const articleId = importPublished(folder.articles, 'First paragraph.\n\nSecond paragraph.\n');
    folder.close();

    const first = await spawnServer(dataDir);
    cleanups.push(() => first.child.kill('SIGKILL'));
    const writer = new ProtocolClient({ baseUrl: first.baseUrl, articleId, token: accounts.translator.token });
    cleanups.push(() => writer.destroy());
    await waitFor(() => writer.synced, 10_000, 'the writer to sync');
    const segment = segmentIds(writer.doc)[1]!;
    for (const char of 'Saved ') await typed(writer, (doc) => text(doc, segment).insert(text(doc, segment).length - 'paragraph.'.length, char));
    // Saved, and within the pause (2 s) before the version is derived: kill -9 now.
    first.child.kill('SIGKILL');
    await first.exited;
    expect(storedVersions(dataDir, segment)).toEqual([]);

    const second = await spawnServer(dataDir);
    cleanups.push(async () => {
      second.child.kill('SIGTERM');
      await second.exited;
    });
    // The restarted server derives its backlog at start: the version is there before anyone opens the article or asks.
    expect(storedVersions(dataDir, segment)).toEqual([['translator', 'Second Saved paragraph.']]);
    const answer = await history(second.baseUrl, accounts.viewer.token, articleId, segment);
    expect(answer.versions.map((version) => [version.by, version.markdown])).toEqual([
      [null, 'Second paragraph.'],
      ['translator', 'Second Saved paragraph.'],
    ]);
  });
});
