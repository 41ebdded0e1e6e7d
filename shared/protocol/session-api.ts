/**
 * Setting up, signing in and out, and who is signed in (POST /api/setup,
 * /api/login, /api/logout; GET /api/setup, /api/me). The server validates
 * request bodies with these schemas, the client reads answers with them.
 */
import * as v from 'valibot';
import { ROLES } from './roles';

/** The signed-in account as the API shows it (never a password or token). */
export const SessionUserSchema = v.object({ id: v.string(), name: v.string(), role: v.picklist(ROLES) });
export type SessionUser = v.InferOutput<typeof SessionUserSchema>;

/** POST /api/setup and POST /api/login. */
export const CredentialsSchema = v.object({ name: v.string(), password: v.string() });
export type Credentials = v.InferOutput<typeof CredentialsSchema>;

/** GET /api/me, and the answer to setting up or signing in. */
export const SessionAnswerSchema = v.object({ user: SessionUserSchema });

export const SetupStateSchema = v.object({ needed: v.boolean() });

/** What several routes answer when there is nothing else to say. */
export const OkSchema = v.object({ ok: v.literal(true) });
