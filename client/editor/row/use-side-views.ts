/**
 * Opening a row: its two side editors made, bound to the segment's fragments,
 * and registered with the page (focus, images, the opening rows' hand-over
 * find them there), then measured for the virtualized list. Undone when the
 * row unmounts (scrolled away, or its segment gone).
 */
import { useEffect, useLayoutEffect, type RefObject } from 'react';
import type { SegmentRowModel } from '../use-segments';
import { useArticle } from '../article-context';
import { createSideView } from './side-view';

export function useSideViews(
  row: SegmentRowModel,
  mounts: { source: RefObject<HTMLDivElement | null>; target: RefObject<HTMLDivElement | null>; row: RefObject<HTMLDivElement | null> },
): void {
  const { presence, undo, commands, review, views, measure, canEditSource, canEditTarget } = useArticle();

  // Before the browser paints: a row never shows without its text (on opening, or scrolled into
  // view), and opening the article costs one frame instead of a frame of empty rows and then another.
  useLayoutEffect(() => {
    const side = (name: 'source' | 'target', fragment: SegmentRowModel['source'], editable: boolean) =>
      createSideView({
        mount: mounts[name].current!,
        fragment,
        segment: row.id,
        side: name,
        editable,
        presence,
        undo,
        commands,
        plugins: review.plugins(row.id, name),
      });
    const source = side('source', row.source, canEditSource);
    const target = side('target', row.target, canEditTarget);
    views.register(row.id, { source, target });
    return () => {
      views.register(row.id, null);
      source.destroy();
      target.destroy();
    };
    // The views are rebuilt only when the fragments or the permissions change (or the page's hubs: a new page).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [row.source, row.target, canEditSource, canEditTarget, presence, undo]);

  useEffect(() => {
    measure(row.id, mounts.row.current);
    return () => measure(row.id, null);
  }, [row.id, measure, mounts.row]);
}
