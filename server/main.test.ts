/** The HTTP API of a real server on port 0 with a real SQLite data folder. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, PASSWORD, type TestServer } from './testing/test-server';

let server: TestServer;
let id: string;
const POST = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  server = await startTestServer();
  id = server.importArticle('---\ntitle: "A post"\n---\n\nHello *world*.\n');
});
afterAll(() => server.close());

describe('the HTTP API', () => {
  test('answers health without signing in', async () => {
    const res = await fetch(`${server.baseUrl}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  test('refuses everything else without a session or token', async () => {
    const res = await fetch(`${server.baseUrl}/api/articles`);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('unauthenticated');
    expect((await fetch(`${server.baseUrl}/api/articles`, { headers: { authorization: 'Bearer duet_forged' } })).status).toBe(401);
  });

  test('lists stored articles with their progress, for any role', async () => {
    for (const role of ['admin', 'viewer'] as const) {
      const body = await (await server.as(role, '/api/articles')).json();
      expect(body.articles).toContainEqual(
        expect.objectContaining({ id, title: 'A post', segmentCount: 1, progress: { untranslated: 0, draft: 0, translated: 1, reviewed: 0, approved: 0 } }),
      );
    }
  });

  test('shows and exports an article', async () => {
    expect((await (await server.as('viewer', `/api/articles/${id}`)).json()).segments[0].target.markdown).toBe('Hello *world*.');
    const res = await server.as('viewer', `/api/articles/${id}/export`);
    expect(res.headers.get('content-type')).toMatch(/text\/markdown/);
    expect(await res.text()).toBe('---\ntitle: "A post"\n---\n\nHello *world*.\n');
  });

  test('translators and admins create and import articles; reviewers and viewers may not', async () => {
    const created = await server.as('translator', '/api/articles', POST({ title: 'Fresh' }));
    expect(created.status).toBe(201);
    const fresh = (await created.json()).id;
    expect(await (await server.as('translator', `/api/articles/${fresh}/export`)).text()).toBe('---\ntitle: "Fresh"\n---\n');

    const imported = await server.as('admin', '/api/articles', POST({ markdown: '# Heading\n\nText.\n' }));
    expect(imported.status).toBe(201);
    const importedId = (await imported.json()).id;
    expect(await (await server.as('admin', `/api/articles/${importedId}/export`)).text()).toBe('# Heading\n\nText.\n');

    for (const role of ['reviewer', 'viewer'] as const) {
      const res = await server.as(role, '/api/articles', POST({ title: 'No' }));
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('forbidden');
    }
  });

  test('bad requests get a clear error and change nothing', async () => {
    const before = (await (await server.as('admin', '/api/articles')).json()).articles.length;
    const cases: [RequestInit, number, string][] = [
      [POST({ markdown: '---\ntitle: "open\n---\n\nx\n' }), 422, 'invalid_input'],
      [POST({ markdown: '' }), 422, 'invalid_input'],
      [POST({ markdown: 42 }), 400, 'bad_request'],
      [{ method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' }, 400, 'bad_request'],
      [{ method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hi' }, 400, 'bad_request'],
      [POST({ markdown: 'x'.repeat(11 * 1024 * 1024) }), 413, 'too_large'],
    ];
    for (const [init, status, code] of cases) {
      const res = await server.as('admin', '/api/articles', init);
      expect(res.status).toBe(status);
      expect((await res.json()).error.code).toBe(code);
    }
    expect((await (await server.as('admin', '/api/articles')).json()).articles).toHaveLength(before);
    // Any body that is not JSON is refused, also by a route that reads no body (signing out).
    const plain = await server.as('admin', '/api/logout', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hi' });
    expect(plain.status).toBe(400);
    expect(await plain.json()).toEqual({ error: { code: 'bad_request', message: 'send the request body as application/json' } });
    expect((await server.as('admin', '/api/articles/nope')).status).toBe(404);
    expect((await server.as('admin', '/api/articles/nope/exists')).status).toBe(404);
    expect(await (await server.as('viewer', `/api/articles/${id}/exists`)).json()).toEqual({ id });
    expect(await (await server.as('admin', '/api/frobnicate')).json()).toEqual({ error: { code: 'not_found', message: 'no API route GET /api/frobnicate' } });
  });

  describe('browser sessions', () => {
    test('sign in with a password, use the cookie, sign out', async () => {
      const login = await fetch(`${server.baseUrl}/api/login`, {
        ...POST({ name: 'translator', password: PASSWORD }),
        headers: { 'content-type': 'application/json', 'x-duet-csrf': '1' },
      });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')!;
      expect(cookie).toMatch(/duet_session=[^;]+; .*HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      const session = cookie.split(';')[0]!;
      const me = await fetch(`${server.baseUrl}/api/me`, { headers: { cookie: session } });
      expect(await me.json()).toEqual({ user: expect.objectContaining({ name: 'translator', role: 'translator' }) });

      // An unsafe request on a cookie needs Duet's CSRF header: another site's form cannot send it.
      const forged = await fetch(`${server.baseUrl}/api/articles`, {
        ...POST({ title: 'CSRF' }),
        headers: { 'content-type': 'application/json', cookie: session },
      });
      expect(forged.status).toBe(403);
      const honest = await fetch(`${server.baseUrl}/api/articles`, {
        ...POST({ title: 'Mine' }),
        headers: { 'content-type': 'application/json', cookie: session, 'x-duet-csrf': '1' },
      });
      expect(honest.status).toBe(201);

      const logout = await fetch(`${server.baseUrl}/api/logout`, { method: 'POST', headers: { cookie: session, 'x-duet-csrf': '1' } });
      expect(logout.status).toBe(200);
      expect((await fetch(`${server.baseUrl}/api/me`, { headers: { cookie: session } })).status).toBe(401);
    });

    test('a wrong password is refused', async () => {
      const res = await fetch(`${server.baseUrl}/api/login`, {
        ...POST({ name: 'translator', password: 'wrong password!' }),
        headers: { 'content-type': 'application/json', 'x-duet-csrf': '1' },
      });
      expect(res.status).toBe(401);
      expect(res.headers.get('set-cookie')).toBeNull();
    });

    test('setup is closed once an admin exists', async () => {
      expect(await (await fetch(`${server.baseUrl}/api/setup`)).json()).toEqual({ needed: false });
      const res = await fetch(`${server.baseUrl}/api/setup`, {
        ...POST({ name: 'intruder', password: 'long enough pw' }),
        headers: { 'content-type': 'application/json', 'x-duet-csrf': '1' },
      });
      expect(res.status).toBe(409);
    });
  });

  test('serves index.html for client routes and never files outside the client folder', async () => {
    const res = await fetch(`${server.baseUrl}/articles/abc`);
    expect([200, 503]).toContain(res.status);
    expect((await fetch(`${server.baseUrl}/%E0%A4%A`)).status).toBe(400);
    const traversal = await (await fetch(`${server.baseUrl}/..%2f..%2fdata/duet.sqlite`)).text();
    expect(traversal).not.toContain('SQLite format');
  });
});

describe('first run', () => {
  test('with no admin, the setup form creates one and signs them in, once', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { startServer } = await import('./main');
    const running = await startServer({ dataDir: join(mkdtempSync(join(tmpdir(), 'duet-setup-')), 'data'), port: 0, log: () => {} });
    const base = `http://127.0.0.1:${running.port}`;
    try {
      expect(await (await fetch(`${base}/api/setup`)).json()).toEqual({ needed: true });
      const headers = { 'content-type': 'application/json', 'x-duet-csrf': '1' };
      const res = await fetch(`${base}/api/setup`, { method: 'POST', headers, body: JSON.stringify({ name: 'ada', password: 'a long password' }) });
      expect(res.status).toBe(201);
      const session = res.headers.get('set-cookie')!.split(';')[0]!;
      expect((await (await fetch(`${base}/api/me`, { headers: { cookie: session } })).json()).user.role).toBe('admin');
      const again = await fetch(`${base}/api/setup`, { method: 'POST', headers, body: JSON.stringify({ name: 'eve', password: 'a long password' }) });
      expect(again.status).toBe(409);
    } finally {
      await running.close();
    }
  });
});
