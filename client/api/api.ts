/**
 * Duet's HTTP API as typed functions (routes: docs/COLLABORATION.md, "HTTP API").
 * Each checks the shape of what it got, only enough to fail with a clear
 * message when talking to the wrong thing rather than crash later in a component.
 */
import type { AppNotification, ArticleJson, ArticleSummary, Member, SegmentHistory } from '../../shared/protocol/api';
import type { SourceFormat, SourcePreview } from '../../shared/import/import-source';
import { isRole, type Role } from '../../shared/protocol/roles';
import { earlyOr, earlySuccess } from './early-requests';
import { ApiError, apiRequest, isRecord } from './http';

/** The signed-in account as the API shows it (never a password or token). */
export interface SessionUser {
  id: string;
  name: string;
  role: Role;
}

const LAST_USER = 'duet:last-user';
const ME = '/api/me';

/**
 * The signed-in user, or null when there is no valid session. When the server
 * cannot be reached at all, the account last seen signed in on this device, so
 * work can go on offline (the server checks the session again on reconnect).
 */
export async function getMe(signal?: AbortSignal): Promise<SessionUser | null> {
  try {
    return remember(readUser(await earlyOr(ME, () => apiRequest('GET', ME, { signal }))));
  } catch (error) {
    // Being signed out is an expected answer here, not an error.
    if (error instanceof ApiError && error.code === 'unauthenticated') {
      localStorage.removeItem(LAST_USER);
      return null;
    }
    const remembered = error instanceof ApiError && error.status === 0 ? rememberedUser() : null;
    if (remembered) return remembered;
    throw error;
  }
}

/**
 * The signed-in user when index.html's request has already said who it is
 * (the usual case by the time the app renders), so the first render can show
 * the page itself rather than "Loading…". Anything else is left to getMe.
 */
export function signedInEarly(): SessionUser | null {
  const early = earlySuccess(ME);
  if (!early) return null;
  try {
    return remember(readUser(early.body));
  } catch {
    return null;
  }
}

function remember(user: SessionUser): SessionUser {
  localStorage.setItem(LAST_USER, JSON.stringify({ user }));
  return user;
}

function rememberedUser(): SessionUser | null {
  try {
    return readUser(JSON.parse(localStorage.getItem(LAST_USER) ?? 'null'));
  } catch {
    return null;
  }
}

/** Starts a session (the server sets the cookie); an ApiError `unauthenticated` means a wrong name or password. */
export async function login(name: string, password: string): Promise<SessionUser> {
  return remember(readUser(await apiRequest('POST', '/api/login', { body: { name, password } })));
}

export async function logout(): Promise<void> {
  localStorage.removeItem(LAST_USER);
  await apiRequest('POST', '/api/logout');
}

/** Whether this installation still needs its first admin account. */
export async function getSetup(signal?: AbortSignal): Promise<{ needed: boolean }> {
  const body = await apiRequest('GET', '/api/setup', { signal });
  if (!isRecord(body) || typeof body.needed !== 'boolean') throw unexpected('/api/setup');
  return { needed: body.needed };
}

/** Creates the first admin and signs them in; ApiError `conflict` once an admin exists. */
export async function setup(name: string, password: string): Promise<SessionUser> {
  return readUser(await apiRequest('POST', '/api/setup', { body: { name, password } }));
}

export async function listArticles(signal?: AbortSignal): Promise<ArticleSummary[]> {
  const body = await apiRequest('GET', '/api/articles', { signal });
  if (!isRecord(body) || !Array.isArray(body.articles)) throw unexpected('/api/articles');
  return body.articles as ArticleSummary[];
}

/** Creates an empty article; returns its id. */
export async function createArticle({ title }: { title: string }): Promise<{ id: string }> {
  const body = await apiRequest('POST', '/api/articles', { body: { title } });
  if (!isRecord(body) || typeof body.id !== 'string') throw unexpected('/api/articles');
  return { id: body.id };
}

/**
 * A Chinese source to import (POST /api/articles/import, docs/IMPORT.md):
 * exactly one of `content` (the text of a paste or a text file) and
 * `contentBase64` (a file's bytes).
 */
