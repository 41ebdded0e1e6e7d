/**
 * Markup of the source that the translation lost: links, bold passages,
 * figures and list items. Only what is missing counts; a translation may add
 * markup of its own. A lost figure is an error (the image would silently drop
 * out of the published article; to leave a figure out on purpose, omit the
 * row); the rest are warnings, since a translator may restructure a sentence
 * on purpose.
 */
import { isSideEmpty } from '../article/article';
import { issue, listed, quote, type QaIssue, type QaSegment } from './model';
import { boldRuns, figures, links, listItems, sideText } from './side-content';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

function missingLinks(segment: QaSegment): QaIssue[] {
  const source = links(segment.source);
  if (source.length === 0) return [];
  const target = links(segment.target);
  const unmatched = [...target];
  const lost = source.filter((link) => {
    const at = unmatched.findIndex((candidate) => candidate.href === link.href);
    if (at < 0) return true;
    unmatched.splice(at, 1);
    return false;
  });
  // Links the translation points elsewhere (an English version of the page) still count as kept.
  if (lost.length === 0 || target.length >= source.length) return [];
  const named = lost.slice(0, source.length - target.length).map((link) => `${quote(link.text, 30)} (${link.href})`);
  return [issue('missing-link', `The source links ${listed(named)}, but the translation has no such link.`, { segmentId: segment.id })];
}

function missingBold(segment: QaSegment): QaIssue[] {
  const source = boldRuns(segment.source);
  const target = boldRuns(segment.target);
  if (target.length >= source.length) return [];
  const named = source.slice(0, 3).map((text) => quote(text, 24));
  const message =
    target.length === 0
      ? `The source has bold text (${listed(named)}${source.length > 3 ? ' and more' : ''}), but the translation has none.`
      : `The source has ${plural(source.length, 'bold passage', 'bold passages')} (${listed(named)}${source.length > 3 ? ' and more' : ''}), but the translation has ${target.length}.`;
  return [issue('missing-bold', message, { segmentId: segment.id })];
}

function missingFigures(segment: QaSegment): QaIssue[] {
  const source = figures(segment.source);
  const target = figures(segment.target);
  if (target.length >= source.length) return [];
  const lost = source
    .slice(target.length)
    .map((figure) => (figure.textContent.trim() !== '' ? quote(figure.textContent, 30) : (figure.attrs.src as string) || 'without a caption'));
  const message =
    source.length === 1
      ? `The source's figure ${lost[0]} is missing from the translation; add it back, or omit the row to leave it out.`
      : `The source has ${source.length} figures but the translation has ${target.length}: ${listed(lost)} ${lost.length === 1 ? 'is' : 'are'} missing.`;
  return [issue('missing-figure', message, { segmentId: segment.id })];
}

function missingListItems(segment: QaSegment): QaIssue[] {
  const source = listItems(segment.source);
  const target = listItems(segment.target);
  if (target.length >= source.length) return [];
  const first = quote(sideText(segment.source), 30);
  const message =
    source.length === 1
      ? `The source ${first} is a list item, but the translation is not.`
      : `The source has ${source.length} list items but the translation has ${target.length}.`;
  return [issue('missing-list-item', message, { segmentId: segment.id })];
}

export function checkMarkup(segment: QaSegment): QaIssue[] {
  if (segment.omitted || isSideEmpty(segment.source) || isSideEmpty(segment.target)) return [];
  return [...missingLinks(segment), ...missingBold(segment), ...missingFigures(segment), ...missingListItems(segment)];
}
