/**
 * Who is making an HTTP request, and whether a browser could have been tricked
 * into making it. No routing here: the API and the websocket server call these.
 *
 * Browsers authenticate with the session cookie, which they attach to requests
 * other sites trigger too; so unsafe cookie-authenticated requests must prove
 * they come from Duet's own page (checkCsrf), and cookie-authenticated
 * websockets must come from Duet's own origin (checkWebsocketOrigin). Scripts
 * send `Authorization: Bearer duet_…`, which a browser never adds on its own,
 * so token requests need neither check.
 */
import type { IncomingMessage } from 'node:http';
import { DuetError } from '../../shared/protocol/errors';
import type { Accounts, User } from './accounts';

export const SESSION_COOKIE = 'duet_session';
/** Sent by Duet's client on every unsafe request, value `1`. A custom header cannot be sent cross-site without a CORS preflight, which Duet never grants. */
export const CSRF_HEADER = 'x-duet-csrf';

export type AuthVia = 'session' | 'token';

export interface Authenticated {
  user: User;
  via: AuthVia;
  /** The session or token it came with, as Accounts.credentialKey names it: a websocket ends with it. */
  credential: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The user behind a request: a Bearer API token first, else the session
 * cookie; null when neither identifies a user. A Bearer token that does not
 * work is a failure, not a reason to try the cookie, so a script with a
 * revoked token never silently acts as whoever is logged in in the browser.
 * Other Authorization schemes are ignored: a proxy in front of Duet may use
 * Basic auth for itself while the browser still carries Duet's cookie.
 */
export function authenticate(req: IncomingMessage, accounts: Accounts): Authenticated | null {
  const bearer = bearerToken(req.headers.authorization);
  if (bearer !== undefined) {
    const user = bearer ? accounts.userForApiToken(bearer) : null;
    return user ? { user, via: 'token', credential: accounts.credentialKey('token', bearer!) } : null;
  }
  const session = readCookie(req.headers.cookie, SESSION_COOKIE);
  if (session === undefined) return null;
  const user = accounts.userForSession(session);
  return user ? { user, via: 'session', credential: accounts.credentialKey('session', session) } : null;
}

/** The token of an `Authorization: Bearer` header; '' for a Bearer header without one; undefined for no or another scheme. */
function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^\s*Bearer(?:\s+(.*))?$/i.exec(header);
  if (!match) return undefined;
  return (match[1] ?? '').trim();
}

/**
 * One cookie's value from a Cookie header (RFC 6265: `name=value` pairs joined
 * by `;`), or undefined. Values may be quoted; percent-escapes are decoded when
 * valid. When the name repeats, the first wins: browsers send the cookie with
 * the most specific path first.
 */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    if (pair.slice(0, eq).trim() !== name) continue;
    let value = pair.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}

/**
 * The Set-Cookie value that logs a browser in. HttpOnly keeps it from page
 * scripts; SameSite=Lax keeps it off cross-site subrequests and posts; pass
 * `secure` when served over HTTPS so it is never sent in the clear.
 */
export function sessionCookie(token: string, expiresAt: string | Date, secure: boolean): string {
  const expires = new Date(expiresAt).toUTCString();
  return `${SESSION_COOKIE}=${token}; Path=/; Expires=${expires}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/** The Set-Cookie value that makes a browser forget its session (on logout). */
export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; SameSite=Lax`;
}

/**
 * Refuse a cross-site request forgery: an unsafe method (not GET, HEAD or
 * OPTIONS) authenticated by the session cookie must carry `x-duet-csrf: 1`,
 * and its Origin, when present, must be the host it was sent to. Throws a
 * `forbidden` DuetError; returns nothing when the request may proceed.
 */
export function checkCsrf(req: IncomingMessage, via: AuthVia): void {
  if (via !== 'session') return;
  if (SAFE_METHODS.has((req.method ?? 'GET').toUpperCase())) return;
  if (req.headers[CSRF_HEADER] !== '1') {
    throw new DuetError('forbidden', `this request changes data, so it needs the header "${CSRF_HEADER}: 1" (Duet's own client sends it)`);
  }
  if (req.headers.origin !== undefined && !originMatchesHost(req)) {
    throw new DuetError('forbidden', `requests from ${req.headers.origin} may not change data here`);
  }
}

/**
 * May this websocket upgrade go ahead? Browsers let any page open a websocket
 * to any site with the site's cookies attached and leave the Origin check to
 * the server, so a cookie-authenticated upgrade from another origin is
 * refused (cross-site websocket hijacking). Without an Origin it was not sent
 * by a browser page, and token upgrades cannot be forged by one.
 */
export function checkWebsocketOrigin(req: IncomingMessage, via: AuthVia): boolean {
  if (via !== 'session') return true;
  if (req.headers.origin === undefined) return true;
  return originMatchesHost(req);
}

// A Host header is a host name, IPv4 or bracketed IPv6 address, and an optional port; nothing else is compared.
export const HOST_HEADER = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;
const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/**
 * Does the request's Origin name the host (and port) the request was sent to?
 * The scheme is ignored, since behind a TLS-terminating proxy the server
 * cannot know it; a port left out means the default for the Origin's scheme.
 * A missing or malformed Origin or Host, or `Origin: null`, never matches.
 * A reverse proxy in front of Duet must pass the browser's Host through.
 */
export function originMatchesHost(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  const host = req.headers.host;
  if (!origin || !host || !HOST_HEADER.test(host)) return false;
  let from: URL;
  let to: URL;
  try {
    from = new URL(origin);
    if (DEFAULT_PORTS[from.protocol] === undefined || from.username || from.password) return false;
    // Parsed with the Origin's scheme so both sides get the same normalisation (case, IDNA, default port).
    to = new URL(`${from.protocol}//${host}`);
  } catch {
    return false;
  }
  const port = (url: URL) => url.port || DEFAULT_PORTS[url.protocol]!;
  return from.hostname === to.hostname && port(from) === port(to);
}
