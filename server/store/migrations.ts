/**
 * The SQLite schema, as numbered migrations applied in order and recorded in
 * `PRAGMA user_version`. Never edit a released migration: add the next one.
 */
import type Database from 'better-sqlite3';

const MIGRATIONS: string[] = [
  // 1: articles and their Yjs update logs.
  `CREATE TABLE articles (
     id TEXT PRIMARY KEY,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE updates (
     article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
     seq INTEGER NOT NULL,
     data BLOB NOT NULL,
     PRIMARY KEY (article_id, seq)
   ) WITHOUT ROWID;`,
];

export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`the database is from a newer Duet (schema ${current}; this one knows ${MIGRATIONS.length})`);
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
