/**
 * What the review UI does to the article beyond writing thread fields:
 * turning an editor selection into an anchor, and applying a suggestion
 * through the target editor as if it were typed (so the segment's undo
 * history takes it, and the status follows as for any edit).
 */
import * as Y from 'yjs';
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { absolutePositionToRelativePosition } from 'y-prosemirror';
import type { RelativePositionJson } from '../../shared/review/anchors';
import { threadAnchorRange, type CommentSnapshot, type ThreadSnapshot } from '../../shared/review/read-threads';
import { setSuggestionState } from '../../shared/review/threads';
import type { CommentableSelection, ReviewHub, ThreadDraft } from './review-hub';
import { boundSync } from './thread-highlights';

/**
 * A thread draft anchored to the selection, with relative positions made
 * against the binding's own mapping: exactly the positions the person sees.
 */
export function draftFromSelection(selection: CommentableSelection): ThreadDraft | null {
  const { view, from, to } = selection;
  const sync = boundSync(view.state);
  if (!sync || from >= to) return null;
  const relative = (pos: number) => Y.relativePositionToJSON(absolutePositionToRelativePosition(pos, sync.type, sync.binding.mapping)) as RelativePositionJson;
  return {
    segmentId: selection.segment,
    side: selection.side,
    anchor: { start: relative(from), end: relative(to) },
    quote: view.state.doc.textBetween(from, to, '\n'),
  };
}

export interface ApplyContext {
  hub: ReviewHub;
  actor: string;
  origin: unknown;
  /** Scroll the segment into the window so its row (and editors) mount. */
  reveal(segmentId: string): void;
}

/** Where a suggestion goes in the view: the anchored range, or the whole text of a one-paragraph target for a thread on the pair. */
function replacementRange(view: EditorView, thread: ThreadSnapshot): { from: number; to: number } | null {
  const sync = boundSync(view.state);
  if (!sync) return null;
  if (thread.anchor) {
    const range = threadAnchorRange(sync.doc, thread, sync.binding.mapping);
    return range && range.to > range.from ? range : null;
  }
  const doc = view.state.doc;
  if (doc.childCount === 1 && doc.firstChild!.isTextblock) return { from: 1, to: doc.content.size - 1 };
  return null;
}

/**
 * Replace the anchored target text with the suggestion through the mounted
 * target editor, then mark the suggestion applied. Throws with a sentence
 * for the person when it cannot be done.
 */
export async function applySuggestion(context: ApplyContext, thread: ThreadSnapshot, comment: CommentSnapshot): Promise<void> {
  if (comment.suggestion === null) return;
  context.reveal(thread.segmentId);
  const view = await context.hub.whenMounted(thread.segmentId, 'target');
  // Entering the side creates its undo history (editor/row/side-view.ts), so this change can be undone like typing.
  view.focus();
  const range = replacementRange(view, thread);
  if (!range) throw new Error('The commented text was deleted: there is nothing left to replace.');
  const tr = view.state.tr.insertText(comment.suggestion, range.from, range.to);
  const end = range.from + comment.suggestion.length;
  tr.setSelection(TextSelection.create(tr.doc, end));
  view.dispatch(tr.scrollIntoView());
  setSuggestionState(context.hub.doc, thread.id, comment.id, 'applied', context.actor, context.origin);
}
