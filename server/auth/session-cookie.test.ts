/**
 * Behind a reverse proxy that terminates TLS, the session cookie is marked
 * Secure, so the browser never sends it over plain HTTP; a client cannot
 * claim HTTPS for itself when no proxy is trusted. Through the real server.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { PASSWORD, startTestServer, type TestServer } from '../testing/test-server';

let server: TestServer | undefined;
afterEach(() => server?.close());

async function signInCookie(headers: Record<string, string>): Promise<string> {
  const res = await fetch(`${server!.baseUrl}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-duet-csrf': '1', ...headers },
    body: JSON.stringify({ name: 'translator', password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie') ?? '';
}

describe('the session cookie over HTTPS', () => {
  test('is Secure when a trusted proxy says the browser came over HTTPS', async () => {
    server = await startTestServer({ trustProxy: true });
    expect(await signInCookie({ 'x-forwarded-proto': 'https' })).toMatch(/; Secure$/);
    expect(await signInCookie({ 'x-forwarded-proto': 'http' })).not.toMatch(/Secure/);
  });

  test('is not made Secure by a header any client can send, when no proxy is trusted', async () => {
    server = await startTestServer();
    expect(await signInCookie({ 'x-forwarded-proto': 'https' })).not.toMatch(/Secure/);
  });
});
