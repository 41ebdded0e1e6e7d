#!/usr/bin/env node
/**
 * `npm run dev`: the Duet server and the Vite dev server side by side, as one
 * foreground process. Both logs go to one terminal, so each line is tagged
 * with where it came from; and since a client without its server (or the
 * reverse) is useless, when either stops the other is stopped too.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// How long a child gets to shut down cleanly before it is killed.
const GRACE_MS = 5000;

// Both are started as `node <script>` rather than through npx: an npx/npm
// wrapper (and the shell it may use) sits between us and Vite and does not
// reliably pass signals on, which leaves orphaned dev servers holding ports.
// The bin path is what `npx vite` would run anyway; Vite finds vite.config.ts
// in the working directory, named explicitly here so that is not a guess.
const children = [
  start('server', ['bin/duet.mjs', 'serve', '--port', '8787']),
  start('client', ['node_modules/vite/bin/vite.js', '--config', 'vite.config.ts']),
];

let exitCode = 0;
let stopping = false;
let stopSignal = null;
let killTimer = null;

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    // A second signal means "now": do not wait for a slow graceful shutdown.
    // Counting our own signals (not `stopping`) matters: on Ctrl-C the terminal
    // signals the children too, and one may exit before this handler runs.
    if (stopSignal) return stopAll('SIGKILL');
    stopSignal = signal;
    stopAll(signal);
  });
}

function start(name, args) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Output is piped, so tools would drop colours; keep them when we are on a terminal.
    env: process.stdout.isTTY ? { ...process.env, FORCE_COLOR: '1' } : process.env,
  });
  const tag = `[${name}]`;
  prefixLines(child.stdout, tag, process.stdout);
  prefixLines(child.stderr, tag, process.stderr);

  child.on('error', (err) => {
    // Spawn failures never produce 'close', so treat them as one.
    console.error(`${tag} failed to start: ${err.message}`);
    onExit(name, 1, null);
  });
  // 'close' rather than 'exit': it waits for the pipes to drain, so a crash's
  // last lines (usually the useful ones) are printed before we exit.
  child.on('close', (code, signal) => onExit(name, code, signal));
  return { name, child, exited: false };
}

function prefixLines(stream, tag, out) {
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => out.write(`${tag} ${line}\n`));
}

function onExit(name, code, signal) {
  const entry = children.find((c) => c.name === name);
  if (!entry || entry.exited) return;
  entry.exited = true;

  if (!stopping) {
    // The first child to stop on its own decides the exit code of the whole.
    console.error(`[dev] ${name} exited (${signal ?? `code ${code}`}); stopping the rest`);
    exitCode = code ?? 1;
    stopAll('SIGTERM');
  }
  if (children.every((c) => c.exited)) finish();
}

function stopAll(signal) {
  stopping = true;
  for (const { child, exited } of children) {
    if (!exited && child.pid !== undefined) child.kill(signal);
  }
  if (signal !== 'SIGKILL' && !killTimer) {
    // unref: the timer must not itself keep dev.mjs alive once everything exited.
    killTimer = setTimeout(() => stopAll('SIGKILL'), GRACE_MS).unref();
  }
}

function finish() {
  if (stopSignal) {
    // Stopped by a signal: die of that same signal, so whoever started us
    // (npm, a shell, CI) sees an interruption rather than a failure or success.
    process.removeAllListeners(stopSignal);
    process.kill(process.pid, stopSignal);
    return;
  }
  process.exit(exitCode);
}
