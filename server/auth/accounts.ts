/**
 * Accounts: users, their browser sessions and their API tokens, in the data
 * folder's database. Passwords, session tokens and API tokens are shown to
 * their owner once and stored only as hashes, so a copy of the database does
 * not let anyone log in. Tokens are 256 random bits, so a fast SHA-256 is
 * enough for them; only passwords, which people choose, need scrypt.
 */
import { createHash, randomBytes } from 'node:crypto';
import { newId } from '../../shared/article/ids';
import { DuetError } from '../../shared/protocol/errors';
import { isRole, ROLES, type Role } from '../../shared/protocol/roles';
import type { Db } from '../store/database';
import { checkChosenPassword, DECOY_HASH, generatePassword, hashPassword, verifyPassword as verifyPasswordHash } from './passwords';

export interface User {
  id: string;
  name: string;
  role: Role;
  /** ISO 8601 timestamp. */
  createdAt: string;
}

/**
 * ASCII only: SQLite's NOCASE folds only ASCII letters, so with anything wider
 * "Émile" and "émile" could both be registered despite the unique index.
 */
export const USER_NAME_PATTERN = /^[A-Za-z0-9._-]{1,40}$/;
/** An email for commits made in the user's name (publishing); deliberately loose: git takes any "<...>" without spaces or angle brackets. */
export const EMAIL_PATTERN = /^[^\s<>@,;"]{1,64}@[^\s<>@,;"]{1,190}$/;
/** The commit email of a user without one. */
export const noreplyEmail = (name: string): string => `${name.toLowerCase()}@users.noreply.duet`;
export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
/** Marks API tokens so they are recognisable in logs and by secret scanners. */
export const API_TOKEN_PREFIX = 'duet_';
const TOKEN_BYTES = 32;
/** How precisely an API token's last use is recorded. */
const TOKEN_TOUCH_INTERVAL_MS = 60_000;

export interface NewUser {
  user: User;
  /** The plain password, shown once: only its hash is stored. */
  password: string;
  /** A first API token, shown once: only its hash is stored. */
  apiToken: string;
}

export interface AccountsOptions {
  /** The clock for session expiry; tests move it forward. */
  now?: () => Date;
}

interface UserRow {
  id: string;
  name: string;
  role: string;
  created_at: string;
}

const USER_COLUMNS = 'users.id AS id, users.name AS name, users.role AS role, users.created_at AS created_at';

