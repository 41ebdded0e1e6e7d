/**
 * Notice when another process commits to the data folder's database: the
 * CLI run against a running server (`duet xliff import`, `duet user remove`).
 * SQLite's `PRAGMA data_version` changes exactly when a connection other than
 * this one has committed since it was last read, so asking costs no I/O and
 * the server's own writes never wake it.
 */
import type { Db } from './database';

/** How often to ask: a removed user's websockets must close within a second. */
export const WATCH_INTERVAL_MS = 250;

/** Call `changed` after each commit by another connection; returns the function that stops watching. */
export function watchOtherWriters(db: Db, changed: () => void, intervalMs = WATCH_INTERVAL_MS): () => void {
  const version = () => db.pragma('data_version', { simple: true }) as number;
  let seen = version();
  const timer = setInterval(() => {
    if (!db.open) return;
    const now = version();
    if (now === seen) return;
    seen = now;
    changed();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
