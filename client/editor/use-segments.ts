/**
 * The article's segment list as React state: ids in order with their status
 * and who changed them. Recomputed only when the list or a segment's fields
 * change, never on typing (text lives in the fragments, rendered by the
 * editors themselves).
 */
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { articleTypes, orderedIds, SEGMENT } from '../../shared/article/layout';
import { isSegmentStatus, type SegmentStatus } from '../../shared/article/status';
import { isMemoryMatch, type MemoryMatchNote } from '../../shared/article/memory-match';

export interface SegmentRowModel {
  id: string;
  status: SegmentStatus;
  changedBy: string | null;
  changedAt: number | null;
  omitted: boolean;
  /** The memory match that filled the target, shown to the reviewer. */
  memoryMatch: MemoryMatchNote | null;
  source: Y.XmlFragment;
  target: Y.XmlFragment;
}

function readRows(doc: Y.Doc): SegmentRowModel[] {
  const types = articleTypes(doc);
  return orderedIds(types.order, (id) => types.segments.has(id)).flatMap((id) => {
    const map = types.segments.get(id)!;
    const source = map.get(SEGMENT.source);
    const target = map.get(SEGMENT.target);
    if (!(source instanceof Y.XmlFragment) || !(target instanceof Y.XmlFragment)) return [];
    const status = map.get(SEGMENT.status);
    const changedAt = map.get(SEGMENT.changedAt);
    return [
      {
        id,
        status: isSegmentStatus(status) ? status : 'untranslated',
        changedBy: typeof map.get(SEGMENT.changedBy) === 'string' ? (map.get(SEGMENT.changedBy) as string) : null,
        changedAt: typeof changedAt === 'number' ? changedAt : null,
        omitted: map.get(SEGMENT.omitted) === true,
        memoryMatch: isMemoryMatch(map.get(SEGMENT.memoryMatch)) ? (map.get(SEGMENT.memoryMatch) as MemoryMatchNote) : null,
        source,
        target,
      },
    ];
  });
}

export function useSegments(doc: Y.Doc): SegmentRowModel[] {
  const [rows, setRows] = useState(() => readRows(doc));
  useEffect(() => {
    const types = articleTypes(doc);
    const refresh = () => setRows(readRows(doc));
    // Only events on the segment map itself or on one segment's own fields matter here.
    const onSegments = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      if (events.some((event) => event.target === types.segments || event.target.parent === types.segments)) refresh();
    };
    types.order.observe(refresh);
    types.segments.observeDeep(onSegments);
    refresh();
    return () => {
      types.order.unobserve(refresh);
      types.segments.unobserveDeep(onSegments);
    };
  }, [doc]);
  return rows;
}
