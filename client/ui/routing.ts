/**
 * The client's few routes, on the History API. Two pages do not justify a
 * router library; the server already answers every non-file path with
 * index.html (server/http/static-files.ts), so these URLs survive a reload.
 */
import { useEffect, useState, type MouseEvent } from 'react';

export type Route =
  { page: 'articles' } | { page: 'article'; id: string } | { page: 'publish'; id: string } | { page: 'align' } | { page: 'not-found'; path: string };

/** An article's editor; with a segment, the editor opens at that segment (`#segment=<id>`). */
export const articlePath = (id: string, segment?: string): string =>
  `/articles/${encodeURIComponent(id)}${segment ? `#segment=${encodeURIComponent(segment)}` : ''}`;

/** An article's checks, preview, downloads and publishing. */
export const publishPath = (id: string): string => `/articles/${encodeURIComponent(id)}/publish`;

/** Aligning a source with its published translation into the memory (admins). */
export const ALIGN_PATH = '/memory/align';

/** The segment a URL's hash names (`#segment=<id>`), or null. */
export function segmentInHash(hash: string): string | null {
  const match = /^#?segment=([^&]+)/.exec(hash);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}

export function parseRoute(pathname: string): Route {
  // A trailing slash is the same page; people type and paste URLs both ways.
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/' || path === '/articles') return { page: 'articles' };
  if (path === ALIGN_PATH) return { page: 'align' };
  const article = /^\/articles\/([^/]+)(\/publish)?$/.exec(path);
  if (article) {
    try {
      return { page: article[2] ? 'publish' : 'article', id: decodeURIComponent(article[1]!) };
    } catch {
      // A malformed %-escape cannot name an article.
    }
  }
  return { page: 'not-found', path: pathname };
}

// pushState fires no event, so navigate() tells useRoute() through this one.
const NAVIGATE_EVENT = 'duet:navigate';

export function navigate(path: string): void {
  // Following a link to where we are pushes no history entry, but still tells the page (an editor lands on its segment again).
  if (path !== window.location.pathname + window.location.hash) window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.pathname));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.pathname));
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATE_EVENT, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATE_EVENT, update);
    };
  }, []);
  return route;
}

/**
 * The segment the current URL asks the editor to open, with a count that
 * changes on every navigation to one (following the same link twice lands twice).
 */
export function useSegmentInUrl(): { segment: string | null; visit: number } {
  const [state, setState] = useState(() => ({ segment: segmentInHash(window.location.hash), visit: 0 }));
  useEffect(() => {
    const update = () => setState((previous) => ({ segment: segmentInHash(window.location.hash), visit: previous.visit + 1 }));
    window.addEventListener('popstate', update);
    window.addEventListener('hashchange', update);
    window.addEventListener(NAVIGATE_EVENT, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener('hashchange', update);
      window.removeEventListener(NAVIGATE_EVENT, update);
    };
  }, []);
  return state;
}

/**
 * Click handler for in-app links: navigate without a page load, but leave
 * Ctrl/Cmd/Shift/middle clicks to the browser so "open in new tab" still works.
 */
export function followLink(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(event.currentTarget.getAttribute('href') ?? '/');
}
