/**
 * Redrawing a view's decorations (remote carets, comment highlights) from
 * outside its own input.
 *
 * A decoration change makes ProseMirror write its selection back into the
 * DOM. If the browser has just moved the selection (Shift+Arrow, a click) and
 * ProseMirror has not read that yet, the write puts the old selection back:
 * the user's key is lost. So a focused view first reads what the DOM holds.
 */
import type { PluginKey } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

interface ViewInternals {
  /** Gone once the view is destroyed (its row scrolled away). */
  docView: unknown;
  /** ProseMirror's reader of DOM changes; `flush` takes in pending ones, the selection included. */
  domObserver: { flush(): void };
}

export function redrawDecorations(view: EditorView, key: PluginKey, meta: unknown): void {
  const internals = view as unknown as ViewInternals;
  if (!internals.docView) return;
  if (view.hasFocus()) internals.domObserver.flush();
  view.dispatch(view.state.tr.setMeta(key, meta));
}
