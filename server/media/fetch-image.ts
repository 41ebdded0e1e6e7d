/**
 * Download an image from an http(s) address, bounded in size, time and
 * redirects. By default hosts that resolve to the server's own or private
 * networks are refused, so an article cannot be used to make the server
 * reach inside its own network (the bytes come back as an image to anyone
 * who may read the article).
 */
import { get as httpGet, type IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { DuetError } from '../../shared/protocol/errors';

export interface FetchLimits {
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
  /** Allow loopback, private and link-local addresses (tests; an intranet image host). */
  allowPrivate: boolean;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { maxBytes: 10 * 1024 * 1024, timeoutMs: 20_000, maxRedirects: 3, allowPrivate: false };

const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv6');
}

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return PRIVATE.check(address, 'ipv4');
  if (family !== 6) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1]!, 'ipv4');
  return PRIVATE.check(address, 'ipv6');
}

const refusedHost = (host: string) => new DuetError('invalid_input', `${host} is on a private or local network; Duet does not fetch images from there`);

/** A DNS lookup that refuses private answers: checked at connect time, so a name cannot change its answer after a check. */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0);
    const list = addresses as unknown as LookupAddress[];
    const bad = list.find((entry) => isPrivateAddress(entry.address));
    if (bad || list.length === 0) return callback(refusedHost(hostname) as unknown as NodeJS.ErrnoException, '', 0);
    if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
    callback(null, list[0]!.address, list[0]!.family);
  });
};

function parseHttpUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new DuetError('invalid_input', `${JSON.stringify(text)} is not an address; give an http(s) address of an image`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new DuetError('invalid_input', `only http(s) addresses can be fetched, not ${url.protocol}`);
  if (url.username || url.password) throw new DuetError('invalid_input', 'an address with a user name or password is not fetched');
  return url;
}

function request(url: URL, limits: FetchLimits, signal: AbortSignal): Promise<IncomingMessage> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!limits.allowPrivate && isIP(host) && isPrivateAddress(host)) return Promise.reject(refusedHost(host));
  const get = url.protocol === 'https:' ? httpsGet : httpGet;
  return new Promise((resolve, reject) => {
    const req = get(
      url,
      { signal, headers: { accept: 'image/*', 'user-agent': 'Duet image fetch' }, ...(limits.allowPrivate ? {} : { lookup: guardedLookup }) },
      resolve,
    );
    req.on('error', reject);
  });
}

async function readLimited(response: IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers['content-length'] ?? 0);
  const tooLarge = () => new DuetError('too_large', `the image is over ${maxBytes / 1048576} MiB`);
  if (declared > maxBytes) {
    response.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response) {
    size += (chunk as Buffer).byteLength;
    if (size > maxBytes) {
      response.destroy();
      throw tooLarge();
    }
    chunks.push(chunk as Buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** The bytes at `address` (following at most `maxRedirects` redirects) and the address they came from. */
export async function fetchImage(address: string, limits: FetchLimits = DEFAULT_FETCH_LIMITS): Promise<{ bytes: Uint8Array; url: string }> {
  let url = parseHttpUrl(address);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await request(url, limits, controller.signal);
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && response.headers.location) {
        response.resume();
        if (redirects >= limits.maxRedirects) throw new DuetError('invalid_input', `${address} redirects more than ${limits.maxRedirects} times`);
        url = parseHttpUrl(new URL(response.headers.location, url).href);
        continue;
      }
      if (status < 200 || status >= 300) {
        response.resume();
        throw new DuetError('invalid_input', `${url.href} answered HTTP ${status}`);
      }
      return { bytes: await readLimited(response, limits.maxBytes), url: url.href };
    }
  } catch (error) {
    if (error instanceof DuetError) throw error;
    if (controller.signal.aborted) throw new DuetError('invalid_input', `${address} did not send the image within ${limits.timeoutMs / 1000} s`);
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof DuetError) throw cause;
    const code = (error as NodeJS.ErrnoException).code;
    throw new DuetError('invalid_input', `could not fetch ${address}: ${code === 'ENOTFOUND' ? 'no such host' : (code ?? (error as Error).message)}`);
  } finally {
    clearTimeout(timer);
  }
}
