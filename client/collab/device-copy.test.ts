/**
 * The device copy in real Chromium (IndexedDB exists only in a browser):
 * device-copy.browser.ts bundled with esbuild and served from 127.0.0.1.
 * The e2e stories cover it inside the app (offline-editing.test.ts); this
 * covers what they do not reach: compaction beside another tab, writes before
 * the database is open, the flush when the page is hidden.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../e2e/support/chromium';

let server: Server;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./device-copy.browser.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
  });
  const script = bundle.outputFiles[0]!.text;
  server = createServer((request, response) => {
    response.setHeader('content-type', request.url === '/copy.js' ? 'text/javascript' : 'text/html');
    response.end(request.url === '/copy.js' ? script : '<script src="/copy.js"></script>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

type Window = Record<string, (name: string) => Promise<unknown>>;
const run = <T>(step: string, name: string) => page.evaluate(([step, name]) => (window as unknown as Window)[step]!(name), [step, name] as const) as Promise<T>;

describe('the device copy', () => {
  test('a long offline session is compacted to one entry, keeping what another tab wrote meanwhile', async () => {
    const result = await run<Record<string, unknown>>('longSession', 'long');
    expect(result.typed).toBe(520); // offline: each change written at once
    expect(result.tabRead).toBe(520);
    expect(result.compacted).toBe(1);
    expect(result.firstHasTab).toBe('from the other tab'); // read back before compacting
    expect(result.read).toBe(true);
    expect(result.reloaded).toEqual([520, 'from the other tab']);
    expect(pageErrors).toEqual([]);
  });

  test('a change made before the database is open is stored', async () => {
    expect(await run<string>('beforeOpen', 'early')).toBe('before open');
  });

  test('flush writes what waits for the frame', async () => {
    expect(await run<number>('flushed', 'flushed')).toBe(1);
  });
});
