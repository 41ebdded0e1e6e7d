/**
 * The Align page's rows as a person corrects them, with every correction
 * undoable (the corrections themselves are shared/memory/alignment-edit.ts).
 */
import { useCallback, useState } from 'react';
import { moveBlock, pairWithNext, unpair, type AlignmentRow, type AlignmentSide } from '../../shared/memory/alignment-edit';

export interface ProposedRow extends AlignmentRow {
  /** The aligner's confidence in the row as proposed; a corrected row is the person's and has none. */
  confidence: number | null;
}

export type Correction =
  { kind: 'move'; row: number; side: AlignmentSide; direction: 'up' | 'down' } | { kind: 'unpair'; row: number } | { kind: 'pair'; row: number };

/** The rows after a correction; the rows it touched lose their confidence, as they are no longer the aligner's guess. */
function corrected(rows: readonly ProposedRow[], correction: Correction): ProposedRow[] {
  let next: AlignmentRow[];
  if (correction.kind === 'move') next = moveBlock(rows, correction.row, correction.side, correction.direction);
  else if (correction.kind === 'unpair') next = unpair(rows, correction.row);
  else next = pairWithNext(rows, correction.row);
  const same = (a: AlignmentRow, b: AlignmentRow) => a.source.join() === b.source.join() && a.target.join() === b.target.join();
  return next.map((row) => {
    const before = rows.find((old) => same(old, row));
    return { ...row, confidence: before ? before.confidence : null };
  });
}

export function useAlignmentRows() {
  const [history, setHistory] = useState<ProposedRow[][]>([]);
  const rows = history[history.length - 1] ?? null;

  const start = useCallback((proposed: ProposedRow[]) => setHistory([proposed]), []);
  const correct = useCallback(
    (correction: Correction) =>
      setHistory((past) => {
        const now = past[past.length - 1];
        return now ? [...past, corrected(now, correction)] : past;
      }),
    [],
  );
  const undo = useCallback(() => setHistory((past) => (past.length > 1 ? past.slice(0, -1) : past)), []);
  const clear = useCallback(() => setHistory([]), []);

  return { rows, corrections: Math.max(0, history.length - 1), start, correct, undo, clear };
}
