/**
 * The publishing routes: the site's configuration (admins), publishing an
 * article (roles that may `article.publish`), and its publications. See docs/PUBLISHING.md.
 */
import { DuetError } from '../../shared/protocol/errors';
import { may } from '../../shared/permissions/permissions';
import { readJson } from '../http/request-body';
import type { ApiDeps, Route } from '../http/route';
import type { HistoryAuthors } from './contributors';
import { Publisher } from './publisher';

function publishBody(body: Record<string, unknown>): { override: { reason: string } | null; rename: boolean } {
  const { override, rename } = body;
  if (rename !== undefined && rename !== null && typeof rename !== 'boolean') throw new DuetError('bad_request', '"rename" must be true or false');
  if (override === undefined || override === null) return { override: null, rename: rename === true };
  if (typeof override !== 'object' || Array.isArray(override)) throw new DuetError('bad_request', '"override" must be an object: { "reason": "why" }');
  const reason = (override as Record<string, unknown>).reason;
  if (typeof reason !== 'string') throw new DuetError('bad_request', '"override.reason" must be a string saying why');
  return { override: { reason }, rename: rename === true };
}

export function publishRoutes(deps: ApiDeps, historyAuthors?: HistoryAuthors): Route[] {
  const publisher = new Publisher({ store: deps.store, db: deps.db, dataDir: deps.dataDir, accounts: deps.accounts, ...(historyAuthors ? { historyAuthors } : {}) });
  return [
    { method: 'GET', path: '/api/site', access: (user) => may(user, 'site.configure'), handle: () => ({ site: publisher.settings.get() }) },
    {
      method: 'PUT',
      path: '/api/site',
      access: (user) => may(user, 'site.configure'),
      async handle({ req }) {
        return { site: await publisher.settings.set(await readJson(req)) };
      },
    },
    {
      method: 'POST',
      path: '/api/articles/:id/publish',
      access: (user) => may(user, 'article.publish'),
      async handle({ req, params, auth }) {
        const { override, rename } = publishBody(await readJson(req));
        return publisher.publish({ articleId: params.id!, user: auth!.user, override, rename });
      },
    },
    {
      method: 'GET',
      path: '/api/articles/:id/publications',
      access: 'user',
      handle: ({ params }) => ({ publications: publisher.list(params.id!) }),
    },
  ];
}
