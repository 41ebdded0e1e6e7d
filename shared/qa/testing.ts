/** Test-only: a segment to check, from terse parts. */
import type { Node as PMNode } from 'prosemirror-model';
import type { SegmentStatus } from '../article/status';
import { doc, p } from '../testing/builders';
import type { QaSegment } from './model';

export interface SegmentParts {
  /** A source side, or its text as one paragraph; '' for a translator's own segment. */
  source?: PMNode | string;
  target?: PMNode | string;
  status?: SegmentStatus;
  omitted?: boolean;
}

const side = (content: PMNode | string | undefined): PMNode =>
  content == null || content === '' ? doc() : typeof content === 'string' ? doc(p(content)) : content;

export function segment(parts: SegmentParts, id = 's1'): QaSegment {
  return { id, source: side(parts.source), target: side(parts.target), status: parts.status ?? 'approved', omitted: parts.omitted ?? false };
}
