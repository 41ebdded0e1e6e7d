/**
 * What pairing Chinese blocks with English blocks costs the aligner
 * (align.ts): lower is likelier. Costs are in nats, −ln of a probability as
 * in Gale and Church (1993): a length term (how far the English length is
 * from what the Chinese length predicts), a term for the blocks' kinds, and
 * bonuses for the anchors both sides share.
 *
 * The length model was fitted on the team's fixture (zhihu-372335557 and
 * its published translation, 36 one-to-one prose pairs): English has 3.6
 * non-space characters per Han character (σ² = 5.9 per Han character), and
 * Latin letters, digits and punctuation carry over one for one.
 */
import type { AlignKind, BlockFeatures } from './align-features';

/** English non-space characters per Han character, fitted on the fixture. */
export const ENGLISH_PER_HAN = 3.6;
/** The variance of the English length, per Han character of the Chinese, fitted on the fixture. */
export const VARIANCE_PER_HAN = 5.9;

/** The cost of a pairing no evidence could make likely: a cap, so one bad term does not drown the others. */
const WORST_LENGTH = 25;

/**
 * −ln P of each kind of pairing before the blocks are looked at, relative to
 * 1-1: Gale and Church's priors (1-1 0.89, 2-1 or 1-2 0.089, 1-0 or 0-1
 * 0.0099), rounded.
 */
export const PRIOR = { oneToOne: 0, merge: 3, unmatched: 5.2 } as const;

/** Where the blocks' own kinds rule a pairing out: a rule is only ever a rule, a figure only a figure. */
const FORBIDDEN = Number.POSITIVE_INFINITY;

/** Chinese-length units: Han characters, plus other characters as their share of one. */
const chineseUnits = (side: BlockFeatures): number => side.han + side.other / ENGLISH_PER_HAN;

/** English characters the side stands for: an English block quoting Chinese counts its Han text as the Chinese would. */
const englishLength = (side: BlockFeatures): number => side.other + ENGLISH_PER_HAN * side.han;

/** The upper tail of the standard normal distribution, 2·(1 − Φ(|x|)) (erfc, Abramowitz and Stegun 7.1.26). */
function twoSidedTail(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return poly * Math.exp(-z * z);
}

/** Gale and Church's length cost: −ln P(|δ| this large), δ the English length's distance from the Chinese one's prediction in standard deviations. */
export function lengthCost(chinese: BlockFeatures, english: BlockFeatures): number {
  const expected = englishLength(chinese);
  const observed = englishLength(english);
  if (expected === 0 && observed === 0) return 0;
  const delta = (observed - expected) / Math.sqrt(VARIANCE_PER_HAN * Math.max(chineseUnits(chinese), 2));
  const tail = twoSidedTail(delta);
  return tail <= Math.exp(-WORST_LENGTH) ? WORST_LENGTH : -Math.log(tail);
}

/** What the two kinds say about a pairing: a bonus (negative) for the same kind, a cost for kinds that rarely translate one into the other. */
function kindCost(chinese: AlignKind, english: AlignKind): number {
  if (chinese === 'rule' || english === 'rule') return chinese === english ? -3 : FORBIDDEN;
  if (chinese === 'figure' || english === 'figure') return chinese === english ? -2 : FORBIDDEN;
  if (chinese === 'separator' || english === 'separator') return chinese === english ? -3 : 6;
  if (chinese === english) return chinese === 'text' || chinese === 'raw' ? 0 : -1;
  // A heading published as a paragraph (an italic source title), or a list item as prose: possible, less likely.
  return 1;
}

/** How telling each anchor is: a word or number found in few blocks says more than one found in most. */
export interface AnchorWeights {
  word: (word: string) => number;
  number: (value: number) => number;
}

const sameValue = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Each number of `a` matched with at most one number of `b` that may be read as the same value; the values matched, and how many numbers of either side found none. */
function sharedNumbers(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): { shared: number[]; unmatched: number } {
  const left = [...b];
  const shared: number[] = [];
  for (const values of a) {
    for (let k = 0; k < left.length; k++) {
      const value = values.find((mine) => left[k]!.some((other) => sameValue(mine, other)));
      if (value === undefined) continue;
      shared.push(value);
      left.splice(k, 1);
      break;
    }
  }
  return { shared, unmatched: a.length - shared.length + left.length };
}

const isAcronym = (word: string): boolean => /^[A-Z0-9-]+$/.test(word);

/** The Chinese side's Latin words that the English side has too: acronyms as written, other words in any case. */
function sharedWords(chinese: ReadonlySet<string>, english: ReadonlySet<string>): string[] {
  if (chinese.size === 0) return [];
  const lower = new Set([...english].map((word) => word.toLowerCase()));
  return [...chinese].filter((word) => (isAcronym(word) ? english.has(word) : lower.has(word.toLowerCase())));
}

function sharedCount<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  let count = 0;
  for (const item of a) if (b.has(item)) count++;
  return count;
}

/** The anchors' term: bonuses for numbers, Latin words, links, images, quoted Chinese and list positions both sides share. */
function anchorCost(chinese: BlockFeatures, english: BlockFeatures, weights: AnchorWeights): number {
  let cost = 0;
  const numbers = sharedNumbers(chinese.numbers, english.numbers);
  for (const value of numbers.shared) cost -= weights.number(value);
  cost += Math.min(0.3 * numbers.unmatched, 3);

  const words = sharedWords(chinese.words, english.words);
  for (const word of words) cost -= weights.word(word);
  cost += Math.min(0.3 * (chinese.words.size - words.length), 2);

  const links = sharedCount(chinese.hrefs, english.hrefs);
  cost -= 4 * links;
  cost += Math.min(chinese.hrefs.size + english.hrefs.size - 2 * links, 2);

  cost -= 6 * sharedCount(chinese.images, english.images);

  if (english.hanGrams.size > 0 && chinese.hanGrams.size > 0) {
    const dice = (2 * sharedCount(chinese.hanGrams, english.hanGrams)) / (chinese.hanGrams.size + english.hanGrams.size);
    cost -= 8 * dice;
  }

  if (chinese.listNumber !== null && chinese.listNumber === english.listNumber) cost -= 1;
  return cost;
}

/** The cost of the length term where captions and separators are concerned: they are often added, dropped or restyled. */
function cappedLengthCost(chinese: BlockFeatures, english: BlockFeatures): number {
  const cost = lengthCost(chinese, english);
  if (chinese.kind === 'figure' && english.kind === 'figure') return Math.min(cost, 3);
  if (chinese.kind === 'separator' && english.kind === 'separator') return 0;
  return cost;
}

/** Pairing these Chinese blocks (read as one) with these English blocks (read as one); `merged` when either side is two blocks. */
export function pairCost(chinese: BlockFeatures, english: BlockFeatures, weights: AnchorWeights, merged: boolean): number {
  const kind = kindCost(chinese.kind, english.kind);
  if (kind === FORBIDDEN) return FORBIDDEN;
  return (merged ? PRIOR.merge : PRIOR.oneToOne) + kind + cappedLengthCost(chinese, english) + anchorCost(chinese, english, weights);
}

/** Kinds two adjacent blocks may be read as one in: prose, headings and list items; never a figure, a rule or a separator. */
export const mergeable = (side: BlockFeatures): boolean => side.kind === 'text' || side.kind === 'heading' || side.kind === 'list' || side.kind === 'raw';

/** Leaving a block unmatched (a translator's note, credits, a part left untranslated). */
export const UNMATCHED_COST = PRIOR.unmatched;
