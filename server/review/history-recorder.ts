/**
 * Records per-segment history from every change a room accepts (hooked on
 * CollabServer.onAccepted in server/main.ts): status changes with the status
 * the writer replaced, and the target's Markdown for each segment whose target
 * text changed. Only the touched segments are read, so a keystroke costs one
 * segment's serialization and one small upsert.
 */
import * as Y from 'yjs';
import type { SegmentStatus } from '../../shared/article/status';
import { articleTypes, SEGMENT } from '../../shared/article/layout';
import { targetMarkdown } from '../../shared/markdown/article-markdown';
import { readFragment } from '../../shared/schema/fragment-node';
import type { AcceptedChange } from '../collab/room';
import type { HistoryStore } from './history-store';

/** The target of one segment as export writes it, or null when the segment is gone. */
function segmentTarget(doc: Y.Doc, segmentId: string): { markdown: string; imported: string | null } | null {
  const map = articleTypes(doc).segments.get(segmentId);
  const fragment = map?.get(SEGMENT.target);
  if (!map || !(fragment instanceof Y.XmlFragment)) return null;
  // Read without y-prosemirror's repairs, which would edit the room's document (the room has refused misfits already).
  const reading = readFragment(fragment);
  if (!reading.ok) return null;
  const importedMarkdown = map.get(SEGMENT.importedMarkdown);
  const importedHash = map.get(SEGMENT.importedHash);
  const imported = typeof importedMarkdown === 'string' ? importedMarkdown : null;
  const markdown = targetMarkdown({
    target: reading.node,
    importedMarkdown: imported,
    importedHash: typeof importedHash === 'string' ? importedHash : null,
  });
  return { markdown, imported };
}

export function recordHistory(history: HistoryStore, { articleId, actor, changes, doc, at }: AcceptedChange): void {
  // Several writes to one segment in one change are one step: from the first writer's view to the last value.
  const steps = new Map<string, { from: SegmentStatus | null; to: SegmentStatus }>();
  for (const write of changes.statusWrites) {
    const step = steps.get(write.segmentId);
    if (step) step.to = write.to;
    else steps.set(write.segmentId, { from: write.from, to: write.to });
  }
  for (const [segmentId, { from, to }] of steps) {
    if (from === to || (from === null && to === 'untranslated')) continue;
    history.recordStatus(articleId, segmentId, from, to, actor.name, at);
  }
  for (const [segmentId, touched] of changes.segments) {
    if (!touched.targetText || touched.removed) continue;
    const target = segmentTarget(doc, segmentId);
    if (target) history.recordText(articleId, segmentId, target.markdown, actor.name, at, () => target.imported);
  }
}
