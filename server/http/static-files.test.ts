/**
 * The built client's files over real HTTP, with the compressed copies the
 * build makes (scripts/precompress.ts) in a real folder.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { precompressFolder } from '../../scripts/precompress';
import Fastify from 'fastify';
import { clientFiles } from './static-files';

let dir: string;
let server: ReturnType<typeof Fastify>;
let base: string;
const bundle = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word ${i}`))};\n`;
const page = `<!doctype html><html><head><title>Duet</title></head><body>${'<div id="root"></div>'.repeat(80)}</body></html>`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duet-static-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), page);
  writeFileSync(join(dir, 'assets', 'index-AbCdEf12.js'), bundle);
  writeFileSync(join(dir, 'assets', 'small-AbCdEf12.js'), 'export {};\n');
  writeFileSync(join(dir, 'assets', 'logo.png'), Buffer.alloc(4096, 7));
  precompressFolder(dir);
  // The files' route alone, on a Fastify app of its own (the whole server: security-headers.test.ts).
  server = Fastify();
  clientFiles(server, dir);
  await server.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A GET with exactly these request headers; the body as sent (not decoded). */
function fetchRaw(path: string, acceptEncoding?: string): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(`${base}${path}`, { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('the built client over HTTP', () => {
  test("a browser that accepts brotli gets the build's brotli copy (Chromium's header: all at q=1, brotli is smaller)", async () => {
    const res = await fetchRaw('/assets/index-AbCdEf12.js', 'gzip, deflate, br, zstd');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers.vary).toBe('accept-encoding');
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.body.length).toBeLessThan(bundle.length / 3);
    expect(brotliDecompressSync(res.body).toString()).toBe(bundle);
  });

  test('gzip when only gzip is accepted, or brotli is refused', async () => {
    for (const header of ['gzip', 'br;q=0, gzip', 'gzip;q=1, br;q=0.5']) {
      const res = await fetchRaw('/assets/index-AbCdEf12.js', header);
      expect(res.headers['content-encoding'], header).toBe('gzip');
      expect(gunzipSync(res.body).toString()).toBe(bundle);
    }
  });

  test('the file itself when nothing compressed is accepted', async () => {
    for (const header of [undefined, 'identity', 'zstd', 'br;q=0, gzip;q=0']) {
      const res = await fetchRaw('/assets/index-AbCdEf12.js', header);
      expect(res.headers['content-encoding'], String(header)).toBeUndefined();
      expect(res.headers.vary).toBe('accept-encoding');
      expect(res.body.toString()).toBe(bundle);
    }
  });

  test('a client route gets index.html, compressed like the rest', async () => {
    const res = await fetchRaw('/articles/some-article', 'gzip, br');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(res.body).toString()).toBe(page);
  });

  test('files with no compressed copy (too small to gain, or compressed already) are sent as they are', async () => {
    expect(existsSync(join(dir, 'assets', 'small-AbCdEf12.js.br'))).toBe(false);
    expect(existsSync(join(dir, 'assets', 'logo.png.br'))).toBe(false);
    const small = await fetchRaw('/assets/small-AbCdEf12.js', 'gzip, br');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.headers.vary).toBeUndefined();
    expect(small.body.toString()).toBe('export {};\n');
    const logo = await fetchRaw('/assets/logo.png', 'gzip, br');
    expect(logo.headers['content-type']).toBe('image/png');
    expect(logo.headers['content-encoding']).toBeUndefined();
    expect(logo.body.equals(Buffer.alloc(4096, 7))).toBe(true);
  });
});
