/**
 * `npm run dev`'s proxy (vite.config.ts): the server's paths go to the Duet
 * server, the client's own modules that share their prefix (client/api/*.ts
 * at /api/*.ts, client/collab/*.ts at /collab/*.ts) stay with Vite. Vite
 * reads a proxy key starting with ^ as a regular expression.
 */
import { describe, expect, test } from 'vitest';
import config from '../vite.config';

const keys = Object.keys(config.server?.proxy ?? {});
const proxied = (path: string) => keys.some((key) => (key.startsWith('^') ? new RegExp(key).test(path) : path.startsWith(key)));

describe("the development server's proxy", () => {
  test("sends the server's API and websocket paths to the server", () => {
    for (const path of ['/api/me', '/api/articles/k3j2/opening', '/api/articles/k3j2/export.md', '/api/login?next=1', '/collab/k3j2'])
      expect(proxied(path), path).toBe(true);
  });

  test("keeps the client's own modules in client/api and client/collab", () => {
    for (const path of [
      '/api/api.ts',
      '/api/http.ts?import',
      '/api/early-requests.ts?t=1700000000',
      '/collab/opening.ts',
      '/collab/early-session.ts?v=3',
      '/collab/Thing.tsx',
    ])
      expect(proxied(path), path).toBe(false);
  });
});
