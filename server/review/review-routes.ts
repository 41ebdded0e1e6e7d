/**
 * Review routes (docs/REVIEW.md): a segment's history, the members one can
 * mention or assign, and my notifications.
 */
import { DuetError } from '../../shared/protocol/errors';
import {
  MarkedReadSchema,
  MarkReadSchema,
  MembersSchema,
  NotificationsSchema,
  SegmentHistoryParamsSchema,
  SegmentHistorySchema,
} from '../../shared/protocol/review-api';
import type { Accounts } from '../auth/accounts';
import type { CollabServer } from '../collab/collab-server';
import type { RouteModule } from '../routing/duet-app';
import type { ArticleStore } from '../store/article-store';
import type { Db } from '../store/database';
import { HistoryStore } from './history-store';
import { NotificationStore } from './notification-store';

export interface ReviewRouteDeps {
  store: ArticleStore;
  accounts: Pick<Accounts, 'listUsers'>;
  db: Db;
  collab: Pick<CollabServer, 'flushDerived'>;
}

export const reviewRoutes =
  ({ store, accounts, db, collab }: ReviewRouteDeps): RouteModule =>
  async (app) => {
    const history = new HistoryStore(db);
    const notifications = new NotificationStore(db);

    app.get(
      '/api/articles/:id/segments/:segmentId/history',
      { config: { access: 'user' }, schema: { params: SegmentHistoryParamsSchema, response: { 200: SegmentHistorySchema } } },
      async (request) => {
        const { id, segmentId } = request.params;
        if (!store.has(id)) throw new DuetError('not_found', `no article with id "${id}"`);
        // Text versions wait for a pause in typing: whoever asks sees everything accepted until now.
        collab.flushDerived(id);
        // A merged-away segment keeps its history: it is answered from the history alone.
        return history.segmentHistory(id, segmentId);
      },
    );

    app.get('/api/members', { config: { access: 'user' }, schema: { response: { 200: MembersSchema } } }, async () => ({
      members: accounts.listUsers().map((user) => ({ name: user.name, role: user.role })),
    }));

    app.get('/api/notifications', { config: { access: 'user' }, schema: { response: { 200: NotificationsSchema } } }, async (request) =>
      notifications.list(request.auth!.user.id),
    );

    app.post(
      '/api/notifications/read',
      { config: { access: 'user' }, schema: { body: MarkReadSchema, response: { 200: MarkedReadSchema } } },
      async (request) => {
        const userId = request.auth!.user.id;
        notifications.markRead(userId, request.body, Date.now());
        return { ok: true as const, unread: notifications.unreadCount(userId) };
      },
    );
  };
