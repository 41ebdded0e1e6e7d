/**
 * Articles over the API: the list, creating one (empty or from a published
 * Markdown file), importing a Chinese source (or previewing the import), one
 * article as JSON, the cheap existence check, the opening rows, and the
 * exported Markdown.
 */
import type * as Y from 'yjs';
import type { ImportSourceInput } from '../../shared/import/import-source';
import { previewSource } from '../../shared/import/import-source';
import { decodeTextFile } from '../../shared/import/text-file';
import {
  ArticleIdSchema,
  ArticleJsonSchema,
  ArticleListSchema,
  ArticleParamsSchema,
  CreateArticleSchema,
  ImportSourceSchema,
  SourcePreviewSchema,
  type ImportSourceBody,
} from '../../shared/protocol/article-api';
import { DuetError } from '../../shared/protocol/errors';
import type { RouteModule } from '../routing/duet-app';
import type { ArticleStore } from '../store/article-store';
import { createEmptyArticle, exportArticle, importPublished, importSourceArticle, listArticles, showArticle } from './article-service';
import { keepOpening, keptOpening } from './opening-cache';
import { decodeBase64 } from '../routing/request-base64';

export interface ArticleRouteDeps {
  store: ArticleStore;
  /** Fill a just-imported source before it is stored, as `actor` (the memory's exact matches; server/main.ts wires it). */
  fillNewArticle?: (doc: Y.Doc, origin: unknown, actor: string) => void;
  /** The collaboration server (server/collab, which imports this folder: hence only its shape here). */
  collab: {
    activeUsers(articleId: string): string[];
    readArticle<T>(articleId: string, read: (doc: Y.Doc) => T): T;
  };
}

/** The import body as the importer takes it: text or a file's bytes, both as bytes. */
function importInput(body: ImportSourceBody): ImportSourceInput {
  const { content, contentBase64, filename, format, sourceUrl } = body;
  return {
    bytes: content !== undefined ? new TextEncoder().encode(content) : decodeBase64(contentBase64!),
    ...(filename !== undefined ? { filename } : {}),
    ...(format !== undefined ? { format } : {}),
    ...(sourceUrl !== undefined ? { sourceUrl } : {}),
    sentences: body.sentences ?? false,
  };
}

export const articleRoutes =
  ({ store, collab, fillNewArticle }: ArticleRouteDeps): RouteModule =>
  async (app) => {
    const params = ArticleParamsSchema;

    app.get('/api/articles', { config: { access: 'user' }, schema: { response: { 200: ArticleListSchema } } }, async (request) => ({
      articles: listArticles(store, (id) => collab.activeUsers(id), request.auth!.user.name),
    }));

    app.post(
      '/api/articles',
      { config: { access: 'article.create' }, schema: { body: CreateArticleSchema, response: { 201: ArticleIdSchema } } },
      async (request, reply) => {
        const { title, markdown } = request.body;
        const options = title !== undefined ? { title } : {};
        const id =
          markdown !== undefined
            ? importPublished(store, decodeTextFile(new TextEncoder().encode(markdown), 'the Markdown'), options)
            : createEmptyArticle(store, options);
        return reply.code(201).send({ id });
      },
    );

    app.post(
      '/api/articles/import',
      { config: { access: 'article.create' }, schema: { body: ImportSourceSchema, response: { 200: SourcePreviewSchema, 201: ArticleIdSchema } } },
      async (request, reply) => {
        const input = importInput(request.body);
        if (request.body.preview) return reply.code(200).send(await previewSource(input));
        const { title } = request.body;
        const actor = request.auth!.user.name;
        const fill = fillNewArticle && request.body.pretranslate !== false && ((doc: Y.Doc, origin: unknown) => fillNewArticle(doc, origin, actor));
        const id = await importSourceArticle(store, { ...input, ...(title !== undefined ? { title } : {}), ...(fill ? { fill } : {}) });
        return reply.code(201).send({ id });
      },
    );

    app.get('/api/articles/:id', { config: { access: 'user' }, schema: { params, response: { 200: ArticleJsonSchema } } }, async (request) =>
      showArticle(store, request.params.id),
    );

    // A cheap check before opening the editor: it reads no document (showing a long article costs a full export).
    app.get('/api/articles/:id/exists', { config: { access: 'user' }, schema: { params, response: { 200: ArticleIdSchema } } }, async (request) => {
      const { id } = request.params;
      if (!store.has(id)) throw new DuetError('not_found', `no article with id "${id}"`);
      return { id };
    });

    // The first rows, for the editor to show while the whole document is on its way (shared/article/opening.ts).
    app.get('/api/articles/:id/opening', { config: { access: 'user' }, schema: { params } }, async (request, reply) => {
      const { id } = request.params;
      // Kept since the article last changed: no document to build (a first visit to a long article nobody has open).
      const json = keptOpening(store, id) ?? collab.readArticle(id, (doc) => keepOpening(store, id, doc));
      // Already JSON (kept in the store as text): sent as it is.
      return reply.type('application/json; charset=utf-8').send(json);
    });

    app.get('/api/articles/:id/export', { config: { access: 'user' }, schema: { params } }, async (request, reply) =>
      reply.type('text/markdown; charset=utf-8').send(exportArticle(store, request.params.id)),
    );
  };
