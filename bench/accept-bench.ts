/**
 * Accept-path micro-benchmark: how many typing updates a second Duet's
 * collaboration core accepts and commits, without the network.
 *
 *   npm run bench:accept                          1 and 10 clients, 1 and 64 messages a turn
 *   npm run bench:accept -- --clients 1,10 --per-turn 64 --updates 20000 --seconds 10 --segments 100
 *
 * One process, one thread: a real SqliteArticleStore in a temp data folder
 * (openDataFolder), the collaboration core built by server/main.ts's
 * collabCore (a CollabServer with the review recorder deriving history),
 * node's native SHA-256 as the server uses it, one article imported with
 * importPublished, and N fake sockets (the Socket interface of
 * server/collab/connection.ts) joined with collab.connect(socket, articleRoom(id), user). Each client is a Y.Doc
 * that first syncs with the room (it answers the server's messages and
 * applies its sync step 2), then types into its own segment's target text:
 * one character per update, a Y.XmlText insert as y-prosemirror makes it,
 * encoded as y-websocket's sync update message. The updates are made before
 * the clock starts, so the figures hold the server's work only; they are then
 * fed through handlers.message as fast as possible, `--per-turn` messages
 * (round robin over the clients) before yielding a macrotask, so whatever the
 * server defers to the end of a turn (a group commit) runs. An update counts
 * as accepted and committed only when its sender's socket has received the
 * SAVED message covering it (MESSAGE.SAVED: a Yjs state vector; only the
 * sender's own entry is read). Every wait is bounded.
 *
 * For comparison, a floor: the same updates applied to a bare Y.Doc and
 * stored with one better-sqlite3 INSERT each (one transaction each), in a
 * database with Duet's journal mode and synchronous setting; and the same
 * with one transaction per `--per-turn` updates.
 *
 * The connection rate limit (CollabLimits.messagesPerSecond/messageBurst) is
 * lifted: it guards against a misbehaving client, and this feeds one client far
 * beyond it on purpose. Everything else is the server's own configuration.
 *
 * A measurement, not a test: nothing here passes or fails on timings.
 * Writes bench/results/accept-latest.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setImmediate as nextMacrotask } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { segmentIds } from '../shared/article/article';
import { articleRoom, MESSAGE } from '../shared/protocol/collab';
import { importPublished, loadArticleDoc } from '../server/articles/article-service';
import { Accounts } from '../server/auth/accounts';
import type { ConnectionHandlers } from '../server/collab/collab-server';
import { collabCore } from '../server/main';
import { useNativeHashes } from '../server/native-hashes';
import type { ConnectionUser, Socket } from '../server/collab/connection';
import { openDataFolder } from '../server/store/data-dir';
import { plainText, targetText } from './lib/article-text';
import { REPO_ROOT } from './lib/server-process';
import { cell, formatTable, round } from './lib/stats';

/** Issue 19's target: accepted, committed updates a second on one core. */
const TARGET_PER_SECOND = 10_000;
const SYNC_TIMEOUT_MS = 10_000;
/** After the last message is fed: how long to wait for the last SAVED. */
const ACK_TIMEOUT_MS = 10_000;
/** After the last SAVED: work the server leaves for a pause in typing (history, notifications) is counted separately. */
const SETTLE_MS = 1000;
const BENCH_TIMEOUT_MS = 5 * 60_000;
/** After collab.shutdown(): longer than a room's compaction delay (server/collab/room.ts COMPACT_IDLE_MS, 1 s). */
const SHUTDOWN_GRACE_MS = 1200;
/** What the clients type, one character an update. */
const TYPING = 'the quick brown fox jumps over the lazy dog ';

function articleMarkdown(segments: number): string {
  const paragraphs = Array.from(
    { length: segments },
    (_, i) => `Paragraph ${i + 1} of the accept benchmark's article, long enough to look like a sentence someone translates.`,
  );
  return `---\ntitle: Accept benchmark\n---\n\n${paragraphs.join('\n\n')}\n`;
}

