/**
 * Input the browser has applied but ProseMirror has not read yet.
 *
 * A caret moved by Home, a click or Shift+Arrow is in the DOM at once;
 * ProseMirror reads it a task later (on `selectionchange`). Whatever writes
 * the view's state in between puts the old selection back and the person's
 * move is lost: a decoration redraw (redraw.ts), or y-prosemirror applying a
 * colleague's change, which restores the caret it knew. So before either, the
 * focused view reads what the DOM holds.
 */
import type { EditorView } from 'prosemirror-view';

interface ViewInternals {
  /** Gone once the view is destroyed (its row scrolled away). */
  docView: unknown;
  /** ProseMirror's reader of DOM changes; `flush` takes in pending ones, the selection included. */
  domObserver: { flush(): void };
}

/** Let a live, focused view take in what the DOM holds; false if the view is gone. */
export function readPendingInput(view: EditorView): boolean {
  const internals = view as unknown as ViewInternals;
  if (!internals.docView) return false;
  if (view.hasFocus()) internals.domObserver.flush();
  return true;
}
