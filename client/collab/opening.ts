/**
 * An article's opening rows (shared/article/opening.ts), for the editor to
 * show while the whole document is on its way.
 *
 * Loaded at an article's address, index.html has asked for them at navigation,
 * before the app's bundle; the editor takes that answer. Opened from inside
 * the app, the editor asks now. No opening (offline, an error, an answer that
 * is not one) is not an error: the editor then waits for the document as it
 * would without.
 */
import { openingFromJson, type ArticleOpening } from '../../shared/article/opening';
import { apiRequest } from '../api/http';

declare global {
  interface Window {
    /** Set by index.html's inline script: the opening asked for at navigation. */
    __duetOpening?: { path: string; answer: Promise<unknown> };
  }
}

/** index.html has asked for this article's opening (the app was loaded at its address), and nobody has taken the answer yet. */
export function openingAsked(articleId: string): boolean {
  return window.__duetOpening?.path === encodeURIComponent(articleId);
}

export async function loadOpening(articleId: string, signal: AbortSignal): Promise<ArticleOpening | null> {
  const asked = openingAsked(articleId) ? window.__duetOpening!.answer : null;
  // Taken once: a later visit to the same article in this page must not see this answer again.
  window.__duetOpening = undefined;
  const answer = asked ?? apiRequest('GET', `/api/articles/${encodeURIComponent(articleId)}/opening`, { signal }).catch(() => null);
  try {
    const json = await answer;
    return json == null || signal.aborted ? null : openingFromJson(json);
  } catch {
    return null;
  }
}
