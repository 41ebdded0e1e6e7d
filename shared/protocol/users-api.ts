/** Accounts over the API, for admins (DELETE /api/users/:name, PUT /api/users/:name/role). */
import * as v from 'valibot';
import { ROLES } from './roles';

export const UserNameParamsSchema = v.object({ name: v.string() });

/** The role is checked against ROLES by Accounts.setRole, which the CLI shares: its message lists them. */
export const RoleChangeSchema = v.object({
  role: v.string('send { "role": "admin" | "translator" | "reviewer" | "viewer" }'),
});

export const RemovedUserSchema = v.object({ removed: v.string() });
export const RoleChangedSchema = v.object({ name: v.string(), role: v.picklist(ROLES) });
