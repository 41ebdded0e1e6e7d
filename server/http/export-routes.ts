/**
 * Reading an article in other shapes than the editor's: the exported Markdown
 * rendered as the site would show it (GET /api/articles/:id/preview), and the
 * bilingual review copy for reviewers outside Duet (GET /api/articles/:id/bilingual,
 * HTML, or Markdown with `?format=md`, as a download). Any signed-in user may read them.
 */
import type { IncomingMessage } from 'node:http';
import { articleTitle, readArticle } from '../../shared/article/article';
import { articleToMarkdown } from '../../shared/markdown/article-markdown';
import { previewHtml } from '../../shared/export/preview-html';
import { mediaResolver } from '../../shared/export/media-urls';
import { bilingualHtml } from '../../shared/export/bilingual-html';
import { bilingualMarkdown } from '../../shared/export/bilingual-markdown';
import { ArticleParamsSchema } from '../../shared/protocol/article-api';
import { ArticlePreviewSchema, BilingualQuerySchema } from '../../shared/protocol/export-api';
import { loadArticleDoc } from '../articles/article-service';
import { reachedOverHttps } from '../auth/client-address';
import { HOST_HEADER } from '../auth/http-auth';
import { MediaStore } from '../media/media-store';
import type { RouteModule } from '../routing/duet-app';
import type { Db } from '../store/database';
import type { ArticleStore } from '../store/article-store';

const BILINGUAL_FORMATS = { html: { type: 'text/html', extension: 'html' }, md: { type: 'text/markdown', extension: 'md' } } as const;

/** A download's file name: the title's ASCII words (safe in any header and file system), else the article's id. */
export function downloadName(title: string, id: string, suffix: string): string {
  const words = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${words || id.replace(/[^A-Za-z0-9_-]/g, '') || 'article'}${suffix}`;
}

/**
 * The address this request reached Duet at, for making the copy's image
 * addresses absolute (a downloaded file opened from disk has no origin of its own).
 */
function requestOrigin(req: IncomingMessage, secure: boolean): string | null {
  const host = req.headers.host ?? '';
  return HOST_HEADER.test(host) ? `${secure ? 'https' : 'http'}://${host}` : null;
}

export interface ExportRouteDeps {
  store: ArticleStore;
  db: Db;
  dataDir: string;
  trustProxy: boolean;
}

export const exportRoutes =
  ({ store, db, dataDir, trustProxy }: ExportRouteDeps): RouteModule =>
  async (app) => {
    const media = new MediaStore(db, dataDir);
    app.get(
      '/api/articles/:id/preview',
      { config: { access: 'user' }, schema: { params: ArticleParamsSchema, response: { 200: ArticlePreviewSchema } } },
      async (request) => {
        const { id } = request.params;
        const markdown = articleToMarkdown(readArticle(loadArticleDoc(store, id)));
        // An address of this article's images that names none of them shows as missing, as the site would show it.
        const storedNames = media.list(id).map((item) => item.name);
        return { markdown, html: previewHtml(markdown, { resolveImage: mediaResolver({ articleId: id, storedNames }) }) };
      },
    );

    app.get(
      '/api/articles/:id/bilingual',
      { config: { access: 'user' }, schema: { params: ArticleParamsSchema, querystring: BilingualQuerySchema } },
      async (request, reply) => {
        const { id } = request.params;
        const format = BILINGUAL_FORMATS[request.query.format ?? 'html'];
        const snapshot = readArticle(loadArticleDoc(store, id));
        const origin = requestOrigin(request.raw, reachedOverHttps(request.raw, trustProxy));
        const body =
          format.extension === 'html'
            ? bilingualHtml(snapshot, { resolveImage: (src) => (origin && src.startsWith('/') && !src.startsWith('//') ? origin + src : src) })
            : bilingualMarkdown(snapshot);
        return reply
          .headers({
            'content-type': `${format.type}; charset=utf-8`,
            'content-disposition': `attachment; filename="${downloadName(articleTitle(snapshot), id, `-bilingual.${format.extension}`)}"`,
            // Opened in a browser from here, the copy may show its images and its own styles, nothing else.
            'content-security-policy': "default-src 'none'; img-src * data:; style-src 'unsafe-inline'",
          })
          .send(body);
      },
    );
  };
