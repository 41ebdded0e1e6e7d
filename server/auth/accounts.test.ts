/** Accounts on a real SQLite file: users, passwords, sessions and API tokens. */
import { afterEach, describe, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuetError } from '../../shared/protocol/errors';
import { openDatabase, type Db } from '../store/database';
import { Accounts, SESSION_LIFETIME_MS } from './accounts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function openDb(): Db {
  const dir = mkdtempSync(join(tmpdir(), 'duet-accounts-'));
  const db = openDatabase(join(dir, 'duet.sqlite'));
  cleanups.push(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return db;
}

/** Accounts with a clock the test moves by hand. */
function setup(start = new Date('2024-03-01T12:00:00.000Z')) {
  const db = openDb();
  let now = start.getTime();
  const accounts = new Accounts(db, { now: () => new Date(now) });
  return { db, accounts, advance: (ms: number) => void (now += ms) };
}

async function expectDuetError(promise: Promise<unknown> | (() => unknown), code: string, message: RegExp): Promise<void> {
  let caught: unknown;
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DuetError);
  expect((caught as DuetError).code).toBe(code);
  expect((caught as DuetError).message).toMatch(message);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('users', () => {
  test('adding a user returns its password and first API token once, and stores neither in plain', async () => {
    const { db, accounts } = setup();
    const { user, password, apiToken } = await accounts.addUser('ada', 'admin');
    expect(user).toEqual({ id: expect.any(String), name: 'ada', role: 'admin', createdAt: '2024-03-01T12:00:00.000Z' });
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(apiToken).toMatch(/^duet_[A-Za-z0-9_-]{43}$/);

    const dump = JSON.stringify([db.prepare('SELECT * FROM users').all(), db.prepare('SELECT * FROM api_tokens').all()]);
    expect(dump).not.toContain(password);
    expect(dump).not.toContain(apiToken);
    expect(dump).toContain(sha256(apiToken));
    expect(await accounts.verifyPassword('ada', password)).toEqual(user);
    expect(accounts.userForApiToken(apiToken)).toEqual(user);
  });

  test('a chosen password is used as given', async () => {
    const { accounts } = setup();
    const { password } = await accounts.addUser('tom', 'translator', 'a long enough password');
    expect(password).toBe('a long enough password');
    expect(await accounts.verifyPassword('tom', 'a long enough password')).not.toBeNull();
  });

  test('users are listed by name, looked up by id, and the admin is noticed', async () => {
    const { accounts } = setup();
    expect(accounts.listUsers()).toEqual([]);
    expect(accounts.hasAdmin()).toBe(false);
    const { user: zoe } = await accounts.addUser('zoe', 'viewer');
    const { user: ada } = await accounts.addUser('Ada', 'reviewer');
    expect(accounts.hasAdmin()).toBe(false);
    await accounts.addUser('bob', 'admin');
    expect(accounts.hasAdmin()).toBe(true);
    expect(accounts.listUsers().map((user) => `${user.name}:${user.role}`)).toEqual(['Ada:reviewer', 'bob:admin', 'zoe:viewer']);
    expect(accounts.getUser(zoe.id)).toEqual(zoe);
    expect(accounts.getUser(ada.id)?.name).toBe('Ada');
    expect(accounts.getUser('nobody')).toBeNull();
  });

  test('names are unique ignoring case, and the first spelling is kept', async () => {
    const { accounts } = setup();
    await accounts.addUser('Maria', 'translator');
    await expectDuetError(accounts.addUser('maria', 'reviewer'), 'conflict', /"maria" is already taken/);
    await expectDuetError(accounts.addUser('MARIA', 'reviewer'), 'conflict', /already taken/);
    expect(accounts.listUsers().map((user) => user.name)).toEqual(['Maria']);
  });

  test('two requests racing for one name: exactly one wins', async () => {
    const { accounts } = setup();
    const results = await Promise.allSettled([accounts.addUser('race', 'viewer'), accounts.addUser('RACE', 'viewer')]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect((rejected.reason as DuetError).code).toBe('conflict');
    expect(accounts.listUsers()).toHaveLength(1);
  });

  test.each([
    ['an empty name', ''],
    ['a name with a space', 'ada lovelace'],
    ['a name with a slash', 'a/b'],
    ['a name with non-ASCII letters', 'émile'],
    ['a 41-character name', 'a'.repeat(41)],
  ])('%s is refused as a bad request', async (_label, name) => {
    const { accounts } = setup();
    await expectDuetError(accounts.addUser(name, 'viewer'), 'bad_request', /1 to 40 letters, digits/);
    expect(accounts.listUsers()).toEqual([]);
  });

  test('names may use letters, digits, dot, underscore and hyphen up to 40 characters', async () => {
    const { accounts } = setup();
    const name = 'A.b_c-9'.padEnd(40, 'x');
    expect((await accounts.addUser(name, 'viewer')).user.name).toBe(name);
  });

  test('an unknown role and a too-short chosen password are bad requests', async () => {
    const { accounts } = setup();
    await expectDuetError(accounts.addUser('ada', 'owner'), 'bad_request', /admin, translator, reviewer, viewer; "owner" is not/);
    await expectDuetError(accounts.addUser('ada', 'admin', 'short'), 'bad_request', /at least 10 characters/);
    expect(accounts.listUsers()).toEqual([]);
  });

  test('removing a user, by name in any case', async () => {
    const { accounts } = setup();
    await accounts.addUser('ada', 'admin');
    const { user } = await accounts.addUser('Tom', 'translator');
    expect(accounts.removeUser('tom')).toEqual(user);
    expect(accounts.listUsers().map((u) => u.name)).toEqual(['ada']);
    expect(accounts.getUser(user.id)).toBeNull();
  });

  test('removing an unknown user is not_found', async () => {
    const { accounts } = setup();
    await expectDuetError(() => accounts.removeUser('ghost'), 'not_found', /no user named "ghost"/);
  });

  test('the last admin cannot be removed, but one of two can', async () => {
    const { accounts } = setup();
    await accounts.addUser('ada', 'admin');
    await accounts.addUser('tom', 'translator');
    await expectDuetError(() => accounts.removeUser('ada'), 'conflict', /last admin/);
    await accounts.addUser('bob', 'admin');
    accounts.removeUser('ada');
    await expectDuetError(() => accounts.removeUser('bob'), 'conflict', /last admin/);
    expect(accounts.listUsers().map((u) => u.name)).toEqual(['bob', 'tom']);
  });

  test('accounts survive closing and reopening the database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duet-accounts-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const first = openDatabase(join(dir, 'duet.sqlite'));
    const { password, apiToken } = await new Accounts(first).addUser('ada', 'admin');
    first.close();
    const second = openDatabase(join(dir, 'duet.sqlite'));
    cleanups.push(() => second.close());
    const accounts = new Accounts(second);
    expect((await accounts.verifyPassword('ada', password))?.name).toBe('ada');
    expect(accounts.userForApiToken(apiToken)?.name).toBe('ada');
  });
});

