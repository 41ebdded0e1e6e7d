/**
 * Which rows a reviewer or admin has ticked for a bulk action. A click ticks
 * or unticks one row and becomes the anchor; a shift-click sets every shown
 * row from the anchor to the clicked one as the clicked row now is, as in a
 * file manager. Pure, so the rules are tested without a browser.
 */
export interface RowSelection {
  ids: ReadonlySet<string>;
  /** The last row clicked without shift: where a range starts. */
  anchor: string | null;
}

export const EMPTY_SELECTION: RowSelection = { ids: new Set(), anchor: null };

/** `shown` is the rows in their order on screen (after the filter). */
export function clickRow(selection: RowSelection, shown: readonly string[], id: string, shift: boolean): RowSelection {
  const ids = new Set(selection.ids);
  const ticking = !ids.has(id);
  const from = shift && selection.anchor !== null ? shown.indexOf(selection.anchor) : -1;
  const to = shown.indexOf(id);
  if (from < 0 || to < 0) {
    if (ticking) ids.add(id);
    else ids.delete(id);
    return { ids, anchor: id };
  }
  for (let i = Math.min(from, to); i <= Math.max(from, to); i++) {
    if (ticking) ids.add(shown[i]!);
    else ids.delete(shown[i]!);
  }
  // A range keeps its anchor, so the next shift-click reshapes it from the same place.
  return { ids, anchor: selection.anchor };
}

/** "Select all shown": every row the filter shows, added to what is ticked. */
export function selectAll(selection: RowSelection, shown: readonly string[]): RowSelection {
  return { ids: new Set([...selection.ids, ...shown]), anchor: selection.anchor };
}

/** Drop ticks on rows that no longer exist (merged, removed by a colleague). */
export function keepExisting(selection: RowSelection, exists: (id: string) => boolean): RowSelection {
  if ([...selection.ids].every(exists)) return selection;
  return { ids: new Set([...selection.ids].filter(exists)), anchor: selection.anchor && exists(selection.anchor) ? selection.anchor : null };
}
