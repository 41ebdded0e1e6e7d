/**
 * How close a stored source is to the current one, as the percentage a
 * translation memory shows beside a fuzzy match: `floor(100 × (1 − d / n))`,
 * where d is the Levenshtein distance between the two token sequences (see
 * match-text.ts: a Chinese character, a Latin word or a number is one token)
 * and n the longer sequence's length. 100 only for equal sequences; a
 * 20-character sentence with one character changed scores 95.
 *
 * A lookup scores about a hundred candidates with sources of up to a few
 * hundred tokens, so the distance works on integer token ids in two
 * Int32Array rows reused between calls, and `matchScoreAtLeast` gives up early
 * on a candidate that cannot reach the caller's minimum: the length difference
 * and the tokens counted in any order bound the distance from below, the
 * dynamic programme only fills the diagonal band of width 2k + 1 where k is
 * the largest distance the minimum allows (Ukkonen's cut-off), and it stops as
 * soon as a whole row exceeds k. The band starts narrower still and widens
 * only when the distance does not fit, so close pairs are cheap too.
 */
import type { MatchToken } from './match-text';

/** The two token sequences as integer ids, equal ids for equal token texts. */
function tokenIds(a: readonly MatchToken[], b: readonly MatchToken[]): [Int32Array, Int32Array] {
  const ids = new Map<string, number>();
  const toIds = (tokens: readonly MatchToken[]): Int32Array => {
    const out = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const text = tokens[i]!.text;
      let id = ids.get(text);
      if (id == null) ids.set(text, (id = ids.size));
      out[i] = id;
    }
    return out;
  };
  return [toIds(a), toIds(b)];
}

// The two rows of the dynamic programme, grown as needed and reused: a lookup scores many candidates in a row.
let previousRow = new Int32Array(256);
let currentRow = new Int32Array(256);

/**
 * The Levenshtein distance between `a` and `b` if it is at most `limit`,
 * else `limit + 1`: only the cells within `limit` of the diagonal are filled.
 */
function boundedDistance(a: Int32Array, b: Int32Array, limit: number): number {
  const n = a.length;
  const m = b.length;
  const over = limit + 1;
  if (Math.abs(n - m) > limit) return over;
  if (n === 0 || m === 0) return Math.max(n, m);
  if (previousRow.length < m + 1) {
    previousRow = new Int32Array(m + 1);
    currentRow = new Int32Array(m + 1);
  }
  let previous = previousRow;
  let current = currentRow;
  for (let j = 0; j <= Math.min(m, limit + 1); j++) previous[j] = Math.min(j, over);
  for (let i = 1; i <= n; i++) {
    const low = Math.max(1, i - limit);
    const high = Math.min(m, i + limit);
    // The cell left of the band: column 0 is i deletions, anything further left is out of reach.
    current[low - 1] = low === 1 ? Math.min(i, over) : over;
    let rowMinimum = current[low - 1]!;
    const token = a[i - 1]!;
    for (let j = low; j <= high; j++) {
      let cell = previous[j - 1]! + (token === b[j - 1] ? 0 : 1);
      const deletion = previous[j]! + 1;
      const insertion = current[j - 1]! + 1;
      if (deletion < cell) cell = deletion;
      if (insertion < cell) cell = insertion;
      if (cell > over) cell = over;
      current[j] = cell;
      if (cell < rowMinimum) rowMinimum = cell;
    }
    // The cell right of the band, read by the next row.
    if (high < m) current[high + 1] = over;
    if (rowMinimum > limit) return over;
    const swap = previous;
    previous = current;
    current = swap;
  }
  return Math.min(previous[m]!, over);
}

/** floor(100 (1 − d / n)) exactly: written as 1 − d / n in floating point, 20 of 25 tokens apart would score 19, not 20. */
const scoreOf = (distance: number, length: number): number => (length === 0 ? 100 : Math.floor((100 * (length - distance)) / length));

function equalIds(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A lower bound of the distance from the tokens alone, in any order: each
 * token of the longer sequence without a partner in the other costs at least
 * one edit. Linear, and it settles most unrelated candidates.
 */
function bagDistance(a: Int32Array, b: Int32Array): number {
  let size = 0;
  for (const id of a) if (id >= size) size = id + 1;
  for (const id of b) if (id >= size) size = id + 1;
  const counts = new Int32Array(size);
  for (const id of a) counts[id]!++;
  let common = 0;
  for (const id of b) {
    if (counts[id]! > 0) {
      counts[id]!--;
      common++;
    }
  }
  return Math.max(a.length, b.length) - common;
}

/**
 * The distance if it is at most `limit`, else `limit + 1`. The band starts
 * narrow and doubles until the distance fits or the limit is reached, so a
 * close pair costs about n × its own distance, not n × the limit.
 */
function distanceWithin(a: Int32Array, b: Int32Array, limit: number): number {
  const lower = bagDistance(a, b);
  if (lower > limit) return limit + 1;
  // A bound already near the limit would only be tried again: go to the limit at once.
  const first = lower * 2 > limit ? limit : Math.max(lower, 8);
  for (let band = Math.min(limit, first); ; band = Math.min(limit, band * 2)) {
    const distance = boundedDistance(a, b, band);
    if (distance <= band || band === limit) return distance <= limit ? distance : limit + 1;
  }
}

/** The match percentage (0–100) between two token sequences; 100 only when they are equal, two empty ones included. */
export function matchScore(a: readonly MatchToken[], b: readonly MatchToken[]): number {
  const length = Math.max(a.length, b.length);
  const [idsA, idsB] = tokenIds(a, b);
  if (equalIds(idsA, idsB)) return 100;
  return scoreOf(distanceWithin(idsA, idsB, length), length);
}

/**
 * The match percentage if it is at least `minimum`, else null, cheaply for a
 * candidate that cannot reach it: its length, its tokens in any order, or a
 * first part already too different settle it.
 */
export function matchScoreAtLeast(a: readonly MatchToken[], b: readonly MatchToken[], minimum: number): number | null {
  if (minimum > 100) return null;
  const length = Math.max(a.length, b.length);
  if (length === 0) return 100;
  // floor(100 (n − d) / n) ≥ minimum ⇔ d ≤ n (100 − minimum) / 100.
  const limit = minimum <= 0 ? length : Math.floor((length * (100 - Math.ceil(minimum))) / 100);
  if (Math.abs(a.length - b.length) > limit) return null;
  const [idsA, idsB] = tokenIds(a, b);
  if (equalIds(idsA, idsB)) return 100;
  const distance = distanceWithin(idsA, idsB, limit);
  if (distance > limit) return null;
  const score = scoreOf(distance, length);
  return score >= minimum ? score : null;
}
