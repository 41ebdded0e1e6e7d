import { describe, expect, test } from 'vitest';
import { alignmentProblem, canMoveBlock, canPairWithNext, canUnpair, moveBlock, pairWithNext, unpair, type AlignmentRow } from './alignment-edit';

const row = (source: number[], target: number[]): AlignmentRow => ({ source, target });

// Chinese 0..3, English 0..4: a 1-1, a 1-2, a translator's note (0-1), a 2-1.
const PROPOSED: AlignmentRow[] = [row([0], [0]), row([1], [1, 2]), row([], [3]), row([2, 3], [4])];

describe('correcting an alignment', () => {
  test('a block moves across the boundary above or below, and the rows stay an alignment', () => {
    const down = moveBlock(PROPOSED, 1, 'target', 'down');
    expect(down).toEqual([row([0], [0]), row([1], [1]), row([], [2, 3]), row([2, 3], [4])]);
    expect(alignmentProblem(down, 4, 5)).toBeNull();

    const up = moveBlock(PROPOSED, 3, 'source', 'up');
    expect(up).toEqual([row([0], [0]), row([1], [1, 2]), row([2], [3]), row([3], [4])]);
    expect(alignmentProblem(up, 4, 5)).toBeNull();
  });

  test('a row emptied by a move goes', () => {
    expect(moveBlock(PROPOSED, 2, 'target', 'up')).toEqual([row([0], [0]), row([1], [1, 2, 3]), row([2, 3], [4])]);
  });

  test('nothing moves past the first or the last row, or from a side with no block', () => {
    expect(canMoveBlock(PROPOSED, 0, 'source', 'up')).toBe(false);
    expect(canMoveBlock(PROPOSED, 3, 'target', 'down')).toBe(false);
    expect(canMoveBlock(PROPOSED, 2, 'source', 'down')).toBe(false);
    expect(moveBlock(PROPOSED, 0, 'source', 'up')).toEqual(PROPOSED);
  });

  test('unpairing splits a row into its Chinese and its English; pairing joins a row with the next; one undoes the other', () => {
    const apart = unpair(PROPOSED, 0);
    expect(apart).toEqual([row([0], []), row([], [0]), row([1], [1, 2]), row([], [3]), row([2, 3], [4])]);
    expect(alignmentProblem(apart, 4, 5)).toBeNull();
    expect(pairWithNext(apart, 0)).toEqual(PROPOSED);
    expect(canUnpair(PROPOSED, 2)).toBe(false);
    expect(canPairWithNext(PROPOSED, 3)).toBe(false);
  });

  test.each<[string, AlignmentRow[], string]>([
    ['a block in two rows', [row([0], [0]), row([0, 1], [1, 2, 3, 4]), row([2, 3], [])], 'row 2: Chinese block 1 is out of order (block 2 was expected)'],
    ['a block left out', [row([0], [0]), row([1], [1, 2, 3, 4])], 'Chinese block 3 is in no row'],
    ['a block that is not there', [row([0, 1, 2, 3], [0, 1, 2, 3, 4, 5])], 'row 1: there is no English block 6'],
    ['blocks out of order', [row([1], [0]), row([0, 2, 3], [1, 2, 3, 4])], 'row 1: Chinese block 2 is out of order (block 1 was expected)'],
    ['an empty row', [row([0, 1, 2, 3], [0, 1, 2, 3, 4]), row([], [])], 'row 2 has no block on either side'],
    ['a negative index', [row([-1], [])], 'row 1: there is no Chinese block 0'],
  ])('refused: %s', (_name, rows, problem) => {
    expect(alignmentProblem(rows, 4, 5)).toBe(problem);
  });
});