// ---------------------------------------------------------------- fake clients

interface Pending {
  message: Uint8Array;
  /** The raw Yjs update (for the floor). */
  update: Uint8Array;
  /** The client's own clock after this update: SAVED covers it once the stored clock reaches it. */
  clock: number;
}

class FakeClient implements Socket {
  readonly doc = new Y.Doc();
  readonly bufferedAmount = 0;
  handlers: ConnectionHandlers | null = null;
  /** Messages from the server not yet read (only while syncing; afterwards they are read as they come). */
  private readonly inbox: Uint8Array[] = [];
  syncing = true;
  gotStep2 = false;
  gotStep1 = false;
  closed: { code: number; reason: string } | null = null;
  denials: string[] = [];
  updates: Pending[] = [];
  fed = 0;
  /** Highest own clock a SAVED message said is stored, and how many of `updates` it covers. */
  stored = 0;
  acked = 0;
  lastAckAt = 0;
  savedMessages = 0;
  relayed = 0;

  constructor(readonly segment: string) {}

  send(data: Uint8Array): void {
    if (this.syncing) {
      this.inbox.push(data);
      return;
    }
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE.SAVED) {
      this.savedMessages++;
      const stored = Y.decodeStateVector(decoding.readVarUint8Array(decoder)).get(this.doc.clientID);
      if (stored !== undefined && stored > this.stored) {
        this.stored = stored;
        const before = this.acked;
        while (this.acked < this.fed && this.updates[this.acked]!.clock <= this.stored) this.acked++;
        if (this.acked > before) this.lastAckAt = performance.now();
      }
    } else if (type === MESSAGE.SYNC) {
      this.relayed++; // another client's update: a real client would apply it; it costs the server nothing more
    } else if (type === MESSAGE.AUTH) {
      this.denials.push(String(data.byteLength));
    }
  }

  close(code: number, reason: string): void {
    this.closed ??= { code, reason };
  }

  /** Read what the server sent while syncing: apply its step 2, answer its step 1. */
  pump(): void {
    for (const data of this.inbox.splice(0)) {
      const decoder = decoding.createDecoder(data);
      const type = decoding.readVarUint(decoder);
      if (type !== MESSAGE.SYNC) continue;
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, MESSAGE.SYNC);
      const syncType = syncProtocol.readSyncMessage(decoder, reply, this.doc, this);
      if (syncType === syncProtocol.messageYjsSyncStep2) this.gotStep2 = true;
      if (syncType === syncProtocol.messageYjsSyncStep1) this.gotStep1 = true;
      if (encoding.length(reply) > 1) this.handlers!.message(encoding.toUint8Array(reply));
    }
  }

  /** The client's own sync step 1, as y-websocket's provider sends it on open. */
  sendStep1(): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.SYNC);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.handlers!.message(encoding.toUint8Array(encoder));
  }

  /** Type `count` characters into the segment's target, one update each, and keep them as sync update messages. */
  prepareTyping(count: number): void {
    const text = targetText(this.doc, this.segment);
    if (!text) throw new Error(`client has no target text for ${this.segment}`);
    const made: Uint8Array[] = [];
    const onUpdate = (update: Uint8Array, origin: unknown) => {
      if (origin === 'typing') made.push(update);
    };
    this.doc.on('update', onUpdate);
    for (let i = 0; i < count; i++) {
      // y-prosemirror writes each transaction of the editor's in one Yjs transaction, with its own origin.
      this.doc.transact(() => text.insert(text.length, TYPING[i % TYPING.length]!), 'typing');
      const update = made.pop()!;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE.SYNC);
      syncProtocol.writeUpdate(encoder, update);
      this.updates.push({ message: encoding.toUint8Array(encoder), update, clock: Y.getState(this.doc.store, this.doc.clientID) });
    }
    this.doc.off('update', onUpdate);
  }
}

