/**
 * The media routes: upload an image into an article, store a remote one,
 * list them, serve one. See docs/PUBLISHING.md.
 */
import { ArticleParamsSchema } from '../../shared/protocol/article-api';
import { DuetError } from '../../shared/protocol/errors';
import { FetchImageSchema, MediaListSchema, MediaParamsSchema, StoredMediaSchema, UploadQuerySchema } from '../../shared/protocol/media-api';
import type { RouteModule } from '../routing/duet-app';
import type { ArticleStore } from '../store/article-store';
import type { Db } from '../store/database';
import { DEFAULT_FETCH_LIMITS, fetchImage, type FetchLimits } from './fetch-image';
import { MAX_MEDIA_BYTES, MediaStore } from './media-store';

/** DUET_MEDIA_FETCH_PRIVATE=1 lets the server fetch from loopback and private addresses. */
export function fetchLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): FetchLimits {
  return { ...DEFAULT_FETCH_LIMITS, allowPrivate: env.DUET_MEDIA_FETCH_PRIVATE === '1' };
}

export interface MediaRouteDeps {
  store: ArticleStore;
  db: Db;
  dataDir: string;
}

export const mediaRoutes =
  (deps: MediaRouteDeps, limits: FetchLimits = fetchLimitsFromEnv()): RouteModule =>
  async (app) => {
    const media = new MediaStore(deps.db, deps.dataDir);
    const requireArticle = (id: string) => {
      if (!deps.store.has(id)) throw new DuetError('not_found', `no article with id "${id}"`);
    };

    app.get(
      '/api/articles/:id/media',
      { config: { access: 'user' }, schema: { params: ArticleParamsSchema, response: { 200: MediaListSchema } } },
      async (request) => {
        requireArticle(request.params.id);
        return { media: media.list(request.params.id) };
      },
    );

    // The upload's body is the image itself, whatever type it says it is: the store sniffs the bytes.
    const upload: RouteModule = async (upload) => {
      upload.removeAllContentTypeParsers();
      upload.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
      upload.post(
        '/api/articles/:id/media',
        {
          config: { access: 'media.add' },
          bodyLimit: MAX_MEDIA_BYTES,
          schema: { params: ArticleParamsSchema, querystring: UploadQuerySchema, response: { 200: StoredMediaSchema, 201: StoredMediaSchema } },
        },
        async (request, reply) => {
          requireArticle(request.params.id);
          const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
          const saved = media.save(request.params.id, bytes, { filename: request.query.filename ?? null, createdBy: request.auth!.user.name });
          return reply.code(saved.created ? 201 : 200).send({ media: saved.item });
        },
      );
    };
    await app.register(upload);

    app.post(
      '/api/articles/:id/media/fetch',
      {
        config: { access: 'media.add' },
        schema: { params: ArticleParamsSchema, body: FetchImageSchema, response: { 200: StoredMediaSchema, 201: StoredMediaSchema } },
      },
      async (request, reply) => {
        requireArticle(request.params.id);
        const fetched = await fetchImage(request.body.url, limits);
        const saved = media.save(request.params.id, fetched.bytes, {
          sourceUrl: fetched.url,
          createdBy: request.auth!.user.name,
          filename: new URL(fetched.url).pathname.split('/').pop() || null,
        });
        return reply.code(saved.created ? 201 : 200).send({ media: saved.item });
      },
    );

    app.get('/api/articles/:id/media/:name', { config: { access: 'user' }, schema: { params: MediaParamsSchema } }, async (request, reply) => {
      const { id, name } = request.params;
      const found = media.read(id, name);
      if (!found) throw new DuetError('not_found', `article "${id}" has no image "${name}"`);
      const etag = `"${found.item.name.slice(0, found.item.name.indexOf('.'))}"`;
      reply.headers({
        'content-type': found.item.type,
        // The name is the content's hash: it never changes. Private: it needs a signed-in user.
        'cache-control': 'private, max-age=31536000, immutable',
        etag,
        'content-security-policy': "default-src 'none'; sandbox",
      });
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.send(found.bytes);
    });
  };
