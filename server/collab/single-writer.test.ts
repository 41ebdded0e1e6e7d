/**
 * The server is the only writer of an article it has open, and accounts hold
 * at once: two real processes on one data folder, the server (`duet serve`,
 * a process of its own) and the CLI (this process), with real websocket
 * clients connected to the server.
 */
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { readArticle, segmentIds, sideFragment } from '../../shared/article/article';
import { CLOSE, DENIED } from '../../shared/protocol/collab';
import type { SegmentHistory } from '../../shared/protocol/api';
import { importPublished, loadArticleDoc } from '../articles/article-service';
import { openDataFolder } from '../store/data-dir';
import { duet } from '../testing/cli-runner';
import { ProtocolClient, waitFor } from '../testing/protocol-client';
import { spawnServer, type ServerProcess } from '../testing/server-process';
import { prepareDataDir, startTestServer } from '../testing/test-server';
import type { TestAccount } from '../testing/test-server';
import type { Role } from '../../shared/protocol/roles';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

const text = (doc: Y.Doc, id: string) => (sideFragment(doc, id, 'target').get(0) as Y.XmlElement).get(0) as Y.XmlText;
/** The text of a target, made on first use as the editor does for an untranslated segment. */
function targetText(doc: Y.Doc, id: string): Y.XmlText {
  const fragment = sideFragment(doc, id, 'target');
  if (fragment.length === 0) fragment.insert(0, [new Y.XmlElement('paragraph')]);
  const paragraph = fragment.get(0) as Y.XmlElement;
  if (paragraph.length === 0) paragraph.insert(0, [new Y.XmlText()]);
  return paragraph.get(0) as Y.XmlText;
}
const targets = (doc: Y.Doc) => readArticle(doc).segments.map((segment) => segment.target.textContent);

async function dataFolder(markdown: string): Promise<{ dataDir: string; accounts: Record<Role, TestAccount>; articleId: string }> {
  const root = mkdtempSync(join(tmpdir(), 'duet-single-writer-'));
  roots.push(root);
  const dataDir = join(root, 'data');
  const accounts = await prepareDataDir(dataDir);
  const folder = openDataFolder(dataDir);
  const articleId = importPublished(folder.articles, markdown);
  folder.close();
  return { dataDir, accounts, articleId };
}

async function serve(dataDir: string): Promise<ServerProcess> {
  const server = await spawnServer(dataDir);
  cleanups.push(async () => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return;
    server.child.kill('SIGTERM');
    await server.exited;
  });
  return server;
}

function connect(baseUrl: string, articleId: string, token: string): ProtocolClient {
  const client = new ProtocolClient({ baseUrl, articleId, token });
  cleanups.push(() => client.destroy());
  return client;
}

/** The stored article, read from the data folder as the CLI reads it. */
function stored(dataDir: string, articleId: string): string[] {
  const folder = openDataFolder(dataDir);
  try {
    return targets(loadArticleDoc(folder.articles, articleId));
  } finally {
    folder.close();
  }
}

