/**
 * An article's analysis before work starts, as CAT tools give it: its
 * segments, Chinese characters and expected English words in each match
 * band. A segment counts in the first band that holds it: 101 % (in
 * context), then a repetition (its source came earlier in the article), then
 * its best score's band.
 */
import type * as Y from 'yjs';
import { normalizeForMatching } from '../../shared/text/normalize-for-matching';
import { ANALYSIS_BANDS, type AnalysisBand, type ArticleAnalysis } from '../../shared/protocol/memory-api';
import { lookupSegments, segmentsToLookUp } from './article-lookups';
import type { TranslationMemory } from './translation-memory';

/** English words a Chinese character becomes, on average: 0.69 on the seed article (2,181 words for 3,146 characters). */
export const WORDS_PER_CHINESE_CHARACTER = 0.7;
/** The lowest band's floor: below it a match is no match. */
const LOWEST_BAND = 75;

const hanCount = (text: string): number => text.match(/\p{Script=Han}/gu)?.length ?? 0;

function bandOf(score: number | null): AnalysisBand {
  if (score === null) return 'none';
  if (score > 100) return '101';
  if (score === 100) return '100';
  if (score >= 95) return '95-99';
  if (score >= 85) return '85-94';
  return '75-84';
}

export async function analyzeArticle(read: <T>(reader: (doc: Y.Doc) => T) => T, memory: TranslationMemory, articleId: string): Promise<ArticleAnalysis> {
  const items = read((doc) => segmentsToLookUp(doc, (segment) => !segment.omitted));
  const lookups = await lookupSegments(items, memory, articleId, LOWEST_BAND);
  const figures = new Map(ANALYSIS_BANDS.map((band) => [band, { band, segments: 0, characters: 0, words: 0 }]));
  const seen = new Set<string>();
  for (const { source, best } of lookups) {
    const key = normalizeForMatching(source);
    if (key === '') continue;
    const repeated = seen.has(key);
    seen.add(key);
    const band = best && best.score > 100 ? '101' : repeated ? 'repetitions' : bandOf(best?.score ?? null);
    const entry = figures.get(band)!;
    entry.segments++;
    entry.characters += hanCount(source);
  }
  const bands = [...figures.values()].map((entry) => ({ ...entry, words: Math.round(entry.characters * WORDS_PER_CHINESE_CHARACTER) }));
  const total = bands.reduce(
    (sum, entry) => ({ segments: sum.segments + entry.segments, characters: sum.characters + entry.characters, words: sum.words + entry.words }),
    {
      segments: 0,
      characters: 0,
      words: 0,
    },
  );
  return { bands, total };
}
