/**
 * One entry of the JSON API's route table (see api.ts). Routes for one area
 * (XLIFF, media, review, publishing) live in a module of their own that
 * returns its routes from the dependencies it needs; api.ts lists the modules.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Accounts, User } from '../auth/accounts';
import type { Authenticated } from '../auth/http-auth';
import type { ActiveUsers } from '../articles/article-service';
import type { CollabServer } from '../collab/collab-server';
import type { Db } from '../store/database';
import type { ArticleStore } from '../store/article-store';
import type { SignInThrottle } from '../auth/sign-in-throttle';

export interface Context {
  req: IncomingMessage;
  res: ServerResponse;
  params: Record<string, string>;
  auth: Authenticated | null;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** `/api/articles/:id/...`; `:name` segments become `params.name`. */
  path: string;
  /** Who may call it: anyone, any signed-in user, or users whose role passes the check. */
  access: 'public' | 'user' | ((user: User) => boolean);
  /** The JSON body to send; a handler that writes the response itself returns undefined. */
  handle(ctx: Context): unknown | Promise<unknown>;
}

export interface ApiDeps {
  store: ArticleStore;
  accounts: Accounts;
  /** The data folder (uploaded media live under it) and its database. */
  dataDir: string;
  db: Db;
  /** The collaboration server: who is in an article, and changes made on the server's side that everyone must see live. */
  collab: CollabServer;
  /** Who has an article open now (defaults to asking `collab`). */
  activeUsers?: ActiveUsers;
  /** Believe X-Forwarded-For for the client's address: only behind a reverse proxy that sets it (see client-address.ts). */
  trustProxy?: boolean;
  /** How fast passwords may be tried (defaults to DEFAULT_SIGN_IN_LIMITS on the real clock). */
  signIns?: SignInThrottle;
  log: (line: string) => void;
}

/** A module of routes, built from the API's dependencies. */
export type RouteModule = (deps: ApiDeps) => Route[];
