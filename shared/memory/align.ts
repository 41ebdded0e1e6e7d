/**
 * Sentence alignment, block by block: which blocks of a published English
 * article translate which blocks of its Chinese source, so that years of
 * published work can seed the translation memory (`duet align`).
 *
 * Dynamic programming over the two sequences, as Gale and Church (1993) do it
 * for sentences, with their length model (fitted on the team's fixture, see
 * align-cost.ts) and the anchors that survive translation: numbers, Latin
 * words and acronyms, link targets, images, block kinds and list positions.
 * A block may stay unmatched (a translator's note, the credits), and two
 * adjacent blocks of one side may pair with one of the other (a paragraph
 * translated as two).
 *
 * Each pair's confidence is the probability, over every alignment the costs
 * allow, that this pair is in it (forward–backward over the same lattice),
 * so a pair the evidence settles scores near 1 and a guess between two
 * neighbours near ½.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { blockFeatures, mergeFeatures, type BlockFeatures } from './align-features';
import { mergeable, pairCost, UNMATCHED_COST, type AnchorWeights } from './align-cost';

export type AlignedKind = '1-1' | '1-2' | '2-1' | '1-0' | '0-1';

export interface AlignedPair {
  kind: AlignedKind;
  /** Indexes into the Chinese blocks, ascending (none for 0-1). */
  source: number[];
  /** Indexes into the English blocks, ascending (none for 1-0). */
  target: number[];
  /** The probability that this pair is right, from 0 to 1. */
  confidence: number;
}

/** Every block of both lists, in order: the pairs' `source` indexes run 0, 1, … without gaps, and so do their `target` indexes. */
export interface Alignment {
  pairs: AlignedPair[];
}

interface Move {
  kind: AlignedKind;
  chinese: 0 | 1 | 2;
  english: 0 | 1 | 2;
}

const MOVES: readonly Move[] = [
  { kind: '1-1', chinese: 1, english: 1 },
  { kind: '1-0', chinese: 1, english: 0 },
  { kind: '0-1', chinese: 0, english: 1 },
  { kind: '2-1', chinese: 2, english: 1 },
  { kind: '1-2', chinese: 1, english: 2 },
];

/**
 * How far from the diagonal a path may stray, beyond the difference in
 * length: long articles are aligned in a band around it (cost O(n · band)
 * instead of O(n · m)); any article under this many blocks gets the whole grid.
 */
const BAND = 150;

const RARITY_BLOCKS = 10;

/** Rarer anchors weigh more: ln(1 + blocks ÷ blocks holding it), as in inverse document frequency. */
function anchorWeights(chinese: readonly BlockFeatures[]): AnchorWeights {
  const words = new Map<string, number>();
  const numbers = new Map<number, number>();
  for (const block of chinese) {
    for (const word of block.words) words.set(word, (words.get(word) ?? 0) + 1);
    for (const value of new Set(block.numbers.flat())) numbers.set(value, (numbers.get(value) ?? 0) + 1);
  }
  // A short text is no evidence that its words are common: count it as at least RARITY_BLOCKS blocks long.
  const blocks = Math.max(chinese.length, RARITY_BLOCKS);
  const rarity = (count: number | undefined) => Math.log(1 + blocks / Math.max(count ?? 1, 1));
  return {
    word: (word) => 0.7 * rarity(words.get(word)),
    // Small whole numbers are everywhere (two patients, three shifts); long or exact ones say where they came from.
    number: (value) => (Number.isInteger(value) && Math.abs(value) <= 10 ? 0.4 : 1) * rarity(numbers.get(value)),
  };
}

function logAdd(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  const high = Math.max(a, b);
  return high + Math.log(Math.exp(a - high) + Math.exp(b - high));
}

/** Align Chinese source sides with English target sides (each a `doc`, or a block). */
export function alignBlocks(chinese: readonly PMNode[], english: readonly PMNode[]): Alignment {
  return alignFeatures(
    chinese.map((side) => blockFeatures(side, 'zh')),
    english.map((side) => blockFeatures(side, 'en')),
  );
}

