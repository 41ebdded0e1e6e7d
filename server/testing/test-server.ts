/**
 * A real Duet server for tests: port 0, a fresh data folder with a real SQLite
 * file, one account per role (each with an API token), and helpers to call the
 * API as any of them. Close it in afterAll/afterEach.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROLES, type Role } from '../../shared/protocol/roles';
import { Accounts } from '../auth/accounts';
import { importPublished } from '../articles/article-service';
import { openDataFolder } from '../store/data-dir';
import { startServer, type RunningServer } from '../main';
import type { CollabLimits } from '../collab/limits';

export interface TestAccount {
  name: string;
  role: Role;
  password: string;
  token: string;
}

export interface TestServer {
  running: RunningServer;
  dataDir: string;
  baseUrl: string;
  accounts: Record<Role, TestAccount>;
  logs: string[];
  /** fetch with the role's API token. */
  as(role: Role, path: string, init?: RequestInit): Promise<Response>;
  importArticle(markdown: string): string;
  close(): Promise<void>;
}

export const PASSWORD = 'correct horse battery';

/** Create the data folder with an account per role, before any server opens it. */
export async function prepareDataDir(dataDir: string): Promise<Record<Role, TestAccount>> {
  const folder = openDataFolder(dataDir);
  try {
    const accounts = new Accounts(folder.db);
    const out = {} as Record<Role, TestAccount>;
    for (const role of ROLES) {
      const { apiToken } = await accounts.addUser(role, role, PASSWORD);
      out[role] = { name: role, role, password: PASSWORD, token: apiToken };
    }
    return out;
  } finally {
    folder.close();
  }
}

export interface TestServerOptions {
  limits?: Partial<CollabLimits>;
  dataDir?: string;
  accounts?: Record<Role, TestAccount>;
  /** The clock sign-in limits read (ServerOptions.now). */
  now?: () => number;
  trustProxy?: boolean;
  /** The built client to serve (default: dist/client). */
  clientDir?: string;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const root = options.dataDir ? null : mkdtempSync(join(tmpdir(), 'duet-test-'));
  const dataDir = options.dataDir ?? join(root!, 'data');
  const accounts = options.accounts ?? (await prepareDataDir(dataDir));
  const logs: string[] = [];
  const running = await startServer({
    dataDir,
    port: 0,
    limits: options.limits,
    ...(options.now ? { now: options.now } : {}),
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
    ...(options.clientDir ? { clientDir: options.clientDir } : {}),
    log: (line) => logs.push(line),
  });
  const baseUrl = `http://127.0.0.1:${running.port}`;
  return {
    running,
    dataDir,
    baseUrl,
    accounts,
    logs,
    as(role, path, init = {}) {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${accounts[role].token}`);
      return fetch(`${baseUrl}${path}`, { ...init, headers });
    },
    importArticle(markdown) {
      // The server holds the database open; a second connection to the same WAL file is safe.
      const folder = openDataFolder(dataDir);
      try {
        return importPublished(folder.articles, markdown);
      } finally {
        folder.close();
      }
    },
    async close() {
      await running.close();
      if (root) rmSync(root, { recursive: true, force: true });
    },
  };
}
