/**
 * The translation memory over the API (docs/MEMORY.md): matches for a source,
 * concordance, what was used, and the memory's size. Every signed-in member
 * may read the memory (reviewers check translations against it); recording
 * a use is for whoever may write targets.
 */
import { DuetError } from '../../shared/protocol/errors';
import {
  ConcordanceSchema,
  LookupSchema,
  MatchesSchema,
  MemoryStatsSchema,
  SearchQuerySchema,
  UnitParamsSchema,
  UsedSchema,
} from '../../shared/protocol/memory-api';
import type { RouteModule } from '../routing/duet-app';
import type { TranslationMemory } from './translation-memory';

export interface MemoryRouteDeps {
  memory: TranslationMemory;
}

const SEARCH_LIMIT = 50;

export const memoryRoutes =
  ({ memory }: MemoryRouteDeps): RouteModule =>
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

    app.post(
      '/api/memory/units/:unitId/used',
      { config: { access: 'target.edit' }, schema: { params: UnitParamsSchema, response: { 200: UsedSchema } } },
      async (request) => {
        const usedCount = memory.markUsed(request.params.unitId, Date.now());
        if (usedCount === null) throw new DuetError('not_found', `no memory unit with id ${request.params.unitId}`);
        return { ok: true as const, usedCount };
      },
    );
  };
