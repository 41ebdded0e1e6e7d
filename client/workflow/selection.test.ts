import { describe, expect, test } from 'vitest';
import { clickRow, EMPTY_SELECTION, keepExisting, selectAll, type RowSelection } from './selection';

const shown = ['a', 'b', 'c', 'd', 'e'];
const ticked = (selection: RowSelection) => [...selection.ids].sort();

describe('row selection', () => {
  test('a click ticks or unticks one row', () => {
    const one = clickRow(EMPTY_SELECTION, shown, 'b', false);
    expect(ticked(one)).toEqual(['b']);
    expect(ticked(clickRow(one, shown, 'd', false))).toEqual(['b', 'd']);
    expect(ticked(clickRow(one, shown, 'b', false))).toEqual([]);
  });

  test('a shift-click ticks the range from the last clicked row, in either direction', () => {
    const anchored = clickRow(EMPTY_SELECTION, shown, 'b', false);
    expect(ticked(clickRow(anchored, shown, 'd', true))).toEqual(['b', 'c', 'd']);
    const fromEnd = clickRow(EMPTY_SELECTION, shown, 'e', false);
    expect(ticked(clickRow(fromEnd, shown, 'c', true))).toEqual(['c', 'd', 'e']);
  });

  test('a shift-click on a ticked row unticks the range', () => {
    const all = selectAll(clickRow(EMPTY_SELECTION, shown, 'a', false), shown);
    expect(ticked(clickRow(all, shown, 'c', true))).toEqual(['d', 'e']);
  });

  test('a shift-click without an anchor shown (filtered away) ticks just that row', () => {
    const hidden = clickRow(EMPTY_SELECTION, ['x', ...shown], 'x', false);
    expect(ticked(clickRow(hidden, shown, 'c', true))).toEqual(['c', 'x']);
  });

  test('select all shown adds every shown row; removed rows drop out', () => {
    const some = selectAll(clickRow(EMPTY_SELECTION, ['z'], 'z', false), ['a', 'b']);
    expect(ticked(some)).toEqual(['a', 'b', 'z']);
    const kept = keepExisting(some, (id) => id !== 'z');
    expect(ticked(kept)).toEqual(['a', 'b']);
    expect(kept.anchor).toBeNull();
    expect(keepExisting(kept, () => true)).toBe(kept);
  });
});
