/**
 * The memory applied to one article (docs/MEMORY.md): pre-translation (fill
 * its untranslated segments from matches at a threshold, live, through the
 * article's room) and its analysis by match band. Filling writes targets, so
 * it is for whoever may write them; the analysis is for every member.
 */
import type * as Y from 'yjs';
import { ArticleParamsSchema } from '../../shared/protocol/article-api';
import { DuetError } from '../../shared/protocol/errors';
import { AnalysisSchema, PretranslatedSchema, PretranslateSchema } from '../../shared/protocol/memory-api';
import type { CollabServer } from '../collab/collab-server';
import type { RouteModule } from '../routing/duet-app';
import type { ArticleStore } from '../store/article-store';
import { analyzeArticle } from './analysis';
import { pretranslate } from './pretranslate';
import type { TranslationMemory } from './translation-memory';

export interface ArticleMemoryRouteDeps {
  store: ArticleStore;
  memory: TranslationMemory;
  collab: Pick<CollabServer, 'readArticle' | 'changeArticle' | 'flushDerived'>;
}

export const articleMemoryRoutes =
  ({ store, memory, collab }: ArticleMemoryRouteDeps): RouteModule =>
  async (app) => {
    const known = (id: string) => {
      if (!store.has(id)) throw new DuetError('not_found', `no article with id "${id}"`);
    };

    app.post(
      '/api/articles/:id/pretranslate',
      { config: { access: 'target.edit' }, schema: { params: ArticleParamsSchema, body: PretranslateSchema, response: { 200: PretranslatedSchema } } },
      async (request) => {
        const { id } = request.params;
        known(id);
        // A segment confirmed a moment ago is in the memory only once derived: filling its repetitions needs it now.
        collab.flushDerived(id);
        const { name, role } = request.auth!.user;
        return pretranslate(
          {
            memory,
            read: <T>(articleId: string, reader: (doc: Y.Doc) => T) => collab.readArticle(articleId, reader),
            change: (articleId, change) => void collab.changeArticle(articleId, { name, role }, change),
          },
          id,
          request.body,
          name,
        );
      },
    );

    app.get(
      '/api/articles/:id/analysis',
      { config: { access: 'user' }, schema: { params: ArticleParamsSchema, response: { 200: AnalysisSchema } } },
      async (request) => {
        const { id } = request.params;
        known(id);
        return analyzeArticle((reader) => collab.readArticle(id, reader), memory, id);
      },
    );
  };
