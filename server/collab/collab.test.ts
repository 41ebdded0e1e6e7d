/**
 * The collaboration server through real websockets: a real server on port 0,
 * a real SQLite folder, y-websocket providers and raw ws clients.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { readArticle, setStatus, sideFragment } from '../../shared/article/article';
import { articleRoom, CLOSE, COLLAB_PATH, MESSAGE } from '../../shared/protocol/collab';
import type { Role } from '../../shared/protocol/roles';
import { ProtocolClient, rawSocket, waitFor } from '../testing/protocol-client';
import { startTestServer, type TestServer } from '../testing/test-server';
import { exportArticle, loadArticleDoc } from '../articles/article-service';
import { openDataFolder } from '../store/data-dir';

const ARTICLE = '---\ntitle: "Collab"\n---\n\nFirst paragraph.\n\nSecond paragraph.\n';
let server: TestServer;
const clients: ProtocolClient[] = [];
afterEach(() => clients.splice(0).forEach((client) => client.destroy()));

beforeAll(async () => {
  server = await startTestServer({
    limits: { maxMessageBytes: 64 * 1024, messagesPerSecond: 50, messageBurst: 100, compactAfterUpdates: 20, maxDocumentBytes: 256 * 1024 },
  });
});
afterAll(() => server.close());

function client(role: Role, articleId: string, doc?: Y.Doc): ProtocolClient {
  const created = new ProtocolClient({ baseUrl: server.baseUrl, articleId, token: server.accounts[role].token, ...(doc ? { doc } : {}) });
  clients.push(created);
  return created;
}

async function synced(...all: ProtocolClient[]) {
  await waitFor(() => all.every((c) => c.synced), 10_000, 'clients to sync');
}

/** Type `text` at the start of segment `index`'s target, as an editor would. */
function typeInto(doc: Y.Doc, index: number, text: string, side: 'target' | 'source' = 'target') {
  const id = readArticle(doc).segments[index]!.id;
  const paragraph = sideFragment(doc, id, side).get(0) as Y.XmlElement;
  (paragraph.get(0) as Y.XmlText).insert(0, text);
}

const targetText = (doc: Y.Doc, index: number) => readArticle(doc).segments[index]?.target.textContent ?? '';

/** The article as the store has it now, read through a separate connection to the SQLite file. */
function stored(articleId: string): string {
  const folder = openDataFolder(server.dataDir);
  try {
    return exportArticle(folder.articles, articleId);
  } finally {
    folder.close();
  }
}

function closeOf(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}

describe('editing together', () => {
  test('two translators see each other’s edits, are told each is saved, and a newcomer gets it all', async () => {
    const id = server.importArticle(ARTICLE);
    const alice = client('translator', id);
    const bob = client('admin', id);
    await synced(alice, bob);
    typeInto(alice.doc, 0, 'Alice: ');
    typeInto(bob.doc, 1, 'Bob: ');
    await waitFor(() => targetText(alice.doc, 1).startsWith('Bob: ') && targetText(bob.doc, 0).startsWith('Alice: '));
    await waitFor(() => alice.allSaved && bob.allSaved, 5000, 'SAVED acknowledgements');
    expect(stored(id)).toBe(ARTICLE.replace('First', 'Alice: First').replace('Second', 'Bob: Second'));

    const carol = client('viewer', id);
    await synced(carol);
    expect(targetText(carol.doc, 0)).toBe('Alice: First paragraph.');
  });

  test('an edit whose SAVED was lost to a dropped connection is reported saved after reconnecting, with the room open or reloaded', async () => {
    const id = server.importArticle(ARTICLE);
    const alice = client('translator', id);
    const bob = client('admin', id);
    await synced(alice, bob);
    // Sent, then the socket drops before the server's SAVED can arrive: the server stores the edit anyway.
    typeInto(alice.doc, 0, 'Lost ack: ');
    alice.provider.disconnect();
    await waitFor(() => targetText(bob.doc, 0).startsWith('Lost ack: '), 5000, 'the edit relayed to bob');
    expect(alice.allSaved).toBe(false);
    // Reconnecting, alice has nothing the server lacks: her step 2 carries no structs, yet she must learn the edit is stored.
    alice.provider.connect();
    await waitFor(() => alice.synced && alice.allSaved, 5000, 'alice told her edit is saved (room open)');

    // The same with nobody left to keep the room loaded: the answer then comes from the stored bytes.
    typeInto(alice.doc, 1, 'Again: ');
    alice.provider.disconnect();
    bob.destroy();
    await waitFor(() => server.running.collab.loadedRooms === 0 && stored(id).includes('Again: Second'), 5000, 'the edit stored and the room unloaded');
    expect(alice.allSaved).toBe(false);
    alice.provider.connect();
    await waitFor(() => alice.synced && alice.allSaved, 5000, 'alice told her edit is saved (room reloaded)');
  });

  test('a room unloads when its last client leaves, and compacts its log', async () => {
    const id = server.importArticle(ARTICLE);
    const alice = client('translator', id);
    await synced(alice);
    for (let i = 0; i < 30; i++) typeInto(alice.doc, 0, 'x');
    await waitFor(() => alice.allSaved);
    alice.destroy();
    await waitFor(() => server.running.collab.loadedRooms === 0, 5000, 'the room to unload');
    const folder = openDataFolder(server.dataDir);
    try {
      expect(folder.articles.logLength(id)).toBe(1);
      expect(readArticle(loadArticleDoc(folder.articles, id)).segments[0]!.target.textContent).toBe(`${'x'.repeat(30)}First paragraph.`);
    } finally {
      folder.close();
    }
  });
});

