/**
 * Publishing over the API (docs/PUBLISHING.md): the site's configuration,
 * an article's publications, and publishing itself.
 */
import {
  PublicationsSchema,
  PublishResultSchema,
  SiteAnswerSchema,
  type Publication,
  type PublishRequest,
  type SiteConfig,
} from '../../shared/protocol/publish-api';
import { apiRequest, readAs } from '../api/http';

export type { Publication, PublishRequest, SiteConfig };

const articlePath = (id: string) => `/api/articles/${encodeURIComponent(id)}`;

/** The installation's site, or null while publishing is not set up. */
export async function getSite(signal?: AbortSignal): Promise<SiteConfig | null> {
  return readAs(SiteAnswerSchema, await apiRequest('GET', '/api/site', { signal }), 'the site').site;
}

/** The article's publications, newest first. */
export async function listPublications(articleId: string, signal?: AbortSignal): Promise<Publication[]> {
  const path = `${articlePath(articleId)}/publications`;
  return readAs(PublicationsSchema, await apiRequest('GET', path, { signal }), path).publications;
}

export async function publishArticle(articleId: string, request: PublishRequest = {}): Promise<Publication> {
  const path = `${articlePath(articleId)}/publish`;
  return readAs(PublishResultSchema, await apiRequest('POST', path, { body: request }), path).publication;
}
