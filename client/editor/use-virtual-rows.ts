/**
 * Virtualized rows: only the rows near the viewport exist in the DOM, so an
 * article of 2,000 segments costs what one of 100 does. Heights of rows that
 * have been on screen are measured and remembered, so the scrollbar settles
 * instead of jumping; rows never seen use an estimate.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { afterPaint } from '../collab/after-paint';

export const ESTIMATED_ROW_HEIGHT = 96;
/**
 * Render this far beyond the viewport, so scrolling rarely shows an empty row.
 * Every row mounted is two editor views and about 80 DOM nodes: 400 px (three
 * or four rows each way) keeps the page under about 1,000 nodes.
 */
const OVERSCAN_PX = 400;

export interface VirtualWindow {
  start: number;
  end: number;
  offsets: number[];
  total: number;
  /** Attach to a row element to measure it. */
  measure(id: string, element: HTMLElement | null): void;
  scrollToIndex(index: number): void;
}

/** The heights measured so far, by row id. Replaced, never changed in place: it is React state. */
type Heights = ReadonlyMap<string, number>;

export function useVirtualRows(ids: string[], scrollerRef: RefObject<HTMLElement | null>): VirtualWindow {
  const [heights, setHeights] = useState<Heights>(() => new Map());
  const [viewport, setViewport] = useState({ top: 0, height: 800 });
  const observers = useRef(new Map<string, ResizeObserver>());
  // No overscan until the page has painted once: the rows beyond the viewport are not seen in the
  // first frame, and at the estimated height more of them were made than fit, their views made and
  // destroyed again once the real heights were measured, all before that frame.
  const [overscan, setOverscan] = useState(0);
  useEffect(() => afterPaint(() => setOverscan(OVERSCAN_PX)), []);

  const { offsets, total } = useMemo(() => {
    const offsets = new Array<number>(ids.length + 1);
    offsets[0] = 0;
    for (let i = 0; i < ids.length; i++) offsets[i + 1] = offsets[i]! + (heights.get(ids[i]!) ?? ESTIMATED_ROW_HEIGHT);
    return { offsets, total: offsets[ids.length]! };
  }, [ids, heights]);

  useEffect(() => {
    const element = scrollerRef.current;
    if (!element) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      const top = element.scrollTop;
      const height = element.clientHeight;
      // Keep the same object when nothing moved: a new one re-renders the whole page.
      setViewport((current) => (current.top === top && current.height === height ? current : { top, height }));
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    update();
    element.addEventListener('scroll', onScroll, { passive: true });
    const resize = new ResizeObserver(onScroll);
    resize.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      resize.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [scrollerRef]);

  const firstAt = (y: number) => {
    let low = 0;
    let high = ids.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (offsets[mid + 1]! <= y) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const start = Math.max(0, firstAt(viewport.top - overscan));
  const end = Math.min(ids.length, firstAt(viewport.top + viewport.height + overscan) + 1);

  const measure = useCallback((id: string, element: HTMLElement | null) => {
    observers.current.get(id)?.disconnect();
    observers.current.delete(id);
    if (!element) return;
    const observer = new ResizeObserver(() => {
      const height = element.offsetHeight;
      if (height === 0) return;
      // The same map when nothing changed: React then skips the render. A copy costs microseconds at
      // 2,000 rows, and comes only when a row's height does (mounted, or a line more or less).
      setHeights((current) => (current.get(id) === height ? current : new Map(current).set(id, height)));
    });
    observer.observe(element);
    observers.current.set(id, observer);
  }, []);

  const scrollToIndex = useCallback(
    (index: number) => {
      const element = scrollerRef.current;
      if (!element) return;
      const top = offsets[index] ?? 0;
      const bottom = offsets[index + 1] ?? top;
      if (top < element.scrollTop || bottom > element.scrollTop + element.clientHeight) {
        element.scrollTop = Math.max(0, top - element.clientHeight / 3);
        setViewport({ top: element.scrollTop, height: element.clientHeight });
      }
    },
    [offsets, scrollerRef],
  );

  return { start, end, offsets, total, measure, scrollToIndex };
}