describe('passwords', () => {
  test('the right password gives the user; a wrong one, an unknown name or a malformed name give null', async () => {
    const { accounts } = setup();
    const { user } = await accounts.addUser('ada', 'admin', 'correct horse battery');
    expect(await accounts.verifyPassword('ada', 'correct horse battery')).toEqual(user);
    expect(await accounts.verifyPassword('ADA', 'correct horse battery')).toEqual(user);
    expect(await accounts.verifyPassword('ada', 'Correct horse battery')).toBeNull();
    expect(await accounts.verifyPassword('ada', '')).toBeNull();
    expect(await accounts.verifyPassword('bob', 'correct horse battery')).toBeNull();
    expect(await accounts.verifyPassword('not a name!', 'correct horse battery')).toBeNull();
  });

  test('an unknown name costs a full scrypt too, so timing does not reveal which names exist', async () => {
    const { accounts } = setup();
    await accounts.addUser('ada', 'admin', 'correct horse battery');
    const time = async (name: string) => {
      const start = performance.now();
      await accounts.verifyPassword(name, 'wrong password');
      return performance.now() - start;
    };
    await time('ada'); // warm up
    const known = Math.min(await time('ada'), await time('ada'));
    const unknown = Math.min(await time('nobody'), await time('nobody'));
    // A lookup alone takes well under a millisecond; scrypt takes tens of them.
    expect(unknown).toBeGreaterThan(known / 3);
  });
});

