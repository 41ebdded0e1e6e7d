/**
 * Inserting a memory match is an ordinary edit: the target's content is
 * replaced through the row's editor when it is mounted (so Ctrl+Z takes it
 * back, and everyone sees it live), and the segment records which unit filled
 * it (SEGMENT.memoryMatch), for the reviewer. The unit's use is counted.
 */
import type * as Y from 'yjs';
import { readSegment, setSide, sideFragment } from '../../shared/article/article';
import { setMemoryMatch } from '../../shared/article/memory-match';
import { fitMatchToSegment } from '../../shared/memory/fit-match';
import { schema } from '../../shared/schema/schema';
import type { TmMatch } from '../../shared/protocol/memory-api';
import type { MountedRows } from '../editing/mounted-views';
import type { UndoRegistry } from '../editing/undo-registry';
import { EDITOR_ORIGIN } from '../editing/origins';
import { recordUse } from './memory-api';

export interface InsertDeps {
  doc: Y.Doc;
  views: MountedRows;
  undo: UndoRegistry;
  actor: string;
}

export function insertMatch({ doc, views, undo, actor }: InsertDeps, segmentId: string, match: TmMatch): void {
  const segment = readSegment(doc, segmentId);
  const target = fitMatchToSegment(schema.nodeFromJSON(match.target), segment.source);
  const view = views.get(segmentId)?.target;
  if (view && !view.isDestroyed) {
    // The history must exist before the change, or Ctrl+Z would not find it.
    undo.for(sideFragment(doc, segmentId, 'target'));
    view.dispatch(view.state.tr.replaceWith(0, view.state.doc.content.size, target.content).scrollIntoView());
    view.focus();
  } else {
    setSide(doc, segmentId, 'target', target, actor, EDITOR_ORIGIN);
  }
  setMemoryMatch(doc, segmentId, { unitId: match.unitId, score: match.score }, EDITOR_ORIGIN);
  // Counting a use is a courtesy to the ranking: a failure here must not undo the insertion.
  void recordUse(match.unitId).catch(() => undefined);
}
