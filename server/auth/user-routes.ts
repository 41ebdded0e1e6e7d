/**
 * Accounts over the API, for admins: remove one, or give it another role.
 * Either takes effect at once on the account's open websockets too
 * (CollabServer.refreshUsers): a removed account's close with 4403, a new
 * role applies to the very next update.
 */
import { RemovedUserSchema, RoleChangedSchema, RoleChangeSchema, UserNameParamsSchema } from '../../shared/protocol/users-api';
import type { RouteModule } from '../routing/duet-app';
import type { Accounts } from './accounts';

export interface UserRouteDeps {
  accounts: Accounts;
  collab: { refreshUsers(accounts: Accounts): void };
}

export const userRoutes =
  ({ accounts, collab }: UserRouteDeps): RouteModule =>
  async (app) => {
    const refresh = () => collab.refreshUsers(accounts);
    app.delete(
      '/api/users/:name',
      { config: { access: 'user.manage' }, schema: { params: UserNameParamsSchema, response: { 200: RemovedUserSchema } } },
      async (request) => {
        const removed = accounts.removeUser(request.params.name);
        refresh();
        return { removed: removed.name };
      },
    );
    app.put(
      '/api/users/:name/role',
      { config: { access: 'user.manage' }, schema: { params: UserNameParamsSchema, body: RoleChangeSchema, response: { 200: RoleChangedSchema } } },
      async (request) => {
        const user = accounts.setRole(request.params.name, request.body.role);
        refresh();
        return { name: user.name, role: user.role };
      },
    );
  };
