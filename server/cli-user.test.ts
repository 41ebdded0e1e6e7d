/** `duet user add | list | remove` in-process against a real SQLite database in a temporary data folder. */
import { afterAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { duet } from './testing/cli-runner';
import { Accounts } from './auth/accounts';
import { openDataFolder } from './store/data-dir';

const root = mkdtempSync(join(tmpdir(), 'duet-cli-user-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;
const newDataDir = () => join(root, `data-${++folders}`);

function withAccounts<T>(data: string, run: (accounts: Accounts) => T): T {
  const folder = openDataFolder(data);
  try {
    return run(new Accounts(folder.db));
  } finally {
    folder.close();
  }
}

function expectOneLineError(result: { code: number; stdout: string; stderr: string }, code: number, message: RegExp): void {
  expect(result.code).toBe(code);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(message);
  expect(result.stderr.endsWith('\n')).toBe(true);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
}

describe('duet user add', () => {
  test('prints exactly the password and the API token, which work and are not stored', async () => {
    const data = newDataDir();
    const result = await duet('user', 'add', 'ada', '--role', 'admin', '--data', data);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const match = /^password: ([A-Za-z0-9_-]{20})\ntoken: (duet_[A-Za-z0-9_-]{43})\n$/.exec(result.stdout);
    expect(match).not.toBeNull();
    const [, password, token] = match!;

    const folder = openDataFolder(data);
    try {
      const accounts = new Accounts(folder.db);
      expect((await accounts.verifyPassword('ada', password!))?.role).toBe('admin');
      expect(accounts.userForApiToken(token!)?.name).toBe('ada');
      const dump = JSON.stringify([folder.db.prepare('SELECT * FROM users').all(), folder.db.prepare('SELECT * FROM api_tokens').all()]);
      expect(dump).not.toContain(password);
      expect(dump).not.toContain(token);
    } finally {
      folder.close();
    }
  });

  test('each user gets a different password and token', async () => {
    const data = newDataDir();
    const first = (await duet('user', 'add', 'ada', '--role', 'admin', '--data', data)).stdout;
    const second = (await duet('user', 'add', 'tom', '--role', 'translator', '--data', data)).stdout;
    const values = [...first.split('\n'), ...second.split('\n')].filter(Boolean).map((line) => line.split(': ')[1]);
    expect(new Set(values).size).toBe(4);
  });

  test('without --role it is a usage error naming the roles', async () => {
    const data = newDataDir();
    expectOneLineError(await duet('user', 'add', 'ada', '--data', data), 2, /^duet user: user add needs --role \(one of admin, translator, reviewer, viewer\)/);
    expect(withAccounts(data, (accounts) => accounts.listUsers())).toEqual([]);
  });

  test('an unknown role is a usage error, and no user is created', async () => {
    const data = newDataDir();
    expectOneLineError(
      await duet('user', 'add', 'ada', '--role', 'owner', '--data', data),
      2,
      /--role must be one of admin, translator, reviewer, viewer, not "owner"/,
    );
    expect(withAccounts(data, (accounts) => accounts.listUsers())).toEqual([]);
  });

  test('a name taken in another case is refused with exit 1', async () => {
    const data = newDataDir();
    await duet('user', 'add', 'Maria', '--role', 'translator', '--data', data);
    expectOneLineError(await duet('user', 'add', 'maria', '--role', 'viewer', '--data', data), 1, /^duet user: the name "maria" is already taken/);
  });

  test('an invalid name is refused with exit 1', async () => {
    expectOneLineError(await duet('user', 'add', 'ada lovelace', '--role', 'viewer', '--data', newDataDir()), 1, /1 to 40 letters, digits/);
  });

  test('a missing name is a usage error', async () => {
    expectOneLineError(await duet('user', 'add', '--role', 'viewer', '--data', newDataDir()), 2, /expected 1 argument, got 0/);
  });
});

describe('duet user list', () => {
  test('prints one tab-separated line per user: name, role, date created', async () => {
    const data = newDataDir();
    expect(await duet('user', 'list', '--data', data)).toEqual({ code: 0, stdout: '', stderr: '' });
    await duet('user', 'add', 'tom', '--role', 'translator', '--data', data);
    await duet('user', 'add', 'ada', '--role', 'admin', '--data', data);
    const today = new Date().toISOString().slice(0, 10);
    const result = await duet('user', 'list', '--data', data);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`ada\tadmin\t${today}\ntom\ttranslator\t${today}\n`);
  });
});

describe('duet user remove', () => {
  test('removes the user (in any case) so their password and token stop working', async () => {
    const data = newDataDir();
    await duet('user', 'add', 'ada', '--role', 'admin', '--data', data);
    const added = (await duet('user', 'add', 'Tom', '--role', 'translator', '--data', data)).stdout;
    const token = /token: (\S+)/.exec(added)![1]!;
    expect(await duet('user', 'remove', 'tom', '--data', data)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await duet('user', 'list', '--data', data)).stdout).toMatch(/^ada\tadmin\t\S+\n$/);
    expect(withAccounts(data, (accounts) => accounts.userForApiToken(token))).toBeNull();
  });

  test('an unknown user is an error with exit 1', async () => {
    expectOneLineError(await duet('user', 'remove', 'ghost', '--data', newDataDir()), 1, /^duet user: no user named "ghost"\n$/);
  });

  test('the last admin is kept, with exit 1', async () => {
    const data = newDataDir();
    await duet('user', 'add', 'ada', '--role', 'admin', '--data', data);
    expectOneLineError(await duet('user', 'remove', 'ada', '--data', data), 1, /"ada" is the last admin/);
    expect((await duet('user', 'list', '--data', data)).stdout).toMatch(/^ada\t/);
  });
});

describe('duet user usage', () => {
  test('a missing or unknown subcommand is a usage error', async () => {
    expectOneLineError(await duet('user'), 2, /user needs add, list or remove/);
    expectOneLineError(await duet('user', 'rename', 'a', 'b'), 2, /unknown user command "rename"/);
    expectOneLineError(await duet('user', 'toString'), 2, /unknown user command "toString"/);
    expectOneLineError(await duet('user', 'list', '--role', 'admin', '--data', newDataDir()), 2, /Unknown option '--role'/);
  });

  test('the help text lists the user commands', async () => {
    const help = (await duet('help')).stdout;
    expect(help).toContain('user add NAME --role ROLE');
    expect(help).toContain('user list');
    expect(help).toContain('user remove NAME');
  });
});
