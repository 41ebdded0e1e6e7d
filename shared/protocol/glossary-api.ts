/**
 * The team's glossary (termbase) over the API (docs/GLOSSARY.md): its
 * entries, each a Chinese term with its English translations, which one is
 * preferred and which are forbidden; adding, editing and deleting them; and
 * the files (TBX, CSV) it is imported from and exported to.
 */
import * as v from 'valibot';

/** The largest glossary file Duet reads (TBX or CSV): tens of thousands of entries. */
export const MAX_GLOSSARY_BYTES = 16 * 1024 * 1024;
/** A term (either side) is at most this long: a term, not a sentence. */
export const MAX_TERM_CHARS = 200;
export const MAX_NOTE_CHARS = 2000;
/** English translations of one entry, forbidden variants included. */
export const MAX_TRANSLATIONS = 20;

/**
 * What a translation of a term is to the team: the one to use, another that is
 * fine too, or one that must not appear (a variant the team decided against).
 * TBX-Basic calls them preferred, admitted and deprecated.
 */
export const TERM_USES = ['preferred', 'allowed', 'forbidden'] as const;
export type TermUse = (typeof TERM_USES)[number];

/** An entry added by a translator or an admin is the team's; a reviewer's is proposed until one of them accepts it. */
export const ENTRY_STATUSES = ['approved', 'proposed'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

const TermText = v.pipe(v.string(), v.maxLength(MAX_TERM_CHARS));

export const TermTranslationSchema = v.object({ text: TermText, use: v.picklist(TERM_USES) });
export type TermTranslation = v.InferOutput<typeof TermTranslationSchema>;

/** An entry as a person writes it (POST /api/glossary, PUT /api/glossary/:entryId). */
export const EntryInputSchema = v.object({
  /** The Chinese term. */
  source: TermText,
  translations: v.pipe(v.array(TermTranslationSchema), v.maxLength(MAX_TRANSLATIONS)),
  note: v.optional(v.pipe(v.string(), v.maxLength(MAX_NOTE_CHARS))),
  /** Whether the English translations must match in case too (a name, an acronym): "AI" is not "ai". */
  caseSensitive: v.optional(v.boolean()),
  /** Only with glossary.edit: accepting a proposed entry. */
  status: v.optional(v.picklist(ENTRY_STATUSES)),
});
export type EntryInput = v.InferOutput<typeof EntryInputSchema>;

export const GlossaryEntrySchema = v.object({
  id: v.number(),
  source: v.string(),
  /** The preferred translation first, then the allowed ones, then the forbidden ones. */
  translations: v.array(TermTranslationSchema),
  note: v.string(),
  caseSensitive: v.boolean(),
  status: v.picklist(ENTRY_STATUSES),
  createdBy: v.nullable(v.string()),
  /** ms since the epoch. */
  createdAt: v.number(),
  changedBy: v.nullable(v.string()),
  changedAt: v.number(),
});
export type GlossaryEntry = v.InferOutput<typeof GlossaryEntrySchema>;

export const EntryParamsSchema = v.object({ entryId: v.pipe(v.string(), v.regex(/^\d{1,15}$/), v.transform(Number)) });

/** GET /api/glossary: entries whose Chinese or English holds `q` (all without it), Chinese term order. */
export const GlossaryQuerySchema = v.object({
  q: v.optional(v.pipe(v.string(), v.maxLength(MAX_TERM_CHARS))),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/), v.transform(Number), v.minValue(1), v.maxValue(1000))),
  offset: v.optional(v.pipe(v.string(), v.regex(/^\d{1,7}$/), v.transform(Number))),
});
export const GlossaryListSchema = v.object({ entries: v.array(GlossaryEntrySchema), total: v.number() });

export const GLOSSARY_FORMATS = ['tbx', 'csv'] as const;
export type GlossaryFormat = (typeof GLOSSARY_FORMATS)[number];

/** POST /api/glossary/import. */
export const GlossaryImportSchema = v.object({
  fileName: v.pipe(v.string(), v.minLength(1), v.maxLength(255)),
  /** The file's text; without `format`, told by the file name, else by its content. */
  content: v.pipe(v.string(), v.maxLength(MAX_GLOSSARY_BYTES)),
  format: v.optional(v.picklist(GLOSSARY_FORMATS)),
});

/** What an import did; the CLI prints the same. */
export const GlossaryImportSummarySchema = v.object({
  /** New entries. */
  added: v.number(),
  /** Entries for a Chinese term already there, whose new translations were added to it. */
  merged: v.number(),
  /** Entries the glossary already held as they are. */
  unchanged: v.number(),
  /** Entries without a Chinese term or without an English one. */
  skipped: v.number(),
  /** What was read otherwise than the file says (languages told by script), or left out. */
  notes: v.array(v.string()),
});
export type GlossaryImportSummary = v.InferOutput<typeof GlossaryImportSummarySchema>;

/** GET /api/glossary/export?format=tbx|csv */
export const GlossaryExportQuerySchema = v.object({ format: v.optional(v.picklist(GLOSSARY_FORMATS)) });
