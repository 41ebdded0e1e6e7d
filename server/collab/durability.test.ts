/**
 * Nothing a client was told is saved, and nothing any client received from
 * the server, is lost: not across a clean stop (SIGTERM), and not across
 * kill -9 in the middle of a stream of edits.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { readArticle, segmentIds, sideFragment } from '../../shared/article/article';
import { importPublished } from '../articles/article-service';
import { openDataFolder } from '../store/data-dir';
import { ProtocolClient, waitFor } from '../testing/protocol-client';
import { spawnServer } from '../testing/server-process';
import { prepareDataDir, startTestServer } from '../testing/test-server';

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

async function setup(paragraphs: number) {
  const root = mkdtempSync(join(tmpdir(), 'duet-durable-'));
  roots.push(root);
  const dataDir = join(root, 'data');
  const accounts = await prepareDataDir(dataDir);
  const folder = openDataFolder(dataDir);
  const articleId = importPublished(folder.articles, Array.from({ length: paragraphs }, (_, i) => `Paragraph ${i}.`).join('\n\n') + '\n');
  folder.close();
  return { dataDir, accounts, articleId };
}

function append(doc: Y.Doc, index: number, token: string) {
  const id = segmentIds(doc)[index]!;
  const text = (sideFragment(doc, id, 'target').get(0) as Y.XmlElement).get(0) as Y.XmlText;
  text.insert(text.length, token);
}

const clockOf = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc)).get(doc.clientID) ?? 0;

async function readBack(baseUrl: string, articleId: string, token: string): Promise<string> {
  const reader = new ProtocolClient({ baseUrl, articleId, token });
  try {
    await waitFor(() => reader.synced, 10_000, 'the reader to sync');
    return readArticle(reader.doc)
      .segments.map((segment) => segment.target.textContent)
      .join('\n');
  } finally {
    reader.destroy();
  }
}

describe('durability', () => {
  test('a SIGTERM stop closes cleanly and keeps every edit', async () => {
    const { dataDir, accounts, articleId } = await setup(2);
    const first = await spawnServer(dataDir);
    const writer = new ProtocolClient({ baseUrl: first.baseUrl, articleId, token: accounts.translator.token });
    await waitFor(() => writer.synced);
    for (let i = 0; i < 50; i++) append(writer.doc, i % 2, `<${i}>`);
    await waitFor(() => writer.allSaved, 10_000, 'every edit saved');
    const expected = readArticle(writer.doc)
      .segments.map((segment) => segment.target.textContent)
      .join('\n');
    writer.destroy();

    first.child.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });
    expect(first.output()).toMatch(/SIGTERM: shutting down/);

    const second = await spawnServer(dataDir);
    try {
      expect(await readBack(second.baseUrl, articleId, accounts.viewer.token)).toBe(expected);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });

  test('kill -9 during a stream of edits loses nothing any client had received or been told was saved', async () => {
    const writers = 4;
    const { dataDir, accounts, articleId } = await setup(writers);
    const server = await spawnServer(dataDir);
    const clients = Array.from({ length: writers }, () => new ProtocolClient({ baseUrl: server.baseUrl, articleId, token: accounts.translator.token }));
    await waitFor(() => clients.every((client) => client.synced));
    // Each token with the clock that covers it, to tell which ones the server acknowledged.
    const written: { client: number; token: string; clock: number }[] = [];
    let stop = false;
    const streams = clients.map(async (client, index) => {
      for (let n = 0; !stop; n++) {
        const token = `[${index}.${n}]`;
        append(client.doc, index, token);
        written.push({ client: index, token, clock: clockOf(client.doc) });
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    });
    await waitFor(() => written.length > 400, 20_000, 'a stream of edits');
    server.child.kill('SIGKILL');
    await server.exited;
    stop = true;
    await Promise.all(streams);

    // What each client holds now: its own tokens (saved or not) and what the server sent it.
    const mustSurvive = new Set<string>();
    clients.forEach((client, index) => {
      const text = readArticle(client.doc)
        .segments.map((segment) => segment.target.textContent)
        .join('\n');
      for (const entry of written) {
        const received = entry.client !== index && text.includes(entry.token);
        const acknowledged = entry.client === index && (client.saved.get(client.doc.clientID) ?? 0) >= entry.clock;
        if (received || acknowledged) mustSurvive.add(entry.token);
      }
      client.destroy();
    });
    expect(mustSurvive.size).toBeGreaterThan(0);

    const restarted = await spawnServer(dataDir);
    try {
      const text = await readBack(restarted.baseUrl, articleId, accounts.viewer.token);
      const missing = [...mustSurvive].filter((token) => !text.includes(token));
      expect(missing).toEqual([]);
    } finally {
      restarted.child.kill('SIGTERM');
      await restarted.exited;
    }
  });
});

describe('unloading', () => {
  test('a room unloaded with a long log and work still waiting leaves nothing behind to run against a closed store', async () => {
    const server = await startTestServer({ limits: { compactAfterUpdates: 5 } });
    const errors: unknown[] = [];
    const onError = (error: unknown) => errors.push(error);
    process.on('uncaughtException', onError);
    try {
      const articleId = server.importArticle('First paragraph.\n\nSecond paragraph.\n');
      const writer = new ProtocolClient({ baseUrl: server.baseUrl, articleId, token: server.accounts.translator.token });
      await waitFor(() => writer.synced);
      for (let i = 0; i < 20; i++) append(writer.doc, i % 2, `<${i}>`);
      // Gone at once: the room unloads with commits, derivation and compaction all due.
      writer.destroy();
      await waitFor(() => server.running.collab.loadedRooms === 0, 5000, 'the room to unload');
      await server.close();
      // Longer than the idle wait before compaction (room.ts COMPACT_IDLE_MS).
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(errors).toEqual([]);
      expect(server.logs.filter((line) => /could not/.test(line))).toEqual([]);
    } finally {
      process.off('uncaughtException', onError);
    }
  });
});
