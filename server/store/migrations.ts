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
  // 2: accounts. Passwords and tokens are stored only as hashes (see server/auth/).
  // Roles are checked in code, not by a CHECK constraint, so adding a role
  // never needs a table rebuild. The user_id indexes keep the cascading
  // delete of a user from scanning every session and token.
  `CREATE TABLE users (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL UNIQUE COLLATE NOCASE,
     role TEXT NOT NULL,
     password_hash TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE sessions (
     token_hash TEXT PRIMARY KEY,
     user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     created_at TEXT NOT NULL,
     expires_at TEXT NOT NULL
   );
   CREATE INDEX sessions_user_id ON sessions (user_id);
   CREATE TABLE api_tokens (
     token_hash TEXT PRIMARY KEY,
     user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     created_at TEXT NOT NULL,
     last_used_at TEXT
   );
   CREATE INDEX api_tokens_user_id ON api_tokens (user_id);`,
  // 3: publishing. Images stored with articles (the bytes are files in the
  // data folder named by their SHA-256; see server/media/), installation
  // settings as JSON by key (the site's repository: server/publish/), each
  // publication of an article, and an optional email per account for commits.
  `CREATE TABLE media (
     article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
     name TEXT NOT NULL,
     type TEXT NOT NULL,
     size INTEGER NOT NULL,
     filename TEXT,
     source_url TEXT,
     created_by TEXT,
     created_at TEXT NOT NULL,
     PRIMARY KEY (article_id, name)
   ) WITHOUT ROWID;
   CREATE TABLE settings (
     key TEXT PRIMARY KEY,
     value TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE publications (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
     path TEXT NOT NULL,
     url TEXT,
     commit_sha TEXT NOT NULL,
     committed INTEGER NOT NULL,
     pushed INTEGER NOT NULL,
     push_error TEXT,
     media TEXT NOT NULL,
     co_authors TEXT NOT NULL,
     published_by TEXT NOT NULL,
     published_at TEXT NOT NULL,
     override_reason TEXT
   );
   CREATE INDEX publications_article_id ON publications (article_id, id);
   ALTER TABLE users ADD COLUMN email TEXT;`,
  // 4: review (server/review/). Per segment, its status changes and the
  // versions of its target text, one per author session (updated in place
  // while the same author keeps editing); `baseline` is the text before the
  // session. Notifications per account: mentions, replies, send-backs.
  `CREATE TABLE segment_status_changes (
     id INTEGER PRIMARY KEY,
     article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
     segment_id TEXT NOT NULL,
     from_status TEXT,
     to_status TEXT NOT NULL,
     actor TEXT,
     at INTEGER NOT NULL
   );
   CREATE INDEX segment_status_changes_segment ON segment_status_changes (article_id, segment_id, id);
   CREATE TABLE segment_text_versions (
     id INTEGER PRIMARY KEY,
     article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
     segment_id TEXT NOT NULL,
     author TEXT,
     baseline TEXT NOT NULL,
     markdown TEXT NOT NULL,
     started_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE INDEX segment_text_versions_segment ON segment_text_versions (article_id, segment_id, id);
   CREATE TABLE notifications (
     id INTEGER PRIMARY KEY,
     user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     kind TEXT NOT NULL,
     article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
     article_title TEXT NOT NULL,
     segment_id TEXT,
     thread_id TEXT,
     actor TEXT,
     text TEXT NOT NULL,
     at INTEGER NOT NULL,
     read_at INTEGER
   );
   CREATE INDEX notifications_user ON notifications (user_id, id);`,
  // 5: each article's opening rows as JSON (server/articles/opening-cache.ts), with the
  // sequence number of the newest update they reflect: served while it is still the newest.
  `CREATE TABLE article_openings (
     article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
     seq INTEGER NOT NULL,
     json TEXT NOT NULL
   );`,
  // 6: who wrote each update and when (history and notifications are derived from
  // the log after the update is relayed, and re-derived from it after a crash), and
  // how far each article's log has been derived: derived_seq for status history and
  // notifications, text_settled_seq for text versions, which wait for a pause in typing.
  // Every article stored before this migration was derived as it was written.
  `ALTER TABLE updates ADD COLUMN actor TEXT;
   ALTER TABLE updates ADD COLUMN at INTEGER;
   ALTER TABLE articles ADD COLUMN derived_seq INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE articles ADD COLUMN text_settled_seq INTEGER NOT NULL DEFAULT 0;
   UPDATE articles SET derived_seq = (SELECT COALESCE(MAX(seq), 0) FROM updates WHERE article_id = articles.id),
                       text_settled_seq = (SELECT COALESCE(MAX(seq), 0) FROM updates WHERE article_id = articles.id);`,
  // 7: the translation memory (server/memory/): one unit per confirmed segment (an
  // article's units go with the article) or per imported TMX unit (article_id NULL).
  // source_key is the normalized source that exact matches compare; memory_text
  // indexes it and the target's text by trigram (FTS5) for fuzzy candidates and
  // concordance, kept in step by the triggers.
  `CREATE TABLE memory_units (
     id INTEGER PRIMARY KEY,
     source_key TEXT NOT NULL,
     source_length INTEGER NOT NULL,
     source_text TEXT NOT NULL,
     target_text TEXT NOT NULL,
     source_doc TEXT NOT NULL,
     target_doc TEXT NOT NULL,
     context_before TEXT,
     context_after TEXT,
     article_id TEXT REFERENCES articles(id) ON DELETE CASCADE,
     segment_id TEXT,
     article_title TEXT,
     imported_from TEXT,
     status TEXT NOT NULL,
     author TEXT,
     created_at INTEGER NOT NULL,
     changed_at INTEGER NOT NULL,
     used_count INTEGER NOT NULL DEFAULT 0,
     last_used_at INTEGER
   );
   CREATE UNIQUE INDEX memory_units_segment ON memory_units (article_id, segment_id) WHERE article_id IS NOT NULL;
   CREATE INDEX memory_units_source ON memory_units (source_key);
   CREATE VIRTUAL TABLE memory_text USING fts5(source_key, target_text, content='memory_units', content_rowid='id', tokenize='trigram');
   CREATE TRIGGER memory_units_ai AFTER INSERT ON memory_units BEGIN
     INSERT INTO memory_text (rowid, source_key, target_text) VALUES (new.id, new.source_key, new.target_text);
   END;
   CREATE TRIGGER memory_units_ad AFTER DELETE ON memory_units BEGIN
     INSERT INTO memory_text (memory_text, rowid, source_key, target_text) VALUES ('delete', old.id, old.source_key, old.target_text);
   END;
   CREATE TRIGGER memory_units_au AFTER UPDATE OF source_key, target_text ON memory_units BEGIN
     INSERT INTO memory_text (memory_text, rowid, source_key, target_text) VALUES ('delete', old.id, old.source_key, old.target_text);
     INSERT INTO memory_text (rowid, source_key, target_text) VALUES (new.id, new.source_key, new.target_text);
   END;`,
  // 8: an import indexes its own units in memory_text, in one statement after inserting them
  // (server/memory/sqlite-memory.ts). FTS5 writes its pending index out as a new segment at every
  // statement savepoint, and an INSERT that fires a trigger opens one: indexed row by row by the
  // trigger, a large file became a segment per unit and most of its import went to merging them.
  // While memory_text_deferred holds its row, which it does only inside an import's transaction,
  // the insert trigger leaves the indexing to the import; every other write is indexed as before.
  `CREATE TABLE memory_text_deferred (
     id INTEGER PRIMARY KEY CHECK (id = 1)
   );
   DROP TRIGGER memory_units_ai;
   CREATE TRIGGER memory_units_ai AFTER INSERT ON memory_units WHEN NOT EXISTS (SELECT 1 FROM memory_text_deferred) BEGIN
     INSERT INTO memory_text (rowid, source_key, target_text) VALUES (new.id, new.source_key, new.target_text);
   END;`,
  // 9: the glossary (server/glossary/): one row per entry, a Chinese term with its English
  // translations (JSON: text and use, preferred first). source_key is the normalized term
  // that finds an entry (shared/glossary/glossary-entry.ts: termKey); search_text holds both
  // sides, lower-cased, for the glossary page's search.
  `CREATE TABLE glossary_entries (
     id INTEGER PRIMARY KEY,
     source TEXT NOT NULL,
     source_key TEXT NOT NULL,
     translations TEXT NOT NULL,
     search_text TEXT NOT NULL,
     note TEXT NOT NULL DEFAULT '',
     case_sensitive INTEGER NOT NULL DEFAULT 0,
     status TEXT NOT NULL CHECK (status IN ('approved', 'proposed')),
     created_by TEXT,
     created_at INTEGER NOT NULL,
     changed_by TEXT,
     changed_at INTEGER NOT NULL
   );
   CREATE INDEX glossary_entries_source ON glossary_entries (source_key);`,
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
