/**
 * The data folder: `--data DIR`, else $DUET_DATA, else ./data; created on first
 * use. It holds the SQLite database and, later, uploaded images.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DATABASE_FILE, SqliteArticleStore } from './sqlite-store';

export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  return resolve(cwd, flag ?? env.DUET_DATA ?? 'data');
}

export function openDataDir(dir: string): SqliteArticleStore {
  mkdirSync(dir, { recursive: true });
  return new SqliteArticleStore(join(dir, DATABASE_FILE));
}
