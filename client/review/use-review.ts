/** React's view of the ReviewHub: re-render when threads or the panel change, or when the selection does. */
import { useSyncExternalStore } from 'react';
import type { CommentableSelection, ReviewHub } from './review-hub';

export function useReview(hub: ReviewHub): ReviewHub {
  useSyncExternalStore(hub.subscribe, hub.getVersion);
  return hub;
}

export function useCommentableSelection(hub: ReviewHub): CommentableSelection | null {
  return useSyncExternalStore(hub.subscribeSelection, () => hub.selection);
}
