/**
 * The GET requests index.html sends at navigation, before the app's bundle has
 * loaded: who is signed in, and at an article's address its opening rows
 * (client/collab/opening.ts). Their answers arrive while the bundle is being
 * compiled instead of one round trip after it has started.
 *
 * Each answer is taken once. Asking again later (a retry, a second visit to
 * the article in the same page) goes to the server.
 */
import { networkError, readApiBody } from './http';

/** What index.html's script keeps of an answer: the status (0 when none came) and the body's text. */
export interface EarlyAnswer {
  status: number;
  text: string;
}

interface EarlyRequest {
  answer: Promise<EarlyAnswer>;
  /** Set once the answer is in. */
  settled?: EarlyAnswer;
}

declare global {
  interface Window {
    /** Set by index.html's inline script, by path. */
    __duetEarly?: Record<string, EarlyRequest | undefined>;
  }
}

/** index.html asked for `path`, and nobody has taken the answer yet. */
export function askedEarly(path: string): boolean {
  return window.__duetEarly?.[path] !== undefined;
}

/** The API's answer to GET `path` as apiRequest gives it: index.html's if it asked, otherwise what `ask` gets. */
export function earlyOr(path: string, ask: () => Promise<unknown>): Promise<unknown> {
  const request = take(path);
  return request ? request.answer.then(readEarly) : ask();
}

/**
 * The body of index.html's answer to GET `path` when it is already in and a
 * success (it is then taken), so a first render can use it. Otherwise
 * undefined, and the answer stays for earlyOr, which reports failures as
 * apiRequest does.
 */
export function earlySuccess(path: string): { body: unknown } | undefined {
  const settled = window.__duetEarly?.[path]?.settled;
  if (!settled) return undefined;
  let body: unknown;
  try {
    body = readEarly(settled);
  } catch {
    return undefined;
  }
  take(path);
  return { body };
}

function take(path: string): EarlyRequest | undefined {
  const request = window.__duetEarly?.[path];
  if (request) delete window.__duetEarly![path];
  return request;
}

function readEarly({ status, text }: EarlyAnswer): unknown {
  if (status === 0) throw networkError();
  return readApiBody(status, text);
}
