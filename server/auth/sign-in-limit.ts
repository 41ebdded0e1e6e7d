/**
 * The sign-in throttle (sign-in-throttle.ts) as a hook on POST /api/login: it
 * runs once the body has passed its schema, since it counts by the account
 * the name names, before any password is hashed. A refused attempt is 429
 * with Retry-After. The route calls `succeeded` when the password was right.
 */
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { DuetError } from '../../shared/protocol/errors';
import type { Credentials } from '../../shared/protocol/session-api';
import { clientAddress } from './client-address';
import type { Accounts } from './accounts';
import type { SignInThrottle } from './sign-in-throttle';

export interface SignInLimit {
  /** The route's preHandler. */
  check: preHandlerAsyncHookHandler;
  /** The attempt had the right password: clear its counts. */
  succeeded(request: FastifyRequest, userId: string): void;
  /** The address attempts from this request count against. */
  address(request: FastifyRequest): string;
}

export function signInLimit(signIns: SignInThrottle, accounts: Accounts, trustProxy: boolean, log: (line: string) => void): SignInLimit {
  return {
    async check(request, reply) {
      const { name } = request.body as Credentials;
      const from = clientAddress(request.raw, trustProxy);
      const attempt = signIns.attempt(accounts.idForName(name), from);
      if (attempt.allowed) return;
      // Once per wait: refusals are cheap to send, and each would otherwise be a log line.
      if (attempt.firstRefusal) log(`sign-in: ${who(name, from)} refused for ${attempt.retryAfterSeconds} s after too many failed attempts`);
      reply.header('retry-after', String(attempt.retryAfterSeconds));
      throw new DuetError('too_many_requests', `too many sign-in attempts: try again in ${attempt.retryAfterSeconds} s`);
    },
    succeeded(request, userId) {
      signIns.succeeded(userId, clientAddress(request.raw, trustProxy));
    },
    address: (request) => clientAddress(request.raw, trustProxy),
  };
}

/** Quoted and cut short: the name is whatever was sent, and goes into the log. */
export const who = (name: string, from: string): string => `${JSON.stringify(name.slice(0, 60))} from ${from}`;
