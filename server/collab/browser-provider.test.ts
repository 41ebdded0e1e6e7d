/**
 * The browser's websocket provider (client/collab/collab-provider.ts) against
 * the real server: a real server on port 0, a real SQLite folder, ws's
 * WebSocket in place of the browser's (Node 20 has none). Here rather than
 * beside the provider because client/ may not import the server's test
 * helpers. The e2e stories cover it in Chromium, with the device copy.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';
import { readArticle, sideFragment } from '../../shared/article/article';
import { articleRoom, CLOSE, COLLAB_PATH, DENIED, MESSAGE } from '../../shared/protocol/collab';
import type { Role } from '../../shared/protocol/roles';
import { CollabProvider, type ProviderHooks } from '../../client/collab/collab-provider';
import { updateFeed } from '../../client/collab/update-feed';
import { startServer, type RunningServer } from '../main';
import { authenticatedWebSocket, ProtocolClient, waitFor } from '../testing/protocol-client';
import { startTestServer, type TestServer } from '../testing/test-server';

const ARTICLE = 'First paragraph.\n\nSecond paragraph.\n';
/** Stands for the device copy: updates with this origin were read from it. */
const COPY = { name: 'device copy' };

let server: TestServer;
let restarted: RunningServer | null = null;
const cleanups: (() => void)[] = [];
// Node has no frames: a frame is a 16 ms timer here (sends wait for the next frame).
const frames = globalThis as { requestAnimationFrame?: (callback: () => void) => unknown };
beforeEach(() => {
  frames.requestAnimationFrame = (callback) => setTimeout(callback, 16);
});
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  delete frames.requestAnimationFrame;
});
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await restarted?.close();
  await server.close();
});

interface Page {
  doc: Y.Doc;
  provider: CollabProvider;
  /** The SYNC messages this page sent: [sync message type, bytes]. */
  sent: [number, Uint8Array][];
  saved: Map<number, number>;
  denials: string[];
  closes: number[];
}

/** A page's provider for `articleId` as `role`; `before` runs on the document before it connects (the device copy is read then). */
function page(role: Role, articleId: string, options: { before?: (doc: Y.Doc) => void; connect?: boolean } = {}): Page {
  const doc = new Y.Doc();
  const sent: [number, Uint8Array][] = [];
  const Base = authenticatedWebSocket(server.accounts[role].token);
  class Recording extends Base {
    override send(data: Uint8Array) {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) === MESSAGE.SYNC) sent.push([decoding.readVarUint(decoder), new Uint8Array(data)]);
      super.send(data);
    }
  }
  const feed = updateFeed(doc); // every update reaches the provider: what it holds back, it holds back itself
  const result: Page = { doc, provider: null as unknown as CollabProvider, sent, saved: new Map(), denials: [], closes: [] };
  const hooks: Partial<ProviderHooks> = {
    saved: (stored) => (result.saved = new Map([...result.saved, ...stored])),
    denied: (reason) => result.denials.push(reason),
    closed: ({ code }) => result.closes.push(code),
  };
  const provider = new CollabProvider({
    url: `${server.baseUrl.replace(/^http/, 'ws')}${COLLAB_PATH}/${articleRoom(articleId)}`,
    doc,
    feed,
    copyOrigin: COPY,
    maxBackoffMs: 300,
    hooks,
    WebSocket: Recording as unknown as typeof WebSocket,
  });
  result.provider = provider;
  options.before?.(doc);
  if (options.connect ?? true) provider.connect();
  cleanups.push(() => {
    provider.destroy();
    feed.destroy();
    doc.destroy();
  });
  return result;
}

function typeInto(doc: Y.Doc, index: number, text: string) {
  const id = readArticle(doc).segments[index]!.id;
  const paragraph = sideFragment(doc, id, 'target').get(0) as Y.XmlElement;
  (paragraph.get(0) as Y.XmlText).insert(0, text);
}

