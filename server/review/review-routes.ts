/**
 * Review routes (docs/REVIEW.md): a segment's history, the members one can
 * mention or assign, and my notifications.
 */
import { DuetError } from '../../shared/protocol/errors';
import type { MembersResponse, NotificationsResponse, SegmentHistory } from '../../shared/protocol/api';
import type { RouteModule } from '../http/route';
import { readJson } from '../http/request-body';
import { HistoryStore } from './history-store';
import { NotificationStore } from './notification-store';

/** The most ids one request may mark read. */
const MAX_READ_IDS = 1000;

function readWhich(body: Record<string, unknown>): { ids: string[] } | { all: true } {
  if (body.all === true) return { all: true };
  const ids = body.ids;
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string' && /^\d{1,15}$/.test(id))) {
    throw new DuetError('bad_request', 'send { "ids": ["…"] } (notification ids, as listed) or { "all": true }');
  }
  if (ids.length > MAX_READ_IDS) throw new DuetError('too_large', `mark at most ${MAX_READ_IDS} notifications read at once`);
  return { ids };
}

export const reviewRoutes: RouteModule = ({ store, accounts, db, collab }) => {
  const history = new HistoryStore(db);
  const notifications = new NotificationStore(db);
  return [
    {
      method: 'GET',
      path: '/api/articles/:id/segments/:segmentId/history',
      access: 'user',
      handle({ params }): SegmentHistory {
        if (!store.has(params.id!)) throw new DuetError('not_found', `no article with id "${params.id}"`);
        // Text versions wait for a pause in typing: whoever asks sees everything accepted until now.
        collab.flushDerived(params.id!);
        // A merged-away segment keeps its history: it is answered from the history alone.
        return history.segmentHistory(params.id!, params.segmentId!);
      },
    },
    {
      method: 'GET',
      path: '/api/members',
      access: 'user',
      handle: (): MembersResponse => ({ members: accounts.listUsers().map((user) => ({ name: user.name, role: user.role })) }),
    },
    {
      method: 'GET',
      path: '/api/notifications',
      access: 'user',
      handle: ({ auth }): NotificationsResponse => notifications.list(auth!.user.id),
    },
    {
      method: 'POST',
      path: '/api/notifications/read',
      access: 'user',
      async handle({ req, auth }) {
        const which = readWhich(await readJson(req));
        notifications.markRead(auth!.user.id, which, Date.now());
        return { ok: true, unread: notifications.unreadCount(auth!.user.id) };
      },
    },
  ];
};
