/** The server on port 0 with a real SQLite data folder: health, the article list, JSON errors, the client. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from './main';
import { openDataFolder } from './store/data-dir';
import { importPublished } from './articles/article-service';

let root: string;
let running: RunningServer;
let id: string;
const url = (path: string) => `http://127.0.0.1:${running.port}${path}`;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'duet-server-'));
  const data = join(root, 'data');
  const folder = openDataFolder(data);
  id = importPublished(folder.articles, '---\ntitle: "A post"\n---\n\nHello *world*.\n');
  folder.close();
  const client = join(root, 'client');
  mkdirSync(client);
  writeFileSync(join(client, 'index.html'), '<!doctype html><title>Duet</title>');
  running = await startServer({ dataDir: data, port: 0, clientDir: client, log: () => {} });
});

afterAll(async () => {
  await running.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the Duet server', () => {
  test('answers health', async () => {
    const res = await fetch(url('/api/health'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  test('lists stored articles with their progress', async () => {
    const body = await (await fetch(url('/api/articles'))).json();
    expect(body.articles).toEqual([
      expect.objectContaining({ id, title: 'A post', segmentCount: 1, progress: { untranslated: 0, draft: 0, translated: 1, reviewed: 0, approved: 0 } }),
    ]);
  });

  test('exports an article as Markdown', async () => {
    const res = await fetch(url(`/api/articles/${id}/export`));
    expect(res.headers.get('content-type')).toMatch(/text\/markdown/);
    expect(await res.text()).toBe('---\ntitle: "A post"\n---\n\nHello *world*.\n');
  });

  test('answers unknown ids and routes with a JSON error', async () => {
    const missing = await fetch(url('/api/articles/nope'));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'not_found', message: 'no article with id "nope"' } });
    expect((await fetch(url('/api/frobnicate'))).status).toBe(404);
  });

  test('serves the client, and index.html for client routes, never files outside it', async () => {
    expect(await (await fetch(url('/articles/abc'))).text()).toContain('<title>Duet</title>');
    expect(await (await fetch(url('/..%2f..%2fdata/duet.sqlite'))).text()).toContain('<title>Duet</title>');
    expect((await fetch(url('/%E0%A4%A'))).status).toBe(400);
    expect((await fetch(url('/api/health'))).status).toBe(200);
  });
});
