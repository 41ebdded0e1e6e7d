/**
 * Remote carets and selections inside one segment editor, and this client's
 * own caret published while the editor has focus. Fed by the page's
 * PresenceHub rather than by an awareness listener of its own.
 */
import * as Y from 'yjs';
import { Plugin, PluginKey, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from 'y-prosemirror';
import type { Side } from '../../shared/article/article';
import type { PresenceHub, RemoteCaret } from './presence';
import { afterPaint, inBackground } from '../collab/after-paint';
import { redrawDecorations } from './redraw';

/**
 * While typing, the caret moves with every key; publishing it (awareness
 * encoded and sent, the page's presence recomputed) costs about 1 ms, so it
 * is published after the frame and at most this often.
 */
const CARET_PUBLISH_MS = 80;

interface CaretState {
  carets: RemoteCaret[];
  decorations: DecorationSet;
}

const caretKey = new PluginKey<CaretState>('duet-carets');

function syncState(state: EditorState): { doc: Y.Doc; type: Y.XmlFragment; binding: { mapping: Map<unknown, unknown> } } | null {
  const ystate = ySyncPluginKey.getState(state) as { doc: Y.Doc; type: Y.XmlFragment; binding: { mapping: Map<unknown, unknown> } | null } | undefined;
  return ystate?.binding ? (ystate as never) : null;
}

function toAbsolute(state: EditorState, json: unknown): number | null {
  const ystate = syncState(state);
  if (!ystate || json == null) return null;
  try {
    return relativePositionToAbsolutePosition(ystate.doc, ystate.type, Y.createRelativePositionFromJSON(json), ystate.binding.mapping as never);
  } catch {
    return null;
  }
}

function caretWidget(caret: RemoteCaret): HTMLElement {
  const element = document.createElement('span');
  element.className = 'remote-caret';
  element.style.borderColor = caret.user.color;
  element.setAttribute('data-testid', 'remote-caret');
  element.setAttribute('data-user', caret.user.name);
  const label = document.createElement('span');
  label.className = 'remote-caret-label';
  label.style.backgroundColor = caret.user.color;
  label.textContent = caret.user.name;
  element.append(label);
  return element;
}

function decorate(state: EditorState, carets: RemoteCaret[]): DecorationSet {
  const decorations: Decoration[] = [];
  const max = state.doc.content.size;
  for (const caret of carets) {
    const head = toAbsolute(state, caret.head);
    const anchor = toAbsolute(state, caret.anchor);
    if (head === null) continue;
    const at = Math.min(Math.max(head, 0), max);
    decorations.push(Decoration.widget(at, () => caretWidget(caret), { key: `caret-${caret.user.clientId}-${caret.user.name}`, side: 10 }));
    if (anchor !== null && anchor !== head) {
      const from = Math.min(Math.max(Math.min(anchor, head), 0), max);
      const to = Math.min(Math.max(anchor, head), max);
      decorations.push(Decoration.inline(from, to, { style: `background-color: ${caret.user.color}33` }));
    }
  }
  return DecorationSet.create(state.doc, decorations);
}

export function caretPlugin(hub: PresenceHub, segment: string, side: Side): Plugin<CaretState> {
  return new Plugin<CaretState>({
    key: caretKey,
    state: {
      init: (_config, state) => ({ carets: [], decorations: DecorationSet.create(state.doc, []) }),
      apply(tr, value, _old, state) {
        const pushed = tr.getMeta(caretKey) as RemoteCaret[] | undefined;
        const remoteSync = (ySyncPluginKey.getState(state) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin;
        // Relative positions survive remote edits that ProseMirror's mapping cannot follow (the binding replaces content).
        if (pushed || (remoteSync && value.carets.length > 0)) {
          const carets = pushed ?? value.carets;
          return { carets, decorations: decorate(state, carets) };
        }
        return tr.docChanged ? { carets: value.carets, decorations: value.decorations.map(tr.mapping, tr.doc) } : value;
      },
    },
    props: {
      decorations: (state) => caretKey.getState(state)?.decorations ?? null,
    },
    view(view: EditorView) {
      const publish = () => {
        const ystate = syncState(view.state);
        if (!ystate) return;
        if (view.hasFocus()) {
          const { anchor, head } = view.state.selection;
          hub.setCaret({
            segment,
            side,
            anchor: Y.relativePositionToJSON(absolutePositionToRelativePosition(anchor, ystate.type, ystate.binding.mapping as never)),
            head: Y.relativePositionToJSON(absolutePositionToRelativePosition(head, ystate.type, ystate.binding.mapping as never)),
          });
        } else if (hub.localCaret?.segment === segment && hub.localCaret.side === side) {
          hub.setCaret(null);
        }
      };
      // Caret moves (typing) publish after the frame, at most every CARET_PUBLISH_MS; focus changes at once.
      let waiting = false;
      let lastPublished = 0;
      const publishSoon = () => {
        if (waiting) return;
        waiting = true;
        const wait = Math.max(0, lastPublished + CARET_PUBLISH_MS - performance.now());
        const run = () => {
          waiting = false;
          if (!(view as unknown as { docView: unknown }).docView) return; // destroyed meanwhile
          lastPublished = performance.now();
          publish();
        };
        // From the timer, no frame is coming: asking for one would delay the next keystroke's.
        if (wait > 0) setTimeout(() => inBackground(run), wait);
        else afterPaint(run);
      };
      const unregister = hub.register(segment, side, (carets) => {
        // Dispatching during another view's update is fine: this is a separate EditorView.
        redrawDecorations(view, caretKey, carets);
      });
      const initial = hub.caretsFor(segment, side);
      if (initial.length > 0) queueMicrotask(() => redrawDecorations(view, caretKey, initial));
      view.dom.addEventListener('focusin', publish);
      view.dom.addEventListener('focusout', publish);
      return {
        update: (_view, previous) => {
          // Only the side holding this person's caret has anything to publish (focusing a side publishes
          // at once): a colleague's typing re-renders their segment's view, and must not set a timer here.
          const mine = hub.localCaret?.segment === segment && hub.localCaret.side === side;
          if (mine && (!previous.selection.eq(view.state.selection) || !previous.doc.eq(view.state.doc))) publishSoon();
        },
        destroy: () => {
          view.dom.removeEventListener('focusin', publish);
          view.dom.removeEventListener('focusout', publish);
          unregister();
          // Unmounting a row that scrolled away must not clear the caret of the row being typed in.
          if (view.hasFocus()) hub.setCaret(null);
        },
      };
    },
  });
}
