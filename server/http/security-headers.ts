/**
 * What browsers are told they may do with Duet's responses. Every response
 * gets SECURITY_HEADERS (main.ts sets them before any route runs); the
 * client's files replace the Content-Security-Policy with the page's own
 * (pagePolicy), and routes that serve other things (stored images, the
 * bilingual download) with theirs, since headers a route writes win over
 * those set before.
 *
 * - X-Content-Type-Options nosniff: a response is only what its type says,
 *   so an uploaded or typed file is never run as a script or a page.
 * - X-Frame-Options DENY with `frame-ancestors 'none'`: no other site may
 *   show Duet in a frame (clickjacking); the header for browsers that do not
 *   read the policy's directive.
 * - Referrer-Policy same-origin: other sites (remote images, links out of an
 *   article) are told nothing of which page of Duet, or which Duet, asked;
 *   some image hosts (WeChat's, for one) refuse images to other sites' pages.
 *   Duet's own requests keep theirs (`no-referrer` would also send
 *   `Origin: null` on a plain form post, which the CSRF check refuses).
 * - Cross-Origin-Opener-Policy same-origin: a page Duet opens or is opened
 *   from on another site gets no handle on Duet's window.
 *
 * Not here: Strict-Transport-Security, which is for whatever terminates TLS
 * in front of Duet (Duet itself speaks plain HTTP).
 */
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/**
 * For anything not meant to be a page (JSON, errors, text): opened in a tab
 * it may load and run nothing, and be framed by nobody.
 */
export const NOTHING_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': NOTHING_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
};

export function setSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

/**
 * The client's policy (index.html, its scripts and styles, and the service
 * worker, whose own fetches this policy governs):
 * - scripts only from Duet itself, plus index.html's inline script by its
 *   hash (`scriptHashes`): that one script and no other, so an injected
 *   `<script>` or `onclick=` does not run. No 'unsafe-inline', no eval.
 * - styles only from Duet's stylesheets: the app sets styles through the DOM
 *   (React's `style`, ProseMirror's decorations), which a policy does not govern.
 * - images also from anywhere over http(s) and data: addresses, because
 *   articles show images still on their source sites (docs/EXPORT.md) and
 *   Word imports embed theirs; an image runs nothing.
 * - connections (fetch, the websocket) only to Duet: 'self' covers ws: and
 *   wss: on the same host in current browsers (Chrome 71, Firefox, Safari 16).
 * - no plugins, no <base>, forms post only to Duet, no framing.
 */
export function pagePolicy(scriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self'${scriptHashes.map((hash) => ` '${hash}'`).join('')}`,
    "style-src 'self'",
    "img-src 'self' https: http: data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

// A <script> element without a src attribute, and its text; the page is Duet's own build, not arbitrary HTML.
const INLINE_SCRIPT = /<script\b(?![^>]*\ssrc\s*=)[^>]*>([\s\S]*?)<\/script\s*>/gi;

/** The CSP hash sources (`sha256-…`) of a page's inline scripts: browsers hash the exact text between the tags, as UTF-8. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)].map((match) => `sha256-${createHash('sha256').update(match[1]!, 'utf8').digest('base64')}`);
}
