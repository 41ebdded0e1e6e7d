/**
 * The JSON API under /api: a table of routes, each saying who may call it.
 * Errors are `{ error: { code, message } }` with the matching HTTP status.
 * The core routes (setup, sessions, articles) are here; each other area's
 * routes come from a module listed in ROUTE_MODULES.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DuetError } from '../../shared/protocol/errors';
import { may } from '../../shared/permissions/permissions';
import type { ArticleListResponse } from '../../shared/protocol/api';
import { decodeTextFile } from '../../shared/import/text-file';
import { isSourceFormat, previewSource, SOURCE_FORMATS, type ImportSourceInput } from '../../shared/import/import-source';
import { createEmptyArticle, exportArticle, importPublished, importSourceArticle, listArticles, showArticle } from '../articles/article-service';
import { keepOpening, keptOpening } from '../articles/opening-cache';
import type { User } from '../auth/accounts';
import { authenticate, checkCsrf, clearedSessionCookie, readCookie, SESSION_COOKIE, sessionCookie } from '../auth/http-auth';
import { SignInThrottle } from '../auth/sign-in-throttle';
import { clientAddress, reachedOverHttps } from './client-address';
import type { ApiDeps, Route, RouteModule } from './route';
import { readJson, stringField } from './request-body';
import { sendError, sendJson, sendJsonText } from './json';
import { exportRoutes } from './export-routes';
import { xliffRoutes } from './xliff-routes';
import { mediaRoutes } from '../media/media-routes';
import { publishRoutes } from '../publish/publish-routes';
import { reviewRoutes } from '../review/review-routes';
import { userRoutes } from '../auth/user-routes';

const publicUser = (user: User) => ({ id: user.id, name: user.name, role: user.role });

function booleanField(body: Record<string, unknown>, name: string): boolean {
  const value = body[name];
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') throw new DuetError('bad_request', `"${name}" must be true or false`);
  return value;
}

/** The body of POST /api/articles/import: text as `content`, a Word file as `contentBase64`. */
function sourceImportInput(body: Record<string, unknown>): ImportSourceInput & { title?: string } {
  const content = stringField(body, 'content');
  const base64 = stringField(body, 'contentBase64');
  if ((content === undefined) === (base64 === undefined)) {
    throw new DuetError('bad_request', 'send exactly one of "content" (the text of an HTML, Markdown or text file) or "contentBase64" (a file\'s bytes, e.g. a .docx)');
  }
  const format = stringField(body, 'format');
  if (format !== undefined && !isSourceFormat(format)) throw new DuetError('bad_request', `"format" must be one of ${SOURCE_FORMATS.join(', ')}`);
  const filename = stringField(body, 'filename');
  const sourceUrl = stringField(body, 'sourceUrl');
  const title = stringField(body, 'title');
  return {
    bytes: content !== undefined ? new TextEncoder().encode(content) : decodeBase64(base64!),
    ...(filename !== undefined ? { filename } : {}),
    ...(format !== undefined ? { format } : {}),
    ...(sourceUrl !== undefined ? { sourceUrl } : {}),
    ...(title !== undefined ? { title } : {}),
    sentences: booleanField(body, 'sentences'),
  };
}

/** Strict base64 (a `data:…;base64,` prefix, as FileReader gives, is allowed): a typo must not import garbage. */
function decodeBase64(text: string): Uint8Array {
  const value = text.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '');
  if (value.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) throw new DuetError('bad_request', '"contentBase64" is not valid base64');
  const buffer = Buffer.from(value, 'base64');
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** Every other area's routes; add a module here. */
const ROUTE_MODULES: RouteModule[] = [exportRoutes, xliffRoutes, mediaRoutes, publishRoutes, reviewRoutes, userRoutes];

