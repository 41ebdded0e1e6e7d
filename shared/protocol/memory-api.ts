/**
 * The translation memory over the API (docs/MEMORY.md): matches for a source
 * while one translates, concordance search, and what a match's insertion
 * records. Sides travel as ProseMirror JSON (the `doc` node of a segment's
 * side) so links, bold and figures come back as structure, and as plain text
 * for display and search.
 */
import * as v from 'valibot';

/** The largest TMX file Duet reads: a whole memory, not one article, so far more than an XLIFF file. */
export const MAX_TMX_BYTES = 64 * 1024 * 1024;

/** The statuses whose segments the memory keeps, best last: an approved unit ranks above a translated one of the same score. */
export const UNIT_STATUSES = ['imported', 'translated', 'reviewed', 'approved'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];

/** The least score offered, unless a lookup asks for another. */
export const DEFAULT_MATCH_THRESHOLD = 70;
/** At most this many matches a lookup. */
export const MAX_MATCHES = 5;
/** A source longer than this is looked up exactly only (a fuzzy comparison grows with the square of its length). */
export const MAX_FUZZY_SOURCE_CHARS = 2000;

const DiffPartSchema = v.object({ kind: v.picklist(['same', 'added', 'removed']), text: v.string() });
export type SourceDiffPart = v.InferOutput<typeof DiffPartSchema>;

/** Where a unit came from: a segment of an article still in Duet, or an imported file. */
const UnitOriginSchema = v.variant('kind', [
  v.object({ kind: v.literal('article'), articleId: v.string(), segmentId: v.string(), articleTitle: v.string() }),
  v.object({ kind: v.literal('import'), file: v.string() }),
]);
export type UnitOrigin = v.InferOutput<typeof UnitOriginSchema>;

/** One offered match. */
export const MatchSchema = v.object({
  unitId: v.number(),
  /** 101: exact, and the neighbouring sources match too; 100: exact; below: fuzzy. */
  score: v.number(),
  /** The unit's source, as its differences from the looked-up source. */
  sourceDiff: v.array(DiffPartSchema),
  /** The unit's target as plain text (numbers already substituted when `numbersSubstituted`). */
  targetText: v.string(),
  /** The target to insert: a segment side's ProseMirror JSON. */
  target: v.unknown(),
  /** The unit's source differed only in numbers, which are written into `target` from the looked-up source. */
  numbersSubstituted: v.boolean(),
  status: v.picklist(UNIT_STATUSES),
  author: v.nullable(v.string()),
  /** When the unit was last confirmed (ms since the epoch). */
  changedAt: v.number(),
  usedCount: v.number(),
  origin: UnitOriginSchema,
});
export type TmMatch = v.InferOutput<typeof MatchSchema>;

/** POST /api/memory/lookup. */
export const LookupSchema = v.object({
  source: v.pipe(v.string(), v.maxLength(20_000)),
  /** The sources of the segments before and after, for 101 % "in context" matches. */
  before: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(20_000)))),
  after: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(20_000)))),
  threshold: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100))),
  /** The segment being translated: its own unit is not offered to it. */
  exclude: v.optional(v.object({ articleId: v.string(), segmentId: v.string() })),
});
export type LookupRequest = v.InferOutput<typeof LookupSchema>;

export const MatchesSchema = v.object({ matches: v.array(MatchSchema) });
export type MatchesResponse = v.InferOutput<typeof MatchesSchema>;

/** GET /api/memory/search?q=…&side=… */
export const SearchQuerySchema = v.object({
  q: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
  side: v.optional(v.picklist(['source', 'target', 'both']), 'both'),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,3}$/), v.transform(Number), v.minValue(1), v.maxValue(200))),
});

/** A stretch of a side's text, and whether it is the searched text. */
const HitPartSchema = v.object({ hit: v.boolean(), text: v.string() });
export type HitPart = v.InferOutput<typeof HitPartSchema>;

const ConcordanceHitSchema = v.object({
  unitId: v.number(),
  source: v.array(HitPartSchema),
  target: v.array(HitPartSchema),
  status: v.picklist(UNIT_STATUSES),
  author: v.nullable(v.string()),
  changedAt: v.number(),
  origin: UnitOriginSchema,
});
export type ConcordanceHit = v.InferOutput<typeof ConcordanceHitSchema>;

