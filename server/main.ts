/**
 * The composition root: configuration → data folder (store, accounts) → HTTP
 * API (each area's routes, handed to the Fastify app), built client and
 * websocket door → collaboration core. Nothing else lives here.
 */
import type * as Y from 'yjs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { openDataFolder, type DataFolder } from './store/data-dir';
import { Accounts } from './auth/accounts';
import { authenticate, checkWebsocketOrigin } from './auth/http-auth';
import { CollabServer } from './collab/collab-server';
import type { CollabLimits } from './collab/limits';
import type { ArticleStore } from './store/article-store';
import { buildApp } from './http/app';
import { SignInThrottle } from './auth/sign-in-throttle';
import { attachCollab } from './http/websocket-upgrade';
import { sessionRoutes } from './auth/session-routes';
import { userRoutes } from './auth/user-routes';
import { articleRoutes } from './articles/article-routes';
import { exportRoutes } from './http/export-routes';
import { xliffRoutes } from './http/xliff-routes';
import { mediaRoutes } from './media/media-routes';
import { publishRoutes } from './publish/publish-routes';
import { reviewRoutes } from './review/review-routes';
import { reviewRecorder } from './review/review-recorder';
import { memoryRecorder } from './memory/memory-recorder';
import { memoryRoutes } from './memory/memory-routes';
import { articleMemoryRoutes } from './memory/article-memory-routes';
import { alignRoutes } from './memory/align-routes';
import { pretranslateNewArticle } from './memory/pretranslate';
import { SqliteTranslationMemory } from './memory/sqlite-memory';
import { SqliteGlossary } from './glossary/sqlite-glossary';
import { glossaryRoutes } from './glossary/glossary-routes';
import type { TranslationMemory } from './memory/translation-memory';
import { watchOtherWriters } from './store/database-watch';
import { useNativeHashes } from './native-hashes';
import { duetVersion, REPO_ROOT } from './paths';

export const DEFAULT_PORT = 8787;
const CLIENT_DIR = join(REPO_ROOT, 'dist', 'client');
/** How often open websockets are checked against their sessions, for those that expire while open. */
const SESSION_SWEEP_MS = 60_000;

export interface ServerOptions {
  dataDir: string;
  port?: number;
  host?: string;
  clientDir?: string;
  limits?: Partial<CollabLimits>;
  /** Behind a reverse proxy that sets X-Forwarded-For: take the client's address from it (server/auth/client-address.ts). */
  trustProxy?: boolean;
  /** The clock sign-in limits read, in ms (tests move it instead of waiting). */
  now?: () => number;
  log?: (line: string) => void;
}

export interface RunningServer {
  server: Server;
  port: number;
  collab: CollabServer;
  /** The data folder's article store (every accepted change is in it). */
  store: ArticleStore;
  close(): Promise<void>;
}

/** The collaboration core with what derives from its accepted changes (history, notifications, the translation memory); the accept benchmark builds it the same way. */
export function collabCore(
  folder: DataFolder,
  limits: Partial<CollabLimits> | undefined,
  log: (line: string) => void,
  memory: TranslationMemory = new SqliteTranslationMemory(folder.db),
): CollabServer {
  const collab = new CollabServer(folder.articles, limits, log);
  collab.derive(reviewRecorder(folder.db));
  collab.derive(memoryRecorder(memory));
  return collab;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => console.error(line));
  useNativeHashes();
  const folder = openDataFolder(options.dataDir);
  const accounts = new Accounts(folder.db);
  const memory = new SqliteTranslationMemory(folder.db);
  const glossary = new SqliteGlossary(folder.db);
  const collab = collabCore(folder, options.limits, log, memory);
  collab.deriveBacklog();
  // The CLI may write to this data folder while the server runs: the rooms apply its rows, and accounts it removed lose their connections.
  const stopWatching = watchOtherWriters(folder.db, () => {
    collab.pullStoredChanges();
    collab.refreshUsers(accounts);
  });
  // A session that expires while its websocket is open ends it too, within a minute.
  const sessionSweep = setInterval(() => collab.refreshUsers(accounts), SESSION_SWEEP_MS);
  sessionSweep.unref();
  const signIns = new SignInThrottle(undefined, options.now);
  const trustProxy = options.trustProxy ?? false;
  // A source imported through the API comes with the memory's exact matches already in, as draft.
  const fillNewArticle = (doc: Y.Doc, origin: unknown, actor: string) => void pretranslateNewArticle(doc, memory, actor, origin);
  const deps = {
    store: folder.articles,
    accounts,
    dataDir: folder.dir,
    db: folder.db,
    collab,
    memory,
    glossary,
    fillNewArticle,
    version: duetVersion(),
    signIns,
    trustProxy,
    log,
  };
  const app = await buildApp({
    accounts,
    log,
    clientDir: options.clientDir ?? CLIENT_DIR,
    // Every area's routes; add a module here.
    routes: [
      sessionRoutes(deps),
      articleRoutes(deps),
      exportRoutes(deps),
      xliffRoutes(deps),
      mediaRoutes(deps),
      publishRoutes(deps),
      reviewRoutes(deps),
      memoryRoutes(deps),
      articleMemoryRoutes(deps),
      alignRoutes(deps),
      glossaryRoutes(deps),
      userRoutes(deps),
    ],
  });
  const server = app.server;
  const websockets = attachCollab(
    server,
    collab,
    (req) => {
      const auth = authenticate(req, accounts);
      if (!auth) return { ok: false, status: 401, message: 'sign in, or send an API token' };
      if (!checkWebsocketOrigin(req, auth.via)) return { ok: false, status: 403, message: 'cross-site websocket refused' };
      return { ok: true, user: { id: auth.user.id, name: auth.user.name, role: auth.user.role }, credential: auth.credential };
    },
    log,
  );
  await app.listen({ port: options.port ?? DEFAULT_PORT, host: options.host ?? '127.0.0.1' });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? DEFAULT_PORT);
  let closing: Promise<void> | null = null;
  return {
    server,
    port,
    collab,
    store: folder.articles,
    close() {
      // Stop accepting, close every websocket (each accepted update is already committed), then the database.
      closing ??= new Promise<void>((resolve) => {
        stopWatching();
        clearInterval(sessionSweep);
        websockets.close();
        // Fastify ends the keep-alive connections too (forceCloseConnections).
        void app.close().then(() => resolve());
      }).then(() => folder.close());
      return closing;
    },
  };
}

/** Run until SIGINT or SIGTERM, then stop accepting, close cleanly, and exit. */
export async function runServer(options: ServerOptions): Promise<void> {
  const log = options.log ?? ((line: string) => console.error(line));
  const running = await startServer(options);
  log(`Duet is running at http://${options.host ?? '127.0.0.1'}:${running.port} (data: ${options.dataDir})`);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log(`${signal}: shutting down`);
      running.close().then(resolve, resolve);
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}
