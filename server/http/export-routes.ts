/**
 * Reading an article in other shapes than the editor's: the exported Markdown
 * rendered as the site would show it (GET /api/articles/:id/preview), and the
 * bilingual review copy for reviewers outside Duet (GET /api/articles/:id/bilingual,
 * HTML, or Markdown with `?format=md`, as a download). Any signed-in user may read them.
 */
import type { IncomingMessage } from 'node:http';
import { articleTitle, readArticle } from '../../shared/article/article';
import { articleToMarkdown } from '../../shared/markdown/article-markdown';
import { previewHtml, type ArticlePreview } from '../../shared/export/preview-html';
import { mediaResolver } from '../../shared/export/media-urls';
import { bilingualHtml } from '../../shared/export/bilingual-html';
import { bilingualMarkdown } from '../../shared/export/bilingual-markdown';
import { DuetError } from '../../shared/protocol/errors';
import { loadArticleDoc } from '../articles/article-service';
import { MediaStore } from '../media/media-store';
import { reachedOverHttps } from './client-address';
import type { RouteModule } from './route';

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
  return /^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/.test(host) ? `${secure ? 'https' : 'http'}://${host}` : null;
}

export const exportRoutes: RouteModule = ({ store, db, dataDir, trustProxy = false }) => {
  const media = new MediaStore(db, dataDir);
  return [
    {
      method: 'GET',
      path: '/api/articles/:id/preview',
      access: 'user',
      handle({ params }): ArticlePreview {
        const id = params.id!;
        const markdown = articleToMarkdown(readArticle(loadArticleDoc(store, id)));
        // An address of this article's images that names none of them shows as missing, as the site would show it.
        const storedNames = media.list(id).map((item) => item.name);
        return { markdown, html: previewHtml(markdown, { resolveImage: mediaResolver({ articleId: id, storedNames }) }) };
      },
    },
    {
      method: 'GET',
      path: '/api/articles/:id/bilingual',
      access: 'user',
      handle({ req, res, params }) {
        const id = params.id!;
        const requested = new URL(req.url ?? '/', 'http://x').searchParams.get('format') ?? 'html';
        if (!Object.hasOwn(BILINGUAL_FORMATS, requested)) throw new DuetError('bad_request', `"format" must be html or md, not ${JSON.stringify(requested)}`);
        const format = BILINGUAL_FORMATS[requested as keyof typeof BILINGUAL_FORMATS];
        const snapshot = readArticle(loadArticleDoc(store, id));
        const origin = requestOrigin(req, reachedOverHttps(req, trustProxy));
        const body =
          format.extension === 'html'
            ? bilingualHtml(snapshot, { resolveImage: (src) => (origin && src.startsWith('/') && !src.startsWith('//') ? origin + src : src) })
            : bilingualMarkdown(snapshot);
        res.writeHead(200, {
          'content-type': `${format.type}; charset=utf-8`,
          'content-disposition': `attachment; filename="${downloadName(articleTitle(snapshot), id, `-bilingual.${format.extension}`)}"`,
          'cache-control': 'no-store',
          // Opened in a browser from here, the copy may show its images and its own styles, nothing else.
          'content-security-policy': "default-src 'none'; img-src * data:; style-src 'unsafe-inline'",
        });
        res.end(body);
        return undefined;
      },
    },
  ];
};
