/**
 * One side of one segment as a ProseMirror view bound to its Y.XmlFragment.
 * The view only renders and dispatches: content lives in the Y.Doc (through
 * the sync binding), history in the UndoRegistry, presence in the PresenceHub,
 * and what a key means for the article (confirm, move, split) in the page's
 * commands.
 */
import type * as Y from 'yjs';
import { EditorState, TextSelection, type Command, type Plugin } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap, toggleMark } from 'prosemirror-commands';
import { initProseMirrorDoc, ySyncPlugin, ySyncPluginKey } from 'y-prosemirror';
import { schema } from '../../../shared/schema/schema';
import type { Side } from '../../../shared/article/article';
import { caretPlugin } from '../../editing/caret-plugin';
import type { PresenceHub } from '../../editing/presence';
import type { UndoRegistry } from '../../editing/undo-registry';

/** What keys mean at the level of the article, supplied by the editor page. */
export interface SegmentCommands {
  /** Mod-Enter: mark translated, go to the next untranslated segment. */
  confirm(segment: string): void;
  /** Alt-Up / Alt-Down. */
  move(segment: string, direction: -1 | 1): void;
  /** Mod-Shift-S: copy the source's structure into an empty target. */
  copySourceStructure(segment: string): void;
  /** Mod-Shift-Enter: split the segment at the caret. */
  split(segment: string, view: EditorView): void;
  /** Mod-Shift-Backspace: merge with the next segment. */
  mergeWithNext(segment: string): void;
  /** The person changed this side's text here (not a remote change). */
  edited(segment: string, side: Side): void;
}

export interface SideViewOptions {
  mount: HTMLElement;
  fragment: Y.XmlFragment;
  segment: string;
  side: Side;
  editable: boolean;
  presence: PresenceHub;
  undo: UndoRegistry;
  commands: SegmentCommands;
  /** More behaviour for this side (review highlights), after the sync and caret plugins. */
  plugins?: readonly Plugin[];
}

const run =
  (fn: () => void): Command =>
  () => {
    fn();
    return true;
  };

export function createSideView(options: SideViewOptions): EditorView {
  const { fragment, segment, side, presence, undo, commands } = options;
  // Created when the person first enters this side, not on the first keystroke (which would then
  // be missing from the history) nor for every row scrolled past (each manager costs every transaction).
  const history = () => undo.for(fragment);
  const keys = keymap({
    'Mod-z': run(() => history().undo()),
    'Mod-y': run(() => history().redo()),
    'Mod-Shift-z': run(() => history().redo()),
    'Mod-b': toggleMark(schema.marks.strong!),
    'Mod-i': toggleMark(schema.marks.em!),
    'Mod-e': toggleMark(schema.marks.code!),
    'Mod-Enter': run(() => commands.confirm(segment)),
    'Alt-ArrowUp': run(() => commands.move(segment, -1)),
    'Alt-ArrowDown': run(() => commands.move(segment, 1)),
    'Mod-Shift-s': run(() => commands.copySourceStructure(segment)),
    'Mod-Shift-Backspace': run(() => commands.mergeWithNext(segment)),
  });
  // The view starts with the fragment's content and the binding with its node mapping, so the
  // binding need not rebuild the content and replace it in a second transaction after the view
  // exists (which also put the caret where ProseMirror warns about it, once per mounted side).
  const { doc, mapping } = initProseMirrorDoc(fragment, schema);
  const view = new EditorView(options.mount, {
    state: EditorState.create({
      schema,
      doc,
      plugins: [
        ySyncPlugin(fragment, { mapping }),
        caretPlugin(presence, segment, side),
        ...(options.plugins ?? []),
        keymap({ 'Mod-Shift-Enter': (_state, _dispatch, editorView) => (editorView ? (commands.split(segment, editorView), true) : false) }),
        keys,
        keymap(baseKeymap),
      ],
    }),
    editable: () => options.editable,
    attributes: {
      lang: side === 'source' ? 'zh' : 'en',
      spellcheck: side === 'target' ? 'true' : 'false',
      class: `side-editor side-${side}`,
      'data-testid': `${side}-editor`,
      'data-segment': segment,
    },
    // `this`, not the constant: the sync plugin dispatches while the view is still being constructed.
    dispatchTransaction(this: EditorView, transaction) {
      this.updateState(this.state.apply(transaction));
      const remote = (ySyncPluginKey.getState(this.state) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin;
      if (transaction.docChanged && !remote) commands.edited(segment, side);
    },
  });
  // An empty side has no place for a caret: give it a paragraph when someone who may write starts to.
  if (options.editable) {
    view.dom.addEventListener('focusin', () => {
      history();
      ensureParagraph(view);
    });
  }
  return view;
}

function ensureParagraph(view: EditorView): void {
  if (view.state.doc.childCount > 0) return;
  const tr = view.state.tr.insert(0, schema.nodes.paragraph!.create());
  view.dispatch(tr.setSelection(TextSelection.create(tr.doc, 1)));
}
