/**
 * The built client (dist/client), served with the right types. Unknown paths
 * that are not files get index.html, so the client's routes survive a reload.
 * A file's compressed copy (made by the build: scripts/precompress.ts) is sent
 * instead when the browser accepts it. Each file carries the page's
 * Content-Security-Policy, which allows index.html's inline script by its hash.
 *
 * Not @fastify/static: its `preCompressed` sends `Vary: Accept-Encoding` on
 * every file (also those with no compressed copy), types scripts
 * `application/javascript`, and adds ETag and Last-Modified; these few lines
 * say exactly what Duet sends, and static-files.test.ts pins it.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import negotiate from '@fastify/accept-negotiator';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { IncomingMessage } from 'node:http';
import type { DuetApp } from '../routing/duet-app';
import { inlineScriptHashes, pagePolicy } from './security-headers';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/** The build's compressed copies, best first, by the suffix it gives them. */
const COMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

/**
 * The copy of `file` to send for this request's Accept-Encoding: a compressed
 * one when accepted and built, or the file itself. `varies` when there was a choice.
 */
function chooseCopy(req: IncomingMessage, file: string): { path: string; encoding: string | null; varies: boolean } {
  const available = COMPRESSED.filter(({ suffix }) => existsSync(file + suffix));
  if (available.length === 0) return { path: file, encoding: null, varies: false };
  // The highest q the browser gives; ties (Chromium sends "gzip, deflate, br, zstd", all at q=1) go
  // to the first listed here, the smaller copy.
  const chosen = negotiate(
    req.headers['accept-encoding'] ?? '',
    available.map(({ encoding }) => encoding),
  );
  const copy = available.find(({ encoding }) => encoding === chosen);
  return { path: copy ? file + copy.suffix : file, encoding: copy?.encoding ?? null, varies: true };
}

/**
 * The page policy for the index.html in `index`, read again only when the
 * file changes: a rebuild while the server runs gets a policy that fits it.
 */
function pagePolicyOf(index: string): () => string {
  let kept: { version: string; policy: string } | null = null;
  return () => {
    // Gone between the check and here (a rebuild emptying the folder): the last policy, or one with no inline script.
    const stat = statSync(index, { throwIfNoEntry: false });
    if (!stat) return kept?.policy ?? pagePolicy([]);
    const version = `${stat.mtimeMs} ${stat.size}`;
    if (kept?.version !== version) kept = { version, policy: pagePolicy(inlineScriptHashes(readFileSync(index, 'utf8'))) };
    return kept.policy;
  };
}

/**
 * GET (and HEAD) of any path no other route has: a file of the built client,
 * or index.html. Registered last-resort by find-my-way's rules, not by order:
 * every /api path is matched by an API route or the API's catch-all first.
 */
export function clientFiles(app: DuetApp, root: string): void {
  const base = resolve(root);
  const index = join(base, 'index.html');
  const policy = pagePolicyOf(index);
  app.get('/*', async (request, reply) => {
    if (!existsSync(index)) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The Duet client is not built yet: run `npm run build` (or `npm start`, which builds first).\n');
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    } catch {
      return reply.code(400).type('text/plain; charset=utf-8').send('Malformed URL\n');
    }
    const file = resolve(base, normalize(`.${path}`));
    // Never serve outside the client folder, whatever the path says.
    const inside = file === base || file.startsWith(base + sep);
    const target = inside && existsSync(file) && statSync(file).isFile() ? file : index;
    const hashed = target !== index && /[.-][A-Za-z0-9_-]{8,}\.(js|css)$/.test(target);
    const copy = chooseCopy(request.raw, target);
    reply.headers({
      'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      // On every file, not only the page: the service worker (sw.js) runs under the policy it was served with.
      'content-security-policy': policy(),
      // Caches must keep the copies apart: the same URL answers differently by Accept-Encoding.
      ...(copy.varies ? { vary: 'accept-encoding' } : {}),
      ...(copy.encoding ? { 'content-encoding': copy.encoding } : {}),
    });
    return reply.send(createReadStream(copy.path));
  });
}
