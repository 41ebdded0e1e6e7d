/**
 * Images stored with an article (docs/PUBLISHING.md, "Images"): upload a
 * file's bytes, have the server fetch a remote image, list what is stored.
 * The `url` each answer carries is what a figure's `src` holds.
 */
import { FetchImageSchema, MAX_MEDIA_BYTES, MediaListSchema, StoredMediaSchema, type MediaItem } from '../../shared/protocol/media-api';
import type * as v from 'valibot';
import { ApiError, apiRequest, readAs, readApiResponse, requestHeaders } from '../api/http';

export type { MediaItem };

const mediaPath = (articleId: string) => `/api/articles/${encodeURIComponent(articleId)}/media`;

function readItem(body: unknown, what: string): MediaItem {
  return readAs(StoredMediaSchema, body, what).media;
}

/** Store an image file with the article; the server decides from its bytes whether it is an image it accepts. */
export async function uploadImage(articleId: string, file: Blob & { name?: string }): Promise<MediaItem> {
  if (file.size > MAX_MEDIA_BYTES) throw new ApiError('too_large', `The image is ${Math.ceil(file.size / 1024 / 1024)} MiB; images may be at most 10 MiB.`, 0);
  const query = file.name ? `?filename=${encodeURIComponent(file.name)}` : '';
  let response: Response;
  try {
    response = await fetch(`${mediaPath(articleId)}${query}`, {
      method: 'POST',
      headers: { ...requestHeaders('POST', false), 'content-type': file.type || 'application/octet-stream' },
      body: file,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError('network', 'Could not reach the Duet server to upload the image. Check your connection and try again.', 0);
  }
  return readItem(await readApiResponse(response), 'the uploaded image');
}

/** Have the server download a remote image and store it with the article. */
export async function storeRemoteImage(articleId: string, url: string): Promise<MediaItem> {
  const body: v.InferInput<typeof FetchImageSchema> = { url };
  return readItem(await apiRequest('POST', `${mediaPath(articleId)}/fetch`, { body }), 'the stored image');
}

/** The names of the images stored with the article. */
export async function listMedia(articleId: string, signal?: AbortSignal): Promise<MediaItem[]> {
  return readAs(MediaListSchema, await apiRequest('GET', mediaPath(articleId), { signal }), 'the stored images').media;
}
