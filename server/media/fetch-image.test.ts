/** Fetching remote images from a local HTTP server: limits, redirects, and private addresses refused. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pngImage } from '../testing/images';
import { DEFAULT_FETCH_LIMITS, fetchImage, isPrivateAddress } from './fetch-image';

let server: Server;
let base: string;
const open = new Set<import('node:http').ServerResponse>();

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/a.png') return void res.end(pngImage(1));
    if (req.url === '/hop') return void res.writeHead(302, { location: '/a.png' }).end();
    if (req.url === '/loop') return void res.writeHead(302, { location: '/loop' }).end();
    if (req.url === '/big') return void res.end(Buffer.alloc(2048));
    if (req.url === '/file') return void res.writeHead(302, { location: 'file:///etc/passwd' }).end();
    if (req.url === '/slow') {
      open.add(res);
      res.writeHead(200, { 'content-type': 'image/png' });
      return void res.write(pngImage(2).subarray(0, 10));
    }
    res.writeHead(404).end('no');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const res of open) res.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const local = { ...DEFAULT_FETCH_LIMITS, allowPrivate: true };

describe('fetchImage', () => {
  test('downloads the bytes, following a redirect', async () => {
    const fetched = await fetchImage(`${base}/hop`, local);
    expect(Buffer.from(fetched.bytes).equals(pngImage(1))).toBe(true);
    expect(fetched.url).toBe(`${base}/a.png`);
  });

  test.each<[string, string, Partial<typeof local>, RegExp]>([
    ['an HTTP error', '/missing', {}, /answered HTTP 404/],
    ['too many redirects', '/loop', {}, /redirects more than 3 times/],
    ['a redirect to a file', '/file', {}, /only http\(s\) addresses/],
    ['a body over the limit', '/big', { maxBytes: 1024 }, /over/],
    ['a server that stops sending', '/slow', { timeoutMs: 300 }, /did not send the image within 0\.3 s/],
  ])('refuses %s', async (_name, path, limits, message) => {
    await expect(fetchImage(`${base}${path}`, { ...local, ...limits })).rejects.toThrow(message);
  });

  test.each([['file:///etc/passwd'], ['javascript:alert(1)'], ['not a url'], ['http://user:pw@example.org/a.png']])(
    'refuses the address %s',
    async (address) => {
      await expect(fetchImage(address, local)).rejects.toMatchObject({ code: 'invalid_input' });
    },
  );

  test('refuses loopback and private hosts unless allowed', async () => {
    await expect(fetchImage(`${base}/a.png`)).rejects.toThrow(/127\.0\.0\.1 is on a private or local network/);
    await expect(fetchImage(`${base.replace('127.0.0.1', 'localhost')}/a.png`)).rejects.toThrow(/localhost is on a private or local network/);
    await expect(fetchImage('http://[::1]:9/a.png')).rejects.toThrow(/::1 is on a private or local network/);
  });

  test.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.20.0.1', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['::', true],
    ['fd00::1', true],
    ['fe80::1', true],
    ['::ffff:127.0.0.1', true],
    ['93.184.216.34', false],
    ['2606:4700::1111', false],
  ])('%s is private: %s', (address, expected) => expect(isPrivateAddress(address)).toBe(expected));
});