const targetText = (doc: Y.Doc, index: number) => readArticle(doc).segments[index]?.target.textContent ?? '';
const allSaved = (page: Page) => (page.saved.get(page.doc.clientID) ?? 0) >= Y.getState(page.doc.store, page.doc.clientID);
const updatesSent = (page: Page) => page.sent.filter(([type]) => type === messageYjsUpdate).length;

/** The article as a colleague's client has it now. */
async function colleagueCopy(articleId: string): Promise<Y.Doc> {
  const colleague = new ProtocolClient({ baseUrl: server.baseUrl, articleId, token: server.accounts.admin.token });
  cleanups.push(() => colleague.destroy());
  await waitFor(() => colleague.synced, 10_000, 'the colleague to sync');
  return colleague.doc;
}

describe('syncing with the server', () => {
  test('two pages see each other’s edits, each told its own are saved; a burst of keystrokes goes up as one update', async () => {
    const id = server.importArticle(ARTICLE);
    const alice = page('translator', id);
    const bob = page('admin', id);
    await waitFor(() => alice.provider.synced && bob.provider.synced, 10_000, 'both to sync');
    expect(alice.provider.connected).toBe(true);

    for (const letter of 'Alice: '.split('').reverse()) typeInto(alice.doc, 0, letter);
    typeInto(bob.doc, 1, 'Bob: ');
    await waitFor(() => targetText(bob.doc, 0) === 'Alice: First paragraph.' && targetText(alice.doc, 1) === 'Bob: Second paragraph.');
    await waitFor(() => allSaved(alice) && allSaved(bob), 5000, 'SAVED for both');
    expect(updatesSent(alice)).toBe(1); // seven keystrokes in one frame
    expect(alice.saved.get(bob.doc.clientID)).toBeUndefined(); // SAVED tells a page only of its own update
  });

  test('presence reaches the others, and leaves with the page', async () => {
    const id = server.importArticle(ARTICLE);
    const alice = page('translator', id);
    const bob = page('admin', id);
    await waitFor(() => alice.provider.synced && bob.provider.synced, 10_000, 'both to sync');
    alice.provider.awareness.setLocalState({ user: { id: 'x', name: 'x', role: 'translator' }, cursor: null });
    await waitFor(() => bob.provider.awareness.getStates().has(alice.doc.clientID), 5000, 'Alice’s presence at Bob’s');
    expect((bob.provider.awareness.getStates().get(alice.doc.clientID) as { user: { name: string } }).user.name).toBe('translator');

    alice.provider.destroy();
    await waitFor(() => !bob.provider.awareness.getStates().has(alice.doc.clientID), 5000, 'Alice’s presence to leave');
  });

  test('a viewer’s edit is refused and the page is told why', async () => {
    const id = server.importArticle(ARTICLE);
    const viewer = page('viewer', id);
    await waitFor(() => viewer.provider.synced, 10_000, 'the viewer to sync');
    typeInto(viewer.doc, 0, 'Nope ');
    await waitFor(() => viewer.denials.includes(DENIED.READ_ONLY), 5000, 'the refusal');
    expect(targetText(await colleagueCopy(id), 0)).toBe('First paragraph.');
  });

  test('a room that names no article closes for good: no reconnecting', async () => {
    const missing = page('translator', 'doesnotexist0');
    await waitFor(() => missing.closes.length > 0, 5000, 'the close');
    expect(missing.closes).toEqual([CLOSE.ROOM_NOT_FOUND]);
    await new Promise((resolve) => setTimeout(resolve, 600)); // twice the longest back-off
    expect(missing.closes).toEqual([CLOSE.ROOM_NOT_FOUND]);
    expect(missing.provider.connected).toBe(false);
  });
});