export function api(deps: ApiDeps) {
  const { store, accounts, trustProxy = false, log } = deps;
  const signIns = deps.signIns ?? new SignInThrottle();
  const activeUsers = deps.activeUsers ?? ((id: string) => deps.collab.activeUsers(id));
  const startSession = (req: IncomingMessage, res: ServerResponse, user: User) => {
    const session = accounts.createSession(user.id);
    // Behind a TLS proxy the cookie must never travel in the clear.
    res.setHeader('set-cookie', sessionCookie(session.token, session.expiresAt, reachedOverHttps(req, trustProxy)));
  };

  const routes: Route[] = [
    { method: 'GET', path: '/api/health', access: 'public', handle: () => ({ ok: true }) },
    { method: 'GET', path: '/api/setup', access: 'public', handle: () => ({ needed: !accounts.hasAdmin() }) },
    {
      method: 'POST',
      path: '/api/setup',
      access: 'public',
      async handle({ req, res }) {
        checkCsrf(req, 'session');
        if (accounts.hasAdmin()) throw new DuetError('conflict', 'Duet is already set up: sign in instead');
        const body = await readJson(req);
        const { user } = await accounts.addUser(stringField(body, 'name', true), 'admin', stringField(body, 'password', true));
        startSession(req, res, user);
        res.statusCode = 201;
        return { user: publicUser(user) };
      },
    },
    {
      method: 'POST',
      path: '/api/login',
      access: 'public',
      async handle({ req, res }) {
        checkCsrf(req, 'session');
        const body = await readJson(req);
        const name = stringField(body, 'name', true);
        const password = stringField(body, 'password', true);
        const from = clientAddress(req, trustProxy);
        // Quoted and cut short: the name is whatever was sent, and goes into the log.
        const who = `${JSON.stringify(name.slice(0, 60))} from ${from}`;
        const attempt = signIns.attempt(accounts.idForName(name), from);
        if (!attempt.allowed) {
          // Once per wait: refusals are cheap to send, and each would otherwise be a log line.
          if (attempt.firstRefusal) log(`sign-in: ${who} refused for ${attempt.retryAfterSeconds} s after too many failed attempts`);
          res.setHeader('retry-after', String(attempt.retryAfterSeconds));
          throw new DuetError('too_many_requests', `too many sign-in attempts: try again in ${attempt.retryAfterSeconds} s`);
        }
        const user = await accounts.verifyPassword(name, password);
        if (!user) {
          log(`sign-in: wrong name or password for ${who}`);
          throw new DuetError('unauthenticated', 'wrong name or password');
        }
        signIns.succeeded(user.id, from);
        startSession(req, res, user);
        return { user: publicUser(user) };
      },
    },
    {
      method: 'POST',
      path: '/api/logout',
      access: 'public',
      handle({ req, res, auth }) {
        if (auth?.via === 'session') {
          checkCsrf(req, 'session');
          const token = readCookie(req.headers.cookie, SESSION_COOKIE);
          if (token) {
            accounts.deleteSession(token);
            // The session's open websockets end with it: they would otherwise go on writing as this user.
            deps.collab.endCredential(accounts.credentialKey('session', token), 'you signed out');
          }
        }
        res.setHeader('set-cookie', clearedSessionCookie());
        return { ok: true };
      },
    },
    { method: 'GET', path: '/api/me', access: 'user', handle: ({ auth }) => ({ user: publicUser(auth!.user) }) },
    {
      method: 'GET',
      path: '/api/articles',
      access: 'user',
      handle: ({ auth }): ArticleListResponse => ({ articles: listArticles(store, activeUsers, auth!.user.name) }),
    },
    {
      method: 'POST',
      path: '/api/articles',
      access: (user) => may(user, 'article.create'),
      async handle({ req, res }) {
        const body = await readJson(req);
        const title = stringField(body, 'title');
        const markdown = stringField(body, 'markdown');
        const id =
          markdown !== undefined
            ? importPublished(store, decodeTextFile(new TextEncoder().encode(markdown), 'the Markdown'), title !== undefined ? { title } : {})
            : createEmptyArticle(store, title !== undefined ? { title } : {});
        res.statusCode = 201;
        return { id };
      },
    },
    {
      method: 'POST',
      path: '/api/articles/import',
      access: (user) => may(user, 'article.create'),
      async handle({ req, res }) {
        const body = await readJson(req);
        const input = sourceImportInput(body);
        if (booleanField(body, 'preview')) return previewSource(input);
        const id = await importSourceArticle(store, input);
        res.statusCode = 201;
        return { id };
      },
    },
    { method: 'GET', path: '/api/articles/:id', access: 'user', handle: ({ params }) => showArticle(store, params.id!) },
    {
      // A cheap check before opening the editor: it reads no document (showing a long article costs a full export).
      method: 'GET',
      path: '/api/articles/:id/exists',
      access: 'user',
      handle({ params }) {
        if (!store.has(params.id!)) throw new DuetError('not_found', `no article with id "${params.id}"`);
        return { id: params.id };
      },
    },
    {
      // The first rows, for the editor to show while the whole document is on its way (shared/article/opening.ts).
      method: 'GET',
      path: '/api/articles/:id/opening',
      access: 'user',
      handle({ params, res }) {
        const id = params.id!;
        // Kept since the article last changed: no document to build (a first visit to a long article nobody has open).
        sendJsonText(res, 200, keptOpening(store, id) ?? deps.collab.readArticle(id, (doc) => keepOpening(store, id, doc)));
        return undefined;
      },
    },
    {
      method: 'GET',
      path: '/api/articles/:id/export',
      access: 'user',
      handle({ params, res }) {
        const markdown = exportArticle(store, params.id!);
        res.writeHead(200, { 'content-type': 'text/markdown; charset=utf-8', 'cache-control': 'no-store' });
        res.end(markdown);
        return undefined;
      },
    },
    ...ROUTE_MODULES.flatMap((module) => module(deps)),
  ];

  const match = (method: string, path: string): { route: Route; params: Record<string, string> } | null => {
    const parts = path.split('/');
    for (const route of routes) {
      const pattern = route.path.split('/');
      if (route.method !== method || pattern.length !== parts.length) continue;
      const params: Record<string, string> = {};
      if (pattern.every((segment, i) => (segment.startsWith(':') ? ((params[segment.slice(1)] = parts[i]!), parts[i] !== '') : segment === parts[i]))) {
        return { route, params };
      }
    }
    return null;
  };

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const path = new URL(req.url ?? '/', 'http://x').pathname.replace(/\/+$/, '');
      const found = match(req.method ?? 'GET', path);
      if (!found) {
        const known = routes.some((route) => match(route.method, path)?.route === route);
        throw new DuetError(known ? 'bad_request' : 'not_found', known ? `${req.method} is not allowed on ${path}` : `no API route ${req.method} ${path}`);
      }
      const auth = authenticate(req, accounts);
      const { route } = found;
      if (route.access !== 'public') {
        if (!auth) throw new DuetError('unauthenticated', 'sign in, or send an API token as "Authorization: Bearer duet_…"');
        if (typeof route.access === 'function' && !route.access(auth.user)) {
          throw new DuetError('forbidden', `a ${auth.user.role} may not ${route.method} ${route.path}`);
        }
        checkCsrf(req, auth.via);
      }
      const body = await route.handle({ req, res, params: found.params, auth });
      if (!res.writableEnded) sendJson(res, res.statusCode === 200 ? 200 : res.statusCode, body);
    } catch (error) {
      sendError(res, error, log);
    }
  };
}
