/**
 * Accounts over the API, for admins: remove one, or give it another role.
 * Either takes effect at once on the account's open websockets too
 * (CollabServer.refreshUsers): a removed account's close with 4403, a new
 * role applies to the very next update.
 */
import { may } from '../../shared/permissions/permissions';
import { DuetError } from '../../shared/protocol/errors';
import type { RouteModule } from '../http/route';
import { readJson } from '../http/request-body';

export const userRoutes: RouteModule = ({ accounts, collab }) => {
  const refresh = () => collab.refreshUsers(accounts);
  return [
    {
      method: 'DELETE',
      path: '/api/users/:name',
      access: (user) => may(user, 'user.manage'),
      handle({ params }) {
        const removed = accounts.removeUser(params.name!);
        refresh();
        return { removed: removed.name };
      },
    },
    {
      method: 'PUT',
      path: '/api/users/:name/role',
      access: (user) => may(user, 'user.manage'),
      async handle({ req, params }) {
        const body = await readJson(req);
        if (typeof body.role !== 'string') throw new DuetError('bad_request', 'send { "role": "admin" | "translator" | "reviewer" | "viewer" }');
        const user = accounts.setRole(params.name!, body.role);
        refresh();
        return { name: user.name, role: user.role };
      },
    },
  ];
};