describe('the device copy and the first answer', () => {
  test('what the device copy holds is not sent as updates: the answer to the server’s step 1 carries what the server lacks', async () => {
    const id = server.importArticle(ARTICLE);
    // The copy: the article as a previous visit stored it, and a change typed offline then.
    const stored = await colleagueCopy(id);
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(stored));
    typeInto(offline, 1, 'Offline: ');
    const copy = Y.encodeStateAsUpdate(offline);

    const alice = page('translator', id, { before: (doc) => Y.applyUpdate(doc, copy, COPY) });
    await waitFor(() => alice.provider.synced && alice.provider.answered, 10_000, 'the sync and the answer');
    await waitFor(() => targetText(stored, 1) === 'Offline: Second paragraph.', 5000, 'the offline edit at the colleague’s');
    expect(updatesSent(alice)).toBe(0);
    expect(alice.sent.map(([type]) => type)).toEqual([messageYjsSyncStep1, messageYjsSyncStep2]);

    // Once the server has been answered, changes read from the copy (another tab's, at a compaction) go up as updates.
    const more = new Y.Doc();
    Y.applyUpdate(more, Y.encodeStateAsUpdate(alice.doc));
    const before = Y.encodeStateVector(more);
    typeInto(more, 0, 'Tab: ');
    Y.applyUpdate(alice.doc, Y.encodeStateAsUpdate(more, before), COPY);
    await waitFor(() => targetText(stored, 0) === 'Tab: First paragraph.', 5000, 'the other tab’s edit at the colleague’s');
    expect(updatesSent(alice)).toBe(1);
  });

  test('a first visit answers the server’s step 1 with an empty update', async () => {
    const id = server.importArticle(ARTICLE);
    const alice = page('translator', id);
    await waitFor(() => alice.provider.answered, 10_000, 'the answer');
    const answers = () => alice.sent.filter(([type]) => type === messageYjsSyncStep2).map(([, bytes]) => answerOf(bytes));
    expect(answers()).toHaveLength(1);
    expect(answers()[0]!.structs).toEqual([]);
    expect(answers()[0]!.ds.clients.size).toBe(0);
  });
});

describe('reconnecting', () => {
  test('edits made while the server is down reach it when it is back', async () => {
    const own = await startTestServer();
    const id = own.importArticle(ARTICLE);
    const port = own.running.port;
    const previous = server;
    server = own; // page() connects to the server in `server`
    try {
      const alice = page('translator', id);
      await waitFor(() => alice.provider.synced && alice.provider.answered, 10_000, 'the sync and the answer');
      await own.running.close();
      await waitFor(() => !alice.provider.connected && alice.provider.failedAttempts >= 2, 10_000, 'the failed reconnections');
      typeInto(alice.doc, 0, 'Down: ');
      expect(allSaved(alice)).toBe(false);

      restarted = await startServer({ dataDir: own.dataDir, port, log: () => {} });
      await waitFor(() => alice.provider.synced, 10_000, 'the reconnection');
      expect(alice.provider.failedAttempts).toBe(0);
      await waitFor(() => allSaved(alice), 5000, 'SAVED after reconnecting');
      expect(targetText(await colleagueCopy(id), 0)).toBe('Down: First paragraph.');
      // The reconnection's answer is the standard one (the server may have lost what it had sent), with the edit.
      const answers = alice.sent.filter(([type]) => type === messageYjsSyncStep2).map(([, bytes]) => answerOf(bytes));
      expect(answers.map((answer) => answer.structs.length > 0)).toEqual([false, true]);
    } finally {
      server = previous;
      for (const cleanup of cleanups.splice(0)) cleanup();
      await restarted?.close();
      restarted = null;
      await own.close().catch(() => undefined); // its first server is closed already: this removes its folder
    }
  });
});

/** The Yjs update a sync step 2 message carries. */
function answerOf(message: Uint8Array): ReturnType<typeof Y.decodeUpdate> {
  const decoder = decoding.createDecoder(message);
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
  return Y.decodeUpdate(decoding.readVarUint8Array(decoder));
}
