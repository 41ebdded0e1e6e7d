/**
 * A row's comment count (its open threads); pressing it opens the comments
 * panel on that segment. With no open threads, a quiet "+" for those who may
 * start one on the pair. The count is read here, by subscription: a thread
 * changed re-renders its row's count, not the row nor the page's rows.
 */
import { memo, useSyncExternalStore } from 'react';
import type { Plugin } from 'prosemirror-state';
import type { Side } from '../../shared/article/article';

/** What a row needs from the review UI; one object for the page. */
export interface RowReview {
  canComment: boolean;
  open(segmentId: string): void;
  /** Open threads on a segment, and a listener for when they may have changed. */
  openCount(segmentId: string): number;
  subscribe(listener: () => void): () => void;
  /** The review plugins of one side editor (highlights, selection tracking). */
  plugins(segment: string, side: Side): Plugin[];
}

export const RowThreads = memo(function RowThreads({ segmentId, review }: { segmentId: string; review: RowReview }) {
  const count = useSyncExternalStore(review.subscribe, () => review.openCount(segmentId));
  if (count === 0 && !review.canComment) return null;
  const label = count === 0 ? 'Comment on this pair' : `${count} open comment${count === 1 ? '' : 's'}`;
  return (
    <button
      type="button"
      className={`row-threads${count === 0 ? ' is-empty' : ''}`}
      aria-label={label}
      title={label}
      data-testid="thread-count"
      data-count={count}
      onClick={() => review.open(segmentId)}
    >
      <BubbleIcon />
      {count > 0 ? count : '+'}
    </button>
  );
});

/** A speech bubble, drawn rather than typed: emoji fonts are not everywhere. */
function BubbleIcon() {
  return (
    <svg className="bubble-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
      <path
        d="M2 2.5h12a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H7l-3.5 3v-3H2a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
        strokeLinejoin="round"
      />
    </svg>
  );
}
