/** Images stored with an article, through the real server: upload, serve, list, fetch, and every refusal storing nothing. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '../../shared/protocol/roles';
import { GIF_1PX, JPEG_1PX, pngImage, SVG_IMAGE, WEBP_1PX } from '../testing/images';
import { startTestServer, type TestServer } from '../testing/test-server';
import { MAX_MEDIA_BYTES, type MediaItem } from './media-store';

let server: TestServer;
let images: Server;
let imagesBase: string;
let articleId: string;

beforeAll(async () => {
  process.env.DUET_MEDIA_FETCH_PRIVATE = '1';
  server = await startTestServer();
  delete process.env.DUET_MEDIA_FETCH_PRIVATE;
  articleId = server.importArticle('<figure>\n  <img src="https://pic1.zhimg.com/a_b.jpg" alt="a"/>\n</figure>\n');
  images = createServer((req, res) => {
    if (req.url === '/photo.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(pngImage(77));
    if (req.url === '/moved') return void res.writeHead(301, { location: '/photo.png' }).end();
    if (req.url === '/drawing.svg') return void res.writeHead(200, { 'content-type': 'image/svg+xml' }).end(SVG_IMAGE);
    if (req.url === '/page.jpg') return void res.writeHead(200, { 'content-type': 'image/jpeg' }).end('<html>not really</html>');
    if (req.url === '/huge.png')
      return void res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.concat([pngImage(9), Buffer.alloc(MAX_MEDIA_BYTES)]));
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', resolve));
  imagesBase = `http://127.0.0.1:${(images.address() as AddressInfo).port}`;
});
afterAll(async () => {
  images.closeAllConnections();
  await new Promise((resolve) => images.close(resolve));
  await server.close();
});

const upload = (role: Role, bytes: Uint8Array, query = '', id = articleId, type = 'application/octet-stream') =>
  server.as(role, `/api/articles/${id}/media${query}`, { method: 'POST', headers: { 'content-type': type }, body: new Uint8Array(bytes) });
const fetchInto = (role: Role, url: string) =>
  server.as(role, `/api/articles/${articleId}/media/fetch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url }) });
const listed = async () => ((await (await server.as('viewer', `/api/articles/${articleId}/media`)).json()) as { media: MediaItem[] }).media;
const stored = () => (existsSync(join(server.dataDir, 'media')) ? readdirSync(join(server.dataDir, 'media')).sort() : []);
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

describe('uploading an image', () => {
  test('stores it by its content, serves it with its type, and lists it', async () => {
    const png = pngImage(42);
    const res = await upload('translator', png, '?filename=ward%20photo.png');
    expect(res.status).toBe(201);
    const { media } = (await res.json()) as { media: MediaItem };
    expect(media).toMatchObject({ type: 'image/png', size: png.length, filename: 'ward photo.png', createdBy: 'translator' });
    expect(media.name).toMatch(/^[0-9a-f]{64}\.png$/);
    expect(media.url).toBe(`/api/articles/${articleId}/media/${media.name}`);
    expect(readFileSync(join(server.dataDir, 'media', media.name)).equals(png)).toBe(true);

    const served = await server.as('viewer', media.url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
    const again = await server.as('viewer', media.url, { headers: { 'if-none-match': served.headers.get('etag')! } });
    expect(again.status).toBe(304);

    expect((await listed()).map((item) => item.name)).toContain(media.name);
  });

  test('the same image twice is stored once', async () => {
    const first = (await (await upload('admin', pngImage(7))).json()) as { media: MediaItem };
    const before = stored();
    const res = await upload('translator', pngImage(7));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { media: MediaItem }).media.name).toBe(first.media.name);
    expect(stored()).toEqual(before);
  });

  test.each([
    ['a JPEG', JPEG_1PX, 'image/jpeg', 'jpg'],
    ['a GIF sent as image/png', GIF_1PX, 'image/gif', 'gif'],
    ['a WebP', WEBP_1PX, 'image/webp', 'webp'],
  ])('knows %s by its bytes', async (_name, bytes, type, extension) => {
    const res = await upload('translator', bytes, '', articleId, 'image/png');
    const { media } = (await res.json()) as { media: MediaItem };
    expect(media.type).toBe(type);
    expect(media.name.endsWith(`.${extension}`)).toBe(true);
    expect((await server.as('viewer', media.url)).headers.get('content-type')).toBe(type);
  });

  const refusals: [string, Role, Uint8Array, string, number, RegExp][] = [
    ['an SVG', 'translator', SVG_IMAGE, '?filename=logo.svg', 422, /"logo\.svg" is an SVG image; SVG is not accepted/],
    [
      'a text file named like a photo',
      'translator',
      Buffer.from('GIF? no, just text'),
      '?filename=photo.jpg',
      422,
      /"photo\.jpg" is not a PNG, JPEG, GIF or WebP image/,
    ],
    ['HTML pretending to be a PNG', 'admin', Buffer.from('<html><script>alert(1)</script></html>'), '', 422, /not a PNG, JPEG, GIF or WebP/],
    ['an empty body', 'translator', new Uint8Array(0), '', 422, /is empty/],
    ['an image over 10 MiB', 'translator', Buffer.concat([pngImage(3), Buffer.alloc(MAX_MEDIA_BYTES)]), '', 413, /over 10485760 bytes/],
    ['a reviewer', 'reviewer', pngImage(4), '', 403, /reviewer may not POST/],
    ['a viewer', 'viewer', pngImage(5), '', 403, /viewer may not POST/],
  ];
  test.each(refusals)('refuses %s, storing nothing', async (_name, role, bytes, query, status, message) => {
    const [beforeList, beforeFiles] = [await listed(), stored()];
    const res = await upload(role, bytes, query);
    expect(res.status).toBe(status);
    expect((await errorOf(res)).message).toMatch(message);
    expect(await listed()).toEqual(beforeList);
    expect(stored()).toEqual(beforeFiles);
  });

  test('an unknown article is not found', async () => {
    const res = await upload('admin', pngImage(6), '', 'nosucharticle');
    expect(res.status).toBe(404);
    expect((await server.as('viewer', '/api/articles/nosucharticle/media')).status).toBe(404);
  });
});

describe('serving', () => {
  test.each([
    ['a name that is no stored image', `${'0'.repeat(64)}.png`],
    ['a path out of the folder', '..%2F..%2Fduet.sqlite'],
    ['the database', 'duet.sqlite'],
    ['an SVG name', `${'a'.repeat(64)}.svg`],
  ])('%s is not found', async (_name, name) => {
    const res = await server.as('viewer', `/api/articles/${articleId}/media/${name}`);
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe('not_found');
  });

  test("another article's image is not served under this article", async () => {
    const { media } = (await (await upload('admin', pngImage(11))).json()) as { media: MediaItem };
    const other = server.importArticle('Other.\n');
    expect((await server.as('viewer', `/api/articles/${other}/media/${media.name}`)).status).toBe(404);
  });

  test('signing in is required', async () => {
    const [item] = await listed();
    expect((await fetch(`${server.baseUrl}${item!.url}`)).status).toBe(401);
  });
});

describe('storing a remote image', () => {
  test('downloads it (after a redirect) and stores it like an upload', async () => {
    const res = await fetchInto('translator', `${imagesBase}/moved`);
    expect(res.status).toBe(201);
    const { media } = (await res.json()) as { media: MediaItem };
    expect(media).toMatchObject({ type: 'image/png', sourceUrl: `${imagesBase}/photo.png`, filename: 'photo.png', createdBy: 'translator' });
    expect(Buffer.from(await (await server.as('viewer', media.url)).arrayBuffer()).equals(pngImage(77))).toBe(true);
  });

  test.each<[string, Role, string, number, RegExp]>([
    ['an SVG', 'translator', '/drawing.svg', 422, /SVG is not accepted/],
    ['HTML served as a JPEG', 'translator', '/page.jpg', 422, /not a PNG, JPEG, GIF or WebP/],
    ['an image over 10 MiB', 'translator', '/huge.png', 413, /over 10 MiB/],
    ['a missing image', 'translator', '/nothing.png', 422, /answered HTTP 404/],
    ['a reviewer', 'reviewer', '/photo.png', 403, /may not POST/],
  ])('refuses %s, storing nothing', async (_name, role, path, status, message) => {
    const [beforeList, beforeFiles] = [await listed(), stored()];
    const res = await fetchInto(role, `${imagesBase}${path}`);
    expect(res.status).toBe(status);
    expect((await errorOf(res)).message).toMatch(message);
    expect(await listed()).toEqual(beforeList);
    expect(stored()).toEqual(beforeFiles);
  });

  test('refuses addresses that are not http(s)', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.org/a.png', '/relative.png']) {
      const res = await fetchInto('admin', url);
      expect(res.status).toBe(422);
    }
    const res = await server.as('admin', `/api/articles/${articleId}/media/fetch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect((await errorOf(res)).message).toMatch(/"url" is required/);
  });
});
