/** XLIFF over the API (docs/XLIFF.md): POST /api/articles/:id/xliff imports a file back. */
import * as v from 'valibot';

export const XliffImportSchema = v.object({
  /** The XLIFF file's text (1.2 or 1.1). */
  content: v.string(),
  /** Replace target text that differs from the file's. */
  overwrite: v.optional(v.nullable(v.boolean())),
  /** Say what the import would do, change nothing. */
  dryRun: v.optional(v.nullable(v.boolean())),
});
export type XliffImportRequest = v.InferOutput<typeof XliffImportSchema>;

/** What an import did (or, in a dry run, would do); the CLI reports the same. */
export const XliffImportSummarySchema = v.object({
  /** Segments changed. */
  updated: v.number(),
  targets: v.number(),
  statuses: v.number(),
  unchanged: v.number(),
  skipped: v.array(v.object({ unit: v.string(), segment: v.optional(v.string()), reason: v.string() })),
  /** Every unit whose empty target would erase a segment's text, erased or kept. */
  erasures: v.array(v.object({ unit: v.string(), segment: v.string(), text: v.string(), erased: v.boolean() })),
  /** Nothing was changed: the numbers say what the import would do. */
  dryRun: v.boolean(),
});
export type XliffImportSummary = v.InferOutput<typeof XliffImportSummarySchema>;
