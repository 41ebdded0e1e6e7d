/**
 * The newest value, for a callback that must stay the same object across
 * renders (memoized rows and editor views keep the callbacks they were given)
 * yet act on what the page shows now: the list of rows, the filter's ids.
 *
 * Written in a layout effect, not during render: a render React throws away
 * (or one it is still working on) never leaks into a callback, and the value
 * is in place before any event handler, passive effect or microtask of the
 * commit can call one. The one thing that reads the previous value is a
 * child's layout effect in the same commit (children's layout effects run
 * before their parent's); none calls these callbacks today (a row's layout
 * effect only makes its views, whose first transactions are y-prosemirror's
 * own, not an edit), and a caller that needs the value during render should
 * take it as data, not through one of these.
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';

export function useLatest<T>(value: T): Readonly<RefObject<T>> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  }, [value]);
  return ref;
}
