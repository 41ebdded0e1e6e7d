/** The JSON API under /api. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DuetError } from '../../shared/protocol/errors';
import type { ArticleListResponse } from '../../shared/protocol/api';
import { exportArticle, listArticles, showArticle } from '../articles/article-service';
import type { ArticleStore } from '../store/article-store';
import { sendError, sendJson } from './json';

export function api(store: ArticleStore, log: (line: string) => void) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    try {
      const url = new URL(req.url ?? '/', 'http://x');
      const parts = url.pathname.split('/').filter(Boolean).slice(1); // drop "api"
      const route = `${req.method} /${parts.map((part, i) => (i === 1 ? ':id' : part)).join('/')}`;
      const id = parts[1] ?? '';
      switch (route) {
        case 'GET /health':
          return sendJson(res, 200, { ok: true });
        case 'GET /articles':
          return sendJson(res, 200, { articles: listArticles(store) } satisfies ArticleListResponse);
        case 'GET /articles/:id':
          return sendJson(res, 200, showArticle(store, id));
        case 'GET /articles/:id/export': {
          const markdown = exportArticle(store, id);
          res.writeHead(200, { 'content-type': 'text/markdown; charset=utf-8' });
          return void res.end(markdown);
        }
        default:
          throw new DuetError('not_found', `no API route ${req.method} ${url.pathname}`);
      }
    } catch (error) {
      sendError(res, error, log);
    }
  };
}