export type ImportSourceRequest = ({ content: string; contentBase64?: never } | { contentBase64: string; content?: never }) & {
  /** For detection by extension and for the server's messages. */
  filename?: string;
  /** Overrides detection. */
  format?: SourceFormat;
  /** Where the source was published (http or https). */
  sourceUrl?: string;
};

/** What importing the source would create, storing nothing: the server's limits and cleaning, exactly. */
export async function previewImport(request: ImportSourceRequest, signal?: AbortSignal): Promise<SourcePreview> {
  const body = await apiRequest('POST', '/api/articles/import', { body: { ...request, preview: true }, signal });
  if (!isRecord(body) || typeof body.format !== 'string' || !isRecord(body.meta) || !Array.isArray(body.segments)) throw unexpected('the import preview');
  return body as unknown as SourcePreview;
}

/** Imports the source as a new article (English title optional); returns its id. */
export async function importArticle(request: ImportSourceRequest & { title?: string }): Promise<{ id: string }> {
  const body = await apiRequest('POST', '/api/articles/import', { body: request });
  if (!isRecord(body) || typeof body.id !== 'string') throw unexpected('/api/articles/import');
  return { id: body.id };
}

/** Resolves when the article exists; an ApiError `not_found` when it does not. Reads no document on the server. */
export async function checkArticle(id: string, signal?: AbortSignal): Promise<void> {
  await apiRequest('GET', `/api/articles/${encodeURIComponent(id)}/exists`, { signal });
}

export async function getArticle(id: string, signal?: AbortSignal): Promise<ArticleJson> {
  const path = `/api/articles/${encodeURIComponent(id)}`;
  const body = await apiRequest('GET', path, { signal });
  if (!isRecord(body) || typeof body.id !== 'string' || !isRecord(body.meta) || !Array.isArray(body.segments)) throw unexpected(path);
  return body as unknown as ArticleJson;
}

export type { AppNotification, Member, SegmentHistory };

/** The accounts (names and roles) that can be mentioned or assigned work. */
export async function listMembers(signal?: AbortSignal): Promise<Member[]> {
  const body = await apiRequest('GET', '/api/members', { signal });
  if (!isRecord(body) || !Array.isArray(body.members)) throw unexpected('/api/members');
  return body.members.flatMap((member: unknown) => (isRecord(member) && typeof member.name === 'string' && isRole(member.role) ? [{ name: member.name, role: member.role }] : []));
}

export async function getSegmentHistory(articleId: string, segmentId: string, signal?: AbortSignal): Promise<SegmentHistory> {
  const path = `/api/articles/${encodeURIComponent(articleId)}/segments/${encodeURIComponent(segmentId)}/history`;
  const body = await apiRequest('GET', path, { signal });
  if (!isRecord(body) || !Array.isArray(body.statusChanges) || !Array.isArray(body.versions)) throw unexpected('the segment history');
  return body as unknown as SegmentHistory;
}

export async function listNotifications(signal?: AbortSignal): Promise<{ notifications: AppNotification[]; unread: number }> {
  const body = await apiRequest('GET', '/api/notifications', { signal });
  if (!isRecord(body) || !Array.isArray(body.notifications)) throw unexpected('/api/notifications');
  const notifications = body.notifications as AppNotification[];
  const unread = typeof body.unread === 'number' ? body.unread : notifications.filter((notification) => !notification.read).length;
  return { notifications, unread };
}

/** Marks the notifications with these ids read, or all of them; returns how many are still unread. */
export async function markNotificationsRead(which: { ids: string[] } | { all: true }): Promise<{ unread: number | null }> {
  const body = await apiRequest('POST', '/api/notifications/read', { body: which });
  return { unread: isRecord(body) && typeof body.unread === 'number' ? body.unread : null };
}

function readUser(body: unknown): SessionUser {
  const user = isRecord(body) ? body.user : null;
  if (!isRecord(user) || typeof user.id !== 'string' || typeof user.name !== 'string' || !isRole(user.role)) {
    throw unexpected('the account');
  }
  return { id: user.id, name: user.name, role: user.role };
}

function unexpected(what: string): ApiError {
  return new ApiError('unexpected_response', `The server sent an unexpected answer for ${what}.`, 200);
}
