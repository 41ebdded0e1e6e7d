/**
 * The names stored images take on the site: `/<media folder>/<date>/<short
 * slug>-NN.<ext>`, NN being the figure's place in reading order (01 first),
 * as the site's posts name theirs. Srcs already on the site (under the media
 * folder) are left as they are, and a name one of them holds is never given
 * to another image.
 */
import { parseMediaUrl, type StoredMediaRef } from './media-url';
import type { PostDate } from './post-date';

export interface PlannedMedia {
  /** The stored image. */
  ref: StoredMediaRef;
  /** The src it replaces (the stored image's address). */
  src: string;
  /** The root-relative address on the site: `/assets/media/2020-02-23/slug-01.jpg`. */
  url: string;
  /** The file inside the repository: `assets/media/2020-02-23/slug-01.jpg`. */
  repoPath: string;
}

export interface MediaNaming {
  date: PostDate;
  shortSlug: string;
  /** Relative to the repository, "/"-separated: `assets/media`. */
  mediaFolder: string;
}

/** Is `src` already one of the site's own media addresses? */
export function isSiteMedia(src: string, mediaFolder: string): boolean {
  return src.startsWith(`/${mediaFolder}/`);
}

/**
 * Names for the stored images among `srcs` (figure srcs in reading order; a
 * cover image that is no figure's comes last), keyed by src. A src used twice
 * keeps the name of its first place.
 */
export function planMediaNames(srcs: readonly string[], naming: MediaNaming): Map<string, PlannedMedia> {
  const taken = new Set(srcs.filter((src) => isSiteMedia(src, naming.mediaFolder)));
  const planned = new Map<string, PlannedMedia>();
  srcs.forEach((src, index) => {
    const ref = parseMediaUrl(src);
    if (!ref || planned.has(src)) return;
    const nameFor = (n: number) => `${naming.mediaFolder}/${naming.date.iso}/${naming.shortSlug}-${String(n).padStart(2, '0')}.${ref.extension}`;
    let n = index + 1;
    while (taken.has(`/${nameFor(n)}`)) n++;
    const repoPath = nameFor(n);
    taken.add(`/${repoPath}`);
    planned.set(src, { ref, src, url: `/${repoPath}`, repoPath });
  });
  return planned;
}
