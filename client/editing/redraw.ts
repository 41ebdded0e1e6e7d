/**
 * Redrawing a view's decorations (remote carets, comment highlights) from
 * outside its own input. A decoration change makes ProseMirror write its
 * selection back into the DOM, so the view first reads any caret move it has
 * not taken in yet (pending-input.ts): otherwise the user's key is lost.
 */
import type { PluginKey } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { readPendingInput } from './pending-input';

export function redrawDecorations(view: EditorView, key: PluginKey, meta: unknown): void {
  if (!readPendingInput(view)) return;
  view.dispatch(view.state.tr.setMeta(key, meta));
}