describe('sessions', () => {
  test('a session token identifies its user until it is deleted', async () => {
    const { db, accounts } = setup();
    const { user } = await accounts.addUser('ada', 'admin');
    const { token, expiresAt } = accounts.createSession(user.id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(expiresAt).toBe(new Date(Date.parse('2024-03-01T12:00:00.000Z') + SESSION_LIFETIME_MS).toISOString());
    expect(expiresAt).toBe('2024-03-31T12:00:00.000Z');
    expect(accounts.userForSession(token)).toEqual(user);
    expect(JSON.stringify(db.prepare('SELECT * FROM sessions').all())).not.toContain(token);

    accounts.deleteSession(token);
    expect(accounts.userForSession(token)).toBeNull();
    accounts.deleteSession(token); // logging out twice is harmless
  });

  test('a session stops working when it expires after 30 days', async () => {
    const { accounts, advance } = setup();
    const { user } = await accounts.addUser('ada', 'admin');
    const { token } = accounts.createSession(user.id);
    advance(SESSION_LIFETIME_MS - 1);
    expect(accounts.userForSession(token)).toEqual(user);
    advance(1);
    expect(accounts.userForSession(token)).toBeNull();
  });

  test('an expired session row written straight into the database is not accepted', async () => {
    const { db, accounts } = setup();
    const { user } = await accounts.addUser('ada', 'admin');
    db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(
      sha256('stale-token'),
      user.id,
      '2024-01-01T00:00:00.000Z',
      '2024-01-31T00:00:00.000Z',
    );
    expect(accounts.userForSession('stale-token')).toBeNull();
  });

  test('expired sessions are swept away when someone logs in', async () => {
    const { db, accounts, advance } = setup();
    const { user } = await accounts.addUser('ada', 'admin');
    accounts.createSession(user.id);
    advance(SESSION_LIFETIME_MS);
    accounts.createSession(user.id);
    expect(db.prepare('SELECT COUNT(*) AS n FROM sessions').get()).toEqual({ n: 1 });
  });

  test('unknown, empty and API tokens are not sessions; sessions need a real user', async () => {
    const { accounts } = setup();
    const { apiToken } = await accounts.addUser('ada', 'admin');
    expect(accounts.userForSession('')).toBeNull();
    expect(accounts.userForSession('no-such-token')).toBeNull();
    expect(accounts.userForSession(apiToken)).toBeNull();
    await expectDuetError(() => accounts.createSession('no-such-user'), 'not_found', /no user with id/);
  });
});

describe('API tokens', () => {
  test('each new token works on its own and records when it was last used', async () => {
    const { db, accounts, advance } = setup();
    const { user, apiToken: first } = await accounts.addUser('ada', 'admin');
    advance(1000);
    const second = accounts.createApiToken(user.id);
    expect(second).toMatch(/^duet_/);
    expect(second).not.toBe(first);
    const lastUsed = (token: string) =>
      (db.prepare('SELECT last_used_at FROM api_tokens WHERE token_hash = ?').get(sha256(token)) as { last_used_at: string | null }).last_used_at;
    expect(lastUsed(second)).toBeNull();

    advance(60_000);
    expect(accounts.userForApiToken(second)).toEqual(user);
    expect(lastUsed(second)).toBe('2024-03-01T12:01:01.000Z');
    expect(lastUsed(first)).toBeNull();
    expect(accounts.userForApiToken(first)).toEqual(user);

    // Recorded to the minute: uses within it write nothing, the first after it does.
    advance(30_000);
    expect(accounts.userForApiToken(second)).toEqual(user);
    expect(lastUsed(second)).toBe('2024-03-01T12:01:01.000Z');
    advance(30_000);
    expect(accounts.userForApiToken(second)).toEqual(user);
    expect(lastUsed(second)).toBe('2024-03-01T12:02:01.000Z');
  });

  test('unknown tokens, tokens without the prefix and session tokens are refused', async () => {
    const { accounts } = setup();
    const { user, apiToken } = await accounts.addUser('ada', 'admin');
    const session = accounts.createSession(user.id).token;
    expect(accounts.userForApiToken('duet_nope')).toBeNull();
    expect(accounts.userForApiToken(apiToken.slice('duet_'.length))).toBeNull();
    expect(accounts.userForApiToken(session)).toBeNull();
    expect(accounts.userForApiToken('')).toBeNull();
    await expectDuetError(() => accounts.createApiToken('no-such-user'), 'not_found', /no user with id/);
  });
});

describe('removing a user', () => {
  test('ends their sessions and revokes their tokens, and leaves others alone', async () => {
    const { db, accounts } = setup();
    const ada = await accounts.addUser('ada', 'admin');
    const tom = await accounts.addUser('tom', 'translator');
    const adaSession = accounts.createSession(ada.user.id).token;
    const tomSession = accounts.createSession(tom.user.id).token;
    const tomSecondToken = accounts.createApiToken(tom.user.id);

    accounts.removeUser('tom');

    expect(accounts.userForSession(tomSession)).toBeNull();
    expect(accounts.userForApiToken(tom.apiToken)).toBeNull();
    expect(accounts.userForApiToken(tomSecondToken)).toBeNull();
    expect(db.prepare('SELECT COUNT(*) AS n FROM sessions WHERE user_id = ?').get(tom.user.id)).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM api_tokens WHERE user_id = ?').get(tom.user.id)).toEqual({ n: 0 });
    expect(accounts.userForSession(adaSession)).toEqual(ada.user);
    expect(accounts.userForApiToken(ada.apiToken)).toEqual(ada.user);
  });

  test('a login checked while the user is being removed does not succeed', async () => {
    const { accounts } = setup();
    await accounts.addUser('ada', 'admin');
    await accounts.addUser('tom', 'translator', 'tom password 123');
    const login = accounts.verifyPassword('tom', 'tom password 123');
    accounts.removeUser('tom');
    expect(await login).toBeNull();
  });
});