describe('the CLI against a running server’s data folder', () => {
  test('an XLIFF import reaches everyone live, survives 600 more edits and the compactions they bring, and a restart', async () => {
    const { dataDir, accounts } = await dataFolder('Not this one.\n');
    const source = join(dataDir, '..', 'source.txt');
    writeFileSync(source, '第一段。\n\n第二段。\n');
    const articleId = (await duet('import', source, '--format', 'text', '--data', dataDir)).stdout.trim();
    const server = await serve(dataDir);
    const editor = connect(server.baseUrl, articleId, accounts.translator.token);
    await waitFor(() => editor.synced, 10_000, 'the editor to sync');
    const [first, second] = segmentIds(editor.doc) as [string, string];

    const xliff = (await duet('xliff', 'export', articleId, '--data', dataDir)).stdout;
    const file = join(dataDir, '..', 'back.xlf');
    writeFileSync(
      file,
      xliff.replace(new RegExp(`(<trans-unit id="${second}"[\\s\\S]*?</source>)`), '$1\n        <target xml:lang="en">Imported from OmegaT.</target>'),
    );
    expect(await duet('xliff', 'import', articleId, file, '--by', 'omegat', '--overwrite', '--data', dataDir)).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^1 segment updated/),
    });

    // The open room applies the CLI's row and relays it: the editor sees it without reconnecting.
    await waitFor(() => targets(editor.doc)[1] === 'Imported from OmegaT.', 5000, 'the import to reach the editor');
    for (let i = 0; i < 600; i++) targetText(editor.doc, first).insert(0, 'x');
    await waitFor(() => editor.allSaved, 30_000, '600 edits saved');
    // The log (600 rows past the limit of 500) is compacted after a pause: it must keep the CLI's row.
    const folder = openDataFolder(dataDir);
    try {
      await waitFor(() => folder.articles.logLength(articleId) === 1, 10_000, 'the log to be compacted');
    } finally {
      folder.close();
    }
    // What the CLI exports (and publishes) from the store now is what the editors saw.
    expect((await duet('export', articleId, '--data', dataDir)).stdout).toContain('Imported from OmegaT.');
    expect(stored(dataDir, articleId)).toEqual(['x'.repeat(600), 'Imported from OmegaT.']);

    // The import is in the segment's history, by the name the CLI gave.
    const response = await fetch(`${server.baseUrl}/api/articles/${articleId}/segments/${second}/history`, {
      headers: { authorization: `Bearer ${accounts.viewer.token}` },
    });
    const history = (await response.json()) as SegmentHistory;
    expect(history.versions.map((version) => [version.by, version.markdown])).toEqual([
      [null, ''],
      ['omegat', 'Imported from OmegaT.'],
    ]);

    editor.destroy();
    server.child.kill('SIGTERM');
    expect(await server.exited).toMatchObject({ code: 0 });
    const restarted = await serve(dataDir);
    const reader = connect(restarted.baseUrl, articleId, accounts.viewer.token);
    await waitFor(() => reader.synced, 10_000, 'the reader to sync');
    expect(targets(reader.doc)).toEqual(['x'.repeat(600), 'Imported from OmegaT.']);
  });

  test('duet user remove closes the removed account’s websocket (4403), and nothing it sends after is stored', async () => {
    const { dataDir, accounts, articleId } = await dataFolder('One.\n\nTwo.\n');
    const server = await serve(dataDir);
    const translator = connect(server.baseUrl, articleId, accounts.translator.token);
    const watcher = connect(server.baseUrl, articleId, accounts.admin.token);
    await waitFor(() => translator.synced && watcher.synced, 10_000, 'both to sync');
    const segment = segmentIds(translator.doc)[0]!;
    text(translator.doc, segment).insert(0, 'Before. ');
    await waitFor(() => translator.allSaved, 10_000);

    // Keep typing while the account is removed, as the measured translator did.
    const typing = setInterval(() => text(translator.doc, segment).insert(0, '!'), 20);
    cleanups.push(() => clearInterval(typing));
    expect(await duet('user', 'remove', 'translator', '--data', dataDir)).toEqual({ code: 0, stdout: '', stderr: '' });
    await waitFor(() => translator.closes.some((close) => close.code === CLOSE.FORBIDDEN), 5000, 'the removed account’s websocket to close');
    clearInterval(typing);
    const storedAtClose = stored(dataDir, articleId)[0];
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Reconnecting is refused (the account is gone), so the typing goes nowhere: the store holds what it held when the socket closed.
    expect(stored(dataDir, articleId)[0]).toBe(storedAtClose);
    expect(targets(watcher.doc)[0]).toBe(storedAtClose);
    expect(translator.synced && translator.provider.wsconnected).toBe(false);
  });

  test('duet user role demotes a connected translator: the next text update is refused', async () => {
    const { dataDir, accounts, articleId } = await dataFolder('One.\n\nTwo.\n');
    const server = await serve(dataDir);
    const translator = connect(server.baseUrl, articleId, accounts.translator.token);
    await waitFor(() => translator.synced, 10_000);
    const segment = segmentIds(translator.doc)[0]!;
    text(translator.doc, segment).insert(0, 'Accepted. ');
    await waitFor(() => translator.allSaved, 10_000);

    expect(await duet('user', 'role', 'translator', '--role', 'viewer', '--data', dataDir)).toEqual({ code: 0, stdout: '', stderr: '' });
    await waitFor(() => translator.denials.includes(DENIED.READ_ONLY), 5000, 'the demoted translator to be told');
    const denials = translator.denials.length;
    text(translator.doc, segment).insert(0, 'Refused. ');
    await waitFor(() => translator.denials.length > denials, 5000, 'the next update to be refused');
    expect(stored(dataDir, articleId)[0]).toBe('Accepted. One.');
  });
});

describe('accounts changed over the API', () => {
  test('an admin removes a connected translator (4403 at once) and demotes a connected reviewer (refused from the next update)', async () => {
    const server = await startTestServer();
    cleanups.push(() => server.close());
    const id = server.importArticle('One.\n\nTwo.\n');
    const translator = connect(server.baseUrl, id, server.accounts.translator.token);
    const reviewer = connect(server.baseUrl, id, server.accounts.reviewer.token);
    await waitFor(() => translator.synced && reviewer.synced, 10_000);

    const asAdmin = (path: string, init: RequestInit) =>
      server.as('admin', path, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });
    expect((await server.as('translator', '/api/users/reviewer', { method: 'DELETE' })).status).toBe(403);
    expect((await asAdmin('/api/users/nobody', { method: 'DELETE' })).status).toBe(404);
    expect((await asAdmin('/api/users/reviewer/role', { method: 'PUT', body: JSON.stringify({ role: 'owner' }) })).status).toBe(400);
    expect((await asAdmin('/api/users/admin/role', { method: 'PUT', body: JSON.stringify({ role: 'viewer' }) })).status).toBe(409);

    expect((await asAdmin('/api/users/translator', { method: 'DELETE' })).status).toBe(200);
    // Closed before the answer came back: the route holds the connections to the accounts itself.
    await waitFor(() => translator.closes.length > 0, 1000, 'the close to arrive');
    expect(translator.closes[0]!.code).toBe(CLOSE.FORBIDDEN);
    expect((await server.as('translator', '/api/me')).status).toBe(401);

    const response = await asAdmin('/api/users/reviewer/role', { method: 'PUT', body: JSON.stringify({ role: 'viewer' }) });
    expect(await response.json()).toEqual({ name: 'reviewer', role: 'viewer' });
    await waitFor(() => reviewer.denials.includes(DENIED.READ_ONLY), 2000, 'the reviewer to be told they are read-only now');
    const segment = segmentIds(reviewer.doc)[0]!;
    const denials = reviewer.denials.length;
    text(reviewer.doc, segment).insert(0, 'No. ');
    await waitFor(() => reviewer.denials.length > denials, 5000, 'the next update to be refused');
    expect(readArticle(loadArticleDoc(server.running.store, id)).segments[0]!.target.textContent).toBe('One.');
  });
});
