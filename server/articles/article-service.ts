/**
 * What one can do with stored articles, whatever asks (the CLI now, the HTTP
 * API too): import, list, show, export. Each operation validates everything
 * before it writes, so a refused request stores nothing.
 */
import * as Y from 'yjs';
import type { Node as PMNode } from 'prosemirror-model';
import { articleTitle, createArticle, readArticle, type ArticleSnapshot } from '../../shared/article/article';
import { newId } from '../../shared/article/ids';
import { statusCounts, textProgress } from '../../shared/article/progress';
import { articleFromMarkdown, articleToMarkdown, sideToMarkdown, targetMarkdown } from '../../shared/markdown/article-markdown';
import { FrontMatterError } from '../../shared/markdown/front-matter';
import { importSource, type ImportSourceInput } from '../../shared/import/import-source';
import type { ArticleJson, ArticleSummary } from '../../shared/protocol/api';
import { DuetError } from '../../shared/protocol/errors';
import type { ArticleStore, StoredArticle } from '../store/article-store';
import { assignmentCounts } from '../../shared/review/assignments';
import { keepOpening } from './opening-cache';

/** The origin of writes made by this module, so observers can tell them from editors' writes. */
export const SERVICE_ORIGIN = 'duet:service';

export interface ImportOptions {
  title?: string;
}

export interface ImportSourceOptions extends ImportOptions {
  /** Fill the new article before it is stored (the translation memory's exact matches: server/memory/pretranslate.ts). */
  fill?: (doc: Y.Doc, origin: unknown) => void;
}

/** A published front-matter Markdown file → a new stored article; returns its id. */
export function importPublished(store: ArticleStore, text: string, options: ImportOptions = {}): string {
  let init;
  try {
    init = articleFromMarkdown(text, options);
  } catch (error) {
    if (error instanceof FrontMatterError) throw new DuetError('invalid_input', error.message);
    throw error;
  }
  if (init.importedFile?.frontMatterBlock == null && /^---[ \t]*\r?\n/.test(text)) {
    throw new DuetError('invalid_input', 'malformed front matter: the opening "---" line has no closing "---" line');
  }
  if ((init.segments ?? []).length === 0 && (init.frontMatter ?? []).length === 0) {
    throw new DuetError('invalid_input', 'the file has no front matter and no Markdown blocks to import');
  }
  const doc = new Y.Doc();
  createArticle(doc, init, SERVICE_ORIGIN);
  return storeNewArticle(store, doc);
}

/**
 * A Chinese source (HTML, Markdown, plain text or Word; see shared/import) → a
 * new stored article of untranslated segments with empty English sides;
 * returns its id. `title` is the English title, kept as the front-matter title.
 */
export async function importSourceArticle(store: ArticleStore, input: ImportSourceInput & ImportSourceOptions): Promise<string> {
  const { title, fill, ...source } = input;
  const init = await importSource(source);
  if (title != null) init.frontMatter = [{ key: 'title', value: title }];
  const doc = new Y.Doc();
  createArticle(doc, init, SERVICE_ORIGIN);
  fill?.(doc, SERVICE_ORIGIN);
  return storeNewArticle(store, doc);
}

/** A new article with no segments yet; returns its id. */
export function createEmptyArticle(store: ArticleStore, options: ImportOptions = {}): string {
  const doc = new Y.Doc();
  createArticle(doc, { frontMatter: options.title != null ? [{ key: 'title', value: options.title }] : [] }, SERVICE_ORIGIN);
  return storeNewArticle(store, doc);
}

/** Store a new article's document under a new id, with its opening rows; returns the id. */
function storeNewArticle(store: ArticleStore, doc: Y.Doc): string {
  const id = newId();
  store.create(id, Y.encodeStateAsUpdate(doc));
  keepOpening(store, id, doc);
  return id;
}

/** The stored article as a Y.Doc; DuetError('not_found') for an unknown id. */
export function loadArticleDoc(store: ArticleStore, id: string): Y.Doc {
  const updates = store.load(id);
  if (!updates) throw new DuetError('not_found', `no article with id "${id}"`);
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update);
  }, SERVICE_ORIGIN);
  return doc;
}

/** Who has an article open now; the collaboration server knows, the store does not. */
export type ActiveUsers = (articleId: string) => string[];

export function summarize(
  stored: StoredArticle,
  article: ArticleSnapshot,
  activeUsers: ActiveUsers = () => [],
  mine: ArticleSummary['mine'] = { assigned: 0, done: 0 },
): ArticleSummary {
  return {
    id: stored.id,
    title: articleTitle(article),
    sourceTitle: article.meta.sourceTitle ?? '',
    segmentCount: article.segments.length,
    progress: statusCounts(article.segments),
    ...textProgress(article.segments),
    activeUsers: activeUsers(stored.id),
    mine,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
  };
}

/** @param user the requesting account's name, for its `mine` counts. */
export function listArticles(store: ArticleStore, activeUsers?: ActiveUsers, user: string | null = null): ArticleSummary[] {
  return store.list().map((stored) => {
    const doc = loadArticleDoc(store, stored.id);
    return summarize(stored, readArticle(doc), activeUsers, assignmentCounts(doc, user));
  });
}

function sideText(side: PMNode): string {
  const lines: string[] = [];
  side.forEach((block) => lines.push(block.textContent));
  return lines.join('\n');
}

export function articleJson(id: string, article: ArticleSnapshot): ArticleJson {
  return {
    id,
    meta: {
      frontMatter: Object.fromEntries(article.frontMatter.map(({ key, value }) => [key, value])),
      sourceUrl: article.meta.sourceUrl ?? null,
      sourceTitle: article.meta.sourceTitle ?? null,
      sourceAuthor: article.meta.sourceAuthor ?? null,
      sourceDate: article.meta.sourceDate ?? null,
      slug: article.meta.slug ?? null,
      createdAt: article.meta.createdAt ?? null,
    },
    segments: article.segments.map((segment) => ({
      id: segment.id,
      status: segment.status,
      source: { text: sideText(segment.source), markdown: sideToMarkdown(segment.source) },
      target: { text: sideText(segment.target), markdown: targetMarkdown(segment) },
    })),
  };
}

export function showArticle(store: ArticleStore, id: string): ArticleJson {
  return articleJson(id, readArticle(loadArticleDoc(store, id)));
}

export function exportArticle(store: ArticleStore, id: string): string {
  return articleToMarkdown(readArticle(loadArticleDoc(store, id)));
}
