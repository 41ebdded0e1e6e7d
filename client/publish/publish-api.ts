/**
 * Publishing over the API (docs/PUBLISHING.md): the site's configuration,
 * an article's publications, and publishing itself.
 */
import type { Publication } from '../../shared/protocol/api';
import { ApiError, apiRequest, isRecord } from '../api/http';

export type { Publication };

export interface SiteConfig {
  repo: string;
  postsFolder: string;
  mediaFolder: string;
  fileNamePattern: string;
  permalinkPattern: string;
  remote?: string | null;
  branch?: string | null;
}

const articlePath = (id: string) => `/api/articles/${encodeURIComponent(id)}`;

function unexpected(what: string): ApiError {
  return new ApiError('unexpected_response', `The server sent an unexpected answer for ${what}.`, 200);
}

/** The installation's site, or null while publishing is not set up. */
export async function getSite(signal?: AbortSignal): Promise<SiteConfig | null> {
  const body = await apiRequest('GET', '/api/site', { signal });
  if (!isRecord(body) || !('site' in body)) throw unexpected('the site');
  return isRecord(body.site) ? (body.site as unknown as SiteConfig) : null;
}

/** The article's publications, newest first. */
export async function listPublications(articleId: string, signal?: AbortSignal): Promise<Publication[]> {
  const path = `${articlePath(articleId)}/publications`;
  const body = await apiRequest('GET', path, { signal });
  if (!isRecord(body) || !Array.isArray(body.publications)) throw unexpected(path);
  return body.publications as Publication[];
}

export interface PublishRequest {
  /** Publish despite QA errors (admins), with the reason that is recorded. */
  override?: { reason: string };
  /** Move a republished post to the path its title, slug or date now give. */
  rename?: boolean;
}

export async function publishArticle(articleId: string, request: PublishRequest = {}): Promise<Publication> {
  const path = `${articlePath(articleId)}/publish`;
  const body = await apiRequest('POST', path, { body: request });
  if (!isRecord(body) || !isRecord(body.publication)) throw unexpected(path);
  return body.publication as unknown as Publication;
}
