/** Images stored with an article over the API (docs/PUBLISHING.md, "Images"). */
import * as v from 'valibot';

/** The largest image an article may store (the client checks it before uploading). */
export const MAX_MEDIA_BYTES = 10 * 1024 * 1024;

/** An image stored with an article. */
export const MediaItemSchema = v.object({
  name: v.string(),
  /** Where the image is served; what a figure's src holds. */
  url: v.string(),
  type: v.string(),
  size: v.number(),
  /** The uploaded file's name, as sent (only remembered, never used as a path). */
  filename: v.nullable(v.string()),
  /** The address it was fetched from. */
  sourceUrl: v.nullable(v.string()),
  createdBy: v.nullable(v.string()),
  createdAt: v.string(),
});
export type MediaItem = v.InferOutput<typeof MediaItemSchema>;

/** POST /api/articles/:id/media takes the image's bytes as the body; its name may come along. */
export const UploadQuerySchema = v.object({ filename: v.optional(v.string()) });
/** POST /api/articles/:id/media/fetch: the server downloads the image at `url`. */
export const FetchImageSchema = v.object({ url: v.string() });
export const MediaParamsSchema = v.object({ id: v.string(), name: v.string() });

export const MediaListSchema = v.object({ media: v.array(MediaItemSchema) });
/** The answer to storing an image: 201 when it is new, 200 when the article had it already. */
export const StoredMediaSchema = v.object({ media: MediaItemSchema });
