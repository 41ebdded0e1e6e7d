/**
 * A mounted row's two editor views. Only the rows near the viewport have them
 * (client/editor/use-virtual-rows.ts): whatever reaches into a row's editors
 * (the page's keys and focus, images placed, the opening rows handed over)
 * looks them up by segment id at the moment of use, and finds none for a row
 * scrolled away.
 */
import type { EditorView } from 'prosemirror-view';

export interface MountedViews {
  source: EditorView;
  target: EditorView;
}

/** The mounted rows' views by segment id. */
export type MountedRows = ReadonlyMap<string, MountedViews>;
