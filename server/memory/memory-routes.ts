/**
 * The translation memory over the API (docs/MEMORY.md): matches for a source,
 * concordance, what was used, and the memory's size. Every signed-in member
 * may read the memory (reviewers check translations against it); recording
 * a use is for whoever may write targets. The approved translations of one
 * article's sources feed the publish page's consistency check. Importing a TMX file into the
 * memory and downloading the whole memory as one are the admins'.
 */
import { DuetError } from '../../shared/protocol/errors';
import { readArticle } from '../../shared/article/article';
import { ArticleParamsSchema } from '../../shared/protocol/article-api';
import {
  ConcordanceSchema,
  LookupSchema,
  MatchesSchema,
  MemoryConsistencySchema,
  MemoryStatsSchema,
  SearchQuerySchema,
  TmxImportSchema,
  TmxImportSummarySchema,
  UnitParamsSchema,
  UsedSchema,
} from '../../shared/protocol/memory-api';
import { loadArticleDoc } from '../articles/article-service';
import type { RouteModule } from '../routing/duet-app';
import type { ArticleStore } from '../store/article-store';
import { MAX_TMX_BYTES } from '../../shared/memory/tmx';
import { exportMemoryTmx, importMemoryTmx, TMX_CONTENT_TYPE, TMX_DOWNLOAD_NAME } from './tmx-service';
import { approvedTranslationsFor } from './memory-consistency';
import { originFileName } from '../routing/origin-file-name';
import type { TranslationMemory } from './translation-memory';

export interface MemoryRouteDeps {
  memory: TranslationMemory;
  /** The articles, whose sources the consistency route looks up. */
  store: ArticleStore;
  /** The creating tool's version an exported file names (Duet's package version). */
  version: string;
}

const SEARCH_LIMIT = 50;

/**
 * A TMX import's body: the file at its limit, as a JSON string. Markup's quotes
 * and line breaks are escaped, so allow twice the file (every other route keeps
 * the app's smaller limit).
 */
const TMX_BODY_BYTES = MAX_TMX_BYTES * 2 + 4096;

export const memoryRoutes =
  ({ memory, store, version }: MemoryRouteDeps): RouteModule =>
  async (app) => {
    app.get('/api/memory', { config: { access: 'user' }, schema: { response: { 200: MemoryStatsSchema } } }, async () => memory.stats());

    app.post('/api/memory/lookup', { config: { access: 'user' }, schema: { body: LookupSchema, response: { 200: MatchesSchema } } }, async (request) => ({
      matches: memory.lookup(request.body),
    }));

    app.get(
      '/api/memory/search',
      { config: { access: 'user' }, schema: { querystring: SearchQuerySchema, response: { 200: ConcordanceSchema } } },
      async (request) => memory.search(request.query.q, request.query.side, request.query.limit ?? SEARCH_LIMIT),
    );

    // The approved translations of the article's sources, for the publish page's consistency check (docs/QA.md).
    app.get(
      '/api/articles/:id/memory-consistency',
      { config: { access: 'user' }, schema: { params: ArticleParamsSchema, response: { 200: MemoryConsistencySchema } } },
      async (request) => {
        const { id } = request.params;
        const approved = approvedTranslationsFor(memory, id, readArticle(loadArticleDoc(store, id)).segments);
        return { approved: [...approved].map(([sourceKey, translations]) => ({ sourceKey, translations })) };
      },
    );

    app.post(
      '/api/memory/units/:unitId/used',
      { config: { access: 'target.edit' }, schema: { params: UnitParamsSchema, response: { 200: UsedSchema } } },
      async (request) => {
        const usedCount = memory.markUsed(request.params.unitId, Date.now());
        if (usedCount === null) throw new DuetError('not_found', `no memory unit with id ${request.params.unitId}`);
        return { ok: true as const, usedCount };
      },
    );

    app.post(
      '/api/memory/tmx',
      { config: { access: 'memory.import' }, bodyLimit: TMX_BODY_BYTES, schema: { body: TmxImportSchema, response: { 200: TmxImportSummarySchema } } },
      // A file readTmx refuses is a DuetError (invalid_input, or too_large) naming its line, and nothing is stored.
      async (request) => importMemoryTmx(memory, request.body.tmx, originFileName(request.body.fileName), Date.now()),
    );

    app.get('/api/memory/tmx', { config: { access: 'memory.export' } }, async (_request, reply) =>
      reply
        .headers({ 'content-type': `${TMX_CONTENT_TYPE}; charset=utf-8`, 'content-disposition': `attachment; filename="${TMX_DOWNLOAD_NAME}"` })
        .send(exportMemoryTmx(memory, version)),
    );
  };
