/**
 * A person's corrections to a proposed alignment (the Align page, docs/MEMORY.md
 * "Aligning published work"): rows of Chinese and English block indexes, changed
 * only in ways that keep both sides in reading order, so that whatever the
 * corrections, every block of each side sits in exactly one row, in order.
 *
 * - moving a boundary: a row's first block of one side goes up to the end of
 *   the row above, or its last block down to the start of the row below;
 * - unpairing: a row of both sides becomes a Chinese-only row and an
 *   English-only row (a translator's note, a paragraph the site cut);
 * - pairing: a row and the next become one (a Chinese-only row and the
 *   English-only row beside it, or a paragraph the site translated as two).
 *
 * A row left with no block on either side goes. The server checks what it is
 * sent with `alignmentProblem` before storing anything.
 */
export interface AlignmentRow {
  /** Chinese block indexes, ascending. */
  source: number[];
  /** English block indexes, ascending. */
  target: number[];
}

export type AlignmentSide = 'source' | 'target';

const withoutEmptyRows = (rows: AlignmentRow[]): AlignmentRow[] => rows.filter((row) => row.source.length > 0 || row.target.length > 0);

/** Whether `moveBlock` would change anything. */
export function canMoveBlock(rows: readonly AlignmentRow[], row: number, side: AlignmentSide, direction: 'up' | 'down'): boolean {
  const blocks = rows[row]?.[side];
  if (!blocks || blocks.length === 0) return false;
  return direction === 'up' ? row > 0 : row < rows.length - 1;
}

/** Move the row's first `side` block to the end of the row above ('up'), or its last to the start of the row below ('down'). */
export function moveBlock(rows: readonly AlignmentRow[], row: number, side: AlignmentSide, direction: 'up' | 'down'): AlignmentRow[] {
  if (!canMoveBlock(rows, row, side, direction)) return [...rows];
  const next = rows.map((each) => ({ source: [...each.source], target: [...each.target] }));
  const from = next[row]![side];
  if (direction === 'up') next[row - 1]![side].push(from.shift()!);
  else next[row + 1]![side].unshift(from.pop()!);
  return withoutEmptyRows(next);
}

export const canUnpair = (rows: readonly AlignmentRow[], row: number): boolean => (rows[row]?.source.length ?? 0) > 0 && (rows[row]?.target.length ?? 0) > 0;

/** The row's Chinese and English as two rows of one side each, the Chinese first. */
export function unpair(rows: readonly AlignmentRow[], row: number): AlignmentRow[] {
  if (!canUnpair(rows, row)) return [...rows];
  const { source, target } = rows[row]!;
  return [...rows.slice(0, row), { source: [...source], target: [] }, { source: [], target: [...target] }, ...rows.slice(row + 1)];
}

export const canPairWithNext = (rows: readonly AlignmentRow[], row: number): boolean => row >= 0 && row < rows.length - 1;

/** The row and the next as one row. */
export function pairWithNext(rows: readonly AlignmentRow[], row: number): AlignmentRow[] {
  if (!canPairWithNext(rows, row)) return [...rows];
  const a = rows[row]!;
  const b = rows[row + 1]!;
  return [...rows.slice(0, row), { source: [...a.source, ...b.source], target: [...a.target, ...b.target] }, ...rows.slice(row + 2)];
}

/** Why `rows` is not an alignment of `chinese` and `english` blocks (each block in exactly one row, in order; no empty row), or null. */
export function alignmentProblem(rows: readonly AlignmentRow[], chinese: number, english: number): string | null {
  const expected = { source: chinese, target: english };
  const names = { source: 'Chinese', target: 'English' };
  for (const side of ['source', 'target'] as const) {
    let next = 0;
    for (const [n, row] of rows.entries()) {
      for (const index of row[side]) {
        if (!Number.isInteger(index) || index < 0 || index >= expected[side]) return `row ${n + 1}: there is no ${names[side]} block ${index + 1}`;
        if (index !== next) return `row ${n + 1}: ${names[side]} block ${index + 1} is out of order (block ${next + 1} was expected)`;
        next++;
      }
    }
    if (next < expected[side]) return `${names[side]} block ${next + 1} is in no row`;
  }
  const empty = rows.findIndex((row) => row.source.length === 0 && row.target.length === 0);
  return empty === -1 ? null : `row ${empty + 1} has no block on either side`;
}
