/**
 * Handing the opening rows over to the article's document.
 *
 * While a long article's document is on its way, the editor shows its opening
 * rows (shared/article/opening.ts) from a Y.Doc of their own, editable as
 * usual. When the document has arrived the page swaps them for the bound rows
 * in one task, so no key falls between the two:
 *  - `capture` reads what the opening rows hold (the focused view first takes
 *    in input the browser has applied and ProseMirror not yet read), which
 *    side has the caret, and how far the page was scrolled;
 *  - `carryOver`, once the document's rows exist, applies what was typed to
 *    the document through the bound views, rebased onto what a colleague may
 *    have changed meanwhile (shared/article/carry-typing.ts): it then reaches
 *    Yjs, the undo history and the row's status exactly as typing does.
 */
import type * as Y from 'yjs';
import type { Node as PMNode } from 'prosemirror-model';
import { TextSelection, type Selection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import { readSegment, segmentIds, setSide, sideFragment, type Side } from '../../shared/article/article';
import { carryTyping } from '../../shared/article/carry-typing';
import { schema } from '../../shared/schema/schema';
import { readPendingInput } from '../editing/pending-input';
import { EDITOR_ORIGIN } from '../editing/origins';
import type { MountedRows } from '../editing/mounted-views';
import type { UndoRegistry } from '../editing/undo-registry';

export interface CarriedOpening {
  /** Targets typed into: the opening's content, and what it became. */
  typed: Map<string, { before: PMNode; after: PMNode }>;
  /** The side with the caret, and the selection in what it held. */
  focus: { segment: string; side: Side; anchor: number; head: number } | null;
  scrollTop: number;
}

export class OpeningHandOver {
  /** Each target as the opening showed it. */
  private readonly before = new Map<string, PMNode>();
  private views: MountedRows | null = null;
  private scroller: HTMLElement | null = null;

  constructor(readonly doc: Y.Doc) {
    for (const id of segmentIds(doc)) this.before.set(id, readSegment(doc, id).target);
  }

  /** The opening rows' views and scroller, while they are shown. */
  attach(views: MountedRows, scroller: HTMLElement | null): void {
    this.views = views;
    this.scroller = scroller;
  }

  /** The opening view being composed in (an input method's candidate is open), if any: wait for it. */
  composing(): EditorView | null {
    for (const { target, source } of this.views?.values() ?? []) for (const view of [target, source]) if (view.composing) return view;
    return null;
  }

  capture(): CarriedOpening {
    let focus: CarriedOpening['focus'] = null;
    for (const [segment, mounted] of this.views ?? []) {
      for (const side of ['target', 'source'] as const) {
        const view = mounted[side];
        if (!view.hasFocus()) continue;
        readPendingInput(view);
        focus = { segment, side, anchor: view.state.selection.anchor, head: view.state.selection.head };
      }
    }
    const typed = new Map<string, { before: PMNode; after: PMNode }>();
    for (const [id, before] of this.before) {
      const after = this.views?.get(id)?.target.state.doc ?? yXmlFragmentToProseMirrorRootNode(sideFragment(this.doc, id, 'target'), schema);
      if (!after.eq(before)) typed.set(id, { before, after });
    }
    return { typed, focus, scrollTop: this.scroller?.scrollTop ?? 0 };
  }
}

export interface CarryTarget {
  doc: Y.Doc;
  views: MountedRows;
  undo: UndoRegistry;
  scroller: HTMLElement | null;
  actor: string;
  /** Status and "changed by" for a side changed without its view (its row is not mounted). */
  edited(segment: string, side: Side): void;
  /** Put the caret in a side whose row is not mounted yet. */
  focusLater(segment: string, side: Side): void;
  /** Tell the person something (a segment they typed in was removed meanwhile). */
  notify(message: string): void;
}

/** Apply what was captured from the opening rows to the article's document (see the module's comment). */
export function carryOver(carried: CarriedOpening, to: CarryTarget): void {
  if (to.scroller) to.scroller.scrollTop = carried.scrollTop;
  const segments = new Set(segmentIds(to.doc));
  const { focus } = carried;
  for (const [id, { before, after }] of carried.typed) {
    // Removed meanwhile (a colleague merged or deleted it): there is nowhere to put it, so the
    // person is shown what they typed, to put it where it now belongs.
    if (!segments.has(id)) {
      to.notify(`A colleague removed a segment you were typing in while the article loaded. What it held: “${after.textContent}”`);
      continue;
    }
    const view = to.views.get(id)?.target;
    if (!view) {
      const current = readSegment(to.doc, id).target;
      const carry = carryTyping(before, after, current);
      const result = carry && carry.step.apply(current).doc;
      if (result) {
        setSide(to.doc, id, 'target', result, to.actor, EDITOR_ORIGIN);
        to.edited(id, 'target');
      }
      continue;
    }
    // The typing becomes part of this side's history: Ctrl+Z undoes it like anything typed.
    to.undo.for(sideFragment(to.doc, id, 'target'));
    const carry = carryTyping(before, after, view.state.doc);
    const tr = view.state.tr;
    if (carry) tr.step(carry.step);
    if (focus?.segment === id && focus.side === 'target') {
      const carried = (position: number) => (carry ? carry.map(position) : position);
      tr.setSelection(selectionNear(tr.doc, carried(focus.anchor), carried(focus.head)));
    }
    view.dispatch(tr);
  }
  if (!focus || !segments.has(focus.segment)) return;
  const view = to.views.get(focus.segment)?.[focus.side];
  if (!view) return to.focusLater(focus.segment, focus.side);
  if (!carried.typed.has(focus.segment) || focus.side !== 'target') {
    view.dispatch(view.state.tr.setSelection(selectionNear(view.state.doc, focus.anchor, focus.head)));
  }
  view.focus();
}

/** A text selection from anchor to head, each kept inside the document. */
function selectionNear(doc: PMNode, anchor: number, head: number): Selection {
  const at = (position: number) => doc.resolve(Math.max(0, Math.min(doc.content.size, position)));
  return TextSelection.between(at(anchor), at(head));
}
