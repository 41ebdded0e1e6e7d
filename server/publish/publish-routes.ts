/**
 * The publishing routes: the site's configuration (admins), publishing an
 * article (roles that may `article.publish`), and its publications. See docs/PUBLISHING.md.
 */
import { ArticleParamsSchema } from '../../shared/protocol/article-api';
import { PublicationsSchema, PublishRequestSchema, PublishResultSchema, SiteAnswerSchema, SiteInputSchema } from '../../shared/protocol/publish-api';
import type { Accounts } from '../auth/accounts';
import type { RouteModule } from '../routing/duet-app';
import type { ArticleStore } from '../store/article-store';
import type { Db } from '../store/database';
import type { Glossary } from '../glossary/glossary';
import type { TranslationMemory } from '../memory/translation-memory';
import type { HistoryAuthors } from './contributors';
import { Publisher } from './publisher';

export interface PublishRouteDeps {
  store: ArticleStore;
  db: Db;
  dataDir: string;
  accounts: Accounts;
  /** QA before publishing holds the article against the memory's approved units. */
  memory?: TranslationMemory;
  /** QA before publishing checks the glossary's terms. */
  glossary?: Glossary;
}

export const publishRoutes =
  (deps: PublishRouteDeps, historyAuthors?: HistoryAuthors): RouteModule =>
  async (app) => {
    const publisher = new Publisher({
      store: deps.store,
      db: deps.db,
      dataDir: deps.dataDir,
      accounts: deps.accounts,
      ...(deps.memory ? { memory: deps.memory } : {}),
      ...(deps.glossary ? { glossary: deps.glossary } : {}),
      ...(historyAuthors ? { historyAuthors } : {}),
    });

    app.get('/api/site', { config: { access: 'site.configure' }, schema: { response: { 200: SiteAnswerSchema } } }, async () => ({
      site: publisher.settings.get(),
    }));

    app.put('/api/site', { config: { access: 'site.configure' }, schema: { body: SiteInputSchema, response: { 200: SiteAnswerSchema } } }, async (request) => ({
      site: await publisher.settings.set(request.body),
    }));

    app.post(
      '/api/articles/:id/publish',
      { config: { access: 'article.publish' }, schema: { params: ArticleParamsSchema, body: PublishRequestSchema, response: { 200: PublishResultSchema } } },
      async (request) => {
        const { override, rename } = request.body;
        return publisher.publish({ articleId: request.params.id, user: request.auth!.user, override: override ?? null, rename: rename === true });
      },
    );

    app.get(
      '/api/articles/:id/publications',
      { config: { access: 'user' }, schema: { params: ArticleParamsSchema, response: { 200: PublicationsSchema } } },
      async (request) => ({
        publications: publisher.list(request.params.id),
      }),
    );
  };
