/**
 * Where the preview finds an article's images.
 *
 * A figure's `src` is one of three kinds:
 * - an image stored with the article, `/api/articles/<id>/media/<name>`: Duet
 *   serves it, so the preview shows it as it is;
 * - a site path, `/assets/media/<date>/<name>` (an imported, already published
 *   article, or an export): the site has it, Duet may not. The preview shows the
 *   article's stored image of the same file name when there is one, else the
 *   site's copy when the site's address is known, else nothing (the figure is
 *   marked missing);
 * - a remote address (`https://…`): shown from there.
 */

export const mediaUrl = (articleId: string, name: string): string =>
  `/api/articles/${encodeURIComponent(articleId)}/media/${encodeURIComponent(name)}`;

export interface MediaResolverInput {
  articleId: string;
  /** File names of the images stored with the article. */
  storedNames: Iterable<string>;
  /** The published site's address (`https://example.org`), if known: site paths not stored in Duet are shown from there. */
  siteUrl?: string | null;
}

/** The last path segment of a URL path, decoded; '' when there is none. */
function fileName(path: string): string {
  const last = path.split(/[?#]/)[0]!.split('/').pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** A resolver for previewHtml's `resolveImage`: where to load `src` from in Duet, or null when it cannot be shown. */
export function mediaResolver({ articleId, storedNames, siteUrl }: MediaResolverInput): (src: string) => string | null {
  const stored = new Set(storedNames);
  const site = siteUrl ? siteUrl.replace(/\/+$/, '') : null;
  const ownPrefix = `/api/articles/${encodeURIComponent(articleId)}/media/`;
  return (src) => {
    if (src.startsWith(ownPrefix)) return src;
    if (/^https?:\/\//i.test(src)) return src;
    if (src.startsWith('/') && !src.startsWith('//')) {
      const name = fileName(src);
      if (name !== '' && stored.has(name)) return mediaUrl(articleId, name);
      return site ? site + src : null;
    }
    return null;
  };
}
