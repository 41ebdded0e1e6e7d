/**
 * Sync benchmark: how fast edits travel through Duet's collaboration server,
 * next to two reference servers under the same load, in the same run:
 * Hocuspocus 3 with its SQLite extension (@hocuspocus/server and
 * @hocuspocus/extension-sqlite, bench/hocuspocus-server.mjs) and the
 * y-websocket server (@y/websocket-server 0.1.1, in memory).
 *
 *   npm run bench:sync                      all scenarios, all three servers
 *   npm run bench:sync -- --only c,e        some scenarios
 *   npm run bench:sync -- --servers duet,hocuspocus
 *   npm run bench:sync -- --measure 3       shorter measuring windows (seconds)
 *   npm run bench:sync -- --rate 5          edits a second per editor (default 1)
 *   npm run bench:sync -- --server-node-args="--cpu-prof --cpu-prof-dir=/tmp/prof"
 *                                           extra node options for the server processes
 *
 * Each server runs in a child process of its own, started fresh for every
 * scenario, on 127.0.0.1; the clients all run in this process: y-websocket's
 * WebsocketProvider for Duet and the y-websocket server (the protocol the
 * browser's own provider speaks), @hocuspocus/provider for Hocuspocus (its own framing: every message
 * carries the document's name). Every editor types into its own segment's
 * target text of the same seeded article at a steady rate; each insert carries
 * a sequence number, its sender notes the time, and every peer's observer
 * looks the number up when the change arrives. Reported per scenario and
 * server: latency to the first peer and to the last one (p50, p99), updates
 * relayed per second, the server's CPU (per relayed update and in all) and
 * resident memory, and for Duet whether every edit was acknowledged as SAVED
 * and is in the store afterwards.
 *
 * A measurement, not a test: nothing here passes or fails on timings. It stops
 * by itself (every wait has a bound) and writes bench/results/sync-latest.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { segmentIds } from '../shared/article/article';
import { MESSAGE } from '../shared/protocol/collab';
import { importPublished, loadArticleDoc } from '../server/articles/article-service';
import { Accounts } from '../server/auth/accounts';
import { openDataFolder } from '../server/store/data-dir';
import { ProtocolClient } from '../server/testing/protocol-client';
import {
  baselineVersion,
  buildDuetIfStale,
  cpuSeconds,
  hocuspocusVersion,
  machineBusySeconds,
  REPO_ROOT,
  rssMb,
  seedHocuspocusDatabase,
  startBaseline,
  startDuet,
  startHocuspocus,
  type ServerKind,
  type ServerProcess,
} from './lib/server-process';
import { plainText, targetText } from './lib/article-text';
import { cell, formatTable, percentile, ratio, round } from './lib/stats';

// ---------------------------------------------------------------- settings

/** Updates a second from each editor: issue 19's load, one edit a second (`--rate` overrides it). */
const EDITS_PER_SECOND = 1;
/** Typing before the measuring window opens (caches, JIT, first compaction). */
const WARMUP_MS = 1000;
const DEFAULT_MEASURE_MS = 6000;
/** Clients connect this many at a time, each batch synced before the next. */
const CONNECT_BATCH = 50;
const CONNECT_TIMEOUT_MS = 60_000;
/** After the window: how long to wait for the last edits to reach every peer (and, on Duet, be acknowledged). */
const DRAIN_TIMEOUT_MS = 10_000;
const SETTLE_MS = 500;
const RSS_SAMPLE_MS = 500;
/** Above this event-loop utilisation the clients, not the server, set the pace: the run is flagged. */
const CLIENT_BOUND_LOOP_UTILIZATION = 0.9;
/** The whole benchmark gives up after this long (normally it takes about 2½ minutes). */
const BENCH_TIMEOUT_MS = 9 * 60_000;

/** Issue 19's targets, Duet against Hocuspocus + SQLite in the same run (Duet / Hocuspocus at most). */
const TARGETS = {
  allPeersP99: 1.2,
  cpuPerRelayed: 1.3,
  rssEnd: 1.5,
  /** The scenario whose RSS after the window is the headline memory figure. */
  rssScenario: 'e',
};

const SERVER_NAMES: Record<ServerKind, string> = { duet: 'Duet', hocuspocus: 'Hocuspocus+SQLite', baseline: 'y-websocket' };
const ALL_SERVERS: ServerKind[] = ['duet', 'hocuspocus', 'baseline'];

interface Scenario {
  key: string;
  label: string;
  rooms: number;
  editorsPerRoom: number;
  watchersPerRoom: number;
  measureMs: number;
}

const SCENARIOS: Scenario[] = [
  // Few edits a second: a longer window, so p99 rests on more than a handful of samples.
  { key: 'a', label: '2 editors, 1 room', rooms: 1, editorsPerRoom: 2, watchersPerRoom: 0, measureMs: 12_000 },
  { key: 'b', label: '20 editors, 1 room', rooms: 1, editorsPerRoom: 20, watchersPerRoom: 0, measureMs: DEFAULT_MEASURE_MS },
  { key: 'c', label: '100 editors, 1 room', rooms: 1, editorsPerRoom: 100, watchersPerRoom: 0, measureMs: DEFAULT_MEASURE_MS },
  { key: 'd', label: '20 editors + 380 watchers, 1 room', rooms: 1, editorsPerRoom: 20, watchersPerRoom: 380, measureMs: DEFAULT_MEASURE_MS },
  { key: 'e', label: '50 rooms × 4 editors', rooms: 50, editorsPerRoom: 4, watchersPerRoom: 0, measureMs: DEFAULT_MEASURE_MS },
];

