/**
 * Where an image stored with an article is served, and how to recognise such
 * an address in a figure's `src`. The editor puts this address into a figure
 * when an image is uploaded or a remote one is stored; publishing turns it
 * into the site's own `/assets/media/...` name (see media-names.ts).
 *
 * A stored image's name is its content's SHA-256 (hex) and an extension that
 * the server chose from the bytes, so a name never comes from a user.
 */

export const MEDIA_EXTENSIONS = ['png', 'jpg', 'gif', 'webp'] as const;
export type MediaExtension = (typeof MEDIA_EXTENSIONS)[number];

const MEDIA_NAME = /^[0-9a-f]{64}\.(png|jpg|gif|webp)$/;
const ARTICLE_ID = /^[0-9a-z]{1,64}$/;
const MEDIA_PATH = /^\/api\/articles\/([0-9a-z]{1,64})\/media\/([0-9a-f]{64}\.(?:png|jpg|gif|webp))$/;

export function isMediaName(name: string): boolean {
  return MEDIA_NAME.test(name);
}

/** `/api/articles/<articleId>/media/<name>`: the address a figure's src holds for a stored image. */
export function mediaUrl(articleId: string, name: string): string {
  if (!ARTICLE_ID.test(articleId)) throw new Error(`not an article id: ${JSON.stringify(articleId)}`);
  if (!isMediaName(name)) throw new Error(`not a stored image's name: ${JSON.stringify(name)}`);
  return `/api/articles/${articleId}/media/${name}`;
}

export interface StoredMediaRef {
  articleId: string;
  name: string;
  extension: MediaExtension;
}

/**
 * The stored image a src points to, or null. Only the root-relative address
 * counts: a full URL on some host is a remote image, whatever its path says.
 */
export function parseMediaUrl(src: string): StoredMediaRef | null {
  const match = MEDIA_PATH.exec(src.trim());
  if (!match) return null;
  const name = match[2]!;
  return { articleId: match[1]!, name, extension: name.slice(name.lastIndexOf('.') + 1) as MediaExtension };
}
