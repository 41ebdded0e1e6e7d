/**
 * XLIFF 1.2 export and import of stored articles, for the API and the CLI
 * (the format and its rules: shared/xliff, docs/XLIFF.md).
 */
import * as Y from 'yjs';
import { articleTitle, readArticle } from '../../shared/article/article';
import { articleToXliff } from '../../shared/xliff/export-xliff';
import { importXliff, type XliffImportOptions, type XliffImportSummary } from '../../shared/xliff/import-xliff';
import type { ArticleStore } from '../store/article-store';
import { loadArticleDoc } from './article-service';

export const XLIFF_CONTENT_TYPE = 'application/x-xliff+xml';

/** The origin of XLIFF imports written straight to the store (the CLI). */
export const XLIFF_IMPORT_ORIGIN = 'duet:xliff-import';

export interface XliffExport {
  xliff: string;
  /** The article's title, for naming a download. */
  title: string;
}

export function exportXliff(store: ArticleStore, id: string): XliffExport {
  const snapshot = readArticle(loadArticleDoc(store, id));
  return { xliff: articleToXliff(snapshot, { articleId: id }), title: articleTitle(snapshot) };
}

/**
 * Import into the stored article directly, as one appended update. For the
 * CLI: with a server running, the API route goes through the collaboration
 * server instead, so that everyone with the article open sees the change.
 */
export function importXliffToStore(store: ArticleStore, id: string, xml: string, actor: string | null, options: XliffImportOptions = {}): XliffImportSummary {
  const doc = loadArticleDoc(store, id);
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === XLIFF_IMPORT_ORIGIN) updates.push(update);
  });
  const summary = importXliff(doc, xml, actor, XLIFF_IMPORT_ORIGIN, { articleId: id, ...options });
  // Who and when go with the row: the server's room derives history from it, live or at its next load.
  if (updates.length > 0) store.append(id, updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates), { actor, at: Date.now() });
  return summary;
}
