/**
 * Records per-segment history from the changes rooms accept (a deriver, see
 * server/collab/derivation.ts): status changes with the status the writer
 * replaced, from each change; and the target's Markdown once per pause in an
 * author's typing, for the segment that settled. A keystroke costs nothing
 * here; a pause costs one segment's serialization and one small upsert.
 */
import type * as Y from 'yjs';
import type { Node as PMNode } from 'prosemirror-model';
import type { SegmentStatus } from '../../shared/article/status';
import { articleTypes, SEGMENT } from '../../shared/article/layout';
import { targetMarkdown } from '../../shared/markdown/article-markdown';
import type { DerivedChange, SettledText } from '../collab/derivation';
import type { HistoryStore } from './history-store';

/**
 * A segment's target (as its author left it) in Markdown as export writes it:
 * the text as imported while it is unedited, which the segment's map records.
 */
function targetAsExported(doc: Y.Doc, segmentId: string, target: PMNode): { markdown: string; imported: string | null } {
  const map = articleTypes(doc).segments.get(segmentId);
  const importedMarkdown = map?.get(SEGMENT.importedMarkdown);
  const importedHash = map?.get(SEGMENT.importedHash);
  const imported = typeof importedMarkdown === 'string' ? importedMarkdown : null;
  const markdown = targetMarkdown({ target, importedMarkdown: imported, importedHash: typeof importedHash === 'string' ? importedHash : null });
  return { markdown, imported };
}

/** The status changes of one accepted change. */
export function recordStatusHistory(history: HistoryStore, { articleId, actor, changes, at }: DerivedChange): void {
  // Several writes to one segment in one change are one step: from the first writer's view to the last value.
  const steps = new Map<string, { from: SegmentStatus | null; to: SegmentStatus }>();
  for (const write of changes.statusWrites) {
    const step = steps.get(write.segmentId);
    if (step) step.to = write.to;
    else steps.set(write.segmentId, { from: write.from, to: write.to });
  }
  for (const [segmentId, { from, to }] of steps) {
    if (from === to || (from === null && to === 'untranslated')) continue;
    history.recordStatus(articleId, segmentId, from, to, actor, at);
  }
}

/** A segment's text after a pause in its author's typing: a version, or the author's current one extended. */
export function recordTextVersion(history: HistoryStore, { articleId, segmentId, author, at, target }: SettledText, doc: Y.Doc): void {
  const { markdown, imported } = targetAsExported(doc, segmentId, target);
  history.recordText(articleId, segmentId, markdown, author, at, () => imported);
}
