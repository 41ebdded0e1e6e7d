/**
 * Going to a segment: the caret put in one of its sides (the keyboard flow,
 * search, a link), or the row only shown (a comment chosen in the panel).
 * A row not mounted is scrolled to and takes the caret when it mounts.
 *
 * Both functions stay the same for the page, though the list and its heights
 * change all the time: the rows' views keep the commands they were made with
 * (row/side-view.ts), and the article context must not change with them.
 */
import { useCallback } from 'react';
import type { Side } from '../../shared/article/article';
import { useLatest } from '../ui/use-latest';
import type { RowViews } from './row/row-views';

export interface RowFocusInput {
  /** The ids of the rows shown, in order. */
  ids: string[];
  scrollToIndex(index: number): void;
  views: RowViews;
  canEditSource: boolean;
  notify(message: string): void;
}

export function useRowFocus(input: RowFocusInput) {
  // Called from keys, the panels, the landing effect and the opening's hand-over (a layout effect of
  // the page, after this hook's): never during render, nor from a row's layout effect.
  const latest = useLatest(input);

  const focusSegment = useCallback(
    (id: string, wanted: Side = 'target') => {
      const { ids, scrollToIndex, views, canEditSource } = latest.current;
      // A source this person may not edit takes no caret: go to the translation beside it.
      const side = wanted === 'source' && !canEditSource ? 'target' : wanted;
      const index = ids.indexOf(id);
      // A segment created a moment ago is not in the list yet: it takes the caret when its row mounts.
      if (!views.focus(id, side) && index >= 0) scrollToIndex(index);
    },
    [latest],
  );

  // Show a segment without taking the caret there (a comment chosen in the panel).
  const revealSegment = useCallback(
    (id: string) => {
      const { ids, scrollToIndex, views, notify } = latest.current;
      const index = ids.indexOf(id);
      if (index < 0) return notify('That segment is hidden by the filter: show all segments to see it.');
      const mounted = views.mounted.get(id);
      if (mounted) mounted.target.dom.closest('.segment-row')?.scrollIntoView({ block: 'nearest' });
      else scrollToIndex(index);
    },
    [latest],
  );

  return { focusSegment, revealSegment };
}