function toUser(row: UserRow): User {
  // Only this module writes roles, and it checks them; a bad one means the file was edited by hand.
  if (!isRole(row.role)) throw new Error(`user "${row.name}" has an unknown role "${row.role}" in the database`);
  return { id: row.id, name: row.name, role: row.role, createdAt: row.created_at };
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown })?.code === 'SQLITE_CONSTRAINT_UNIQUE' || (error as { code?: unknown })?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export class Accounts {
  private readonly statements;
  private readonly now: () => Date;

  /** Accounts does not own the database: whoever opened it closes it. */
  constructor(
    readonly db: Db,
    options: AccountsOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.statements = {
      insertUser: db.prepare<[string, string, string, string, string]>('INSERT INTO users (id, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)'),
      userById: db.prepare<[string], UserRow>(`SELECT ${USER_COLUMNS} FROM users WHERE id = ?`),
      // `name` is declared COLLATE NOCASE, so this comparison ignores case.
      userByName: db.prepare<[string], UserRow & { password_hash: string }>(
        `SELECT ${USER_COLUMNS}, users.password_hash AS password_hash FROM users WHERE name = ?`,
      ),
      listUsers: db.prepare<[], UserRow>(`SELECT ${USER_COLUMNS} FROM users ORDER BY name, id`),
      countRole: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM users WHERE role = ?'),
      deleteUser: db.prepare<[string]>('DELETE FROM users WHERE id = ?'),
      setRole: db.prepare<[string, string]>('UPDATE users SET role = ? WHERE id = ?'),
      insertSession: db.prepare<[string, string, string, string]>('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)'),
      userForSession: db.prepare<[string, string], UserRow>(
        `SELECT ${USER_COLUMNS} FROM sessions JOIN users ON users.id = sessions.user_id WHERE sessions.token_hash = ? AND sessions.expires_at > ?`,
      ),
      deleteSession: db.prepare<[string]>('DELETE FROM sessions WHERE token_hash = ?'),
      liveSession: db.prepare<[string, string], { one: number }>('SELECT 1 AS one FROM sessions WHERE token_hash = ? AND expires_at > ?'),
      liveApiToken: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM api_tokens WHERE token_hash = ?'),
      deleteExpiredSessions: db.prepare<[string]>('DELETE FROM sessions WHERE expires_at <= ?'),
      insertApiToken: db.prepare<[string, string, string]>('INSERT INTO api_tokens (token_hash, user_id, created_at) VALUES (?, ?, ?)'),
      userForApiToken: db.prepare<[string], UserRow & { last_used_at: string | null }>(
        `SELECT ${USER_COLUMNS}, api_tokens.last_used_at FROM api_tokens JOIN users ON users.id = api_tokens.user_id WHERE api_tokens.token_hash = ?`,
      ),
      touchApiToken: db.prepare<[string, string]>('UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ?'),
      setEmail: db.prepare<[string | null, string]>('UPDATE users SET email = ? WHERE id = ?'),
      emailByName: db.prepare<[string], { email: string | null }>('SELECT email FROM users WHERE name = ?'),
    };
  }

  /**
   * Create a user with a first API token. Without a password one is generated.
   * Throws `bad_request` for an invalid name, role or password and `conflict`
   * when the name is taken (ignoring case).
   */
  async addUser(name: string, role: string, password?: string): Promise<NewUser> {
    if (typeof name !== 'string' || !USER_NAME_PATTERN.test(name)) {
      throw new DuetError('bad_request', `a user name is 1 to 40 letters, digits, ".", "_" or "-"; "${String(name)}" is not`);
    }
    if (!isRole(role)) throw new DuetError('bad_request', `the role must be one of ${ROLES.join(', ')}; "${String(role)}" is not`);
    if (password !== undefined) checkChosenPassword(password);
    // Checked before hashing to answer at once; the unique index below still
    // decides when two requests race for the same name.
    if (this.statements.userByName.get(name)) throw nameTaken(name);

    const plainPassword = password ?? generatePassword();
    const passwordHash = await hashPassword(plainPassword);
    const user: User = { id: newId(), name, role, createdAt: this.now().toISOString() };
    const apiToken = API_TOKEN_PREFIX + newToken();
    try {
      this.db.transaction(() => {
        this.statements.insertUser.run(user.id, user.name, user.role, passwordHash, user.createdAt);
        this.statements.insertApiToken.run(hashToken(apiToken), user.id, user.createdAt);
      })();
    } catch (error) {
      if (isUniqueViolation(error) && this.statements.userByName.get(name)) throw nameTaken(name);
      throw error;
    }
    return { user, password: plainPassword, apiToken };
  }

  /** Set (or with null, clear) a user's email; throws `bad_request` for an address git could not use. */
  setEmail(userId: string, email: string | null): void {
    if (email !== null) checkEmail(email);
    const { changes } = this.statements.setEmail.run(email, userId);
    if (changes === 0) throw new DuetError('not_found', `no user with id "${userId}"`);
  }

  /** A user's email (name matched ignoring case), or null when they have none or there is no such user. */
  emailOf(name: string): string | null {
    return this.statements.emailByName.get(name)?.email ?? null;
  }

  /** All users, by name. */
  listUsers(): User[] {
    return this.statements.listUsers.all().map(toUser);
  }

  getUser(id: string): User | null {
    const row = this.statements.userById.get(id);
    return row ? toUser(row) : null;
  }

  hasAdmin(): boolean {
    return (this.statements.countRole.get('admin')?.n ?? 0) > 0;
  }

  /**
   * Remove a user (name matched ignoring case) with all their sessions and API
   * tokens. Throws `not_found` for an unknown name and `conflict` for the last
   * admin, without whom no one could manage accounts over the API.
   */
  removeUser(name: string): User {
    return this.db.transaction(() => {
      const row = this.statements.userByName.get(name);
      if (!row) throw new DuetError('not_found', `no user named "${name}"`);
      const user = toUser(row);
      if (user.role === 'admin' && (this.statements.countRole.get('admin')?.n ?? 0) <= 1) {
        throw new DuetError('conflict', `"${user.name}" is the last admin; add another admin before removing them`);
      }
      this.statements.deleteUser.run(user.id);
      return user;
    })();
  }

  /**
   * Give a user (name matched ignoring case) another role. Throws `not_found`
   * for an unknown name, `bad_request` for an unknown role and `conflict` for
   * demoting the last admin. Their open connections follow at once (the
   * server's CollabServer.refreshUsers), and so do their sessions and tokens,
   * which are read with the account on every request.
   */
  setRole(name: string, role: string): User {
    if (!isRole(role)) throw new DuetError('bad_request', `the role must be one of ${ROLES.join(', ')}; "${String(role)}" is not`);
    return this.db.transaction(() => {
      const row = this.statements.userByName.get(name);
      if (!row) throw new DuetError('not_found', `no user named "${name}"`);
      const user = toUser(row);
      if (user.role === 'admin' && role !== 'admin' && (this.statements.countRole.get('admin')?.n ?? 0) <= 1) {
        throw new DuetError('conflict', `"${user.name}" is the last admin; make another user admin first`);
      }
      this.statements.setRole.run(role, user.id);
      return { ...user, role };
    })();
  }

  /** The id of the account with this name (matched ignoring case), or null: what sign-in attempts are counted by. */
  idForName(name: string): string | null {
    if (typeof name !== 'string' || !USER_NAME_PATTERN.test(name)) return null;
    return this.statements.userByName.get(name)?.id ?? null;
  }

  /** The user with this name and password, or null. Takes as long for an unknown name as for a wrong password. */
  async verifyPassword(name: string, password: string): Promise<User | null> {
    if (typeof name !== 'string' || typeof password !== 'string') return null;
    const row = USER_NAME_PATTERN.test(name) ? this.statements.userByName.get(name) : undefined;
    const matches = await verifyPasswordHash(password, row?.password_hash ?? DECOY_HASH);
    if (!row || !matches) return null;
    // The user may have been removed while the hash was computed.
    return this.getUser(row.id);
  }

  /** Start a browser session. The token goes in the cookie; only its hash is kept. */
  createSession(userId: string): { token: string; expiresAt: string } {
    const now = this.now();
    const token = newToken();
    const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS).toISOString();
    this.db.transaction(() => {
      if (!this.statements.userById.get(userId)) throw new DuetError('not_found', `no user with id "${userId}"`);
      // Expired sessions are never used again; sweeping them at each login keeps the table small.
      this.statements.deleteExpiredSessions.run(now.toISOString());
      this.statements.insertSession.run(hashToken(token), userId, now.toISOString(), expiresAt);
    })();
    return { token, expiresAt };
  }

  /** The user of a live session, or null for an unknown, expired or malformed token. */
  userForSession(token: string): User | null {
    if (typeof token !== 'string' || token === '') return null;
    const row = this.statements.userForSession.get(hashToken(token), this.now().toISOString());
    return row ? toUser(row) : null;
  }

  /** Log out: the token stops working. Unknown tokens are ignored. */
  deleteSession(token: string): void {
    if (typeof token !== 'string' || token === '') return;
    this.statements.deleteSession.run(hashToken(token));
  }

  /**
   * What a connection authenticated with, as the server may keep it for as
   * long as the connection lasts: the kind and the token's hash, never the
   * token. `credentialLive` says whether it still works.
   */
  credentialKey(via: 'session' | 'token', token: string): string {
    return `${via}:${hashToken(token)}`;
  }

  /** The account as an open connection carries it (CollabServer.refreshUsers); null for one removed. */
  connectionUser(userId: string): { id: string; name: string; role: Role } | null {
    const user = this.getUser(userId);
    return user ? { id: user.id, name: user.name, role: user.role } : null;
  }

  /** Whether a credential (credentialKey) still authenticates: a session not logged out or expired, an API token not revoked. */
  credentialLive(key: string): boolean {
    const [via, hash] = key.split(':');
    if (!hash) return false;
    if (via === 'session') return this.statements.liveSession.get(hash, this.now().toISOString()) !== undefined;
    if (via === 'token') return this.statements.liveApiToken.get(hash) !== undefined;
    return false;
  }

  /** A new API token for scripts and the CLI (`Authorization: Bearer duet_…`), valid until the user is removed. */
  createApiToken(userId: string): string {
    const token = API_TOKEN_PREFIX + newToken();
    this.db.transaction(() => {
      if (!this.statements.userById.get(userId)) throw new DuetError('not_found', `no user with id "${userId}"`);
      this.statements.insertApiToken.run(hashToken(token), userId, this.now().toISOString());
    })();
    return token;
  }

  /** The owner of an API token, or null; records when the token was last used. */
  userForApiToken(token: string): User | null {
    if (typeof token !== 'string' || !token.startsWith(API_TOKEN_PREFIX)) return null;
    const tokenHash = hashToken(token);
    const row = this.statements.userForApiToken.get(tokenHash);
    if (!row) return null;
    // To the minute: a write (and an fsync) on every websocket and request would cost more than the figure is worth.
    const now = this.now();
    if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) >= TOKEN_TOUCH_INTERVAL_MS)
      this.statements.touchApiToken.run(now.toISOString(), tokenHash);
    return toUser(row);
  }
}

export function checkEmail(email: string): void {
  if (typeof email !== 'string' || !EMAIL_PATTERN.test(email))
    throw new DuetError('bad_request', `"${String(email)}" is not an email address like name@example.org`);
}

function nameTaken(name: string): DuetError {
  return new DuetError('conflict', `the name "${name}" is already taken (names ignore case)`);
}
