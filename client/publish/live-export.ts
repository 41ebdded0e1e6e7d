/**
 * Everything the publish page shows, computed from the live Y.Doc: the
 * Markdown export would give now, its preview, and every QA issue.
 */
import type * as Y from 'yjs';
import { articleTitle, readArticle, type ArticleSnapshot } from '../../shared/article/article';
import { articleToMarkdown } from '../../shared/markdown/article-markdown';
import { previewHtml, type PreviewOptions } from '../../shared/export/preview-html';
import { checkArticle, type QaIssue, type QaOptions } from '../../shared/qa/qa';

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

export function computeExport(doc: Y.Doc, preview: PreviewOptions = {}, qa: QaOptions = {}): LiveExport {
  const snapshot = readArticle(doc);
  const markdown = articleToMarkdown(snapshot);
  return {
    snapshot,
    title: articleTitle(snapshot) || 'Untitled article',
    markdown,
    html: previewHtml(markdown, preview),
    issues: checkArticle(snapshot, qa),
    numbers: new Map(snapshot.segments.map((segment, index) => [segment.id, index + 1])),
  };
}