/** The reference servers' room (document) name: the same for y-websocket and Hocuspocus. */
const referenceRoom = (scenario: Scenario, room: number) => `bench-${scenario.key}-${room}`;
// ---------------------------------------------------------------- the articles

interface BenchArticle {
  id: string;
  /** The stored document as one update: the y-websocket server's first client brings it, and the Hocuspocus database holds it. */
  seed: Uint8Array;
  /** Segment ids in reading order: editor i types into segment i. */
  segments: string[];
}

interface Prepared {
  root: string;
  dataDir: string;
  editorToken: string;
  watcherToken: string;
  articles: Map<string, BenchArticle[]>;
}

function articleMarkdown(scenario: Scenario, room: number): string {
  const paragraphs = Array.from(
    { length: scenario.editorsPerRoom },
    (_, i) => `Paragraph ${i + 1} of the benchmark article, the one editor ${i + 1} types into while the others watch.`,
  );
  return `---\ntitle: Sync benchmark (${scenario.key}) room ${room + 1}\n---\n\n${paragraphs.join('\n\n')}\n`;
}

/** A fresh data folder: an admin who edits, a viewer who watches, and each scenario's articles imported as Duet imports them. */
async function prepare(scenarios: Scenario[]): Promise<Prepared> {
  const root = mkdtempSync(join(tmpdir(), 'duet-bench-'));
  const dataDir = join(root, 'data');
  const folder = openDataFolder(dataDir);
  try {
    const accounts = new Accounts(folder.db);
    const { apiToken: editorToken } = await accounts.addUser('bench', 'admin');
    const { apiToken: watcherToken } = await accounts.addUser('bench-watcher', 'viewer');
    const articles = new Map<string, BenchArticle[]>();
    for (const scenario of scenarios) {
      const list: BenchArticle[] = [];
      for (let room = 0; room < scenario.rooms; room++) {
        const id = importPublished(folder.articles, articleMarkdown(scenario, room));
        const seed = Y.mergeUpdates(folder.articles.load(id) ?? []);
        const doc = new Y.Doc();
        Y.applyUpdate(doc, seed);
        const segments = segmentIds(doc);
        doc.destroy();
        if (segments.length !== scenario.editorsPerRoom)
          throw new Error(`article for (${scenario.key}) has ${segments.length} segments, expected ${scenario.editorsPerRoom}`);
        list.push({ id, seed, segments });
      }
      articles.set(scenario.key, list);
    }
    return { root, dataDir, editorToken, watcherToken, articles };
  } finally {
    folder.close();
  }
}

/** Each edit appends " w<seq>": a word a typist might add, carrying its sequence number. */
const EDIT_MARK = /w(\d+)/g;

// ---------------------------------------------------------------- clients

interface Edit {
  sent: number;
  /** The editor's own clock after the edit: SAVED covers it once the stored clock of this client reaches it. */
  clock: number;
  measured: boolean;
  receivers: number;
  first: number;
  last: number;
  acked: number;
}

interface Editor {
  segment: string;
  text: Y.XmlText | null;
  edits: Edit[];
  savedMessages: number;
  /** The highest clock of this client any SAVED message has said is stored. */
  stored: number;
  nextUnacked: number;
  timer: NodeJS.Timeout | null;
}

interface Client {
  room: number;
  doc: Y.Doc;
  editor: Editor | null;
  ready: boolean;
  connect(): void;
  /** The server has answered this client's sync request. */
  readonly synced: boolean;
  destroy(): void;
}

/**
 * Duet's SAVED message: varUint8Array(a Yjs state vector of stored clocks).
 * Read only the sender's own entry: the server may send the whole document's
 * state vector or only the clocks of the client whose update it stored, and it
 * may acknowledge a little after the update (group commit).
 */
function noteSaved(editor: Editor, clientID: number, decoder: decoding.Decoder): void {
  const now = performance.now();
  editor.savedMessages++;
  const stored = Y.decodeStateVector(decoding.readVarUint8Array(decoder)).get(clientID);
  if (stored !== undefined && stored > editor.stored) editor.stored = stored;
  while (editor.nextUnacked < editor.edits.length && editor.edits[editor.nextUnacked]!.clock <= editor.stored) {
    editor.edits[editor.nextUnacked++]!.acked = now;
  }
}

