/**
 * An article's session before it has started: connecting, everything saved
 * (nothing has been typed into the article), nothing from the server yet.
 *
 * The editor shows a long article's opening rows before it opens the article's
 * session (client/editor/use-opening.ts): reading the device's copy of a long
 * article holds the page for a moment, and must not hold up the first rows.
 */
import { SESSION_START, type SessionView } from './article-session';

export function notStartedSession(articleId: string): SessionView {
  return {
    articleId,
    snapshot: SESSION_START,
    subscribe: () => () => {},
    beforeServerChange: () => () => {},
  };
}
