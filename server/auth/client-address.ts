/**
 * Which client a request comes from, as a key for counting its attempts
 * (server/auth/sign-in-throttle.ts), not as an identity.
 *
 * By default the key comes from the TCP peer's address. X-Forwarded-For is
 * something any client can write, so it counts only when the server is told
 * it runs behind a reverse proxy (`trustProxy`, `DUET_TRUST_PROXY=1`). Then
 * the last entry is used: it is the one that proxy added itself, and entries
 * before it are whatever the client sent. That is right for one proxy in
 * front of Duet; behind a chain, each proxy appends, and the last entry is the
 * proxy before the nearest one.
 *
 * An IPv6 client usually has a whole /64 to itself and can change address
 * within it at will, so IPv6 addresses count by their /64 prefix. IPv4 inside
 * IPv6 (`::ffff:192.0.2.1`, how a dual-stack socket shows an IPv4 peer) is
 * counted as the IPv4 address.
 */
import type { IncomingMessage } from 'node:http';
import { isIP, isIPv4, isIPv6 } from 'node:net';

export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? lastForwardedFor(req.headers['x-forwarded-for']) : undefined;
  // A proxy that writes `ip:port` or `unknown` would give every connection a key of its own.
  return addressKey(forwarded !== undefined && isIP(forwarded) ? forwarded : (req.socket.remoteAddress ?? 'unknown'));
}

/**
 * Whether the client reached Duet over HTTPS: Duet itself speaks plain HTTP,
 * so only a trusted proxy's `X-Forwarded-Proto` can say so (its last entry,
 * as for X-Forwarded-For). A session cookie set over HTTPS is marked Secure.
 */
export function reachedOverHttps(req: IncomingMessage, trustProxy: boolean): boolean {
  if (!trustProxy) return false;
  return lastForwardedFor(req.headers['x-forwarded-proto'])?.toLowerCase() === 'https';
}

/** The entry the nearest proxy appended to X-Forwarded-For (repeated headers arrive joined by commas). */
function lastForwardedFor(header: string | string[] | undefined): string | undefined {
  const joined = Array.isArray(header) ? header.join(',') : header;
  const last = joined?.split(',').pop()?.trim();
  return last ? last : undefined;
}

/** The address to count by: IPv4 as it is, IPv6 by its /64, anything else (not an address) as it is. */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const groups = expandIPv6(address.replace(/%.*$/, ''));
  return `${groups.slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, in lower-case hex without leading zeros. */
function expandIPv6(address: string): string[] {
  let text = address.toLowerCase();
  // A trailing dotted IPv4 part stands for the last two groups.
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const middle = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].map((group) => parseInt(group, 16).toString(16));
}
