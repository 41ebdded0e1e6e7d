/**
 * Is the segment finished? A source block that is neither translated nor
 * omitted, and a translation its translator has not called done, are errors:
 * they would publish unfinished text. Translated but not yet reviewed is a
 * warning: small teams publish without a second reader, and may. A
 * translator's own segment (no source) and an omitted source block need
 * nothing.
 */
import { isSideEmpty } from '../article/article';
import { issue, quote, type QaIssue, type QaSegment } from './model';
import { describeSide } from './side-content';

export function checkStatus(segment: QaSegment): QaIssue[] {
  if (segment.omitted || isSideEmpty(segment.source)) return [];
  const where = { segmentId: segment.id };
  const source = describeSide(segment.source, (text) => quote(text, 30));
  if (isSideEmpty(segment.target)) {
    const named = source.startsWith('“') ? `The source ${source}` : `The source (${source})`;
    return [issue('empty-target', `${named} has no translation yet; translate it or omit it.`, where)];
  }
  switch (segment.status) {
    case 'untranslated':
      return [issue('untranslated', `The translation of ${source} is still marked untranslated; mark it translated when it is done.`, where)];
    case 'draft':
      return [issue('draft', `The translation of ${source} is still a draft; mark it translated when it is done.`, where)];
    case 'translated':
      return [issue('unreviewed', `The translation of ${source} has not been reviewed yet.`, where)];
    default:
      return [];
  }
}
