/**
 * The servers under test, each in a child process of its own so the clients'
 * work does not land in the server's figures: Duet (`duet serve`), the
 * reference y-websocket server (@y/websocket-server's bin script) and
 * Hocuspocus with its SQLite extension (bench/hocuspocus-server.mjs). All
 * listen on 127.0.0.1 only. Also: the child's resident memory and CPU time.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export type ServerKind = 'duet' | 'baseline' | 'hocuspocus';

export interface ServerProcess {
  kind: ServerKind;
  pid: number;
  port: number;
  /** Everything the process printed (stdout and stderr), one entry a line. */
  readonly log: string[];
  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; killed: boolean }>;
}

/** Children still running, killed if the benchmark itself exits early. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

function startChild(
  kind: ServerKind,
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  timeoutMs: number,
): Promise<{ child: ChildProcess; match: RegExpMatchArray; log: string[] }> {
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => live.delete(child));
  const log: string[] = [];
  return new Promise((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => fail(new Error(`${kind} server did not start within ${timeoutMs} ms`)), timeoutMs);
    function fail(error: Error) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n${log.join('\n')}`));
    }
    for (const stream of [child.stdout!, child.stderr!]) {
      createInterface({ input: stream }).on('line', (line) => {
        log.push(line);
        const match = ready.exec(line);
        if (match && !settled) {
          settled = true;
          clearTimeout(timer);
          resolve({ child, match, log });
        }
      });
    }
    child.once('error', fail);
    child.once('exit', (code, signal) => fail(new Error(`${kind} server exited before it was ready (code ${code}, signal ${signal})`)));
  });
}

function stopper(child: ChildProcess): ServerProcess['stop'] {
  return (graceMs = 15_000) =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        resolve({ code: child.exitCode, signal: child.signalCode, killed: false });
        return;
      }
      let killed = false;
      const timer = setTimeout(() => {
        killed = true;
        child.kill('SIGKILL');
      }, graceMs);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal, killed });
      });
      child.kill('SIGTERM');
    });
}

/**
 * Run one `duet` command before any measured start: bin/duet.mjs rebuilds its
 * bundle (dist/server) when a source changed, which would otherwise happen in
 * the first measured server process (and load esbuild into it).
 */
export async function buildDuetIfStale(dataDir: string): Promise<void> {
  await run(process.execPath, [join(REPO_ROOT, 'bin', 'duet.mjs'), 'list', '--data', dataDir], { cwd: REPO_ROOT, timeout: 60_000 });
}

/** `node bin/duet.mjs serve --port 0 --data DIR`; it prints its address on stderr once listening. */
export async function startDuet(dataDir: string, nodeArgs: string[] = []): Promise<ServerProcess> {
  const { child, match, log } = await startChild(
    'duet',
    [...nodeArgs, join(REPO_ROOT, 'bin', 'duet.mjs'), 'serve', '--port', '0', '--host', '127.0.0.1', '--data', dataDir],
    process.env,
    /Duet is running at http:\/\/127\.0\.0\.1:(\d+)/,
    30_000,
  );
  return { kind: 'duet', pid: child.pid!, port: Number(match[1]), log, stop: stopper(child) };
}

/** The reference server's bin script (src/server.js in 0.1.1), as its package.json names it. */
export function baselineServerScript(): string {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('@y/websocket-server/package.json');
  const { bin, version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { bin: Record<string, string>; version: string };
  const script = bin['y-websocket-server'];
  if (!script) throw new Error(`@y/websocket-server ${version} has no y-websocket-server bin`);
  return join(dirname(packageJson), script);
}

export function baselineVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('@y/websocket-server/package.json') as { version: string }).version;
}

/** A port free right now on 127.0.0.1 (the reference server prints the PORT it was given, not the one it got). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || !address) throw new Error('could not find a free port');
  return address.port;
}

/** @y/websocket-server with HOST and PORT, in memory only (no YPERSISTENCE, no callback). */
export async function startBaseline(nodeArgs: string[] = []): Promise<ServerProcess> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: String(port) };
  delete env.YPERSISTENCE;
  delete env.CALLBACK_URL;
  delete env.GC;
  const { child, log } = await startChild('baseline', [...nodeArgs, baselineServerScript()], env, /running at/, 30_000);
  return { kind: 'baseline', pid: child.pid!, port, log, stop: stopper(child) };
}

/** An installed package's version, from its package.json (found above its entry point: some packages do not export it). */
function packageVersion(name: string): string {
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve(name));
  while (dirname(dir) !== dir) {
    try {
      const json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (json.name === name && json.version) return json.version;
    } catch {
      // no package.json here: look further up
    }
    dir = dirname(dir);
  }
  return '?';
}

export function hocuspocusVersion(): string {
  return packageVersion('@hocuspocus/server');
}

/**
 * A database file for Hocuspocus's SQLite extension holding each document
 * (room name → its state as one update), in the extension's own table; the
 * extension loads a room's row when its first client arrives.
 */
export async function seedHocuspocusDatabase(file: string, documents: ReadonlyMap<string, Uint8Array>): Promise<void> {
  const { schema, upsertQuery } = await import('@hocuspocus/extension-sqlite');
  const db = new Database(file);
  try {
    db.exec(schema);
    const upsert = db.prepare(upsertQuery);
    db.transaction(() => {
      for (const [name, data] of documents) upsert.run({ name, data: Buffer.from(data.buffer, data.byteOffset, data.byteLength) });
    })();
  } finally {
    db.close();
  }
}

/** bench/hocuspocus-server.mjs on `databaseFile` (seeded with seedHocuspocusDatabase); it prints its port once listening. */
export async function startHocuspocus(databaseFile: string, nodeArgs: string[] = []): Promise<ServerProcess> {
  const { child, match, log } = await startChild(
    'hocuspocus',
    [...nodeArgs, join(REPO_ROOT, 'bench', 'hocuspocus-server.mjs'), '--port', '0', '--database', databaseFile],
    process.env,
    /^hocuspocus listening on 127\.0\.0\.1:(\d+)/,
    30_000,
  );
  return { kind: 'hocuspocus', pid: child.pid!, port: Number(match[1]), log, stop: stopper(child) };
}

const run = promisify(execFile);

/** Resident set size of a process in MB (`ps -o rss=`), or null if it could not be read. */
export async function rssMb(pid: number): Promise<number | null> {
  try {
    const { stdout } = await run('ps', ['-o', 'rss=', '-p', String(pid)]);
    const kb = Number(stdout.trim());
    return Number.isFinite(kb) && kb > 0 ? kb / 1024 : null;
  } catch {
    return null;
  }
}

/** CLK_TCK: 100 on every mainstream Linux (asking `getconf` would cost a subprocess). */
const CLOCK_TICKS_PER_SECOND = 100;

/** User + system CPU seconds a process has used so far (Linux /proc), or null elsewhere. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks / CLOCK_TICKS_PER_SECOND : null;
  } catch {
    return null;
  }
}

/** CPU seconds the whole machine has spent busy so far (all cores; Linux /proc/stat), or null elsewhere. */
export function machineBusySeconds(): number | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
    // cpu  user nice system idle iowait irq softirq steal ...
    const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
    const busy = [user, nice, system, irq, softirq, steal].reduce((sum: number, value) => sum + (value ?? 0), 0);
    return Number.isFinite(busy) ? busy / CLOCK_TICKS_PER_SECOND : null;
  } catch {
    return null;
  }
}
