/**
 * Duet's HTTP API as typed functions (routes: docs/COLLABORATION.md, "HTTP API").
 * Request bodies are typed and answers are read with the schemas the server's
 * routes declare (shared/protocol), so both sides agree on every field.
 */
import * as v from 'valibot';
import {
  ArticleIdSchema,
  ArticleJsonSchema,
  ArticleListSchema,
  SourcePreviewSchema,
  type ArticleJson,
  type ArticleSummary,
  type CreateArticleRequest,
  type ImportSourceBody,
  type SourcePreview,
} from '../../shared/protocol/article-api';
import {
  MarkedReadSchema,
  MembersSchema,
  NotificationsSchema,
  SegmentHistorySchema,
  type AppNotification,
  type MarkReadRequest,
  type Member,
  type SegmentHistory,
} from '../../shared/protocol/review-api';
import { SessionAnswerSchema, SetupStateSchema, type Credentials, type SessionUser } from '../../shared/protocol/session-api';
import { earlyOr, earlySuccess } from './early-requests';
import { ApiError, apiRequest, readAs } from './http';

export type { SessionUser };

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
  return remember(readUser(await apiRequest('POST', '/api/login', { body: { name, password } satisfies Credentials })));
}

export async function logout(): Promise<void> {
  localStorage.removeItem(LAST_USER);
  await apiRequest('POST', '/api/logout');
}

/** Whether this installation still needs its first admin account. */
export async function getSetup(signal?: AbortSignal): Promise<{ needed: boolean }> {
  return readAs(SetupStateSchema, await apiRequest('GET', '/api/setup', { signal }), '/api/setup');
}

/** Creates the first admin and signs them in; ApiError `conflict` once an admin exists. */
export async function setup(name: string, password: string): Promise<SessionUser> {
  return readUser(await apiRequest('POST', '/api/setup', { body: { name, password } satisfies Credentials }));
}

export async function listArticles(signal?: AbortSignal): Promise<ArticleSummary[]> {
  return readAs(ArticleListSchema, await apiRequest('GET', '/api/articles', { signal }), '/api/articles').articles;
}

/** Creates an empty article; returns its id. */
export async function createArticle({ title }: { title: string }): Promise<{ id: string }> {
  return readAs(ArticleIdSchema, await apiRequest('POST', '/api/articles', { body: { title } satisfies CreateArticleRequest }), '/api/articles');
}

/**
 * A Chinese source to import (POST /api/articles/import, docs/IMPORT.md):
 * exactly one of `content` (the text of a paste or a text file) and
 * `contentBase64` (a file's bytes); the schema's other fields as they are.
 */
export type ImportSourceRequest = ({ content: string; contentBase64?: never } | { contentBase64: string; content?: never }) &
  Pick<ImportSourceBody, 'filename' | 'format' | 'sourceUrl'>;

/** What importing the source would create, storing nothing: the server's limits and cleaning, exactly. */
export async function previewImport(request: ImportSourceRequest, signal?: AbortSignal): Promise<SourcePreview> {
  const body: ImportSourceBody = { ...request, preview: true };
  return readAs(SourcePreviewSchema, await apiRequest('POST', '/api/articles/import', { body, signal }), 'the import preview');
}

/** Imports the source as a new article (English title optional); returns its id. */
export async function importArticle(request: ImportSourceRequest & { title?: string }): Promise<{ id: string }> {
  const body: ImportSourceBody = request;
  return readAs(ArticleIdSchema, await apiRequest('POST', '/api/articles/import', { body }), '/api/articles/import');
}

/** Resolves when the article exists; an ApiError `not_found` when it does not. Reads no document on the server. */
export async function checkArticle(id: string, signal?: AbortSignal): Promise<void> {
  await apiRequest('GET', `/api/articles/${encodeURIComponent(id)}/exists`, { signal });
}

export async function getArticle(id: string, signal?: AbortSignal): Promise<ArticleJson> {
  const path = `/api/articles/${encodeURIComponent(id)}`;
  return readAs(ArticleJsonSchema, await apiRequest('GET', path, { signal }), path);
}

export type { AppNotification, Member, SegmentHistory };

/** The accounts (names and roles) that can be mentioned or assigned work. */
export async function listMembers(signal?: AbortSignal): Promise<Member[]> {
  return readAs(MembersSchema, await apiRequest('GET', '/api/members', { signal }), '/api/members').members;
}

export async function getSegmentHistory(articleId: string, segmentId: string, signal?: AbortSignal): Promise<SegmentHistory> {
  const path = `/api/articles/${encodeURIComponent(articleId)}/segments/${encodeURIComponent(segmentId)}/history`;
  return readAs(SegmentHistorySchema, await apiRequest('GET', path, { signal }), 'the segment history');
}

export async function listNotifications(signal?: AbortSignal): Promise<{ notifications: AppNotification[]; unread: number }> {
  return readAs(NotificationsSchema, await apiRequest('GET', '/api/notifications', { signal }), '/api/notifications');
}

/** Marks the notifications with these ids read, or all of them; returns how many are still unread. */
export async function markNotificationsRead(which: MarkReadRequest): Promise<{ unread: number | null }> {
  const body = await apiRequest('POST', '/api/notifications/read', { body: which });
  return { unread: v.is(MarkedReadSchema, body) ? body.unread : null };
}

function readUser(body: unknown): SessionUser {
  return readAs(SessionAnswerSchema, body, 'the account').user;
}
