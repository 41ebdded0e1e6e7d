/**
 * Aligning published work over the API (docs/MEMORY.md "Aligning published
 * work"): the server reads a Chinese source and its published English article
 * and proposes which blocks translate which; the Align page shows the
 * proposal for a person to correct and sends the rows back with the same two
 * files, which the server reads again, checks and stores as memory units.
 * Nothing is kept between the two requests.
 */
import * as v from 'valibot';

/** One file as the browser sends it: text, or (a Word source) its bytes in base64. */
const AlignFileSchema = v.pipe(
  v.object({
    /** Its name: the importer knows a source's format by it, and the units' origin is the published file's. */
    fileName: v.pipe(v.string(), v.minLength(1, 'a file needs its name'), v.maxLength(255)),
    content: v.optional(v.string()),
    contentBase64: v.optional(v.string()),
  }),
  v.check((file) => (file.content === undefined) !== (file.contentBase64 === undefined), 'send a file as exactly one of "content" or "contentBase64"'),
);
export type AlignFile = v.InferOutput<typeof AlignFileSchema>;

/** POST /api/memory/align: propose an alignment. */
export const AlignRequestSchema = v.object({ source: AlignFileSchema, published: AlignFileSchema });
export type AlignRequest = v.InferOutput<typeof AlignRequestSchema>;

const IndexesSchema = v.pipe(v.array(v.pipe(v.number(), v.integer())), v.maxLength(100_000));

const AlignedBlockSchema = v.object({
  /** paragraph, heading, list_item, blockquote, figure, horizontal_rule, raw_block. */
  type: v.string(),
  /** What the block says, on one line (a figure's caption, "(rule)" for a rule). */
  text: v.string(),
});
export type AlignedBlock = v.InferOutput<typeof AlignedBlockSchema>;

/** The answer: both files' blocks and the rows that pair them, each with how sure the aligner is. */
export const AlignmentProposalSchema = v.object({
  chinese: v.array(AlignedBlockSchema),
  english: v.array(AlignedBlockSchema),
  rows: v.array(v.object({ source: IndexesSchema, target: IndexesSchema, confidence: v.number() })),
});
export type AlignmentProposal = v.InferOutput<typeof AlignmentProposalSchema>;

/** POST /api/memory/align/confirm: the corrected rows, with the files they align. */
export const AlignConfirmSchema = v.object({
  source: AlignFileSchema,
  published: AlignFileSchema,
  rows: v.pipe(v.array(v.object({ source: IndexesSchema, target: IndexesSchema })), v.maxLength(100_000)),
});
export type AlignConfirmRequest = v.InferOutput<typeof AlignConfirmSchema>;

export const AlignConfirmedSchema = v.object({
  added: v.number(),
  /** Pairs already in the memory with the same source and target. */
  unchanged: v.number(),
  /** Pairs with no text on one side (rules, figures without captions). */
  skipped: v.number(),
  /** Pairs left out because their English side is Chinese text (a title kept in the original). */
  untranslated: v.number(),
});
export type AlignConfirmed = v.InferOutput<typeof AlignConfirmedSchema>;
