/**
 * Every error in the API's one shape, `{ error: { code, message } }`
 * (shared/protocol/errors.ts), with the status its code stands for: Duet's
 * own DuetErrors, requests that fail their route's schema
 * (schema-validation.ts), Fastify's refusals of a body (too large, not JSON),
 * and unknown /api paths. Anything else is a bug: logged, and answered 500
 * without its details.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DuetError, type ErrorCode } from '../../shared/protocol/errors';
import type { DuetApp } from '../routing/duet-app';
import { UNKNOWN_API_ROUTE } from './access';
import { SECURITY_HEADERS } from './security-headers';

export const STATUS_OF: Record<ErrorCode, number> = {
  bad_request: 400,
  invalid_input: 422,
  too_large: 413,
  not_found: 404,
  conflict: 409,
  unauthenticated: 401,
  forbidden: 403,
  too_many_requests: 429,
  internal: 500,
};

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Fastify's own refusals, in Duet's words; null for errors that are not a bad request. */
function frameworkError(error: FastifyError, request: FastifyRequest): DuetError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new DuetError('too_large', `the request body is over ${request.routeOptions.bodyLimit} bytes`);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new DuetError('bad_request', 'send the request body as application/json');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new DuetError('bad_request', 'the request body is not valid JSON');
  }
  // Other malformed requests Fastify itself refuses (a bad URL, a body that is not what its length says, a
  // __proto__ key). Only Fastify's own (FST_…): any other error with a status is a bug, a logged 500.
  if (typeof error.code !== 'string' || !error.code.startsWith('FST_')) return null;
  const status = error.statusCode ?? 500;
  return status >= 400 && status < 500 ? new DuetError(status === 404 ? 'not_found' : 'bad_request', error.message) : null;
}

/**
 * Fastify's `frameworkErrors`: a URL it cannot even route (bad percent-escapes)
 * is refused before any hook runs, so this answer sets the security headers itself.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  void reply
    .code(400)
    .headers({ ...SECURITY_HEADERS, 'cache-control': 'no-store' })
    .send(new DuetError('bad_request', error.message).toBody());
}

export function apiErrors(app: DuetApp, log: (line: string) => void): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = error instanceof DuetError ? error : frameworkError(error, request);
    if (!known) log(`internal error: ${error?.stack ?? String(error)}`);
    const body = (known ?? new DuetError('internal', 'something went wrong on the server; it has been logged')).toBody();
    return reply.code(STATUS_OF[body.error.code]).header('cache-control', 'no-store').send(body);
  });

  const unknownRoute = (request: FastifyRequest): DuetError => {
    const path = new URL(request.url, 'http://x').pathname.replace(/\/+$/, '');
    // Known with another method: the catch-all's own match ('*' among its params) does not count.
    const known = METHODS.some((method) => {
      const found = app.findRoute({ method, url: path });
      return found !== null && !('*' in (found.params as Record<string, string>));
    });
    return known
      ? new DuetError('bad_request', `${request.method} is not allowed on ${path}`)
      : new DuetError('not_found', `no API route ${request.method} ${path}`);
  };
  app.all(UNKNOWN_API_ROUTE, async (request) => {
    throw unknownRoute(request);
  });
  app.setNotFoundHandler(async (request) => {
    throw unknownRoute(request);
  });
}