describe('permissions enforced by the server', () => {
  test('an upgrade without credentials is refused before any data', async () => {
    const id = server.importArticle(ARTICLE);
    const ws = new WebSocket(`${server.baseUrl.replace('http', 'ws')}${COLLAB_PATH}/${articleRoom(id)}`);
    const status = await new Promise<number>((resolve) => ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(status).toBe(401);
    const forged = new WebSocket(`${server.baseUrl.replace('http', 'ws')}${COLLAB_PATH}/${articleRoom(id)}`, {
      headers: { authorization: 'Bearer duet_nope' },
    });
    expect(await new Promise<number>((resolve) => forged.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)))).toBe(401);
  });

  test("a viewer's and a reviewer's text edits are refused, not relayed and not stored", async () => {
    const id = server.importArticle(ARTICLE);
    const translator = client('translator', id);
    const viewer = client('viewer', id);
    const reviewer = client('reviewer', id);
    await synced(translator, viewer, reviewer);
    await waitFor(() => viewer.denials.length > 0, 5000, 'the read-only notice');
    expect(viewer.denials[0]).toMatch(/read-only/);

    typeInto(viewer.doc, 0, 'VIEWER ');
    typeInto(reviewer.doc, 1, 'REVIEWER ');
    await waitFor(() => reviewer.denials.some((reason) => /may not change targetText/.test(reason)), 5000, "the reviewer's refusal");
    // A later edit by the translator still goes through, and nobody ever saw the refused text.
    typeInto(translator.doc, 0, 'OK ');
    await waitFor(() => targetText(reviewer.doc, 0).startsWith('OK '));
    expect(targetText(translator.doc, 0)).toBe('OK First paragraph.');
    expect(targetText(translator.doc, 1)).toBe('Second paragraph.');
    expect(stored(id)).toBe(ARTICLE.replace('First', 'OK First'));
  });

  test('a reviewer may approve; a translator may not', async () => {
    const id = server.importArticle(ARTICLE);
    const translator = client('translator', id);
    const reviewer = client('reviewer', id);
    await synced(translator, reviewer);
    const [first, second] = readArticle(reviewer.doc).segments;
    setStatus(reviewer.doc, first!.id, 'approved', 'reviewer');
    await waitFor(() => readArticle(translator.doc).segments[0]!.status === 'approved');
    setStatus(translator.doc, second!.id, 'approved', 'translator');
    await waitFor(() => translator.denials.some((reason) => /may not set a segment to approved/.test(reason)));
    const folder = openDataFolder(server.dataDir);
    try {
      expect(readArticle(loadArticleDoc(folder.articles, id)).segments.map((s) => s.status)).toEqual(['approved', 'translated']);
    } finally {
      folder.close();
    }
  });

  test('an unknown article closes with ROOM_NOT_FOUND', async () => {
    const ws = await rawSocket(server, 'nosucharticle', 'translator');
    expect((await closeOf(ws)).code).toBe(CLOSE.ROOM_NOT_FOUND);
  });
});

