/**
 * Compressed copies of the built client, made once when it is built: each
 * text asset gets a brotli (`.br`) and a gzip (`.gz`) copy beside it, and the
 * server sends whichever the browser accepts (server/http/static-files.ts).
 *
 * Why: the app's bundle is 0.7 MB of JavaScript and about a fifth of that
 * compressed. On a volunteer's home connection that difference is most of a
 * first visit's wait. Made at build time because brotli's best setting takes
 * a second or more on the bundle, which no request should wait for.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';

/** What the server sends as text (static-files.ts's types); images and fonts are compressed already. */
const COMPRESSIBLE = /\.(html|js|css|json|svg)$/;
/** Below this, a compressed copy saves less than the headers around it. */
const MIN_BYTES = 1024;

/** Writes `.br` and `.gz` beside every compressible file under `dir`, where they are smaller. */
export function precompressFolder(dir: string): void {
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const file = join(dir, name);
    if (!COMPRESSIBLE.test(file) || !statSync(file).isFile()) continue;
    const content = readFileSync(file);
    if (content.length < MIN_BYTES) continue;
    const brotli = brotliCompressSync(content, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
    });
    const gzip = gzipSync(content, { level: 9 });
    if (brotli.length < content.length) writeFileSync(`${file}.br`, brotli);
    if (gzip.length < content.length) writeFileSync(`${file}.gz`, gzip);
  }
}

/** The Vite plugin: compresses the whole output folder once everything (public/ included) is written. */
export function precompress(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'duet-precompress',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    closeBundle() {
      precompressFolder(resolve(config.root, config.build.outDir));
    },
  };
}
