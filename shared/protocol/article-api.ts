/**
 * Articles over the API: the list, creating and importing one, reading it
 * (GET /api/articles/:id), and the cheap existence check. `duet ... --json`
 * prints the same shapes. The server validates request bodies with these
 * schemas; the client reads answers with them (types and checks from one place).
 */
import * as v from 'valibot';
import { SEGMENT_STATUSES } from '../article/status';
import type { JsonValue } from '../article/layout';
import type { BlockType } from '../schema/schema';

/** The kinds of source an import reads (shared/import/source-format.ts detects them). */
export const SOURCE_FORMATS = ['html', 'markdown', 'text', 'docx'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** Any article address: `:id` in every /api/articles/:id/… route. */
export const ArticleParamsSchema = v.object({ id: v.string() });

const StatusCountsSchema = v.object(
  Object.fromEntries(SEGMENT_STATUSES.map((status) => [status, v.number()])) as Record<(typeof SEGMENT_STATUSES)[number], v.NumberSchema<undefined>>,
);

export const ArticleSummarySchema = v.object({
  id: v.string(),
  title: v.string(),
  sourceTitle: v.string(),
  segmentCount: v.number(),
  progress: StatusCountsSchema,
  /** Chinese characters in the sources, and how many of them are in translated (or further) segments. */
  sourceChars: v.number(),
  sourceCharsTranslated: v.number(),
  /** English words in the targets. */
  targetWords: v.number(),
  /** Who has the article open now (account names). */
  activeUsers: v.array(v.string()),
  /** For the requesting user: segments assigned to them (as translator or reviewer) and how many of those are done. */
  mine: v.object({ assigned: v.number(), done: v.number() }),
  createdAt: v.string(),
  updatedAt: v.string(),
});
export type ArticleSummary = v.InferOutput<typeof ArticleSummarySchema>;

export const ArticleListSchema = v.object({ articles: v.array(ArticleSummarySchema) });
export type ArticleListResponse = v.InferOutput<typeof ArticleListSchema>;

const JsonValueSchema: v.GenericSchema<JsonValue> = v.lazy(() =>
  v.union([v.string(), v.number(), v.boolean(), v.null(), v.array(JsonValueSchema), v.record(v.string(), JsonValueSchema)]),
);

const SideSchema = v.object({
  /** Plain text, one line per block. */
  text: v.string(),
  /** The side as house-style Markdown (the target: exactly what export writes for it). */
  markdown: v.string(),
});
export type SideJson = v.InferOutput<typeof SideSchema>;

export const ArticleJsonSchema = v.object({
  id: v.string(),
  meta: v.object({
    /** Every front-matter key, in file order. */
    frontMatter: v.record(v.string(), JsonValueSchema),
    sourceUrl: v.nullable(v.string()),
    sourceTitle: v.nullable(v.string()),
    sourceAuthor: v.nullable(v.string()),
    sourceDate: v.nullable(v.string()),
    slug: v.nullable(v.string()),
    createdAt: v.nullable(v.string()),
  }),
  segments: v.array(v.object({ id: v.string(), status: v.picklist(SEGMENT_STATUSES), source: SideSchema, target: SideSchema })),
});
export type ArticleJson = v.InferOutput<typeof ArticleJsonSchema>;

/** POST /api/articles: an empty article, or one from a published front-matter Markdown file. */
export const CreateArticleSchema = v.object({ title: v.optional(v.string()), markdown: v.optional(v.string()) });
export type CreateArticleRequest = v.InferOutput<typeof CreateArticleSchema>;

/** The answer to creating or importing an article, and to GET /api/articles/:id/exists. */
export const ArticleIdSchema = v.object({ id: v.string() });

/**
 * POST /api/articles/import (docs/IMPORT.md): a Chinese source as exactly one
 * of `content` (the text of a paste or a text file) and `contentBase64` (a
 * file's bytes, e.g. a .docx); `preview` asks what it would create, storing nothing.
 */
export const ImportSourceSchema = v.pipe(
  v.object({
    content: v.optional(v.string()),
    contentBase64: v.optional(v.string()),
    /** For detection by extension and for the server's messages. */
    filename: v.optional(v.string()),
    /** Overrides detection. */
    format: v.optional(v.picklist(SOURCE_FORMATS, `"format" must be one of ${SOURCE_FORMATS.join(', ')}`)),
    /** Where the source was published (http or https). */
    sourceUrl: v.optional(v.string()),
    /** The article's English title. */
    title: v.optional(v.string()),
    /** Split long paragraphs into one segment per sentence. */
    sentences: v.optional(v.nullable(v.boolean())),
    preview: v.optional(v.nullable(v.boolean())),
    /** Fill untranslated segments with the translation memory's exact matches, as draft (docs/MEMORY.md); true unless false. */
    pretranslate: v.optional(v.boolean()),
  }),
  v.check(
    (body) => (body.content === undefined) !== (body.contentBase64 === undefined),
    'send exactly one of "content" (the text of an HTML, Markdown or text file) or "contentBase64" (a file\'s bytes, e.g. a .docx)',
  ),
);
export type ImportSourceBody = v.InferOutput<typeof ImportSourceSchema>;

/** The blocks a preview shows (shared/schema's BlockType: the check below fails when one is added there and not here). */
const BLOCK_TYPES = ['paragraph', 'heading', 'list_item', 'blockquote', 'figure', 'horizontal_rule', 'raw_block'] as const satisfies readonly BlockType[];
const everyBlockType: readonly (typeof BLOCK_TYPES)[number][] = [] as BlockType[];
void everyBlockType;

/** What importing would create (the answer to a preview): the server's limits and cleaning, exactly. */
export const SourcePreviewSchema = v.object({
  format: v.picklist(SOURCE_FORMATS),
  meta: v.object({
    sourceTitle: v.optional(v.string()),
    sourceUrl: v.optional(v.string()),
    sourceAuthor: v.optional(v.string()),
    sourceDate: v.optional(v.string()),
  }),
  segments: v.array(
    v.object({
      type: v.picklist(BLOCK_TYPES),
      /** The block's text, line breaks as newlines (a figure's: its caption). */
      text: v.string(),
      /** The block as ProseMirror JSON (marks, links, a figure's `src`, a list item's number). */
      block: v.record(v.string(), v.unknown()),
    }),
  ),
});
export type SourcePreview = v.InferOutput<typeof SourcePreviewSchema>;
