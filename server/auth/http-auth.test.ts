/**
 * Authentication, CSRF and websocket origin checks on a real HTTP server with
 * a real SQLite accounts database, exercised with fetch, raw http requests
 * (to choose the Host header) and a real websocket client.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket, WebSocketServer } from 'ws';
import { DuetError } from '../../shared/protocol/errors';
import { STATUS_OF } from '../http/api-errors';
import { openDatabase, type Db } from '../store/database';
import { Accounts } from './accounts';
import { authenticate, checkCsrf, checkWebsocketOrigin, clearedSessionCookie, CSRF_HEADER, readCookie, SESSION_COOKIE, sessionCookie } from './http-auth';

let dir: string;
let db: Db;
let accounts: Accounts;
let server: Server;
let base: string;
let port: number;
let ada: { apiToken: string; session: string };
let tomSession: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duet-http-auth-'));
  db = openDatabase(join(dir, 'duet.sqlite'));
  accounts = new Accounts(db);
  const added = await accounts.addUser('ada', 'admin', 'ada password 1');
  ada = { apiToken: added.apiToken, session: accounts.createSession(added.user.id).token };
  const tom = await accounts.addUser('tom', 'translator');
  tomSession = accounts.createSession(tom.user.id).token;

  const sockets = new WebSocketServer({ noServer: true });
  // A miniature of how the API uses these functions (server/http/access.ts): /login and /logout
  // set and clear the cookie; every other path reports who is asking.
  const sendJson = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      if (req.url === '/login') {
        const user = await accounts.verifyPassword('ada', 'ada password 1');
        const { token, expiresAt } = accounts.createSession(user!.id);
        res.setHeader('set-cookie', sessionCookie(token, expiresAt, req.headers['x-test-secure'] === '1'));
        return sendJson(res, 200, { ok: true });
      }
      const auth = authenticate(req, accounts);
      if (!auth) throw new DuetError('unauthenticated', 'log in first');
      checkCsrf(req, auth.via);
      if (req.url === '/logout') {
        accounts.deleteSession(readCookie(req.headers.cookie, SESSION_COOKIE) ?? '');
        res.setHeader('set-cookie', clearedSessionCookie());
      }
      sendJson(res, 200, { name: auth.user.name, via: auth.via });
    } catch (error) {
      if (!(error instanceof DuetError)) throw error;
      sendJson(res, STATUS_OF[error.code], error.toBody());
    }
  };
  // Anything but a DuetError is a bug in the test: it surfaces as an unhandled rejection.
  server = createServer((req, res) => void handle(req, res));
  server.on('upgrade', (req, socket, head) => {
    const auth = authenticate(req, accounts);
    if (!auth || !checkWebsocketOrigin(req, auth.via)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => ws.send(`${auth.user.name} via ${auth.via}`));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const cookie = (token: string) => `${SESSION_COOKIE}=${token}`;

async function call(
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; body: { name?: string; via?: string; error?: { code: string; message: string } } }> {
  const res = await fetch(base + path, init);
  return { status: res.status, body: await res.json() };
}

/** A raw request, for headers fetch will not let a caller choose (Host). */
function rawRequest(method: string, headers: IncomingHttpHeaders): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path: '/', headers }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('who is asking', () => {
  test('a bearer API token authenticates as its user, via token', async () => {
    expect(await call('/', { headers: { authorization: `Bearer ${ada.apiToken}` } })).toEqual({ status: 200, body: { name: 'ada', via: 'token' } });
    expect((await call('/', { headers: { authorization: `bearer  ${ada.apiToken}` } })).body.name).toBe('ada');
  });

  test('the session cookie authenticates as its user, via session, wherever it sits in the Cookie header', async () => {
    expect(await call('/', { headers: { cookie: cookie(ada.session) } })).toEqual({ status: 200, body: { name: 'ada', via: 'session' } });
    const crowded = `theme=dark; other_session=abc;${SESSION_COOKIE}=${tomSession} ; lang="en=GB"`;
    expect((await call('/', { headers: { cookie: crowded } })).body).toEqual({ name: 'tom', via: 'session' });
    expect((await call('/', { headers: { cookie: `${SESSION_COOKIE}="${tomSession}"` } })).body.name).toBe('tom');
  });

  test('a cookie whose name merely contains or extends the session cookie name is not the session cookie', async () => {
    for (const header of [`x${cookie(ada.session)}`, `${SESSION_COOKIE}2=${ada.session}`, `${SESSION_COOKIE}`]) {
      expect((await call('/', { headers: { cookie: header } })).status).toBe(401);
    }
  });

  test('the bearer token comes first: with both, the token decides', async () => {
    const both = { authorization: `Bearer ${ada.apiToken}`, cookie: cookie(tomSession) };
    expect((await call('/', { headers: both })).body).toEqual({ name: 'ada', via: 'token' });
  });

  test('a bearer token that does not work is refused even when a valid cookie is present', async () => {
    const res = await call('/', { headers: { authorization: 'Bearer duet_revoked', cookie: cookie(tomSession) } });
    expect(res.status).toBe(401);
    expect((await call('/', { headers: { authorization: 'Bearer', cookie: cookie(tomSession) } })).status).toBe(401);
  });

  test('another Authorization scheme (a proxy’s Basic auth) leaves the cookie in charge', async () => {
    const headers = { authorization: `Basic ${Buffer.from('proxy:secret').toString('base64')}`, cookie: cookie(tomSession) };
    expect((await call('/', { headers })).body).toEqual({ name: 'tom', via: 'session' });
  });

  test('no credentials, an unknown session and a session token sent as a bearer token are all unauthenticated', async () => {
    expect((await call('/')).status).toBe(401);
    expect((await call('/', { headers: { cookie: cookie('forged') } })).status).toBe(401);
    expect((await call('/', { headers: { authorization: `Bearer ${ada.session}` } })).status).toBe(401);
    expect((await call('/')).body.error?.code).toBe('unauthenticated');
  });
});

