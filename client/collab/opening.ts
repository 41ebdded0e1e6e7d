/**
 * An article's opening rows (shared/article/opening.ts), for the editor to
 * show while the whole document is on its way.
 *
 * Loaded at an article's address, index.html has asked for them at navigation,
 * before the app's bundle (client/api/early-requests.ts); the editor takes
 * that answer. Opened from inside the app, the editor asks now. No opening
 * (offline, an error, an answer that is not one) is not an error: the editor
 * then waits for the document as it would without.
 */
import { openingFromJson, type ArticleOpening } from '../../shared/article/opening';
import { askedEarly, earlyOr, earlySuccess } from '../api/early-requests';
import { apiRequest } from '../api/http';

const openingPath = (articleId: string) => `/api/articles/${encodeURIComponent(articleId)}/opening`;

/** index.html has asked for this article's opening (the app was loaded at its address), and nobody has taken the answer yet. */
export function openingAsked(articleId: string): boolean {
  return askedEarly(openingPath(articleId));
}

export async function loadOpening(articleId: string, signal: AbortSignal): Promise<ArticleOpening | null> {
  const path = openingPath(articleId);
  const json = await earlyOr(path, () => apiRequest('GET', path, { signal })).catch(() => null);
  return signal.aborted ? null : readOpening(json);
}

/**
 * The opening index.html asked for, when its answer is already in (it is then
 * taken), so the editor can show the rows in its first render; null when that
 * answer is not an opening. Undefined when there is nothing to read yet:
 * loadOpening then waits for it (or asks).
 */
export function openingIfIn(articleId: string): ArticleOpening | null | undefined {
  const early = earlySuccess(openingPath(articleId));
  return early ? readOpening(early.body) : undefined;
}

/** An answer that is not an opening (none, or malformed) shows no opening rows. */
function readOpening(json: unknown): ArticleOpening | null {
  try {
    return json == null ? null : openingFromJson(json);
  } catch {
    return null;
  }
}
