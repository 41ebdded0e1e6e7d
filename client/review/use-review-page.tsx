/**
 * The review UI wired into the editor page: what each row gets (one stable
 * object: its open thread count is read by subscription, from a map computed
 * once per threads change), and the layer with the panel and the Comment
 * button.
 */
import { useCallback, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { Side } from '../../shared/article/article';
import type { Role } from '../../shared/protocol/roles';
import type { PresenceHub } from '../editing/presence';
import { reviewRights, type ReviewEnv } from './review-env';
import type { ReviewHub } from './review-hub';
import { ReviewLayer } from './ReviewLayer';
import type { RowReview } from './RowThreads';
import { threadHighlightPlugin } from './thread-highlights';

export interface ReviewPageInput {
  hub: ReviewHub;
  user: { name: string; role: Role };
  /** The segments in reading order (all of them, not only those the filter shows). */
  rows: readonly { id: string }[];
  presence: PresenceHub;
  reveal(segmentId: string): void;
  notify(message: string): void;
}

export interface ReviewPage {
  rowReview: RowReview;
  layer: ReactNode;
  /** Every open thread in the article. */
  openCount: number;
  /** Open the panel on every segment's threads. */
  openAll(): void;
}

export function useReviewPage({ hub, user, rows, presence, reveal, notify }: ReviewPageInput): ReviewPage {
  // The page re-renders when a count changes (for the total), not on every thread edit (the layer follows those itself).
  const counts = useSyncExternalStore(hub.subscribe, () => hub.counts);
  // By their fields: the object reviewRights makes is new on every render, the rights themselves are not.
  const { canComment, canDecideSuggestions, role } = reviewRights(user);

  const rowReview = useMemo<RowReview>(
    () => ({
      canComment,
      open: (segmentId) => hub.showSegment(segmentId, { compose: canComment ? undefined : false }),
      openCount: (segmentId) => hub.counts.get(segmentId) ?? 0,
      subscribe: hub.subscribe,
      plugins: (segment: string, side: Side) => [threadHighlightPlugin(hub, segment, side)],
    }),
    [hub, canComment],
  );

  // Read while the panel renders (its list is in reading order, each thread shows its number), so a
  // new function when the numbering changes: the panel follows a split or a move. The rows change on
  // a status or structure change, not on typing, and only the review layer reads this.
  const segmentNumber = useMemo(() => {
    const numbers = new Map(rows.map((row, index) => [row.id, index + 1]));
    return (id: string) => numbers.get(id) ?? null;
  }, [rows]);

  const env = useMemo<Omit<ReviewEnv, 'members'>>(
    () => ({ hub, me: user.name, canComment, canDecideSuggestions, role, segmentNumber, reveal, notify }),
    [hub, user.name, canComment, canDecideSuggestions, role, segmentNumber, reveal, notify],
  );

  const openCount = useMemo(() => [...counts.values()].reduce((sum, count) => sum + count, 0), [counts]);
  const openAll = useCallback(() => hub.setPanel({ open: !hub.panel.open || hub.panel.segment !== null, segment: null, active: null, draft: null }), [hub]);
  return { rowReview, layer: <ReviewLayer base={env} presence={presence} />, openCount, openAll };
}
