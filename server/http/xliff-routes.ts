/**
 * XLIFF 1.2 for other CAT tools: GET /api/articles/:id/xliff downloads the
 * article (any signed-in user), POST /api/articles/:id/xliff with
 * `{ content, overwrite?, dryRun? }` imports one back, 1.2 or 1.1 (roles that
 * may edit target text). An import goes through the collaboration server, so
 * everyone with the article open sees it at once; it is applied whole or not
 * at all, and its answer lists every translation an empty target erased or
 * would have erased.
 */
import { ArticleParamsSchema } from '../../shared/protocol/article-api';
import { settableStatuses } from '../../shared/permissions/permissions';
import { XliffImportSchema, XliffImportSummarySchema } from '../../shared/protocol/xliff-api';
import { importXliff, type XliffImportSummary } from '../../shared/xliff/import-xliff';
import { exportXliff, XLIFF_CONTENT_TYPE } from '../articles/xliff-service';
import type { CollabServer } from '../collab/collab-server';
import type { RouteModule } from '../routing/duet-app';
import type { ArticleStore } from '../store/article-store';
import { downloadName } from './export-routes';

export interface XliffRouteDeps {
  store: ArticleStore;
  collab: Pick<CollabServer, 'changeArticle'>;
}

export const xliffRoutes =
  ({ store, collab }: XliffRouteDeps): RouteModule =>
  async (app) => {
    app.get('/api/articles/:id/xliff', { config: { access: 'user' }, schema: { params: ArticleParamsSchema } }, async (request, reply) => {
      const { id } = request.params;
      const { xliff, title } = exportXliff(store, id);
      return reply
        .headers({
          'content-type': `${XLIFF_CONTENT_TYPE}; charset=utf-8`,
          'content-disposition': `attachment; filename="${downloadName(title, id, '.xlf')}"`,
        })
        .send(xliff);
    });

    app.post(
      '/api/articles/:id/xliff',
      { config: { access: 'xliff.import' }, schema: { params: ArticleParamsSchema, body: XliffImportSchema, response: { 200: XliffImportSummarySchema } } },
      async (request) => {
        const { id } = request.params;
        const { content, overwrite, dryRun } = request.body;
        const { name, role } = request.auth!.user;
        let summary: XliffImportSummary | null = null;
        // Read against the live document inside the change: what is checked is what is changed.
        collab.changeArticle(id, { name, role }, (doc, origin) => {
          summary = importXliff(doc, content, name, origin, {
            articleId: id,
            overwrite: overwrite ?? false,
            dryRun: dryRun ?? false,
            permittedStatuses: settableStatuses(role),
            roleName: role,
          });
        });
        return summary!;
      },
    );
  };
