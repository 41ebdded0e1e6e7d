/**
 * Convergence under a hostile network: ten clients make random concurrent
 * edits while randomly dropping off and coming back; afterwards every client,
 * and a fresh one, hold the same article, and the store has all of it.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import * as Y from 'yjs';
import { insertSegmentsAt, readArticle, segmentIds, setFrontMatterValue, setStatus, sideFragment } from '../../shared/article/article';
import { doc, p } from '../../shared/testing/builders';
import { ProtocolClient, waitFor } from '../testing/protocol-client';
import { startTestServer, type TestServer } from '../testing/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** A small seeded generator (mulberry32), so a failing run can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomEdit(client: ProtocolClient, name: string, rand: () => number, step: number) {
  const ids = segmentIds(client.doc);
  const id = ids[Math.floor(rand() * ids.length)]!;
  const choice = rand();
  const fragment = sideFragment(client.doc, id, 'target');
  const paragraph = fragment.get(0) as Y.XmlElement | undefined;
  const text = paragraph?.get(0) as Y.XmlText | undefined;
  if (choice < 0.6 && text) {
    text.insert(Math.floor(rand() * (text.length + 1)), `${name[0]}${step} `);
  } else if (choice < 0.75 && text && text.length > 2) {
    const at = Math.floor(rand() * (text.length - 1));
    text.delete(at, Math.min(3, text.length - at));
  } else if (choice < 0.85) {
    setStatus(client.doc, id, rand() < 0.5 ? 'draft' : 'translated', name);
  } else if (choice < 0.93) {
    insertSegmentsAt(client.doc, Math.floor(rand() * (ids.length + 1)), [{ target: doc(p(`note ${name} ${step}`)) }]);
  } else {
    setFrontMatterValue(client.doc, 'title', `Title by ${name} at ${step}`);
  }
}

test('ten clients with random edits and random disconnects converge, and so does a fresh client', async () => {
  const seed = Number(process.env.DUET_SEED ?? Date.now() % 100_000);
  const rand = random(seed);
  const articleId = server.importArticle(`---\ntitle: "Start"\n---\n\n${Array.from({ length: 8 }, (_, i) => `Paragraph ${i}.`).join('\n\n')}\n`);
  const roles = ['translator', 'admin'] as const;
  const clients = Array.from({ length: 10 }, (_, i) => {
    const role = roles[i % 2]!;
    return { role, client: new ProtocolClient({ baseUrl: server.baseUrl, articleId, token: server.accounts[role].token }) };
  });
  try {
    await waitFor(() => clients.every(({ client }) => client.synced), 10_000, 'initial sync');
    for (let round = 0; round < 25; round++) {
      for (const { role, client } of clients) {
        const roll = rand();
        if (roll < 0.08 && client.provider.wsconnected) client.provider.disconnect();
        else if (roll < 0.2 && !client.provider.shouldConnect) client.provider.connect();
        if (client.synced || !client.provider.shouldConnect) randomEdit(client, role, rand, round);
      }
      await new Promise((resolve) => setTimeout(resolve, Math.floor(rand() * 20)));
    }
    for (const { client } of clients) if (!client.provider.shouldConnect) client.provider.connect();
    try {
      await waitFor(() => clients.every(({ client }) => client.synced && client.allSaved), 20_000, `every client synced and saved (seed ${seed})`);
    } catch (error) {
      console.log(
        clients.map(({ role, client }) => ({
          role,
          synced: client.synced,
          saved: client.allSaved,
          connected: client.provider.wsconnected,
          closes: client.closes,
          denials: client.denials,
          mine: client.doc.clientID,
          savedClock: client.saved.get(client.doc.clientID),
          clock: Y.decodeStateVector(Y.encodeStateVector(client.doc)).get(client.doc.clientID),
        })),
        server.logs,
      );
      throw error;
    }
    const expected = JSON.stringify(readArticle(clients[0]!.client.doc));
    await waitFor(() => clients.every(({ client }) => JSON.stringify(readArticle(client.doc)) === expected), 20_000, `convergence (seed ${seed})`);

    const fresh = new ProtocolClient({ baseUrl: server.baseUrl, articleId, token: server.accounts.viewer.token });
    try {
      await waitFor(() => fresh.synced, 10_000, 'the fresh client');
      expect(JSON.stringify(readArticle(fresh.doc)), `seed ${seed}`).toBe(expected);
      expect(
        clients.flatMap(({ client }) => [
          ...client.denials,
          ...client.closes.filter((c) => c.code !== 1000 && c.code !== 1005).map((c) => `closed ${c.code} ${c.reason}`),
        ]),
        `seed ${seed}`,
      ).toEqual([]);
    } finally {
      fresh.destroy();
    }
  } finally {
    for (const { client } of clients) client.destroy();
  }
});