describe('session cookies', () => {
  test('logging in sets an HttpOnly, SameSite=Lax cookie for the whole site that works on the next request', async () => {
    const res = await fetch(`${base}/login`, { method: 'POST' });
    const [setCookie, ...more] = res.headers.getSetCookie();
    expect(more).toEqual([]);
    expect(setCookie).toMatch(
      new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43}; Path=/; Expires=\\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT; HttpOnly; SameSite=Lax$`),
    );
    const expires = Date.parse(/Expires=([^;]+)/.exec(setCookie!)![1]!);
    expect(expires - Date.now()).toBeGreaterThan(29 * 24 * 3600 * 1000);
    expect(expires - Date.now()).toBeLessThanOrEqual(30 * 24 * 3600 * 1000);
    const token = readCookie(setCookie!.split(';')[0], SESSION_COOKIE)!;
    expect((await call('/', { headers: { cookie: cookie(token) } })).body.name).toBe('ada');
  });

  test('the cookie is marked Secure only when asked', async () => {
    const res = await fetch(`${base}/login`, { method: 'POST', headers: { 'x-test-secure': '1' } });
    expect(res.headers.getSetCookie()[0]).toMatch(/; HttpOnly; SameSite=Lax; Secure$/);
    expect(sessionCookie('t', '2024-03-31T12:00:00.000Z', false)).toBe(
      `${SESSION_COOKIE}=t; Path=/; Expires=Sun, 31 Mar 2024 12:00:00 GMT; HttpOnly; SameSite=Lax`,
    );
  });

  test('logging out clears the cookie and ends the session on the server', async () => {
    const { token } = accounts.createSession(accounts.listUsers().find((user) => user.name === 'ada')!.id);
    const res = await fetch(`${base}/logout`, { method: 'POST', headers: { cookie: cookie(token), [CSRF_HEADER]: '1' } });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()).toEqual([clearedSessionCookie()]);
    expect(clearedSessionCookie()).toMatch(new RegExp(`^${SESSION_COOKIE}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0`));
    expect((await call('/', { headers: { cookie: cookie(token) } })).status).toBe(401);
  });
});

describe('CSRF: unsafe requests authenticated by cookie', () => {
  test.each(['GET', 'HEAD', 'OPTIONS'])('%s needs no CSRF header', async (method) => {
    const res = await fetch(base, { method, headers: { cookie: cookie(ada.session), origin: 'https://evil.example' } });
    expect(res.status).toBe(200);
  });

  test.each(['POST', 'PUT', 'PATCH', 'DELETE'])('%s without the CSRF header is forbidden', async (method) => {
    const res = await call('/', { method, headers: { cookie: cookie(ada.session) } });
    expect(res.status).toBe(403);
    expect(res.body.error?.code).toBe('forbidden');
    expect(res.body.error?.message).toMatch(/x-duet-csrf: 1/);
  });

  test('the CSRF header must be exactly 1', async () => {
    expect((await call('/', { method: 'POST', headers: { cookie: cookie(ada.session), [CSRF_HEADER]: 'yes' } })).status).toBe(403);
  });

  test('with the CSRF header and no Origin (a non-browser client), the request goes through', async () => {
    const res = await call('/', { method: 'POST', headers: { cookie: cookie(ada.session), [CSRF_HEADER]: '1' } });
    expect(res).toEqual({ status: 200, body: { name: 'ada', via: 'session' } });
  });

  test('with the CSRF header and Duet’s own Origin, the request goes through', async () => {
    const res = await call('/', { method: 'DELETE', headers: { cookie: cookie(ada.session), [CSRF_HEADER]: '1', origin: base } });
    expect(res.status).toBe(200);
  });

  test.each([
    ['another site', 'https://evil.example'],
    ['another port on the same host', 'http://127.0.0.1:1'],
    ['a look-alike host', 'http://127.0.0.1.evil.example'],
    ['an opaque origin', 'null'],
    ['garbage', 'not a url'],
  ])('with the CSRF header but an Origin from %s, the request is forbidden', async (_label, origin) => {
    const res = await call('/', { method: 'POST', headers: { cookie: cookie(ada.session), [CSRF_HEADER]: '1', origin } });
    expect(res.status).toBe(403);
    expect(res.body.error?.message).toMatch(/may not change data here/);
  });

  test('token-authenticated requests need neither the CSRF header nor a matching Origin', async () => {
    const headers = { authorization: `Bearer ${ada.apiToken}`, origin: 'https://evil.example' };
    expect(await call('/', { method: 'POST', headers })).toEqual({ status: 200, body: { name: 'ada', via: 'token' } });
  });
});

describe('matching Origin to Host', () => {
  const post = (host: string, origin: string) => rawRequest('POST', { host, origin, cookie: cookie(ada.session), [CSRF_HEADER]: '1' });

  test.each([
    ['duet.example', 'https://duet.example'],
    ['duet.example:443', 'https://duet.example'],
    ['duet.example', 'http://duet.example:80'],
    ['Duet.Example:8443', 'https://duet.example:8443'],
    // Behind a TLS-terminating proxy the server sees plain HTTP; the scheme is not compared.
    ['duet.example:8080', 'https://duet.example:8080'],
    ['[::1]:5173', 'http://[::1]:5173'],
  ])('Host %s matches Origin %s', async (host, origin) => {
    expect(await post(host, origin)).toBe(200);
  });

  test.each([
    ['duet.example', 'https://duet.example:8443'],
    ['duet.example:443', 'http://duet.example'],
    ['duet.example', 'https://www.duet.example'],
    ['evil.example@duet.example', 'https://duet.example'],
    ['duet.example/path', 'https://duet.example'],
  ])('Host %s does not match Origin %s', async (host, origin) => {
    expect(await post(host, origin)).toBe(403);
  });
});

describe('websocket upgrades', () => {
  function connect(headers: Record<string, string>, origin?: string): Promise<string> {
    return new Promise((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/collab`, { headers, ...(origin ? { origin } : {}) });
      ws.on('message', (data) => {
        resolve(String(data));
        ws.close();
      });
      ws.on('unexpected-response', (_req, res) => resolve(`refused ${res.statusCode}`));
      ws.on('error', (error) => resolve(`error ${error.message}`));
    });
  }

  test('a cookie-authenticated upgrade from Duet’s own origin is accepted', async () => {
    expect(await connect({ cookie: cookie(ada.session) }, base)).toBe('ada via session');
  });

  test('a cookie-authenticated upgrade from another origin is refused (cross-site websocket hijacking)', async () => {
    expect(await connect({ cookie: cookie(ada.session) }, 'https://evil.example')).toBe('refused 403');
    expect(await connect({ cookie: cookie(ada.session) }, 'null')).toBe('refused 403');
  });

  test('a cookie-authenticated upgrade without Origin is not from a browser page, so it is accepted', async () => {
    expect(await connect({ cookie: cookie(ada.session) })).toBe('ada via session');
  });

  test('a token-authenticated upgrade is accepted from any origin', async () => {
    expect(await connect({ authorization: `Bearer ${ada.apiToken}` }, 'https://elsewhere.example')).toBe('ada via token');
  });
});

describe('reading cookies', () => {
  test('the first of repeated names wins, and percent-escapes are decoded when valid', () => {
    expect(readCookie('a=1; a=2', 'a')).toBe('1');
    expect(readCookie('a=x%20y', 'a')).toBe('x y');
    expect(readCookie('a=100%', 'a')).toBe('100%');
    expect(readCookie('a=b=c', 'a')).toBe('b=c');
    expect(readCookie('a=', 'a')).toBe('');
    expect(readCookie(undefined, 'a')).toBeUndefined();
    expect(readCookie('b=1', 'a')).toBeUndefined();
  });
});
