/**
 * What a route module needs to declare routes (server/http/app.ts builds the
 * app and runs the modules): the app's type, who may call a route, and who is
 * calling. Imports nothing of Duet's server, so any folder's routes can use it
 * without making an import cycle with server/http.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, FastifyPluginAsync, RawServerDefault } from 'fastify';
import type { PlainOperation } from '../../shared/permissions/permissions';
import type { Role } from '../../shared/protocol/roles';
import type { ValibotTypeProvider } from './valibot-type-provider';

/** The signed-in account behind a request (server/auth/accounts.ts's User). */
export interface CallerUser {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
}

/** Who is making a request, and with what (server/auth/http-auth.ts authenticates). */
export interface Caller {
  user: CallerUser;
  via: 'session' | 'token';
  /** The session or token it came with, as Accounts.credentialKey names it: a websocket ends with it. */
  credential: string;
}

/** Who may call a route: anyone, any signed-in user, or users who may do this operation (shared/permissions). */
export type Access = 'public' | 'user' | PlainOperation;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required on every /api route (server/http/access.ts refuses to start without it). */
    access?: Access;
    /**
     * `always`: the CSRF check applies even to a request with no session
     * (setting up, signing in: a forged sign-in would put the victim in the
     * attacker's account). Otherwise it applies to unsafe requests that came
     * with the session cookie.
     */
    csrf?: 'always';
  }
  interface FastifyRequest {
    /** Set before the route runs; null when the request names no valid session or token. */
    auth: Caller | null;
  }
}

export type DuetApp = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ValibotTypeProvider>;

/** A module of routes: a Fastify plugin, built from whatever the area needs. */
export type RouteModule = FastifyPluginAsync<Record<never, never>, RawServerDefault, ValibotTypeProvider>;
