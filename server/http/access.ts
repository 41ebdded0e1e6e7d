/**
 * Who may call each /api route, checked before its body is read: the caller
 * is authenticated (server/auth/http-auth.ts), refused with 401 or 403 when
 * the route's `access` says so, and cookie-authenticated changes must pass
 * the CSRF check. Every /api route must declare `access`; a route without one
 * stops the server at start rather than being open by mistake.
 */
import { may } from '../../shared/permissions/permissions';
import { DuetError } from '../../shared/protocol/errors';
import type { Accounts } from '../auth/accounts';
import { authenticate, checkCsrf } from '../auth/http-auth';
import type { DuetApp } from '../routing/duet-app';

/** The catch-all that answers unknown /api paths (api-errors.ts): it has nobody to check. */
export const UNKNOWN_API_ROUTE = '/api/*';

export function accessChecks(app: DuetApp, accounts: Accounts): void {
  app.decorateRequest('auth', null);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && route.url !== UNKNOWN_API_ROUTE && route.config?.access === undefined) {
      throw new Error(`${String(route.method)} ${route.url} declares no access`);
    }
  });
  app.addHook('onRequest', async (request) => {
    const { access, csrf } = request.routeOptions.config;
    if (access === undefined) return;
    const auth = authenticate(request.raw, accounts);
    request.auth = auth;
    if (access !== 'public') {
      if (!auth) throw new DuetError('unauthenticated', 'sign in, or send an API token as "Authorization: Bearer duet_…"');
      if (access !== 'user' && !may(auth.user, access)) {
        throw new DuetError('forbidden', `a ${auth.user.role} may not ${request.method} ${request.routeOptions.url}`);
      }
    }
    // A sign-in or setup is checked as if it came with a session: a forged one would sign the victim in as someone else.
    const via = csrf === 'always' ? 'session' : auth?.via;
    if (via) checkCsrf(request.raw, via);
  });
}
