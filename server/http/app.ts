/**
 * The HTTP layer on Fastify: the headers every answer carries, the API's
 * error shape, who may call each route (and the CSRF check), request
 * validation from the routes' schemas, the API's routes (each area's module,
 * handed in by server/main.ts so this folder imports none of them), and the
 * built client's files. The websocket upgrade does not pass through here:
 * main.ts hands the server's `upgrade` events to websocket-upgrade.ts.
 */
import Fastify from 'fastify';
import { MAX_IMPORT_BYTES } from '../../shared/import/text-file';
import type { Accounts } from '../auth/accounts';
import type { DuetApp, RouteModule } from '../routing/duet-app';
import type { ValibotTypeProvider } from '../routing/valibot-type-provider';
import { accessChecks } from './access';
import { apiErrors, frameworkErrors } from './api-errors';
import { securityHeaders } from './security-headers-hook';
import { serializerCompiler, validatorCompiler } from './schema-validation';
import { clientFiles } from './static-files';

/** The largest request body: an imported file at its limit, plus JSON's escaping (image uploads have their own). */
export const MAX_BODY_BYTES = MAX_IMPORT_BYTES * 2;

export interface AppOptions {
  accounts: Accounts;
  /** The API's routes, area by area. */
  routes: RouteModule[];
  /** The built client (dist/client). */
  clientDir: string;
  log: (line: string) => void;
}

export async function buildApp(options: AppOptions): Promise<DuetApp> {
  const app = Fastify({
    // Duet logs its own lines (options.log); Fastify's request log would repeat every request.
    logger: false,
    bodyLimit: MAX_BODY_BYTES,
    // Closing the server ends idle keep-alive connections too, so close() does not wait for browsers.
    forceCloseConnections: true,
    // Room for long names in paths (stored images are named by their SHA-256); longer ones are 404.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 1000 },
    frameworkErrors,
  }).withTypeProvider<ValibotTypeProvider>();
  // The API reads JSON and nothing else: Fastify's other default parser (text/plain, the type a
  // cross-site form can send without a preflight) goes, so any other body is refused, route or not.
  // An empty body marked as JSON is no body (a script's DELETE with its usual headers), not an error;
  // a route that needs one says so through its schema. Anything else: Fastify's own JSON parser.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (text === '') done(null, undefined);
    else void parseJson(request, text, done); // it answers through done, never by its return value
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Hooks first: they apply to the routes registered after them.
  securityHeaders(app);
  apiErrors(app, options.log);
  accessChecks(app, options.accounts);
  app.addHook('onRequest', async (request, reply) => {
    // API answers are about now: no cache may keep them (a route that serves a file says otherwise).
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
  app.get('/api/health', { config: { access: 'public' } }, async () => ({ ok: true }));
  for (const routes of options.routes) await app.register(routes);
  clientFiles(app, options.clientDir);
  await app.ready();
  return app;
}
