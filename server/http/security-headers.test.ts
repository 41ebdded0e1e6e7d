/**
 * What browsers are told they may do with each kind of response, on the real
 * server: the client's page and files (from a small built client in a real
 * folder, with an inline script like the real index.html's), the API's JSON
 * and errors, and stored images. e2e/content-security-policy.test.ts shows
 * the real client running under the page's policy in Chromium.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pngImage, SVG_IMAGE } from '../testing/images';
import { startTestServer, type TestServer } from '../testing/test-server';

const EARLY_SCRIPT = "\n      window.__early = fetch('/api/me');\n    ";
const page = (script: string) =>
  `<!doctype html><html><head><script>${script}</script><script type="module" crossorigin src="/assets/index-AbCdEf12.js"></script></head><body><div id="root"></div></body></html>`;
/** What a browser compares a hash source with: the SHA-256 of the script's text, as UTF-8, in base64. */
const hashSource = (script: string) => `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;

let dir: string;
let server: TestServer;
let articleId: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duet-headers-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), page(EARLY_SCRIPT));
  writeFileSync(join(dir, 'assets', 'index-AbCdEf12.js'), 'export {};\n');
  writeFileSync(join(dir, 'sw.js'), "self.addEventListener('fetch', () => {});\n");
  server = await startTestServer({ clientDir: dir });
  articleId = server.importArticle('A paragraph.\n');
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A Content-Security-Policy as directive → sources. */
function directives(policy: string | null): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of (policy ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out[name.toLowerCase()] = sources;
  }
  return out;
}

function expectCommonHeaders(res: Response): void {
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('referrer-policy')).toBe('same-origin');
  expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
}

describe("the client's page and files", () => {
  test.each(['/', '/articles/abc', '/articles/abc/publish'])(
    "%s: scripts only from Duet and the page's own inline script by its hash, no framing",
    async (path) => {
      const res = await fetch(`${server.baseUrl}${path}`);
      expect(res.status).toBe(200);
      expectCommonHeaders(res);
      const policy = directives(res.headers.get('content-security-policy'));
      expect(policy['default-src']).toEqual(["'self'"]);
      expect(policy['script-src']).toEqual(["'self'", hashSource(EARLY_SCRIPT)]);
      expect(policy['style-src']).toEqual(["'self'"]);
      expect(policy['connect-src']).toEqual(["'self'"]);
      expect(policy['object-src']).toEqual(["'none'"]);
      expect(policy['base-uri']).toEqual(["'none'"]);
      expect(policy['frame-ancestors']).toEqual(["'none'"]);
      expect(Object.values(policy).flat()).not.toContain("'unsafe-inline'");
      expect(Object.values(policy).flat()).not.toContain("'unsafe-eval'");
    },
  );

  test('the bundle and the service worker carry the same policy (the worker runs under the one it was served with)', async () => {
    const pagePolicy = (await fetch(`${server.baseUrl}/`)).headers.get('content-security-policy');
    for (const path of ['/assets/index-AbCdEf12.js', '/sw.js']) {
      const res = await fetch(`${server.baseUrl}${path}`);
      expect(res.status).toBe(200);
      expectCommonHeaders(res);
      expect(res.headers.get('content-security-policy')).toBe(pagePolicy);
    }
  });

  test('a rebuild while the server runs gets a policy for its own inline script', async () => {
    const other = "\n      window.__early = 'rebuilt, longer than before';\n    ";
    writeFileSync(join(dir, 'index.html'), page(other));
    try {
      const policy = directives((await fetch(`${server.baseUrl}/`)).headers.get('content-security-policy'));
      expect(policy['script-src']).toEqual(["'self'", hashSource(other)]);
    } finally {
      writeFileSync(join(dir, 'index.html'), page(EARLY_SCRIPT));
    }
  });
});

describe('the API', () => {
  test.each([
    ['an answer', 'viewer', '/api/articles', 200],
    ['an error', 'viewer', '/api/no-such-route', 404],
    ['a refusal', null, '/api/articles', 401],
  ] as const)('%s, opened as a page, may load and run nothing', async (_what, role, path, status) => {
    const res = role ? await server.as(role, path) : await fetch(`${server.baseUrl}${path}`);
    expect(res.status).toBe(status);
    expectCommonHeaders(res);
    const policy = directives(res.headers.get('content-security-policy'));
    expect(policy['default-src']).toEqual(["'none'"]);
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
  });
});

describe('stored images', () => {
  test('are served as what they are, under a policy that runs nothing (sandboxed), never framed', async () => {
    const upload = await server.as('translator', `/api/articles/${articleId}/media`, {
      method: 'POST',
      headers: { 'content-type': 'image/png' },
      body: new Uint8Array(pngImage(3)),
    });
    const { media } = (await upload.json()) as { media: { url: string } };
    const res = await server.as('viewer', media.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expectCommonHeaders(res);
    const policy = directives(res.headers.get('content-security-policy'));
    expect(policy['default-src']).toEqual(["'none'"]);
    expect(policy['script-src']).toBeUndefined();
    expect(policy).toHaveProperty('sandbox');
  });

  test('an SVG, the image format that carries scripts, is never stored, so never served', async () => {
    const res = await server.as('translator', `/api/articles/${articleId}/media?filename=logo.svg`, {
      method: 'POST',
      headers: { 'content-type': 'image/svg+xml' },
      body: new Uint8Array(SVG_IMAGE),
    });
    expect(res.status).toBe(422);
    expectCommonHeaders(res);
  });
});
