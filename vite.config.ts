import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './scripts/precompress';

// Absolute paths, because Vite resolves `root` against the working directory
// and `build.outDir` against `root`; this way the config behaves the same
// wherever it is started from.
const clientRoot = fileURLToPath(new URL('./client', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/client', import.meta.url));

// Where `duet serve` listens in development (see scripts/dev.mjs).
const DUET_SERVER = 'localhost:8787';
// The client's own modules in client/api/ and client/collab/ are served by Vite at /api/*.ts and
// /collab/*.ts: proxied to the server as the rest of those paths are, the app could not load.
const NOT_A_MODULE = '(?![^?]*\\.tsx?(?:\\?|$))';

export default defineConfig({
  // precompress: brotli and gzip copies of the output, which `duet serve` sends when accepted.
  plugins: [react(), precompress()],
  root: clientRoot,
  build: {
    outDir,
    // Vite refuses to empty an outDir outside `root` unless told to; stale
    // hashed assets would otherwise pile up in dist/client.
    emptyOutDir: true,
    // .vite/manifest.json lists every file of the build, the lazily loaded ones
    // too: the service worker (client/public/sw.js) keeps them all for offline use.
    manifest: true,
  },
  server: {
    port: 5173,
    // Fail loudly if the port is taken instead of silently moving to 5174,
    // where nothing (docs, e2e, habits) expects the client to be.
    strictPort: true,
    // Same-origin paths in the browser, so the client never needs to know
    // the server's address and production (served by duet itself) matches.
    proxy: {
      [`^/api/${NOT_A_MODULE}`]: `http://${DUET_SERVER}`,
      [`^/collab/${NOT_A_MODULE}`]: { target: `ws://${DUET_SERVER}`, ws: true },
    },
  },
});
