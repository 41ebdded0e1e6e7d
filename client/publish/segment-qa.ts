/**
 * A row's QA issues (shared/qa `checkSegment`), memoized by the segment's
 * content: scrolling back to a row, or a remote change that leaves a segment
 * as it was, costs one lookup instead of the checks again. The cache is
 * bounded; the oldest entries go first.
 *
 * The status checks are left out: the row's status chip already says
 * "untranslated" or "draft", and a red mark on every unfinished row of a new
 * article would drown the marks that point at real mistakes. The publish
 * page lists them all.
 */
import * as Y from 'yjs';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import type { Node as PMNode } from 'prosemirror-model';
import { schema } from '../../shared/schema/schema';
import type { SegmentStatus } from '../../shared/article/status';
import { checkSegment, type QaCheckId, type QaContext, type QaIssue } from '../../shared/qa/qa';

const SHOWN_BY_STATUS: ReadonlySet<QaCheckId> = new Set(['empty-target', 'untranslated', 'draft', 'unreviewed']);

const CACHE_LIMIT = 5000;
const cache = new Map<string, QaIssue[]>();

export interface RowContent {
  id: string;
  status: SegmentStatus;
  omitted: boolean;
  source: Y.XmlFragment;
  target: Y.XmlFragment;
}

const side = (fragment: Y.XmlFragment): PMNode => yXmlFragmentToProseMirrorRootNode(fragment, schema);

export function segmentIssues(row: RowContent, context: QaContext = {}): QaIssue[] {
  const source = side(row.source);
  const target = side(row.target);
  const key = JSON.stringify([row.id, row.status, row.omitted, source.toJSON(), target.toJSON()]);
  const known = cache.get(key);
  if (known) {
    // Re-inserted: recently used entries are evicted last.
    cache.delete(key);
    cache.set(key, known);
    return known;
  }
  const issues = checkSegment({ id: row.id, status: row.status, omitted: row.omitted, source, target }, context).filter(
    (found) => !SHOWN_BY_STATUS.has(found.check),
  );
  cache.set(key, issues);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return issues;
}