// ---------------------------------------------------------------- one configuration

interface Result {
  clients: number;
  perTurn: number;
  updatesFed: number;
  accepted: number;
  seconds: number | null;
  perSecond: number | null;
  cpuSeconds: number;
  /** Process CPU from the first message to the last SAVED, per accepted update. */
  cpuUsPerUpdate: number | null;
  /** The same, including what the server did in the SETTLE_MS after the last SAVED (deferred derivation). */
  cpuUsPerUpdateWithSettle: number | null;
  savedMessages: number;
  relayedMessages: number;
  storedAfterShutdown: boolean | null;
  wiring: string;
  journalMode: string;
  synchronous: string;
  closes: string[];
  log: string[];
  error?: string;
}

const cpuNow = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) return false;
    await nextMacrotask();
  }
  return true;
}

async function runDuet(
  root: string,
  clientCount: number,
  perTurn: number,
  totalUpdates: number,
  maxSeconds: number,
  segments: number,
): Promise<{ result: Result; clients: FakeClient[]; seed: Uint8Array }> {
  const dir = mkdtempSync(join(root, `duet-${clientCount}-${perTurn}-`));
  useNativeHashes();
  const folder = openDataFolder(dir);
  const log: string[] = [];
  const collab = collabCore(folder, { messagesPerSecond: 1e9, messageBurst: 1e9 }, (line) => log.push(line));
  const wiring = 'collabCore (server/main.ts)';
  const accounts = new Accounts(folder.db);
  const { user } = await accounts.addUser('bench', 'admin');
  const connectionUser: ConnectionUser = { id: user.id, name: user.name, role: user.role };
  const articleId = importPublished(folder.articles, articleMarkdown(segments));
  // The article as stored: the floor's document starts from it, as the clients' updates do.
  const seed = Y.mergeUpdates(folder.articles.load(articleId) ?? []);
  const journalMode = String(folder.db.pragma('journal_mode', { simple: true }));
  const synchronous = ['OFF', 'NORMAL', 'FULL', 'EXTRA'][Number(folder.db.pragma('synchronous', { simple: true }))] ?? '?';
  const result: Result = {
    clients: clientCount,
    perTurn,
    updatesFed: 0,
    accepted: 0,
    seconds: null,
    perSecond: null,
    cpuSeconds: 0,
    cpuUsPerUpdate: null,
    cpuUsPerUpdateWithSettle: null,
    savedMessages: 0,
    relayedMessages: 0,
    storedAfterShutdown: null,
    wiring,
    journalMode,
    synchronous,
    closes: [],
    log,
  };
  const ids = (() => {
    const doc = loadArticleDoc(folder.articles, articleId);
    const list = segmentIds(doc);
    doc.destroy();
    return list;
  })();
  const clients = Array.from({ length: clientCount }, (_, i) => new FakeClient(ids[i % ids.length]!));
  try {
    // Connect and sync: the server's step 2 applied, its step 1 (sent once the room has built its document) answered.
    for (const client of clients) {
      client.handlers = collab.connect(client, articleRoom(articleId), connectionUser);
      client.sendStep1();
    }
    const synced = await waitFor(() => {
      for (const client of clients) client.pump();
      return clients.every((client) => client.closed || (client.gotStep1 && client.gotStep2 && targetText(client.doc, client.segment) !== null));
    }, SYNC_TIMEOUT_MS);
    if (!synced) throw new Error('clients did not sync');
    const closedEarly = clients.find((client) => client.closed);
    if (closedEarly) throw new Error(`a client was closed while syncing: ${closedEarly.closed!.code} ${closedEarly.closed!.reason}`);
    for (const client of clients) client.syncing = false;

    const each = Math.ceil(totalUpdates / clientCount);
    for (const client of clients) client.prepareTyping(each);
    (globalThis as { gc?: () => void }).gc?.();
    await nextMacrotask();

    // Feed as fast as possible, `perTurn` messages a turn, round robin over the clients.
    const deadline = performance.now() + maxSeconds * 1000;
    const cpu0 = cpuNow();
    const t0 = performance.now();
    let next = 0;
    let fed = 0;
    const total = each * clientCount;
    while (fed < total && performance.now() < deadline) {
      for (let i = 0; i < perTurn && fed < total; i++) {
        const client = clients[next]!;
        next = (next + 1) % clientCount;
        if (client.closed) continue;
        client.handlers!.message(client.updates[client.fed++]!.message);
        fed++;
      }
      if (clients.some((client) => client.closed)) break;
      await nextMacrotask();
    }
    await waitFor(() => clients.every((client) => client.closed || client.acked >= client.fed), ACK_TIMEOUT_MS);
    const cpu1 = cpuNow();
    const lastAck = Math.max(...clients.map((client) => client.lastAckAt));
    const accepted = clients.reduce((sum, client) => sum + client.acked, 0);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const cpu2 = cpuNow();

    const seconds = lastAck > t0 ? (lastAck - t0) / 1000 : null;
    Object.assign(result, {
      updatesFed: fed,
      accepted,
      seconds: round(seconds, 3),
      perSecond: seconds ? round(accepted / seconds, 0) : null,
      cpuSeconds: round(cpu1 - cpu0, 3)!,
      cpuUsPerUpdate: accepted > 0 ? round(((cpu1 - cpu0) * 1e6) / accepted, 1) : null,
      cpuUsPerUpdateWithSettle: accepted > 0 ? round(((cpu2 - cpu0) * 1e6) / accepted, 1) : null,
    } satisfies Partial<Result>);
  } catch (error) {
    result.error = (error as Error).message;
  } finally {
    result.savedMessages = clients.reduce((sum, client) => sum + client.savedMessages, 0);
    result.relayedMessages = clients.reduce((sum, client) => sum + client.relayed, 0);
    result.closes = clients.filter((client) => client.closed).map((client) => `${client.closed!.code} ${client.closed!.reason}`);
    if (clients.some((client) => client.denials.length > 0)) result.closes.push('permission denied messages received');
    for (const client of clients) client.handlers?.close();
    collab.shutdown();
    // A room can leave a compaction timer (1 s, unref'd) behind when it unloads; closing the database before it
    // fires would make it throw in a later configuration. Let it run first (bounded), then close.
    await new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS));
    folder.close();
  }

  // Committed? Every accepted character is in the store once the server is gone.
  if (!result.error) {
    const reopened = openDataFolder(dir);
    try {
      const doc = loadArticleDoc(reopened.articles, articleId);
      result.storedAfterShutdown = clients.every((client) => {
        const text = targetText(doc, client.segment);
        const typed = plainText(targetText(client.doc, client.segment)!);
        const expected = typed.slice(0, typed.length - (client.updates.length - client.acked));
        return text !== null && plainText(text).startsWith(expected) && plainText(text).length >= expected.length;
      });
      doc.destroy();
    } finally {
      reopened.close();
    }
  }
  return { result, clients, seed };
}