describe('bad input closes only the connection that sent it', () => {
  const message = (...parts: ((e: encoding.Encoder) => void)[]) => {
    const encoder = encoding.createEncoder();
    for (const part of parts) part(encoder);
    return encoding.toUint8Array(encoder);
  };
  const cases: [string, () => Uint8Array | Uint8Array[], number][] = [
    ['garbage bytes', () => new Uint8Array([0xde, 0xad, 0xbe, 0xef, 0x00]), CLOSE.MALFORMED_MESSAGE],
    ['a truncated varint', () => new Uint8Array([0x80]), CLOSE.MALFORMED_MESSAGE],
    ['an unknown message type', () => message((e) => encoding.writeVarUint(e, 42)), CLOSE.MALFORMED_MESSAGE],
    [
      'an unknown sync message type',
      () =>
        message(
          (e) => encoding.writeVarUint(e, MESSAGE.SYNC),
          (e) => encoding.writeVarUint(e, 9),
          (e) => encoding.writeVarUint8Array(e, new Uint8Array()),
        ),
      CLOSE.MALFORMED_MESSAGE,
    ],
    [
      'an invalid Yjs update',
      () =>
        message(
          (e) => encoding.writeVarUint(e, MESSAGE.SYNC),
          (e) => encoding.writeVarUint(e, 2),
          (e) => encoding.writeVarUint8Array(e, new Uint8Array([5, 200, 1, 2, 3, 255, 255])),
        ),
      CLOSE.MALFORMED_MESSAGE,
    ],
    [
      'an update that depends on changes the server never had',
      () => {
        const elsewhere = new Y.Doc();
        elsewhere.getMap('meta').set('a', 'x');
        const sv = Y.encodeStateVector(elsewhere);
        elsewhere.getMap('meta').set('b', 'y');
        return message(
          (e) => encoding.writeVarUint(e, MESSAGE.SYNC),
          (e) => encoding.writeVarUint(e, 2),
          (e) => encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(elsewhere, sv)),
        );
      },
      CLOSE.OUT_OF_SYNC,
    ],
    [
      'awareness that is not JSON',
      () =>
        message(
          (e) => encoding.writeVarUint(e, MESSAGE.AWARENESS),
          (e) =>
            encoding.writeVarUint8Array(
              e,
              message(
                (m) => encoding.writeVarUint(m, 1),
                (m) => encoding.writeVarUint(m, 7),
                (m) => encoding.writeVarUint(m, 1),
                (m) => encoding.writeVarString(m, '{not json'),
              ),
            ),
        ),
      CLOSE.MALFORMED_MESSAGE,
    ],
    ['an oversized message', () => new Uint8Array(65 * 1024), CLOSE.MESSAGE_TOO_LARGE],
    ['a flood', () => Array.from({ length: 400 }, () => message((e) => encoding.writeVarUint(e, MESSAGE.QUERY_AWARENESS))), CLOSE.RATE_LIMITED],
  ];

  test.each(cases)('%s', async (_name, payload, code) => {
    const id = server.importArticle(ARTICLE);
    const bystander = client('translator', id);
    await synced(bystander);
    const before = stored(id);
    const ws = await rawSocket(server, id, 'translator');
    const closed = closeOf(ws);
    const frames = payload();
    for (const frame of Array.isArray(frames) ? frames : [frames]) ws.send(frame);
    expect((await closed).code).toBe(code);
    expect(server.logs.some((line) => line.includes(`(${code})`))).toBe(true);
    expect(stored(id)).toBe(before);
    // The bystander's session is unaffected: it still edits and is still saved.
    typeInto(bystander.doc, 0, 'still here ');
    await waitFor(() => bystander.allSaved);
    expect(stored(id)).toBe(before.replace('First', 'still here First'));
  });

  test('an update that would grow the document past its limit', async () => {
    const id = server.importArticle(ARTICLE);
    const big = client('translator', id);
    await synced(big);
    const id0 = readArticle(big.doc).segments[0]!.id;
    // 200 KB in one go is under the message limit in pieces, but past the 256 KB document limit in total.
    for (let i = 0; i < 5; i++) ((sideFragment(big.doc, id0, 'target').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'y'.repeat(60 * 1024));
    await waitFor(() => big.closes.some((close) => close.code === CLOSE.DOCUMENT_TOO_LARGE), 10_000, 'DOCUMENT_TOO_LARGE');
    expect(stored(id).length).toBeLessThan(256 * 1024);
  });
});
