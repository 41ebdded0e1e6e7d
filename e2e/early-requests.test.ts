/**
 * Before the app has loaded, the page has asked who is signed in and, at an
 * article's address, for its first rows; the app takes those answers once.
 * index.html's inline script itself runs against the real server, as a page
 * loaded at that address runs it (here in Node, so that the app's modules can
 * be asked what they take: the browser story in long-article-opens checks that
 * a real page asks from that script and nowhere else). The page's cookie is
 * the test account's API token; relative paths resolve against the server.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { OPENING_ROWS } from '../shared/article/opening';
import type { Role } from '../shared/protocol/roles';
import { startTestServer, type TestServer } from '../server/testing/test-server';
import { loadOpening, openingAsked, openingIfIn } from '../client/collab/opening';
import { askedEarly, earlyOr, earlySuccess } from '../client/api/early-requests';
import { ApiError } from '../client/api/http';

const INLINE_SCRIPT = /<script>([\s\S]*?)<\/script>/.exec(readFileSync(new URL('../client/index.html', import.meta.url), 'utf8'))![1]!;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

let page: { __duetEarly?: unknown };
beforeEach(() => {
  page = {};
  vi.stubGlobal('window', page);
});
afterEach(() => vi.unstubAllGlobals());

/** Loads a page at `pathname`: runs index.html's inline script with the browser's fetch, signed in as `role` (or not). */
function loadPageAt(pathname: string, role: Role | null, baseUrl = server.baseUrl): string[] {
  const asked: string[] = [];
  const pageFetch = (path: string, init: RequestInit) => {
    asked.push(path);
    const headers = new Headers(init.headers);
    if (role) headers.set('authorization', `Bearer ${server.accounts[role].token}`);
    return fetch(`${baseUrl}${path}`, { ...init, headers });
  };
  new Function('window', 'location', 'fetch', INLINE_SCRIPT)(Object.assign(page, { fetch: pageFetch }), { pathname }, pageFetch);
  return asked;
}

/** Until index.html's answer to `path` is in. */
async function answered(path: string): Promise<void> {
  const request = (page.__duetEarly as Record<string, { answer: Promise<unknown> }>)[path]!;
  await request.answer;
}

const article = () =>
  server.importArticle(`---\ntitle: "Early"\n---\n\n${Array.from({ length: OPENING_ROWS + 5 }, (_, i) => `Paragraph ${i + 1}.`).join('\n\n')}\n`);

describe('before the app has loaded, the page has asked who is signed in and for the first rows', () => {
  test("at an article's address: who is signed in and the opening rows, each answer taken once", async () => {
    const articleId = article();
    expect(loadPageAt(`/articles/${articleId}`, 'translator')).toEqual(['/api/me', `/api/articles/${articleId}/opening`]);
    expect(askedEarly('/api/me')).toBe(true);
    expect(openingAsked(articleId)).toBe(true);

    await answered('/api/me');
    expect(earlySuccess('/api/me')).toEqual({ body: { user: expect.objectContaining({ name: 'translator', role: 'translator' }) } });
    // Taken: asking again goes to the server.
    expect(earlySuccess('/api/me')).toBeUndefined();
    expect(askedEarly('/api/me')).toBe(false);

    const opening = await loadOpening(articleId, new AbortController().signal);
    expect(opening?.total).toBe(OPENING_ROWS + 5);
    expect(opening?.segments[0]!.target.textContent).toBe('Paragraph 1.');
    expect(openingAsked(articleId)).toBe(false);
  });

  test("the editor's first render reads the opening when it is in, and otherwise leaves it for loadOpening", async () => {
    const articleId = article();
    loadPageAt(`/articles/${articleId}`, 'translator');
    expect(openingIfIn(articleId)).toBeUndefined();
    expect(openingAsked(articleId)).toBe(true);
    await answered(`/api/articles/${articleId}/opening`);
    const opening = openingIfIn(articleId);
    expect(opening?.segments).toHaveLength(OPENING_ROWS);
    expect(openingAsked(articleId)).toBe(false);

    // An article that is not there: nothing to read at once; loadOpening says there is no opening.
    loadPageAt('/articles/nothing-here', 'translator');
    await answered('/api/articles/nothing-here/opening');
    expect(openingIfIn('nothing-here')).toBeUndefined();
    await expect(loadOpening('nothing-here', new AbortController().signal)).resolves.toBeNull();
  });

  test('anywhere else: only who is signed in', () => {
    expect(loadPageAt('/', 'viewer')).toEqual(['/api/me']);
    expect(loadPageAt('/articles/some-id/publish', 'viewer')).toEqual(['/api/me']);
  });

  test('an answer not yet in is not waited for: the first render goes on without it, and it stays for later', async () => {
    loadPageAt('/', 'reviewer');
    expect(earlySuccess('/api/me')).toBeUndefined();
    expect(askedEarly('/api/me')).toBe(true);
    await expect(earlyOr('/api/me', () => Promise.reject(new Error('asked the server again')))).resolves.toEqual({
      user: expect.objectContaining({ name: 'reviewer' }),
    });
  });

  test('signed out: the answer is left for the full check, which reports it as apiRequest would', async () => {
    loadPageAt('/', null);
    await answered('/api/me');
    expect(earlySuccess('/api/me')).toBeUndefined();
    const error = await earlyOr('/api/me', () => Promise.reject(new Error('asked the server again'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'unauthenticated', status: 401 });
    expect(askedEarly('/api/me')).toBe(false);
  });

  test('no answer at all (the server out of reach) is a network error, and an opening that is not there', async () => {
    // A port nothing listens on: the request is refused, as offline.
    const closed = await startTestServer();
    const unreachable = closed.baseUrl;
    await closed.close();
    loadPageAt('/articles/gone', 'translator', unreachable);
    await answered('/api/me');
    const error = await earlyOr('/api/me', () => Promise.reject(new Error('asked the server again'))).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'network', status: 0 });
    await expect(loadOpening('gone', new AbortController().signal)).resolves.toBeNull();
  });
});
