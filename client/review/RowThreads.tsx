/**
 * A row's comment count (its open threads); pressing it opens the comments
 * panel on that segment. With no open threads, a quiet "+" for those who may
 * start one on the pair.
 */
import { memo } from 'react';
import type { Plugin } from 'prosemirror-state';
import type { Side } from '../../shared/article/article';

/** What a row needs from the review UI; one object for the page. */
export interface RowReview {
  canComment: boolean;
  open(segmentId: string): void;
  /** The review plugins of one side editor (highlights, selection tracking). */
  plugins(segment: string, side: Side): Plugin[];
}

export const RowThreads = memo(function RowThreads(props: { segmentId: string; count: number; canComment: boolean; onOpen(segmentId: string): void }) {
  if (props.count === 0 && !props.canComment) return null;
  const label = props.count === 0 ? 'Comment on this pair' : `${props.count} open comment${props.count === 1 ? '' : 's'}`;
  return (
    <button
      type="button"
      className={`row-threads${props.count === 0 ? ' is-empty' : ''}`}
      aria-label={label}
      title={label}
      data-testid="thread-count"
      data-count={props.count}
      onClick={() => props.onOpen(props.segmentId)}
    >
      <BubbleIcon />
      {props.count > 0 ? props.count : '+'}
    </button>
  );
});

/** A speech bubble, drawn rather than typed: emoji fonts are not everywhere. */
function BubbleIcon() {
  return (
    <svg className="bubble-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
      <path d="M2 2.5h12a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H7l-3.5 3v-3H2a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
    </svg>
  );
}
