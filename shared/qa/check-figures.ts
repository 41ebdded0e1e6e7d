/**
 * The translation's figures: each needs an image (an error without one: the
 * site would show a broken image), stored with the article (an error while it
 * still points at the source site: Zhihu and WeChat refuse images shown from
 * other sites, and publishing writes only stored images into the site), and a
 * description for readers who cannot see it (a warning).
 *
 * The cover image (`image` in the front matter) is only a warning when
 * remote: it shows in link previews, not in the article.
 */
import type { FrontMatterEntry } from '../article/article';
import { issue, quote, type QaIssue, type QaSegment } from './model';
import { storedImagePredicate, type QaContext } from './options';
import { figures } from './side-content';

const REMOTE = /^(?:[a-z][a-z0-9+.-]*:)?\/\//i;

function naming(figure: { textContent: string }, index: number, count: number): string {
  const caption = figure.textContent.trim();
  if (caption !== '') return `The figure ${quote(caption, 30)}`;
  return count > 1 ? `Figure ${index + 1} of this row` : 'The figure';
}

export function checkFigures(segment: QaSegment, context: QaContext = {}): QaIssue[] {
  const isStored = storedImagePredicate(context);
  const where = { segmentId: segment.id };
  const all = figures(segment.target);
  return all.flatMap((figure, index) => {
    const name = naming(figure, index, all.length);
    const src = (figure.attrs.src as string).trim();
    const alt = (figure.attrs.alt as string).trim();
    const issues: QaIssue[] = [];
    if (src === '') issues.push(issue('figure-no-image', `${name} has no image; upload one or remove the figure.`, where));
    else if (!isStored(src)) {
      const what = REMOTE.test(src)
        ? `still points to the remote image ${src}`
        : src.startsWith('data:')
          ? 'holds an embedded image'
          : `points to ${src}, which is not stored with the article`;
      issues.push(issue('figure-remote-image', `${name} ${what}; upload the image so it is stored with the article.`, where));
    }
    if (alt === '') issues.push(issue('figure-empty-alt', `${name} has no image description (alt text) for readers who cannot see it.`, where));
    return issues;
  });
}

/** The front matter's cover image, when it is set but not stored with the article. */
export function checkCoverImage(frontMatter: readonly FrontMatterEntry[], context: QaContext = {}): QaIssue[] {
  const value = frontMatter.find((entry) => entry.key === 'image')?.value;
  if (typeof value !== 'string' || value.trim() === '') return [];
  if (storedImagePredicate(context)(value.trim())) return [];
  return [
    issue('cover-image-remote', `The cover image ${value.trim()} is not stored with the article; use one of the article's own images.`, {
      frontMatterKey: 'image',
    }),
  ];
}
