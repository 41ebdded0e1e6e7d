/**
 * Where the preview finds an article's images.
 *
 * A figure's `src` is one of three kinds:
 * - an image stored with the article, `/api/articles/<id>/media/<name>`: Duet
 *   serves it, so the preview shows it as it is (or marks it missing when the
 *   article has no such image);
 * - a site path, `/assets/media/<date>/<name>` (an imported, already published
 *   article, or a published export): the site has it, Duet may not. The
 *   preview shows the stored image it was published from when that is known
 *   (`known`, from the article's publications), else the site's copy when the
 *   site's address is known, else nothing (the figure is marked missing);
 * - a remote address (`https://…`): shown from there.
 */

export interface MediaResolverInput {
  articleId: string;
  /** File names of the images stored with the article; when given, a stored-image address not among them is missing. */
  storedNames?: Iterable<string>;
  /** Site paths whose stored image is known (`/assets/media/2020-02-23/slug-01.jpg` → `/api/articles/<id>/media/<name>`). */
  known?: Iterable<readonly [string, string]>;
  /** The published site's address (`https://example.org`), if known: site paths Duet cannot show are loaded from there. */
  siteUrl?: string | null;
}

function decoded(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** A resolver for previewHtml's `resolveImage`: where to load `src` from in Duet, or null when it cannot be shown. */
export function mediaResolver({ articleId, storedNames, known, siteUrl }: MediaResolverInput): (src: string) => string | null {
  const stored = storedNames ? new Set(storedNames) : null;
  const mapped = new Map(known ?? []);
  const site = siteUrl ? siteUrl.replace(/\/+$/, '') : null;
  const mediaPrefix = '/api/articles/';
  const ownPrefix = `${mediaPrefix}${encodeURIComponent(articleId)}/media/`;
  return (src) => {
    if (/^https?:\/\//i.test(src)) return src;
    if (!src.startsWith('/') || src.startsWith('//')) return null;
    if (src.startsWith(mediaPrefix)) {
      // Another article's image is still an image Duet serves.
      if (!src.startsWith(ownPrefix) || !stored) return src;
      return stored.has(decoded(src.slice(ownPrefix.length))) ? src : null;
    }
    const stand = mapped.get(src);
    if (stand) return stand;
    return site ? site + src : null;
  };
}
