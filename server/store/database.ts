/**
 * The SQLite database file in the data folder, shared by the article store and
 * the accounts. WAL mode so readers never block the writer; synchronous=FULL
 * so a committed transaction is on the disk (the WAL is fsynced at each
 * commit), across a power cut as well as a crash: SAVED promises stored. The
 * collaboration server pays that fsync once per group of updates that arrive
 * together (server/collab/group-commit.ts), not once per keystroke.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from './migrations';

export const DATABASE_FILE = 'duet.sqlite';

export type Db = Database.Database;

export function openDatabase(path: string): Db {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/** Open (creating it and its folder on first use) the database of a data folder. */
export function openDataFolderDatabase(dir: string): Db {
  mkdirSync(dir, { recursive: true });
  return openDatabase(join(dir, DATABASE_FILE));
}