function makeClient(
  kind: ServerKind,
  server: ServerProcess,
  scenario: Scenario,
  article: BenchArticle,
  prepared: Prepared,
  room: number,
  index: number,
  onClose: (code: number) => void,
): Client {
  const isEditor = index < scenario.editorsPerRoom;
  const editor: Editor | null = isEditor
    ? { segment: article.segments[index]!, text: null, edits: [], savedMessages: 0, stored: 0, nextUnacked: 0, timer: null }
    : null;
  const base = { room, editor, ready: false };
  if (kind === 'duet') {
    const client = new ProtocolClient({
      baseUrl: `http://127.0.0.1:${server.port}`,
      articleId: article.id,
      token: isEditor ? prepared.editorToken : prepared.watcherToken,
      connect: false,
    });
    const { doc, provider } = client;
    if (editor) {
      const recordSaved = provider.messageHandlers[MESSAGE.SAVED]!;
      provider.messageHandlers[MESSAGE.SAVED] = (encoder, decoder, ...rest) => {
        noteSaved(editor, doc.clientID, decoding.clone(decoder));
        recordSaved(encoder, decoder, ...rest);
      };
    }
    // No presence: awareness traffic is not what this measures.
    provider.awareness.setLocalState(null);
    provider.on('connection-close', (event) => onClose(event?.code ?? 0));
    return {
      ...base,
      doc,
      connect: () => provider.connect(),
      get synced() {
        return provider.synced;
      },
      destroy: () => client.destroy(),
    };
  }
  const doc = new Y.Doc();
  if (kind === 'baseline') {
    // The y-websocket server starts empty and stores nothing: the room's first client brings the article.
    if (index === 0) Y.applyUpdate(doc, article.seed);
    const provider = new WebsocketProvider(`ws://127.0.0.1:${server.port}`, referenceRoom(scenario, room), doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      connect: false,
      maxBackoffTime: 300,
    });
    provider.awareness.setLocalState(null);
    provider.on('connection-close', (event) => onClose(event?.code ?? 0));
    return {
      ...base,
      doc,
      connect: () => provider.connect(),
      get synced() {
        return provider.synced;
      },
      destroy: () => {
        provider.destroy();
        doc.destroy();
      },
    };
  }
  // Hocuspocus: its own provider (every message carries the document name), one websocket per client as one browser tab
  // would have; the document comes from the seeded database. No awareness at all: nothing is sent for presence.
  const socket = new HocuspocusProviderWebsocket({
    url: `ws://127.0.0.1:${server.port}`,
    WebSocketPolyfill: WebSocket,
    autoConnect: false,
    // Reconnect soon (as the y-websocket clients do, maxBackoffTime 300): the default waits 1 s, doubling.
    delay: 300,
    minDelay: 100,
    maxDelay: 1000,
  });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: referenceRoom(scenario, room), document: doc, awareness: null });
  provider.attach();
  socket.on('close', ({ event }: { event: { code?: number } }) => onClose(event?.code ?? 0));
  return {
    ...base,
    doc,
    connect: () => void socket.connect().catch((error: unknown) => console.error(`hocuspocus client ${room}/${index}: ${(error as Error).message}`)),
    get synced() {
      return provider.synced;
    },
    destroy: () => {
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  };
}

// ---------------------------------------------------------------- one run

interface RunResult {
  server: ServerKind;
  scenario: string;
  clients: number;
  error?: string;
  measureSeconds?: number | null;
  editsMeasured?: number;
  editsPerSecond?: number | null;
  onePeerMs?: { p50: number | null; p99: number | null; max: number | null };
  allPeersMs?: { p50: number | null; p99: number | null; max: number | null };
  /** Measured edits that had not reached every peer when the drain wait ended (and how many reached none). */
  notAllPeers?: number;
  noPeer?: number;
  /** Updates relayed: changes applied by peers per second during the window (one edit reaching 99 peers counts 99). */
  deliveredPerSecond?: number | null;
  /** Server RSS once every client had synced, before the first edit (connected); when the window closed (end); the highest sample. */
  rssMb?: { connected: number | null; end: number | null; peak: number | null };
  serverCpuPercent?: number | null;
  /** Server CPU time (user + system) over the window divided by the updates relayed in it, in µs: steadier than latencies when the machine is shared. */
  serverCpuUsPerRelayed?: number | null;
  /** Server CPU time per edit sent in the window, in ms. */
  serverCpuMsPerEdit?: number | null;
  clientCpuPercent?: number | null;
  clientLoopBusyPercent?: number | null;
  /** CPU the rest of the machine used during the window (other processes: noise), in % of a core. */
  otherCpuPercent?: number | null;
  /** The load generator fell behind: fewer edits than asked for, or its event loop was saturated. */
  clientBound?: boolean;
  /** This (client) process's heap when the window closed, in MB. */
  clientHeapMb?: number | null;
  /** Connection closes seen by clients before the benchmark closed them, by close code. */
  closes?: Record<string, number>;
  duet?: {
    edits: number;
    acknowledged: number;
    savedMessages: number;
    savedMs: { p50: number | null; p99: number | null };
    stored: number | null;
  };
  /** What the server printed beyond its start-up and shutdown lines. */
  serverLog: string[];
  stopped?: { code: number | null; signal: string | null; killed: boolean };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

async function waitUntil(check: () => boolean, timeoutMs: number, what: string, pollMs = 20): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) {
      if (what) throw new Error(`timed out after ${Math.round(timeoutMs)} ms waiting for ${what}`);
      return false;
    }
    await sleep(pollMs);
  }
  return true;
}

