/**
 * The data folder: `--data DIR`, else $DUET_DATA, else ./data; created on first
 * use. It holds the SQLite database and, later, uploaded images.
 */
import { resolve } from 'node:path';
import { openDataFolderDatabase, type Db } from './database';
import { SqliteArticleStore } from './sqlite-store';

export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  return resolve(cwd, flag ?? env.DUET_DATA ?? 'data');
}

export interface DataFolder {
  dir: string;
  db: Db;
  articles: SqliteArticleStore;
  close(): void;
}

export function openDataFolder(dir: string): DataFolder {
  const db = openDataFolderDatabase(dir);
  return {
    dir,
    db,
    articles: new SqliteArticleStore(db),
    close: () => {
      if (db.open) db.close();
    },
  };
}
