/**
 * Setting Duet up, signing in and out, and who is signed in: the routes that
 * start and end browser sessions (the session cookie: http-auth.ts).
 */
import { DuetError } from '../../shared/protocol/errors';
import { CredentialsSchema, OkSchema, SessionAnswerSchema, SetupStateSchema } from '../../shared/protocol/session-api';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RouteModule } from '../routing/duet-app';
import type { Accounts, User } from './accounts';
import { reachedOverHttps } from './client-address';
import { clearedSessionCookie, readCookie, SESSION_COOKIE, sessionCookie } from './http-auth';
import { signInLimit, who } from './sign-in-limit';
import type { SignInThrottle } from './sign-in-throttle';

export interface SessionRouteDeps {
  accounts: Accounts;
  /** Ends a session's open websockets with it (CollabServer.endCredential). */
  collab: { endCredential(credential: string, reason: string): void };
  signIns: SignInThrottle;
  trustProxy: boolean;
  log: (line: string) => void;
}

const publicUser = (user: User) => ({ id: user.id, name: user.name, role: user.role });

export const sessionRoutes =
  ({ accounts, collab, signIns, trustProxy, log }: SessionRouteDeps): RouteModule =>
  async (app) => {
    const limit = signInLimit(signIns, accounts, trustProxy, log);
    const startSession = (request: FastifyRequest, reply: FastifyReply, user: User) => {
      const session = accounts.createSession(user.id);
      // Behind a TLS proxy the cookie must never travel in the clear.
      reply.header('set-cookie', sessionCookie(session.token, session.expiresAt, reachedOverHttps(request.raw, trustProxy)));
    };

    app.get('/api/setup', { config: { access: 'public' }, schema: { response: { 200: SetupStateSchema } } }, async () => ({ needed: !accounts.hasAdmin() }));

    app.post(
      '/api/setup',
      { config: { access: 'public', csrf: 'always' }, schema: { body: CredentialsSchema, response: { 201: SessionAnswerSchema } } },
      async (request, reply) => {
        if (accounts.hasAdmin()) throw new DuetError('conflict', 'Duet is already set up: sign in instead');
        const { user } = await accounts.addUser(request.body.name, 'admin', request.body.password);
        startSession(request, reply, user);
        return reply.code(201).send({ user: publicUser(user) });
      },
    );

    app.post(
      '/api/login',
      { config: { access: 'public', csrf: 'always' }, schema: { body: CredentialsSchema, response: { 200: SessionAnswerSchema } }, preHandler: limit.check },
      async (request, reply) => {
        const { name, password } = request.body;
        const user = await accounts.verifyPassword(name, password);
        if (!user) {
          log(`sign-in: wrong name or password for ${who(name, limit.address(request))}`);
          throw new DuetError('unauthenticated', 'wrong name or password');
        }
        limit.succeeded(request, user.id);
        startSession(request, reply, user);
        return { user: publicUser(user) };
      },
    );

    app.post('/api/logout', { config: { access: 'public' }, schema: { response: { 200: OkSchema } } }, async (request, reply) => {
      if (request.auth?.via === 'session') {
        const token = readCookie(request.headers.cookie, SESSION_COOKIE);
        if (token) {
          accounts.deleteSession(token);
          // The session's open websockets end with it: they would otherwise go on writing as this user.
          collab.endCredential(accounts.credentialKey('session', token), 'you signed out');
        }
      }
      reply.header('set-cookie', clearedSessionCookie());
      return { ok: true as const };
    });

    app.get('/api/me', { config: { access: 'user' }, schema: { response: { 200: SessionAnswerSchema } } }, async (request) => ({
      user: publicUser(request.auth!.user),
    }));
  };