export const ConcordanceSchema = v.object({ hits: v.array(ConcordanceHitSchema), total: v.number() });
export type ConcordanceResponse = v.InferOutput<typeof ConcordanceSchema>;

export const UnitParamsSchema = v.object({ unitId: v.pipe(v.string(), v.regex(/^\d{1,15}$/), v.transform(Number)) });

export const UsedSchema = v.object({ ok: v.literal(true), usedCount: v.number() });

/**
 * GET /api/articles/:id/memory-consistency: the memory's approved translations of the article's
 * sources, for the consistency check (`QaOptions.approvedTranslations`, docs/QA.md). `sourceKey` is
 * the normalized source; `segmentId` names the segment of this article a unit came from (null for
 * other articles' units and imported ones).
 */
export const MemoryConsistencySchema = v.object({
  approved: v.array(
    v.object({
      sourceKey: v.string(),
      translations: v.array(v.object({ target: v.string(), segmentId: v.nullable(v.string()) })),
    }),
  ),
});
export type MemoryConsistency = v.InferOutput<typeof MemoryConsistencySchema>;

/** GET /api/memory: how big the memory is. */
export const MemoryStatsSchema = v.object({ units: v.number(), imported: v.number() });
export type MemoryStats = v.InferOutput<typeof MemoryStatsSchema>;

/** POST /api/memory/tmx: a TMX file's text and the name it was chosen by (what each unit's origin says). */
export const TmxImportSchema = v.object({
  fileName: v.pipe(v.string(), v.minLength(1), v.maxLength(255)),
  /** The file's text; readTmx refuses one over MAX_TMX_BYTES in UTF-8 too. */
  tmx: v.pipe(v.string(), v.maxLength(MAX_TMX_BYTES)),
});
export type TmxImportRequest = v.InferOutput<typeof TmxImportSchema>;

/** What a TMX import stored; the CLI prints the same. */
export const TmxImportSummarySchema = v.object({
  added: v.number(),
  /** Units already in the memory with the same source and target. */
  unchanged: v.number(),
  /** Units with an empty source or target. */
  skipped: v.number(),
  /** What was read otherwise than the file says, or left out (shared/memory/tmx-report.ts). */
  notes: v.array(v.string()),
});
export type TmxImportResponse = v.InferOutput<typeof TmxImportSummarySchema>;

/** POST /api/articles/:id/pretranslate: fill untranslated segments from the memory. */
export const PretranslateSchema = v.object({
  /** The least score that fills a segment: 100 (exact) unless asked otherwise; 101 fills only in-context matches. */
  threshold: v.optional(v.pipe(v.number(), v.integer(), v.minValue(DEFAULT_MATCH_THRESHOLD), v.maxValue(101)), 100),
  /** Only these segments (the article's other untranslated segments with a just-confirmed source, say); all when absent. */
  segmentIds: v.optional(v.pipe(v.array(v.string()), v.maxLength(100_000))),
});
export type PretranslateRequest = v.InferOutput<typeof PretranslateSchema>;

export const PretranslatedSchema = v.object({
  /** Untranslated segments with an empty target that were looked up. */
  considered: v.number(),
  /** Those filled, as draft, each recording the unit it came from. */
  filled: v.number(),
});
export type PretranslateSummary = v.InferOutput<typeof PretranslatedSchema>;

/** The bands of an analysis, as CAT tools report them, best first. */
export const ANALYSIS_BANDS = ['101', 'repetitions', '100', '95-99', '85-94', '75-84', 'none'] as const;
export type AnalysisBand = (typeof ANALYSIS_BANDS)[number];

const BandFiguresSchema = v.object({
  band: v.picklist(ANALYSIS_BANDS),
  segments: v.number(),
  /** Chinese characters (Han script) of the sources. */
  characters: v.number(),
  /** English words to expect (an estimate from the characters, see docs/MEMORY.md). */
  words: v.number(),
});
export type BandFigures = v.InferOutput<typeof BandFiguresSchema>;

/** GET /api/articles/:id/analysis. */
export const AnalysisSchema = v.object({
  bands: v.array(BandFiguresSchema),
  total: v.object({ segments: v.number(), characters: v.number(), words: v.number() }),
});
export type ArticleAnalysis = v.InferOutput<typeof AnalysisSchema>;