const EXPECTED_LOG = [/^Duet is running at /, /^SIG(TERM|INT): shutting down$/, /^running at '/, /^hocuspocus listening on /];

interface RunSettings {
  measureMs: number;
  editsPerSecond: number;
  serverNodeArgs: string[];
}

/** A fresh server for one run: Duet on the prepared data folder, Hocuspocus on a database seeded with this scenario's articles. */
async function startServerFor(kind: ServerKind, scenario: Scenario, prepared: Prepared, nodeArgs: string[]): Promise<ServerProcess> {
  if (kind === 'duet') return startDuet(prepared.dataDir, nodeArgs);
  if (kind === 'baseline') return startBaseline(nodeArgs);
  const file = join(prepared.root, `hocuspocus-${scenario.key}-${Date.now()}.sqlite`);
  const articles = prepared.articles.get(scenario.key)!;
  await seedHocuspocusDatabase(file, new Map(articles.map((article, room) => [referenceRoom(scenario, room), article.seed])));
  return startHocuspocus(file, nodeArgs);
}

async function runScenario(
  kind: ServerKind,
  scenario: Scenario,
  prepared: Prepared,
  { measureMs, editsPerSecond, serverNodeArgs }: RunSettings,
): Promise<RunResult> {
  const articles = prepared.articles.get(scenario.key)!;
  const perRoom = scenario.editorsPerRoom + scenario.watchersPerRoom;
  const result: RunResult = { server: kind, scenario: scenario.key, clients: perRoom * scenario.rooms, serverLog: [] };
  const server = await startServerFor(kind, scenario, prepared, serverNodeArgs);
  const clients: Client[] = [];
  const closes: Record<string, number> = {};
  let tearingDown = false;
  let rssTimer: NodeJS.Timeout | null = null;
  try {
    const rooms: Client[][] = [];
    for (let room = 0; room < scenario.rooms; room++) {
      const members: Client[] = [];
      for (let index = 0; index < perRoom; index++) {
        members.push(
          makeClient(kind, server, scenario, articles[room]!, prepared, room, index, (code) => {
            if (!tearingDown) closes[code] = (closes[code] ?? 0) + 1;
          }),
        );
      }
      rooms.push(members);
      clients.push(...members);
    }

    // Connect in batches; the y-websocket server's seeding clients (index 0 of each room) come first in their room.
    const connectStart = performance.now();
    for (let i = 0; i < clients.length; i += CONNECT_BATCH) {
      const batch = clients.slice(i, i + CONNECT_BATCH);
      for (const client of batch) client.connect();
      const left = CONNECT_TIMEOUT_MS - (performance.now() - connectStart);
      await waitUntil(() => batch.every((client) => client.synced), left, `clients ${i + 1}–${i + batch.length} to sync`);
    }
    await waitUntil(
      () => clients.every((client) => (client.ready ||= articles[client.room]!.segments.every((segment) => targetText(client.doc, segment) !== null))),
      CONNECT_TIMEOUT_MS - (performance.now() - connectStart),
      'every client to hold the whole article',
    );

    // Observers: every client watches every other editor's text in its room.
    let t1 = Infinity;
    let t2 = Infinity;
    let delivered = 0;
    let strays = 0;
    for (const members of rooms) {
      const editors = members.filter((client) => client.editor);
      for (const client of editors) client.editor!.text = targetText(client.doc, client.editor!.segment);
      for (const client of members) {
        for (const sender of editors) {
          if (sender === client) continue;
          const editor = sender.editor!;
          targetText(client.doc, editor.segment)!.observe((event) => {
            if (event.transaction.local) return;
            const now = performance.now();
            for (const op of event.delta) {
              if (typeof op.insert !== 'string') continue;
              for (const match of op.insert.matchAll(EDIT_MARK)) {
                const edit = editor.edits[Number(match[1])];
                if (!edit) {
                  strays++;
                  continue;
                }
                edit.receivers++;
                if (edit.receivers === 1) edit.first = now;
                edit.last = now;
                if (now >= t1 && now < t2) delivered++;
              }
            }
          });
        }
      }
    }

    await sleep(SETTLE_MS);
    const rssConnected = await rssMb(server.pid);
    const rssSamples: number[] = [];
    rssTimer = setInterval(() => void rssMb(server.pid).then((mb) => mb !== null && rssSamples.push(mb)), RSS_SAMPLE_MS);

    // Typing: each editor at editsPerSecond, phases spread at random, from t0 until t2.
    const interval = 1000 / editsPerSecond;
    const t0 = performance.now() + 100;
    t1 = t0 + WARMUP_MS;
    t2 = t1 + measureMs;
    const editorClients = clients.filter((client) => client.editor);
    for (const client of editorClients) {
      const editor = client.editor!;
      const text = editor.text!;
      let due = t0 + Math.random() * interval;
      const tick = () => {
        const now = performance.now();
        if (now >= t2) return;
        const sent = performance.now();
        text.insert(text.length, ` w${editor.edits.length}`);
        editor.edits.push({
          sent,
          clock: Y.getState(client.doc.store, client.doc.clientID),
          measured: sent >= t1,
          receivers: 0,
          first: NaN,
          last: NaN,
          acked: NaN,
        });
        // Keep the cadence; when this process falls behind, skip rather than burst.
        due = Math.max(due + interval, now + interval / 2);
        editor.timer = setTimeout(tick, due - performance.now());
      };
      editor.timer = setTimeout(tick, due - performance.now());
    }

    await sleep(t1 - performance.now());
    const cpu1 = cpuSeconds(server.pid);
    const machine1 = machineBusySeconds();
    const clientCpu1 = process.cpuUsage();
    const loop1 = performance.eventLoopUtilization();
    const window1 = performance.now();
    await sleep(t2 - performance.now());
    const windowSeconds = (performance.now() - window1) / 1000;
    const cpu2 = cpuSeconds(server.pid);
    const machine2 = machineBusySeconds();
    const clientCpu = process.cpuUsage(clientCpu1);
    const loop = performance.eventLoopUtilization(loop1);
    const heapAtEnd = process.memoryUsage().heapUsed;
    const rssEnd = await rssMb(server.pid);
    clearInterval(rssTimer);
    if (rssEnd !== null) rssSamples.push(rssEnd);

    // Drain: wait (bounded) for the last edits to reach every peer and, on Duet, to be acknowledged.
    const allEdits = editorClients.flatMap((client) => client.editor!.edits);
    const measured = allEdits.filter((edit) => edit.measured);
    const peers = perRoom - 1;
    await waitUntil(
      () => measured.every((edit) => edit.receivers >= peers) && (kind !== 'duet' || allEdits.every((edit) => !Number.isNaN(edit.acked))),
      DRAIN_TIMEOUT_MS,
      '',
      50,
    );

    const oneLatencies = measured.filter((edit) => edit.receivers > 0).map((edit) => edit.first - edit.sent);
    const allLatencies = measured.filter((edit) => edit.receivers >= peers).map((edit) => edit.last - edit.sent);
    const summary = (samples: number[]) => ({
      p50: round(percentile(samples, 50), 2),
      p99: round(percentile(samples, 99), 2),
      max: round(percentile(samples, 100), 2),
    });
    Object.assign(result, {
      measureSeconds: round(windowSeconds, 2),
      editsMeasured: measured.length,
      editsPerSecond: round(measured.length / (measureMs / 1000), 1),
      onePeerMs: summary(oneLatencies),
      allPeersMs: summary(allLatencies),
      notAllPeers: measured.filter((edit) => edit.receivers < peers).length,
      noPeer: measured.filter((edit) => edit.receivers === 0).length,
      deliveredPerSecond: round(delivered / (measureMs / 1000), 0),
      rssMb: { connected: round(rssConnected, 1), end: round(rssEnd, 1), peak: round(rssSamples.length ? Math.max(...rssSamples) : null, 1) },
      serverCpuPercent: cpu1 !== null && cpu2 !== null ? round(((cpu2 - cpu1) / windowSeconds) * 100, 0) : null,
      serverCpuUsPerRelayed: cpu1 !== null && cpu2 !== null && delivered > 0 ? round(((cpu2 - cpu1) * 1e6) / delivered, 1) : null,
      serverCpuMsPerEdit: cpu1 !== null && cpu2 !== null && measured.length > 0 ? round(((cpu2 - cpu1) * 1000) / measured.length, 3) : null,
      clientCpuPercent: round(((clientCpu.user + clientCpu.system) / 1e6 / windowSeconds) * 100, 0),
      clientLoopBusyPercent: round(loop.utilization * 100, 0),
      otherCpuPercent:
        machine1 !== null && machine2 !== null && cpu1 !== null && cpu2 !== null
          ? round(Math.max(0, (machine2 - machine1 - (cpu2 - cpu1) - (clientCpu.user + clientCpu.system) / 1e6) / windowSeconds) * 100, 0)
          : null,
      clientBound: measured.length < 0.9 * editorClients.length * editsPerSecond * (measureMs / 1000) || loop.utilization >= CLIENT_BOUND_LOOP_UTILIZATION,
      clientHeapMb: round(heapAtEnd / 2 ** 20, 0),
    } satisfies Partial<RunResult>);
    if (strays > 0) result.serverLog.push(`(bench) ${strays} received edits carried a sequence number never sent`);
    if (kind === 'duet') {
      const saved = allEdits.filter((edit) => !Number.isNaN(edit.acked));
      const savedMs = measured.filter((edit) => !Number.isNaN(edit.acked)).map((edit) => edit.acked - edit.sent);
      result.duet = {
        edits: allEdits.length,
        acknowledged: saved.length,
        savedMessages: editorClients.reduce((sum, client) => sum + client.editor!.savedMessages, 0),
        savedMs: { p50: round(percentile(savedMs, 50), 2), p99: round(percentile(savedMs, 99), 2) },
        stored: null,
      };
    }
  } catch (error) {
    result.error = (error as Error).message;
  } finally {
    if (rssTimer) clearInterval(rssTimer);
    tearingDown = true;
    for (const client of clients) if (client.editor?.timer) clearTimeout(client.editor.timer);
    for (const client of clients) client.destroy();
    result.closes = closes;
    const stopped = await server.stop();
    result.stopped = { code: stopped.code, signal: stopped.signal, killed: stopped.killed };
    result.serverLog.push(...server.log.filter((line) => !EXPECTED_LOG.some((pattern) => pattern.test(line))));
  }

  // Persisted? Read the stored articles back once the server has exited, and count each editor's edits in them.
  if (kind === 'duet' && result.duet) {
    const folder = openDataFolder(prepared.dataDir);
    try {
      let stored = 0;
      for (let room = 0; room < scenario.rooms; room++) {
        const doc = loadArticleDoc(folder.articles, articles[room]!.id);
        const editors = clients.filter((client) => client.room === room && client.editor);
        for (const client of editors) {
          const text = targetText(doc, client.editor!.segment);
          const found = new Set([...(text ? plainText(text) : '').matchAll(EDIT_MARK)].map((match) => Number(match[1])));
          stored += client.editor!.edits.filter((_, seq) => found.has(seq)).length;
        }
        doc.destroy();
      }
      result.duet.stored = stored;
    } finally {
      folder.close();
    }
  }
  return result;
}

// ---------------------------------------------------------------- report

type Figure = (r: RunResult) => number | null | undefined;

const findResult = (results: RunResult[], scenario: string, server: ServerKind) =>
  results.find((r) => r.scenario === scenario && r.server === server && !r.error);

/** Duet / another server for one figure of one scenario; null when either is missing. */
function ratioFor(results: RunResult[], scenario: string, other: ServerKind, pick: Figure): number | null {
  const duet = findResult(results, scenario, 'duet');
  const them = findResult(results, scenario, other);
  return duet && them ? ratio(pick(duet), pick(them)) : null;
}

const pickAllP99: Figure = (r) => r.allPeersMs?.p99;
const pickCpu: Figure = (r) => r.serverCpuUsPerRelayed;
const pickRss: Figure = (r) => r.rssMb?.end;

function table(scenarios: Scenario[], results: RunResult[], servers: ServerKind[], editsPerSecond: number): string {
  const lines: string[] = [];
  const others = servers.filter((kind) => kind !== 'duet');
  const ratioColumns = servers.includes('duet') ? others : [];
  for (const scenario of scenarios) {
    const runs = servers.map((kind) => results.find((r) => r.scenario === scenario.key && r.server === kind));
    const clients = runs.find((r) => r)?.clients ?? 0;
    const rows: string[][] = [
      [
        `(${scenario.key}) ${scenario.label} — ${clients} clients`,
        ...servers.map((kind) => SERVER_NAMES[kind]),
        ...ratioColumns.map((kind) => `Duet/${SERVER_NAMES[kind]}`),
      ],
    ];
    const row = (label: string, pick: Figure, digits?: number) => {
      const values = runs.map((r) => (r && !r.error ? pick(r) : null));
      const duet = values[servers.indexOf('duet')] ?? null;
      rows.push([
        `  ${label}`,
        ...values.map((value) => cell(value, digits)),
        ...ratioColumns.map((kind) => cell(ratio(duet, values[servers.indexOf(kind)]), 2)),
      ]);
    };
    row('latency to first peer p50 (ms)', (r) => r.onePeerMs?.p50);
    row('latency to first peer p99 (ms)', (r) => r.onePeerMs?.p99);
    row('latency to all peers p50 (ms)', (r) => r.allPeersMs?.p50);
    row('latency to all peers p99 (ms)', pickAllP99);
    row('latency to all peers max (ms)', (r) => r.allPeersMs?.max);
    row('updates relayed/s (applied by peers)', (r) => r.deliveredPerSecond, 0);
    row('edits sent/s', (r) => r.editsPerSecond, 0);
    row('edits not at every peer', (r) => r.notAllPeers, 0);
    row('server CPU per relayed update (µs)', pickCpu, 1);
    row('server CPU (% of a core)', (r) => r.serverCpuPercent, 0);
    row('server RSS before edits (MB)', (r) => r.rssMb?.connected, 1);
    row('server RSS after (MB)', pickRss, 1);
    row('server RSS peak (MB)', (r) => r.rssMb?.peak, 1);
    row('client event loop busy (%)', (r) => r.clientLoopBusyPercent, 0);
    row('client CPU (% of a core)', (r) => r.clientCpuPercent, 0);
    row('other processes CPU (% of a core)', (r) => r.otherCpuPercent, 0);
    lines.push(formatTable(rows));
    for (const r of runs) {
      if (!r) continue;
      const name = SERVER_NAMES[r.server];
      if (r.error) lines.push(`  ${name} FAILED: ${r.error}`);
      if (r.clientBound) {
        lines.push(
          `  ${name}: CLIENT-BOUND — the load generator sent ${cell(r.editsPerSecond, 0)} of ${cell(scenario.rooms * scenario.editorsPerRoom * editsPerSecond, 0)} edits/s ` +
            `with its event loop ${cell(r.clientLoopBusyPercent, 0)}% busy: these latencies include the clients' own backlog.`,
        );
      }
      if ((r.otherCpuPercent ?? 0) >= 25)
        lines.push(`  ${name}: other processes used ${cell(r.otherCpuPercent, 0)}% of a core during the window: figures are noisy.`);
      const closeList = Object.entries(r.closes ?? {});
      if (closeList.length > 0) lines.push(`  ${name}: connections closed during the run: ${closeList.map(([code, n]) => `${n}× code ${code}`).join(', ')}`);
      if (r.serverLog.length > 0)
        lines.push(`  ${name} server log (${r.serverLog.length} lines): ${r.serverLog.slice(0, 3).join(' | ')}${r.serverLog.length > 3 ? ' | …' : ''}`);
      if (r.duet) {
        const d = r.duet;
        lines.push(
          `  Duet persistence: ${d.acknowledged}/${d.edits} edits acknowledged by SAVED (${d.savedMessages} SAVED messages), ` +
            `${d.stored ?? '?'}/${d.edits} found in the store after shutdown; SAVED after p50 ${cell(d.savedMs.p50)} ms, p99 ${cell(d.savedMs.p99)} ms`,
        );
      }
    }
    lines.push('');
  }
  return lines.join('\n');
}

const mark = (value: number | null, target: number) => (value === null ? '' : value <= target ? ' (met)' : ' (missed)');

/** Issue 19's targets against Hocuspocus + SQLite, one line a scenario. */
function targetLines(scenarios: Scenario[], results: RunResult[]): string {
  const lines = [
    `Targets, Duet / Hocuspocus+SQLite in this run: p99 to all peers ≤ ${TARGETS.allPeersP99}×, server CPU per relayed update ≤ ${TARGETS.cpuPerRelayed}×, ` +
      `server RSS after ≤ ${TARGETS.rssEnd}× (the headline: after (${TARGETS.rssScenario}), ${scenarios.find((s) => s.key === TARGETS.rssScenario)?.label ?? 'not run'}).`,
  ];
  for (const scenario of scenarios) {
    if (!findResult(results, scenario.key, 'duet') || !findResult(results, scenario.key, 'hocuspocus')) continue;
    const p99 = ratioFor(results, scenario.key, 'hocuspocus', pickAllP99);
    const cpu = ratioFor(results, scenario.key, 'hocuspocus', pickCpu);
    const rss = ratioFor(results, scenario.key, 'hocuspocus', pickRss);
    lines.push(
      `  (${scenario.key}) p99 to all ${cell(p99, 2)}×${mark(p99, TARGETS.allPeersP99)}, CPU/update ${cell(cpu, 2)}×${mark(cpu, TARGETS.cpuPerRelayed)}, ` +
        `RSS after ${cell(rss, 2)}×${mark(rss, TARGETS.rssEnd)}`,
    );
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------- main

/** CPU used by everything but this process over `ms`, in % of a core; null where /proc/stat is missing. */
async function otherCpuPercent(ms: number): Promise<number | null> {
  const machine1 = machineBusySeconds();
  const own1 = process.cpuUsage();
  await sleep(ms);
  const machine2 = machineBusySeconds();
  const own = process.cpuUsage(own1);
  if (machine1 === null || machine2 === null) return null;
  return Math.max(0, ((machine2 - machine1 - (own.user + own.system) / 1e6) / (ms / 1000)) * 100);
}

function serverLabel(kind: ServerKind): string {
  if (kind === 'hocuspocus') return `Hocuspocus ${hocuspocusVersion()} + SQLite`;
  if (kind === 'baseline') return `@y/websocket-server ${baselineVersion()}`;
  return 'Duet';
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      servers: { type: 'string', default: ALL_SERVERS.join(',') },
      measure: { type: 'string' },
      rate: { type: 'string' },
      'server-node-args': { type: 'string', default: '' },
      keep: { type: 'boolean', default: false },
    },
  });
  const only = values.only?.split(',').map((key) => key.trim());
  const scenarios = SCENARIOS.filter((scenario) => !only || only.includes(scenario.key));
  const asked = values.servers.split(',').map((name) => name.trim());
  // Columns always in the same order: Duet, Hocuspocus, y-websocket.
  const servers = ALL_SERVERS.filter((kind) => asked.includes(kind));
  if (scenarios.length === 0 || servers.length === 0 || asked.some((name) => !ALL_SERVERS.includes(name as ServerKind))) {
    throw new Error(
      'usage: sync-bench [--only a,b,c,d,e] [--servers duet,hocuspocus,baseline] [--measure SECONDS] [--rate EDITS_PER_SECOND] [--server-node-args ARGS] [--keep]',
    );
  }
  const measureOverride = values.measure !== undefined ? Number(values.measure) * 1000 : null;
  const editsPerSecond = values.rate !== undefined ? Number(values.rate) : EDITS_PER_SECOND;
  const serverNodeArgs = values['server-node-args'].split(' ').filter((arg) => arg !== '');
  if ((measureOverride !== null && !(measureOverride > 0 && measureOverride <= 60_000)) || !(editsPerSecond > 0 && editsPerSecond <= 50)) {
    throw new Error('--measure takes 0–60 seconds and --rate 0–50 edits a second');
  }

  // A bound on the whole run: whatever hangs, the benchmark stops (children are killed on exit).
  setTimeout(() => {
    console.error(`sync-bench: gave up after ${BENCH_TIMEOUT_MS / 60_000} minutes`);
    process.exit(2);
  }, BENCH_TIMEOUT_MS).unref();
  // Every WebsocketProvider adds a process 'exit' listener.
  process.setMaxListeners(0);

  const started = performance.now();
  const startedAt = new Date().toISOString();
  console.log(
    `Sync benchmark: ${servers.map((kind) => serverLabel(kind)).join(' vs ')} — node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}); ` +
      `${editsPerSecond} edits/s per editor, ${WARMUP_MS / 1000} s warm-up`,
  );
  const quiet = await otherCpuPercent(1000);
  if (quiet !== null && quiet >= 25) console.log(`Note: before starting, other processes were using ${quiet.toFixed(0)}% of a core; figures will be noisy.`);
  const prepared = await prepare(scenarios);
  if (servers.includes('duet')) await buildDuetIfStale(prepared.dataDir);
  const results: RunResult[] = [];
  try {
    for (const [i, scenario] of scenarios.entries()) {
      // Rotate which server goes first, so none always runs on a warmer machine.
      const order = servers.map((_, j) => servers[(i + j) % servers.length]!);
      for (const kind of order) {
        const measureMs = measureOverride ?? scenario.measureMs;
        // Start each run from a collected heap, so one run's garbage does not pause the next one's clients.
        (globalThis as { gc?: () => void }).gc?.();
        const runStart = performance.now();
        const result = await runScenario(kind, scenario, prepared, { measureMs, editsPerSecond, serverNodeArgs });
        results.push(result);
        const took = ((performance.now() - runStart) / 1000).toFixed(1);
        console.log(
          result.error
            ? `  (${scenario.key}) ${kind}: FAILED after ${took} s: ${result.error}`
            : `  (${scenario.key}) ${kind}: ${result.editsMeasured} edits in ${result.measureSeconds} s, p99 ${cell(result.onePeerMs?.p99)} / ${cell(result.allPeersMs?.p99)} ms, ${took} s`,
        );
      }
    }
  } finally {
    if (!values.keep) rmSync(prepared.root, { recursive: true, force: true });
  }
  const seconds = (performance.now() - started) / 1000;

  console.log('');
  console.log(table(scenarios, results, servers, editsPerSecond));
  if (servers.includes('duet') && servers.includes('hocuspocus')) console.log(targetLines(scenarios, results));
  console.log(`Total runtime ${seconds.toFixed(1)} s.${values.keep ? ` Data kept in ${prepared.root}.` : ''}`);

  const out = join(REPO_ROOT, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  const file = join(out, 'sync-latest.json');
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        benchmark: 'sync',
        startedAt,
        runtimeSeconds: round(seconds, 1),
        node: process.version,
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? null,
        servers: Object.fromEntries(servers.map((kind) => [kind, serverLabel(kind)])),
        settings: { editsPerSecond, warmupMs: WARMUP_MS, drainTimeoutMs: DRAIN_TIMEOUT_MS, connectBatch: CONNECT_BATCH },
        targets: TARGETS,
        scenarios: scenarios.map((scenario) => {
          const runs = Object.fromEntries(servers.map((kind) => [kind, results.find((r) => r.scenario === scenario.key && r.server === kind) ?? null]));
          const ratios = (other: ServerKind) => ({
            onePeerP50: round(
              ratioFor(results, scenario.key, other, (r) => r.onePeerMs?.p50),
              3,
            ),
            onePeerP99: round(
              ratioFor(results, scenario.key, other, (r) => r.onePeerMs?.p99),
              3,
            ),
            allPeersP50: round(
              ratioFor(results, scenario.key, other, (r) => r.allPeersMs?.p50),
              3,
            ),
            allPeersP99: round(ratioFor(results, scenario.key, other, pickAllP99), 3),
            deliveredPerSecond: round(
              ratioFor(results, scenario.key, other, (r) => r.deliveredPerSecond),
              3,
            ),
            cpuPerRelayed: round(ratioFor(results, scenario.key, other, pickCpu), 3),
            rssEnd: round(ratioFor(results, scenario.key, other, pickRss), 3),
          });
          return {
            ...scenario,
            measureMs: measureOverride ?? scenario.measureMs,
            ...runs,
            ratio: Object.fromEntries(
              servers.filter((kind) => kind !== 'duet').map((kind) => [`duetOver${kind[0]!.toUpperCase()}${kind.slice(1)}`, ratios(kind)]),
            ),
          };
        }),
      },
      null,
      2,
    )}\n`,
  );
  console.log(`Wrote ${join('bench', 'results', 'sync-latest.json')}.`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
