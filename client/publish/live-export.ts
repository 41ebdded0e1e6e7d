/**
 * Everything the publish page shows, computed from the live Y.Doc: the
 * Markdown export would give now, its preview, and every QA issue.
 */
import type * as Y from 'yjs';
import { articleTitle, readArticle, type ArticleSnapshot } from '../../shared/article/article';
import { articleToMarkdown } from '../../shared/markdown/article-markdown';
import { previewHtml, type PreviewOptions } from '../../shared/export/preview-html';
import { checkArticle, type QaIssue, type QaOptions } from '../../shared/qa/qa';
import { DEFAULT_SITE_LAYOUT, planPublication, PUBLISHED_QA } from '../../shared/publish/publication-plan';
import { todayPostDate } from '../../shared/publish/post-date';

export interface LiveExport {
  snapshot: ArticleSnapshot;
  title: string;
  markdown: string;
  /** Sanitized: safe to put into the page as it is. */
  html: string;
  issues: QaIssue[];
  /** Each segment's number in reading order, from 1. */
  numbers: ReadonlyMap<string, number>;
}

/** What the memory approved for the article's sources (from the server), or null while unknown. */
export type ApprovedTranslations = NonNullable<QaOptions['approvedTranslations']>;

/**
 * The issues as publishing will judge them (server/publish/publisher.ts, with
 * the same PUBLISHED_QA rule and, once the server has said, the memory's
 * approved translations): the article as it will be written (stored
 * images under their site names, the cover defaulting to the first figure). An article that cannot be planned yet (no slug, a bad date) is
 * checked as it stands; the publish panel says why it cannot be planned.
 */
export function publishingIssues(snapshot: ArticleSnapshot, approved: ApprovedTranslations | null = null): QaIssue[] {
  const memory = approved ? { approvedTranslations: approved } : {};
  try {
    const plan = planPublication(snapshot, { layout: DEFAULT_SITE_LAYOUT, today: todayPostDate() });
    return checkArticle(plan.article, { ...PUBLISHED_QA, ...memory });
  } catch {
    return checkArticle(snapshot, memory);
  }
}

export function computeExport(doc: Y.Doc, preview: PreviewOptions = {}, approved: ApprovedTranslations | null = null): LiveExport {
  const snapshot = readArticle(doc);
  const markdown = articleToMarkdown(snapshot);
  return {
    snapshot,
    title: articleTitle(snapshot) || 'Untitled article',
    markdown,
    html: previewHtml(markdown, preview),
    issues: publishingIssues(snapshot, approved),
    numbers: new Map(snapshot.segments.map((segment, index) => [segment.id, index + 1])),
  };
}