/** The alignment of two lists of block features (alignBlocks without the reading). */
export function alignFeatures(zh: readonly BlockFeatures[], en: readonly BlockFeatures[]): Alignment {
  const n = zh.length;
  const m = en.length;
  const weights = anchorWeights(zh);
  const zhPairs = zh.slice(1).map((block, i) => (mergeable(zh[i]!) && mergeable(block) ? mergeFeatures(zh[i]!, block) : null));
  const enPairs = en.slice(1).map((block, j) => (mergeable(en[j]!) && mergeable(block) ? mergeFeatures(en[j]!, block) : null));
  const width = m + 1;
  const band = BAND + Math.abs(n - m);
  const inBand = (i: number, j: number) => n === 0 || Math.abs(j - (i * m) / n) <= band;

  /** The cost of the move that ends at (i, j): the last `move.chinese` Chinese and `move.english` English blocks. */
  const moveCost = (i: number, j: number, move: Move): number => {
    if (i < move.chinese || j < move.english) return Number.POSITIVE_INFINITY;
    if (move.chinese === 0 || move.english === 0) return UNMATCHED_COST;
    const source = move.chinese === 2 ? zhPairs[i - 2] : zh[i - 1];
    const target = move.english === 2 ? enPairs[j - 2] : en[j - 1];
    if (!source || !target) return Number.POSITIVE_INFINITY;
    return pairCost(source, target, weights, move.chinese === 2 || move.english === 2);
  };

  // Forward: the best path (Viterbi) and the sum over all paths (for confidences), in one pass.
  const best = new Float64Array((n + 1) * width).fill(Number.POSITIVE_INFINITY);
  const back = new Int8Array((n + 1) * width).fill(-1);
  const forward = new Float64Array((n + 1) * width).fill(Number.NEGATIVE_INFINITY);
  best[0] = 0;
  forward[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if ((i === 0 && j === 0) || !inBand(i, j)) continue;
      const at = i * width + j;
      MOVES.forEach((move, index) => {
        const cost = moveCost(i, j, move);
        if (cost === Number.POSITIVE_INFINITY) return;
        const from = (i - move.chinese) * width + (j - move.english);
        if (best[from]! + cost < best[at]!) {
          best[at] = best[from]! + cost;
          back[at] = index;
        }
        forward[at] = logAdd(forward[at]!, forward[from]! - cost);
      });
    }
  }

  // Backward: the sum over all paths from (i, j) to the end.
  const backward = new Float64Array((n + 1) * width).fill(Number.NEGATIVE_INFINITY);
  backward[n * width + m] = 0;
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      if (!inBand(i, j)) continue;
      const at = i * width + j;
      for (const move of MOVES) {
        const to = (i + move.chinese) * width + (j + move.english);
        if (i + move.chinese > n || j + move.english > m) continue;
        const cost = moveCost(i + move.chinese, j + move.english, move);
        if (cost === Number.POSITIVE_INFINITY) continue;
        backward[at] = logAdd(backward[at]!, backward[to]! - cost);
      }
    }
  }
  const total = forward[n * width + m]!;

  const pairs: AlignedPair[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const at = i * width + j;
    const move = MOVES[back[at]!];
    if (!move) throw new Error(`no alignment reaches Chinese block ${i}, English block ${j}`);
    const from = (i - move.chinese) * width + (j - move.english);
    const confidence = Math.exp(forward[from]! - moveCost(i, j, move) + backward[at]! - total);
    pairs.push({
      kind: move.kind,
      source: Array.from({ length: move.chinese }, (_, k) => i - move.chinese + k),
      target: Array.from({ length: move.english }, (_, k) => j - move.english + k),
      confidence: Math.min(1, Math.max(0, confidence)),
    });
    i -= move.chinese;
    j -= move.english;
  }
  return { pairs: pairs.reverse() };
}
