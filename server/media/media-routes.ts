/**
 * The media routes: upload an image into an article, store a remote one,
 * list them, serve one. See docs/PUBLISHING.md.
 */
import type { ServerResponse } from 'node:http';
import { DuetError } from '../../shared/protocol/errors';
import { may } from '../../shared/permissions/permissions';
import { readBody, readJson, stringField } from '../http/request-body';
import type { ApiDeps, Route } from '../http/route';
import { DEFAULT_FETCH_LIMITS, fetchImage, type FetchLimits } from './fetch-image';
import { MAX_MEDIA_BYTES, MediaStore } from './media-store';

/** DUET_MEDIA_FETCH_PRIVATE=1 lets the server fetch from loopback and private addresses. */
export function fetchLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): FetchLimits {
  return { ...DEFAULT_FETCH_LIMITS, allowPrivate: env.DUET_MEDIA_FETCH_PRIVATE === '1' };
}

function serveImage(res: ServerResponse, type: string, name: string, bytes: Buffer, ifNoneMatch: string | undefined): void {
  const etag = `"${name.slice(0, name.indexOf('.'))}"`;
  const headers = {
    'content-type': type,
    'x-content-type-options': 'nosniff',
    // The name is the content's hash: it never changes. Private: it needs a signed-in user.
    'cache-control': 'private, max-age=31536000, immutable',
    etag,
    'content-security-policy': "default-src 'none'; sandbox",
  };
  if (ifNoneMatch === etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, 'content-length': String(bytes.length) });
  res.end(bytes);
}

export function mediaRoutes(deps: ApiDeps, limits: FetchLimits = fetchLimitsFromEnv()): Route[] {
  const media = new MediaStore(deps.db, deps.dataDir);
  const requireArticle = (id: string) => {
    if (!deps.store.has(id)) throw new DuetError('not_found', `no article with id "${id}"`);
  };
  return [
    {
      method: 'GET',
      path: '/api/articles/:id/media',
      access: 'user',
      handle({ params }) {
        requireArticle(params.id!);
        return { media: media.list(params.id!) };
      },
    },
    {
      method: 'POST',
      path: '/api/articles/:id/media',
      access: (user) => may(user, 'media.add'),
      async handle({ req, res, params, auth }) {
        requireArticle(params.id!);
        const filename = new URL(req.url ?? '/', 'http://x').searchParams.get('filename');
        const bytes = await readBody(req, MAX_MEDIA_BYTES);
        const saved = media.save(params.id!, bytes, { filename, createdBy: auth!.user.name });
        res.statusCode = saved.created ? 201 : 200;
        return { media: saved.item };
      },
    },
    {
      method: 'POST',
      path: '/api/articles/:id/media/fetch',
      access: (user) => may(user, 'media.add'),
      async handle({ req, res, params, auth }) {
        requireArticle(params.id!);
        const address = stringField(await readJson(req), 'url', true);
        const fetched = await fetchImage(address, limits);
        const saved = media.save(params.id!, fetched.bytes, { sourceUrl: fetched.url, createdBy: auth!.user.name, filename: new URL(fetched.url).pathname.split('/').pop() || null });
        res.statusCode = saved.created ? 201 : 200;
        return { media: saved.item };
      },
    },
    {
      method: 'GET',
      path: '/api/articles/:id/media/:name',
      access: 'user',
      handle({ req, res, params }) {
        const found = media.read(params.id!, params.name!);
        if (!found) throw new DuetError('not_found', `article "${params.id}" has no image "${params.name}"`);
        serveImage(res, found.item.type, found.item.name, found.bytes, req.headers['if-none-match']);
        return undefined;
      },
    },
  ];
}
