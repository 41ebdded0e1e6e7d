/**
 * The review plugin of one side editor: highlights the ranges threads are
 * anchored to, and tells the ReviewHub about text selected here (for the
 * Comment button). Anchors are Yjs relative positions, resolved against the
 * sync binding's own mapping whenever the threads or the text change remotely
 * (the binding replaces content in ways ProseMirror's mapping cannot follow);
 * local typing maps the existing highlights.
 */
import type * as Y from 'yjs';
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';
import type { Side } from '../../shared/article/article';
import type { ProsemirrorMapping } from '../../shared/review/anchors';
import { threadAnchorRange } from '../../shared/review/read-threads';
import type { ReviewHub } from './review-hub';
import { redrawDecorations } from '../editing/redraw';

const highlightKey = new PluginKey<DecorationSet>('duet-thread-highlights');

interface SyncState {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: { mapping: ProsemirrorMapping } | null;
  isChangeOrigin?: boolean;
}

/** The sync plugin's state once its binding exists (it is made when the view is). */
export function boundSync(state: EditorState): (SyncState & { binding: { mapping: ProsemirrorMapping } }) | null {
  const ystate = ySyncPluginKey.getState(state) as SyncState | undefined;
  return ystate?.binding ? (ystate as SyncState & { binding: { mapping: ProsemirrorMapping } }) : null;
}

function decorate(state: EditorState, hub: ReviewHub, segment: string, side: Side): DecorationSet {
  const sync = boundSync(state);
  const threads = hub.anchoredIn(segment, side);
  if (!sync || threads.length === 0) return DecorationSet.empty;
  const active = hub.panel.active;
  const max = state.doc.content.size;
  const decorations: Decoration[] = [];
  for (const thread of threads) {
    if (thread.resolved && thread.id !== active) continue;
    const range = threadAnchorRange(sync.doc, thread, sync.binding.mapping);
    if (!range) continue;
    const from = Math.max(0, Math.min(range.from, max));
    const to = Math.max(0, Math.min(range.to, max));
    if (from >= to) continue; // the anchored text was deleted: the panel says so
    decorations.push(
      Decoration.inline(from, to, {
        class: thread.id === active ? 'thread-anchor is-active' : 'thread-anchor',
        'data-testid': 'thread-anchor',
        'data-thread': thread.id,
      }),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

export function threadHighlightPlugin(hub: ReviewHub, segment: string, side: Side): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: highlightKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, value, _old, state) {
        const remote = (ySyncPluginKey.getState(state) as SyncState | undefined)?.isChangeOrigin;
        if (tr.getMeta(highlightKey) || (remote && hub.anchoredIn(segment, side).length > 0)) return decorate(state, hub, segment, side);
        return tr.docChanged ? value.map(tr.mapping, tr.doc) : value;
      },
    },
    props: {
      decorations: (state) => highlightKey.getState(state) ?? null,
    },
    view(view: EditorView) {
      const redraw = () => redrawDecorations(view, highlightKey, true);
      const unregister = hub.registerView(segment, side, view, redraw);
      // Anchors resolve through the sync binding, made with the view: draw once it exists. Most
      // sides have no threads, and a redraw is a transaction: none for them (rows mount on scroll).
      if (hub.anchoredIn(segment, side).length > 0) queueMicrotask(redraw);
      return {
        update: (_view, previous) => {
          if (!previous.selection.eq(view.state.selection)) hub.noteSelection(view, segment, side);
        },
        destroy: unregister,
      };
    },
  });
}
