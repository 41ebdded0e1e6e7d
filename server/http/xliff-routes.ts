/**
 * XLIFF 1.2 for other CAT tools: GET /api/articles/:id/xliff downloads the
 * article (any signed-in user), POST /api/articles/:id/xliff with
 * `{ content, overwrite?, dryRun? }` imports one back, 1.2 or 1.1 (roles that
 * may edit target text). An import goes through the collaboration server, so
 * everyone with the article open sees it at once; it is applied whole or not
 * at all, and its answer lists every translation an empty target erased or
 * would have erased.
 */
import { DuetError } from '../../shared/protocol/errors';
import { may, settableStatuses } from '../../shared/permissions/permissions';
import { importXliff, type XliffImportSummary } from '../../shared/xliff/import-xliff';
import { exportXliff, XLIFF_CONTENT_TYPE } from '../articles/xliff-service';
import { downloadName } from './export-routes';
import { readJson, stringField } from './request-body';
import type { RouteModule } from './route';

export type XliffImportResponse = XliffImportSummary;

export const xliffRoutes: RouteModule = ({ store, collab }) => [
  {
    method: 'GET',
    path: '/api/articles/:id/xliff',
    access: 'user',
    handle({ params, res }) {
      const id = params.id!;
      const { xliff, title } = exportXliff(store, id);
      res.writeHead(200, {
        'content-type': `${XLIFF_CONTENT_TYPE}; charset=utf-8`,
        'content-disposition': `attachment; filename="${downloadName(title, id, '.xlf')}"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(xliff);
      return undefined;
    },
  },
  {
    method: 'POST',
    path: '/api/articles/:id/xliff',
    access: (user) => may(user, 'xliff.import'),
    async handle({ req, params, auth }): Promise<XliffImportResponse> {
      const id = params.id!;
      const body = await readJson(req);
      const content = stringField(body, 'content', true);
      const overwrite = body.overwrite ?? false;
      if (typeof overwrite !== 'boolean') throw new DuetError('bad_request', '"overwrite" must be true or false');
      const dryRun = body.dryRun ?? false;
      if (typeof dryRun !== 'boolean') throw new DuetError('bad_request', '"dryRun" must be true or false');
      const { name, role } = auth!.user;
      let summary: XliffImportSummary | null = null;
      // Read against the live document inside the change: what is checked is what is changed.
      collab.changeArticle(id, { name, role }, (doc, origin) => {
        summary = importXliff(doc, content, name, origin, { articleId: id, overwrite, dryRun, permittedStatuses: settableStatuses(role), roleName: role });
      });
      return summary!;
    },
  },
];
