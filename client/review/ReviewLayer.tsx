/**
 * The review UI over the editor page: the comments panel, the Comment button
 * that appears beside selected text, and the Ctrl/⌘ + Alt + M shortcut
 * (a comment on the selection, or on the pair whose editor has the caret).
 */
import { useEffect, useMemo, useReducer } from 'react';
import type { PresenceHub } from '../editing/presence';
import { draftFromSelection } from './review-actions';
import type { ReviewEnv } from './review-env';
import type { ThreadDraft } from './review-hub';
import { ThreadsPanel } from './ThreadsPanel';
import { mentionable, useServerMembers } from './use-members';
import { useCommentableSelection, useReview } from './use-review';
import './review.css';

/** Is this key press Ctrl/⌘ + Alt + M? By key code: with Alt held, a Mac types "µ". */
export const isCommentShortcut = (event: KeyboardEvent): boolean =>
  (event.ctrlKey || event.metaKey) && event.altKey && !event.shiftKey && event.code === 'KeyM';

export function ReviewLayer({ base, presence }: { base: Omit<ReviewEnv, 'members'>; presence: PresenceHub }) {
  const hub = useReview(base.hub);
  const serverMembers = useServerMembers();
  // Until the server lists its members: the people seen in this article.
  const seen = [base.me, ...presence.others.map((person) => person.name), ...hub.threads.flatMap((thread) => thread.comments.map((comment) => comment.author))];
  const membersKey = mentionable(serverMembers, seen).join('\n');
  const env = useMemo<ReviewEnv>(() => ({ ...base, members: membersKey === '' ? [] : membersKey.split('\n') }), [base, membersKey]);

  useEffect(() => {
    if (!env.canComment) return;
    const onKey = (event: KeyboardEvent) => {
      if (!isCommentShortcut(event)) return;
      event.preventDefault();
      const selection = hub.selection;
      let draft: ThreadDraft | null = selection ? draftFromSelection(selection) : null;
      if (!draft) {
        const segmentId = (document.activeElement as HTMLElement | null)?.closest?.('.side-editor')?.getAttribute('data-segment');
        if (segmentId) draft = { segmentId };
      }
      if (draft) hub.setPanel({ open: true, segment: draft.segmentId, active: null, draft });
      else env.notify('Select some text in a segment (or put the caret in one) to comment on it.');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [hub, env]);

  return (
    <>
      {env.canComment && <SelectionCommentButton env={env} />}
      {hub.panel.open && <ThreadsPanel env={env} />}
    </>
  );
}

function SelectionCommentButton({ env }: { env: ReviewEnv }) {
  const selection = useCommentableSelection(env.hub);
  const [, redraw] = useReducer((count: number) => count + 1, 0);
  // The button follows its text when the rows scroll under it.
  useEffect(() => {
    if (!selection) return;
    window.addEventListener('scroll', redraw, true);
    window.addEventListener('resize', redraw);
    return () => {
      window.removeEventListener('scroll', redraw, true);
      window.removeEventListener('resize', redraw);
    };
  }, [selection]);
  if (!selection || !selection.view.dom.isConnected) return null;
  let place: { left: number; top: number };
  try {
    const end = selection.view.coordsAtPos(selection.to);
    place = { left: end.right + 4, top: end.bottom + 4 };
  } catch {
    return null;
  }
  return (
    <button
      type="button"
      className="selection-comment-button"
      style={{ left: Math.min(place.left, window.innerWidth - 110), top: place.top }}
      title="Comment on the selected text (Ctrl/⌘ + Alt + M)"
      data-testid="selection-comment"
      // mousedown, not click: the selection must survive the press.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => {
        const draft = draftFromSelection(selection);
        if (draft) env.hub.setPanel({ open: true, segment: draft.segmentId, active: null, draft });
      }}
    >
      Comment
    </button>
  );
}
