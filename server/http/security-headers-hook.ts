/**
 * Every response starts with SECURITY_HEADERS (security-headers.ts says why
 * each): set when the request arrives, before any route runs, so a route
 * that serves something else (the client's files, stored images, the
 * bilingual download) replaces the Content-Security-Policy with its own, and
 * errors and refusals keep them.
 */
import type { DuetApp } from '../routing/duet-app';
import { SECURITY_HEADERS } from './security-headers';

export function securityHeaders(app: DuetApp): void {
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(SECURITY_HEADERS);
  });
}
