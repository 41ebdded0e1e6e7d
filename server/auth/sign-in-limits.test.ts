/**
 * How fast passwords may be tried at POST /api/login, on the real server with
 * real accounts (scrypt and all). The server's clock is the test's, so a wait
 * passes by moving it, never by sleeping. Requests go out from chosen loopback
 * addresses (127.0.0.2 is another client to the server), or, on a server told
 * it is behind a proxy, with a chosen X-Forwarded-For.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Role } from '../../shared/protocol/roles';
import { PASSWORD, prepareDataDir, startTestServer, type TestAccount, type TestServer } from '../testing/test-server';
import { DEFAULT_SIGN_IN_LIMITS } from './sign-in-throttle';

const { accountFromAddress, address: perAddress, account: perAccount, forgetAfterMs } = DEFAULT_SIGN_IN_LIMITS;

let server: TestServer;
let now = Date.parse('2026-03-02T09:00:00Z');
const clock = () => now;

// One data folder for all: each test's server is new (and so are its counts, kept in memory), its accounts are not.
let root: string;
let accounts: Record<Role, TestAccount>;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'duet-sign-in-'));
  accounts = await prepareDataDir(join(root, 'data'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => server?.close());

async function start(options: { trustProxy?: boolean } = {}): Promise<void> {
  now = Date.parse('2026-03-02T09:00:00Z');
  server = await startTestServer({ now: clock, dataDir: join(root, 'data'), accounts, ...options });
}

interface Answer {
  status: number;
  retryAfter: string | undefined;
  body: { error?: { code: string; message: string }; user?: { name: string } };
}

/** POST /api/login as the browser does, from `from` (a loopback address) and with `forwardedFor` if given. */
function signIn(name: string, password: string, { from = '127.0.0.1', forwardedFor }: { from?: string; forwardedFor?: string } = {}): Promise<Answer> {
  const body = JSON.stringify({ name, password });
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.baseUrl}/api/login`,
      {
        method: 'POST',
        localAddress: from,
        headers: {
          'content-type': 'application/json',
          'x-duet-csrf': '1',
          ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'], body: JSON.parse(text) as Answer['body'] }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function statuses(count: number, attempt: (i: number) => Promise<Answer>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push((await attempt(i)).status);
  return out;
}

const wrong = (i = 0) => `wrong password ${i}`;
const times = (n: number, status: number) => Array<number>(n).fill(status);

describe('guessing one account from one address', () => {
  test('fifty wrong passwords in a row: a few are checked, then each must wait, told how long in the API error shape', async () => {
    await start();
    // The free ones, then the one that starts the first wait (it is checked and counted too).
    const allowed = accountFromAddress.free + 1;
    expect(await statuses(50, (i) => signIn('translator', wrong(i)))).toEqual([...times(allowed, 401), ...times(50 - allowed, 429)]);

    const refused = await signIn('translator', wrong());
    const wait = accountFromAddress.firstDelayMs / 1000;
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBe(String(wait));
    expect(refused.body).toEqual({ error: { code: 'too_many_requests', message: `too many sign-in attempts: try again in ${wait} s` } });
    // While waiting, not even the right password is checked.
    expect((await signIn('translator', PASSWORD)).status).toBe(429);

    // Logged: each wrong password, and one line per wait however many attempts it refused.
    const lines = server.logs.filter((line) => line.startsWith('sign-in:'));
    expect(lines.filter((line) => line === 'sign-in: wrong name or password for "translator" from 127.0.0.1')).toHaveLength(allowed);
    expect(lines.filter((line) => line.includes('refused'))).toEqual([
      `sign-in: "translator" from 127.0.0.1 refused for ${wait} s after too many failed attempts`,
    ]);
  });

  test('each wait doubles up to the cap, and once it has passed the right password gets in', async () => {
    await start();
    for (let i = 0; i < accountFromAddress.free; i++) expect((await signIn('reviewer', wrong(i))).status).toBe(401);
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      expect((await signIn('reviewer', wrong(i))).status).toBe(401);
      const refused = await signIn('reviewer', wrong(i));
      expect(refused.status).toBe(429);
      waits.push(Number(refused.retryAfter));
      now += Number(refused.retryAfter) * 1000;
    }
    const expected = waits.map((_, i) => Math.min(accountFromAddress.maxDelayMs, accountFromAddress.firstDelayMs * 2 ** i) / 1000);
    expect(waits).toEqual(expected);
    // Capped at minutes: the account is slowed, never locked.
    expect(Math.max(...waits)).toBe(accountFromAddress.maxDelayMs / 1000);

    const signedIn = await signIn('reviewer', PASSWORD);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user?.name).toBe('reviewer');
  });

  test('attempts sent all at once are counted before their passwords are checked', async () => {
    await start();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn('translator', wrong(i))));
    const count = (status: number) => answers.filter((answer) => answer.status === status).length;
    expect(count(401)).toBe(accountFromAddress.free + 1);
    expect(count(429)).toBe(20 - accountFromAddress.free - 1);
  });

  test("a successful sign-in clears that account's count: a user who mistypes a few times is not held back after", async () => {
    await start();
    expect(await statuses(accountFromAddress.free, (i) => signIn('viewer', wrong(i)))).toEqual(times(accountFromAddress.free, 401));
    expect((await signIn('viewer', PASSWORD)).status).toBe(200);
    // The count starts again: as many free failures again, then a wait.
    expect(await statuses(accountFromAddress.free + 2, (i) => signIn('viewer', wrong(i)))).toEqual([...times(accountFromAddress.free + 1, 401), 429]);
  });

  test('a quarter of an hour without failures forgets them', async () => {
    await start();
    await statuses(accountFromAddress.free + 1, (i) => signIn('translator', wrong(i)));
    expect((await signIn('translator', wrong())).status).toBe(429);
    now += forgetAfterMs;
    expect(await statuses(accountFromAddress.free + 2, (i) => signIn('translator', wrong(i)))).toEqual([...times(accountFromAddress.free + 1, 401), 429]);
  });
});

describe('the real user is not held out by someone else guessing', () => {
  test('guesses from another address slow only that address', async () => {
    await start();
    await statuses(accountFromAddress.free + 10, (i) => signIn('translator', wrong(i), { from: '127.0.0.2' }));
    expect((await signIn('translator', wrong(), { from: '127.0.0.2' })).status).toBe(429);

    // The user, at their own address: a typo is just a typo, and the right password gets in.
    expect((await signIn('translator', wrong(), { from: '127.0.0.1' })).status).toBe(401);
    expect((await signIn('translator', PASSWORD, { from: '127.0.0.1' })).status).toBe(200);
    expect(server.logs).toContain('sign-in: wrong name or password for "translator" from 127.0.0.2');
  });

  test('guesses from many addresses make the account wait, briefly and capped, but not where its user signed in before', async () => {
    await start({ trustProxy: true });
    const home = '198.51.100.7';
    expect((await signIn('admin', PASSWORD, { forwardedFor: home })).status).toBe(200);

    // One guess from each of many addresses: no address sees more than one failure.
    let next = 0;
    const elsewhere = () => `10.0.${Math.floor(++next / 250)}.${next % 250}`;
    expect(await statuses(perAccount.free + 1, () => signIn('admin', wrong(), { forwardedFor: elsewhere() }))).toEqual(times(perAccount.free + 1, 401));
    const refused = await signIn('admin', wrong(), { forwardedFor: elsewhere() });
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBe(String(perAccount.firstDelayMs / 1000));

    // Kept up, the account's wait grows only to a short cap.
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) {
      now += Number((await signIn('admin', wrong(), { forwardedFor: elsewhere() })).retryAfter ?? 0) * 1000;
      expect((await signIn('admin', wrong(), { forwardedFor: elsewhere() })).status).toBe(401);
      waits.push(Number((await signIn('admin', wrong(), { forwardedFor: elsewhere() })).retryAfter));
    }
    expect(Math.max(...waits)).toBe(perAccount.maxDelayMs / 1000);

    // Meanwhile the admin, from where they signed in before, is not made to wait at all.
    expect((await signIn('admin', PASSWORD, { forwardedFor: home })).status).toBe(200);
  });

  test('one address trying many accounts (one password each) is slowed as a whole', async () => {
    await start();
    const names = Array.from({ length: perAddress.free + 2 }, (_, i) => `user${i}`);
    expect(await statuses(names.length, (i) => signIn(names[i]!, 'Spring2026!'))).toEqual([...times(perAddress.free + 1, 401), 429]);
    // Another client is not affected.
    expect((await signIn('translator', PASSWORD, { from: '127.0.0.2' })).status).toBe(200);

    // Signing in to an account of one's own between guesses does not reset the address's count: the next guess waits longer.
    now += perAddress.firstDelayMs;
    expect((await signIn('viewer', PASSWORD)).status).toBe(200);
    expect((await signIn('user99', 'Spring2026!')).status).toBe(401);
    const refused = await signIn('user100', 'Spring2026!');
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBe(String((perAddress.firstDelayMs * 2) / 1000));
  });
});

describe("the client's address", () => {
  test('X-Forwarded-For is not believed unless the server is told it is behind a proxy: a new value each time does not help', async () => {
    await start();
    const answers = await statuses(accountFromAddress.free + 3, (i) => signIn('translator', wrong(i), { forwardedFor: `192.0.2.${i + 1}` }));
    expect(answers).toEqual([...times(accountFromAddress.free + 1, 401), 429, 429]);
    expect(server.logs).toContain('sign-in: wrong name or password for "translator" from 127.0.0.1');
  });

  test('behind a proxy, the address it adds counts, not what the client wrote before it; an IPv6 client counts by its /64', async () => {
    await start({ trustProxy: true });
    // The client forges a new first entry each time; the proxy's entry (the last) is the same.
    const forged = await statuses(accountFromAddress.free + 2, (i) => signIn('translator', wrong(i), { forwardedFor: `192.0.2.${i + 1}, 198.51.100.20` }));
    expect(forged).toEqual([...times(accountFromAddress.free + 1, 401), 429]);

    const v6 = await statuses(accountFromAddress.free + 2, (i) => signIn('reviewer', wrong(i), { forwardedFor: `2001:db8:1:2::${(i + 1).toString(16)}` }));
    expect(v6).toEqual([...times(accountFromAddress.free + 1, 401), 429]);
    expect(server.logs).toContain('sign-in: wrong name or password for "reviewer" from 2001:db8:1:2::/64');
    // Another /64 is another client.
    expect((await signIn('reviewer', PASSWORD, { forwardedFor: '2001:db8:1:3::1' })).status).toBe(200);
  });
});
