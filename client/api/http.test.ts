import { describe, expect, test } from 'vitest';
import { ApiError, CSRF_HEADER, readApiResponse, requestHeaders } from './http';

const json = (body: unknown, status: number) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('requestHeaders', () => {
  test('marks unsafe requests with the CSRF header the server requires of cookie sessions', () => {
    expect(requestHeaders('POST', false)[CSRF_HEADER]).toBe('1');
    expect(requestHeaders('POST', true)).toMatchObject({ 'content-type': 'application/json', [CSRF_HEADER]: '1' });
  });

  test('leaves reads unmarked', () => {
    expect(requestHeaders('GET', false)).not.toHaveProperty(CSRF_HEADER);
  });
});

describe('readApiResponse', () => {
  test('returns the JSON body of a success', async () => {
    await expect(readApiResponse(json({ needed: true }, 200))).resolves.toEqual({ needed: true });
  });

  test("turns the API's error envelope into an ApiError with its code, message and status", async () => {
    const error = await rejection(readApiResponse(json({ error: { code: 'unauthenticated', message: 'wrong name or password' } }, 401)));
    expect(error).toMatchObject({ code: 'unauthenticated', message: 'wrong name or password', status: 401 });
  });

  test('treats an error code this client does not know as internal, keeping the message', async () => {
    const error = await rejection(readApiResponse(json({ error: { code: 'teapot', message: 'short and stout' } }, 418)));
    expect(error).toMatchObject({ code: 'internal', message: 'short and stout', status: 418 });
  });

  test("reports a proxy's HTML error page as an unexpected response, with the status", async () => {
    const error = await rejection(readApiResponse(new Response('<h1>Bad Gateway</h1>', { status: 502 })));
    expect(error.code).toBe('unexpected_response');
    expect(error.message).toContain('502');
  });

  test('reports a non-JSON success (an HTML fallback page) as an unexpected response', async () => {
    const error = await rejection(readApiResponse(new Response('<!doctype html>', { status: 200 })));
    expect(error.code).toBe('unexpected_response');
  });
});
