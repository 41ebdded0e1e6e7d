/**
 * Each article's opening rows (shared/article/opening.ts), kept in the store
 * with the log position they were read at.
 *
 * The opening is what the editor shows of a long article while its document
 * is on its way, so it must come fast. Read from the live document it costs
 * nothing once the article's room is loaded, but a first visit to an article
 * nobody has open would first build the whole document (about 0.2 s of CPU at
 * 2,000 segments, and more while the browser compiles the app on the same
 * machine), before the websocket even asks for it. So the opening is kept
 * when an article is stored and when its room closes, and served while the
 * article's log has not moved since.
 */
import type * as Y from 'yjs';
import { openingToJson, readOpening } from '../../shared/article/opening';
import type { ArticleStore } from '../store/article-store';

/** Read the opening from `doc` (the article as stored now) and keep it. */
export function keepOpening(store: ArticleStore, articleId: string, doc: Y.Doc): string {
  const json = JSON.stringify(openingToJson(readOpening(doc)));
  store.saveOpening(articleId, store.lastSeq(articleId), json);
  return json;
}

/** The kept opening as JSON text, if nothing has been stored for the article since; else null. */
export function keptOpening(store: ArticleStore, articleId: string): string | null {
  const kept = store.loadOpening(articleId);
  return kept && kept.seq === store.lastSeq(articleId) ? kept.json : null;
}