// ---------------------------------------------------------------- the floor

interface FloorResult {
  clients: number;
  /** Updates per transaction: 1 = one INSERT, one commit each. */
  perTransaction: number;
  updates: number;
  seconds: number;
  perSecond: number;
  cpuSeconds: number;
  cpuUsPerUpdate: number;
}

/** The same updates applied to a bare Y.Doc (seeded with the article) and stored with one INSERT each, `perTransaction` to a commit. */
function runFloor(root: string, clients: FakeClient[], seed: Uint8Array, journalMode: string, synchronous: string, perTransaction: number): FloorResult {
  const file = join(mkdtempSync(join(root, `floor-${clients.length}-${perTransaction}-`)), 'floor.sqlite');
  const db = new Database(file);
  db.pragma(`journal_mode = ${journalMode}`);
  db.pragma(`synchronous = ${synchronous}`);
  db.exec('CREATE TABLE updates (seq INTEGER PRIMARY KEY, data BLOB NOT NULL)');
  const insert = db.prepare<[number, Uint8Array]>('INSERT INTO updates (seq, data) VALUES (?, ?)');
  const doc = new Y.Doc();
  Y.applyUpdate(doc, seed);
  // Interleaved as they were fed: round robin over the clients.
  const ordered: Uint8Array[] = [];
  const longest = Math.max(...clients.map((client) => client.acked));
  for (let i = 0; i < longest; i++) for (const client of clients) if (i < client.acked) ordered.push(client.updates[i]!.update);
  const batch = db.transaction((updates: Uint8Array[], from: number) => {
    updates.forEach((update, i) => {
      Y.applyUpdate(doc, update);
      insert.run(from + i, update);
    });
  });
  const cpu0 = cpuNow();
  const t0 = performance.now();
  if (perTransaction === 1) {
    ordered.forEach((update, seq) => {
      Y.applyUpdate(doc, update);
      insert.run(seq, update);
    });
  } else {
    for (let at = 0; at < ordered.length; at += perTransaction) batch(ordered.slice(at, at + perTransaction), at);
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuNow() - cpu0;
  db.close();
  doc.destroy();
  return {
    clients: clients.length,
    perTransaction,
    updates: ordered.length,
    seconds: round(seconds, 3)!,
    perSecond: round(ordered.length / seconds, 0)!,
    cpuSeconds: round(cpu, 3)!,
    cpuUsPerUpdate: round((cpu * 1e6) / Math.max(1, ordered.length), 1)!,
  };
}

// ---------------------------------------------------------------- main

function list(value: string, what: string): number[] {
  const numbers = value.split(',').map((item) => Number(item.trim()));
  if (numbers.length === 0 || numbers.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--${what} takes positive whole numbers, comma-separated`);
  return numbers;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string', default: '1,10' },
      'per-turn': { type: 'string', default: '1,64' },
      updates: { type: 'string', default: '20000' },
      seconds: { type: 'string', default: '10' },
      segments: { type: 'string', default: '100' },
      keep: { type: 'boolean', default: false },
    },
  });
  const clientCounts = list(values.clients, 'clients');
  const perTurns = list(values['per-turn'], 'per-turn');
  const [totalUpdates] = list(values.updates, 'updates');
  const maxSeconds = Number(values.seconds);
  const [segments] = list(values.segments, 'segments');
  if (!(maxSeconds > 0 && maxSeconds <= 60)) throw new Error('--seconds takes 0–60');
  if (segments! < Math.max(...clientCounts)) throw new Error('--segments must be at least the number of clients (one segment each)');
  setTimeout(() => {
    console.error(`accept-bench: gave up after ${BENCH_TIMEOUT_MS / 60_000} minutes`);
    process.exit(2);
  }, BENCH_TIMEOUT_MS).unref();

  const startedAt = new Date().toISOString();
  const started = performance.now();
  console.log(
    `Accept benchmark: CollabServer + SqliteArticleStore in one process, no network — node ${process.version}, ${cpus()[0]?.model ?? '?'}; ` +
      `up to ${totalUpdates} updates or ${maxSeconds} s a configuration, an article of ${segments} segments`,
  );
  const root = mkdtempSync(join(tmpdir(), 'duet-accept-'));
  const results: Result[] = [];
  const floors: FloorResult[] = [];
  try {
    for (const clientCount of clientCounts) {
      for (const perTurn of perTurns) {
        const { result, clients, seed } = await runDuet(root, clientCount, perTurn, totalUpdates!, maxSeconds, segments!);
        results.push(result);
        console.log(
          result.error
            ? `  ${clientCount} client(s), ${perTurn}/turn: FAILED: ${result.error}`
            : `  ${clientCount} client(s), ${perTurn}/turn: ${result.accepted}/${result.updatesFed} SAVED in ${result.seconds} s, ${cell(result.perSecond, 0)}/s, ` +
                `CPU ${cell(result.cpuUsPerUpdate, 1)} µs/update`,
        );
        // The floor once per client count, on the accepted updates of the run with the most messages a turn.
        if (perTurn === Math.max(...perTurns) && !result.error && result.accepted > 0) {
          for (const perTransaction of [1, perTurn]) {
            if (perTransaction === 1 && floors.some((f) => f.clients === clientCount && f.perTransaction === 1)) continue;
            floors.push(runFloor(root, clients, seed, result.journalMode, result.synchronous, perTransaction));
          }
        }
        for (const client of clients) client.doc.destroy();
      }
    }
  } finally {
    if (!values.keep) rmSync(root, { recursive: true, force: true });
  }

  const rows: string[][] = [
    ['configuration', 'accepted+SAVED', 'seconds', 'updates/s', 'process CPU (s)', 'CPU µs/update', 'CPU µs/update incl. 1 s after', 'SAVED msgs', 'stored'],
  ];
  for (const r of results) {
    rows.push([
      `Duet, ${r.clients} client${r.clients === 1 ? '' : 's'}, ${r.perTurn} msg/turn`,
      r.error ? 'FAILED' : `${r.accepted}/${r.updatesFed}`,
      cell(r.seconds, 2),
      cell(r.perSecond, 0),
      cell(r.cpuSeconds, 2),
      cell(r.cpuUsPerUpdate, 1),
      cell(r.cpuUsPerUpdateWithSettle, 1),
      String(r.savedMessages),
      r.storedAfterShutdown === null ? '–' : r.storedAfterShutdown ? 'yes' : 'NO',
    ]);
  }
  for (const f of floors) {
    rows.push([
      `floor, ${f.clients === 1 ? "1 client's" : `${f.clients} clients'`} updates, ${f.perTransaction === 1 ? 'one commit each' : `${f.perTransaction} a commit`}`,
      String(f.updates),
      cell(f.seconds, 2),
      cell(f.perSecond, 0),
      cell(f.cpuSeconds, 2),
      cell(f.cpuUsPerUpdate, 1),
      '',
      '',
      '',
    ]);
  }
  console.log('');
  console.log(formatTable(rows));
  const sample = results.find((r) => !r.error);
  if (sample)
    console.log(`Store: journal_mode=${sample.journalMode}, synchronous=${sample.synchronous}; wiring: ${sample.wiring}; connection rate limit lifted.`);
  for (const r of results) {
    if (r.error) console.log(`  ${r.clients} client(s), ${r.perTurn}/turn FAILED: ${r.error}`);
    if (r.closes.length > 0) console.log(`  ${r.clients} client(s), ${r.perTurn}/turn: closed: ${r.closes.slice(0, 3).join(' | ')}`);
    if (r.log.length > 0) console.log(`  ${r.clients} client(s), ${r.perTurn}/turn server log (${r.log.length} lines): ${r.log.slice(0, 3).join(' | ')}`);
  }
  const best = Math.max(0, ...results.map((r) => r.perSecond ?? 0));
  console.log(`Target: ≥ ${TARGET_PER_SECOND} accepted, committed updates/s on one core; best this run ${cell(best, 0)}/s.`);
  const seconds = (performance.now() - started) / 1000;
  console.log(`Total runtime ${seconds.toFixed(1)} s.`);

  const out = join(REPO_ROOT, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'accept-latest.json'),
    `${JSON.stringify({ benchmark: 'accept', startedAt, runtimeSeconds: round(seconds, 1), node: process.version, cpuModel: cpus()[0]?.model ?? null, settings: { totalUpdates, maxSeconds, segments, settleMs: SETTLE_MS }, target: TARGET_PER_SECOND, results, floors }, null, 2)}\n`,
  );
  console.log(`Wrote ${join('bench', 'results', 'accept-latest.json')}.`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
