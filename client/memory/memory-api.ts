/** The translation memory's API, as the editor calls it (server/memory/memory-routes.ts). */
import {
  AnalysisSchema,
  ConcordanceSchema,
  MatchesSchema,
  MemoryConsistencySchema,
  PretranslatedSchema,
  UsedSchema,
  type ArticleAnalysis,
  type ConcordanceResponse,
  type LookupRequest,
  type PretranslateSummary,
  type TmMatch,
} from '../../shared/protocol/memory-api';
import type { ApprovedTranslation } from '../../shared/qa/options';
import { apiRequest, readAs } from '../api/http';

export async function lookupMatches(request: LookupRequest, signal?: AbortSignal): Promise<TmMatch[]> {
  return readAs(MatchesSchema, await apiRequest('POST', '/api/memory/lookup', { body: request, signal }), 'the memory').matches;
}

export async function searchMemory(text: string, side: 'source' | 'target' | 'both', signal?: AbortSignal): Promise<ConcordanceResponse> {
  const query = new URLSearchParams({ q: text, side });
  return readAs(ConcordanceSchema, await apiRequest('GET', `/api/memory/search?${query}`, { signal }), 'the memory');
}

export async function recordUse(unitId: number): Promise<number> {
  return readAs(UsedSchema, await apiRequest('POST', `/api/memory/units/${unitId}/used`), 'the memory').usedCount;
}

const articleMemoryPath = (articleId: string, what: string) => `/api/articles/${encodeURIComponent(articleId)}/${what}`;

export async function pretranslateArticle(articleId: string, request: { threshold?: number; segmentIds?: string[] }): Promise<PretranslateSummary> {
  return readAs(PretranslatedSchema, await apiRequest('POST', articleMemoryPath(articleId, 'pretranslate'), { body: request }), 'pre-translation');
}

export async function analyzeArticle(articleId: string, signal?: AbortSignal): Promise<ArticleAnalysis> {
  return readAs(AnalysisSchema, await apiRequest('GET', articleMemoryPath(articleId, 'analysis'), { signal }), 'the analysis');
}

/** The memory's approved translations of the article's sources, by normalized source, as the QA consistency check takes them. */
export async function approvedTranslations(articleId: string, signal?: AbortSignal): Promise<Map<string, ApprovedTranslation[]>> {
  const path = articleMemoryPath(articleId, 'memory-consistency');
  const answer = readAs(MemoryConsistencySchema, await apiRequest('GET', path, { signal }), 'the memory');
  return new Map(answer.approved.map((entry) => [entry.sourceKey, entry.translations]));
}
