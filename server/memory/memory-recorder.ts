/**
 * Fills the translation memory from the changes rooms accept (a deriver, see
 * server/collab/derivation.ts): a segment whose status reaches translated,
 * reviewed or approved is stored as a unit with its neighbours' sources (for
 * in-context matches), read from the room's document when the batch runs,
 * after the relay. A keystroke costs nothing here; a confirmation costs one
 * segment's reading and one upsert. Re-deriving a change (after a crash) only
 * stores the same unit again.
 */
import type * as Y from 'yjs';
import { readSegment, readTitle, segmentIds } from '../../shared/article/article';
import { articleTypes } from '../../shared/article/layout';
import { sideText } from '../../shared/qa/side-content';
import type { DerivedChange, Deriver } from '../collab/derivation';
import type { ConfirmedSegment, TranslationMemory } from './translation-memory';

const CONFIRMED = new Set(['translated', 'reviewed', 'approved']);

/** The segments a change confirmed, each with the last status it was given. */
function confirmedSegments(change: DerivedChange): Map<string, ConfirmedSegment['status']> {
  const confirmed = new Map<string, ConfirmedSegment['status']>();
  for (const write of change.changes.statusWrites) {
    if (CONFIRMED.has(write.to)) confirmed.set(write.segmentId, write.to as ConfirmedSegment['status']);
    else confirmed.delete(write.segmentId);
  }
  return confirmed;
}

export function memoryRecorder(memory: TranslationMemory): Deriver {
  return {
    change(change: DerivedChange, doc: Y.Doc) {
      const confirmed = confirmedSegments(change);
      if (confirmed.size === 0) return;
      const order = segmentIds(doc);
      const title = readTitle(doc);
      const sourceAt = (index: number): string | null => {
        const id = order[index];
        return id === undefined ? null : sideText(readSegment(doc, id).source);
      };
      for (const [segmentId, status] of confirmed) {
        const index = order.indexOf(segmentId);
        // Merged away or removed by the time the batch runs: nothing to remember.
        if (index < 0 || !articleTypes(doc).segments.has(segmentId)) continue;
        const segment = readSegment(doc, segmentId);
        if (segment.omitted) continue;
        memory.confirm({
          articleId: change.articleId,
          segmentId,
          articleTitle: title,
          source: segment.source,
          target: segment.target,
          before: sourceAt(index - 1),
          after: sourceAt(index + 1),
          status,
          author: change.actor,
          at: change.at,
        });
      }
    },
  };
}
