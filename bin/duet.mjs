#!/usr/bin/env node
// The `duet` command. It runs the server's compiled bundle, dist/server/duet.mjs
// (scripts/build-server.mjs: esbuild, npm packages left in node_modules), not
// the TypeScript through tsx: faster to start, less memory, and no compiler in
// the running server.
//
// A stale bundle would be a trap (edit server code, run `npx duet`, get the old
// code), so each start checks it first and rebuilds when needed. The check is
// the modification time and size of each file that went into the build, listed
// by esbuild's metafile and stored beside the bundle: one small read and ~130
// stats, about a millisecond, and esbuild is loaded only when it rebuilds
// (a third of a second). Times rather than a hash of the contents because
// hashing every source on every start costs more and an edit always changes the
// time; a checkout or a touch without a change only costs one needless rebuild.
import { buildServer, BUNDLE, staleReason } from '../scripts/build-server.mjs';
import { pathToFileURL } from 'node:url';

const stale = staleReason();
if (stale) {
  const { ms } = await buildServer();
  // Said only on a terminal: scripts and tests read this command's stderr.
  if (process.stderr.isTTY) process.stderr.write(`duet: rebuilt the server (${stale}) in ${Math.round(ms)} ms\n`);
}
// Stack traces name server/*.ts lines, through the bundle's source map (about 30 ms at start).
process.setSourceMapsEnabled(true);
const { main } = await import(pathToFileURL(BUNDLE).href);
process.exitCode = await main(process.argv.slice(2));
