/**
 * The page's registry of mounted rows: each row registers its two views when
 * it mounts and leaves when it unmounts (scrolled away, or its segment gone).
 *
 * It also keeps what the page needs to know about focus in those views: which
 * row and side has the caret (the filter never hides that row), and a caret
 * asked for in a row that is not mounted yet (a segment just split off, or
 * scrolled to), given to it as soon as it mounts.
 */
import type { EditorView } from 'prosemirror-view';
import type { Side } from '../../../shared/article/article';
import type { MountedRows, MountedViews } from '../../editing/mounted-views';

export class RowViews {
  private readonly byId = new Map<string, MountedViews>();
  private pendingFocus: { id: string; side: Side } | null = null;
  /** The view the caret was last put in (it may have lost the focus since). */
  focusedView: EditorView | null = null;

  /** `onFocus`: the caret went into a row (a page state: the filter keeps that row). */
  constructor(private readonly onFocus: (id: string) => void) {}

  /** The mounted rows' views, read at the moment of use. */
  get mounted(): MountedRows {
    return this.byId;
  }

  /** A row's views appeared (`views`) or went away (null). Stable, for the rows' effects. */
  register = (id: string, views: MountedViews | null): void => {
    if (!views) return void this.byId.delete(id);
    this.byId.set(id, views);
    for (const view of [views.target, views.source]) {
      view.dom.addEventListener('focusin', () => {
        this.onFocus(id);
        this.focusedView = view;
      });
    }
    if (this.pendingFocus?.id === id) {
      const { side } = this.pendingFocus;
      this.pendingFocus = null;
      queueMicrotask(() => views[side].focus());
    }
  };

  /** Put the caret in a side now if its row is mounted (true), or as soon as it mounts (false). */
  focus(id: string, side: Side): boolean {
    const views = this.byId.get(id);
    if (!views) {
      this.pendingFocus = { id, side };
      return false;
    }
    views[side].focus();
    views[side].dom.scrollIntoView({ block: 'nearest' });
    return true;
  }
}
