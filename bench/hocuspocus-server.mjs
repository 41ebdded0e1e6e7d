#!/usr/bin/env node
/**
 * The sync benchmark's second reference server: Hocuspocus 3 with its SQLite
 * extension, in its default configuration (documents stored whole, debounced:
 * 2 s after a change, at most 10 s), on a database file the benchmark made
 * and seeded with each room's article. Plain JavaScript, run by node itself
 * (no TypeScript loader), as the y-websocket reference runs.
 *
 *   node bench/hocuspocus-server.mjs --database FILE [--port 0]
 *
 * Listens on 127.0.0.1 only and prints, once listening:
 *   hocuspocus listening on 127.0.0.1:PORT (sqlite FILE)
 * SIGTERM or SIGINT: close every connection (each document is handed to the
 * extension as it unloads), then exit.
 */
import { parseArgs } from 'node:util';
import { Server } from '@hocuspocus/server';
import { SQLite } from '@hocuspocus/extension-sqlite';

const HOST = '127.0.0.1';
/** How long shutting down may take (storing every open document) before the process exits anyway. */
const STOP_TIMEOUT_MS = 10_000;

const { values } = parseArgs({ options: { database: { type: 'string' }, port: { type: 'string', default: '0' } } });
if (!values.database) {
  console.error('usage: hocuspocus-server.mjs --database FILE [--port N]');
  process.exit(2);
}

const server = new Server({
  name: 'duet-bench',
  address: HOST,
  quiet: true,
  // Signals are handled below, with a bound on the shutdown.
  stopOnSignals: false,
  extensions: [new SQLite({ database: values.database })],
});

// Server.listen() hands `address` to net's listen() as `{ address }`, which net ignores (it reads `host`),
// so it would listen on every interface: listen here on the loopback address, then run the onListen hooks as listen() does.
await new Promise((resolve, reject) => {
  server.httpServer.once('error', reject);
  server.httpServer.listen(Number(values.port), HOST, resolve);
});
const { port } = server.httpServer.address();
await server.hocuspocus.hooks('onListen', { instance: server.hocuspocus, configuration: server.configuration, port });
console.log(`hocuspocus listening on ${HOST}:${port} (sqlite ${values.database})`);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), STOP_TIMEOUT_MS).unref();
    server.destroy().then(
      () => process.exit(0),
      (error) => {
        console.error(`hocuspocus: shutdown failed: ${error?.message ?? error}`);
        process.exit(1);
      },
    );
  });
}
