/**
 * The one way a Chinese source enters Duet, for the server (API, CLI) and the
 * browser (the new-article dialog's preview) alike: bytes → checked, detected,
 * converted, cleaned and segmented → a new article whose segments have the
 * source as their Chinese side, an empty English side, and status
 * `untranslated`. Anything unusable is refused with a DuetError before
 * anything is created.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { schema, type BlockType } from '../schema/schema';
import type { ArticleInit, ArticleMeta } from '../article/article';
import { DuetError } from '../protocol/errors';
import { cleanHtml, parseHtml } from './clean-html';
import { docxToHtml } from './docx-source';
import { htmlToBlocks } from './html-to-blocks';
import { markdownSource } from './markdown-source';
import { splitLongParagraphs } from './sentences';
import { detectFormat, isZip, type SourceFormat } from './source-format';
import { frontMatterSourceMeta, htmlSourceMeta, httpUrl, type SourceMeta } from './source-meta';
import { decodeTextFile, MAX_IMPORT_BYTES } from './text-file';
import { textToBlocks } from './text-source';

export { SOURCE_FORMATS, isSourceFormat, detectFormat, type SourceFormat } from './source-format';
export type { SourceMeta } from './source-meta';
export { MAX_IMPORT_BYTES } from './text-file';

export interface ImportSourceInput {
  bytes: Uint8Array;
  /** The file's name, for detection by extension and for messages. */
  filename?: string;
  /** Overrides detection. */
  format?: SourceFormat;
  /** Where the source was published; wins over the address the page gives. */
  sourceUrl?: string;
  /** Split long paragraphs into one segment per sentence. */
  sentences?: boolean;
}

/** The article metadata an import sets: the ArticleMeta keys plus the source's author and date. */
export type SourceArticleMeta = ArticleMeta & Pick<SourceMeta, 'sourceAuthor' | 'sourceDate'>;

export interface SourceDocument {
  format: SourceFormat;
  meta: SourceMeta;
  /** One block per segment, in reading order. */
  blocks: PMNode[];
}

/** A segment as plain data for a preview. */
export interface PreviewSegment {
  type: BlockType;
  /** The block's text, line breaks as newlines (a figure's: its caption). */
  text: string;
  /** The block as ProseMirror JSON (marks, links, a figure's `src`, a list item's number). */
  block: Record<string, unknown>;
}

export interface SourcePreview {
  format: SourceFormat;
  meta: SourceMeta;
  segments: PreviewSegment[];
}

const NO_TEXT: Record<SourceFormat, string> = {
  html: 'has no text to import (nothing is left once scripts, styles, hidden parts and empty paragraphs are removed)',
  markdown: 'has no text to import',
  text: 'has no text to import',
  docx: 'has no text to import',
};

/** Read, convert and segment a source, without creating anything. */
export async function readSource(input: ImportSourceInput): Promise<SourceDocument> {
  const { bytes } = input;
  const name = input.filename ?? 'the file';
  if (bytes.byteLength === 0) throw new DuetError('invalid_input', `${name} is empty`);
  if (bytes.byteLength > MAX_IMPORT_BYTES) decodeTextFile(bytes, name); // throws the size message shared with every import
  if (input.sourceUrl != null && input.sourceUrl.trim() !== '' && !httpUrl(input.sourceUrl)) {
    throw new DuetError('invalid_input', `the source URL must be an http(s) address, not "${input.sourceUrl}"`);
  }
  const sourceUrl = httpUrl(input.sourceUrl) ?? undefined;
  const format = input.format ?? detectFormat(bytes, input.filename);

  const { meta, blocks } = await convert(format, bytes, name, sourceUrl).catch((error: unknown) => {
    // Parsers and tree walkers recurse; only a hostile or broken file nests thousands deep.
    if (error instanceof RangeError) throw new DuetError('invalid_input', `${name} nests its markup too deeply to read`);
    throw error;
  });
  if (!blocks.some((block) => block.textContent.trim() !== '')) throw new DuetError('invalid_input', `${name} ${NO_TEXT[format]}`);
  return { format, meta, blocks: input.sentences ? splitLongParagraphs(blocks) : blocks };
}

async function convert(format: SourceFormat, bytes: Uint8Array, name: string, sourceUrl: string | undefined): Promise<{ meta: SourceMeta; blocks: PMNode[] }> {
  let meta: SourceMeta;
  let blocks: PMNode[];
  switch (format) {
    case 'docx': {
      if (!isZip(bytes)) throw new DuetError('invalid_input', `${name} is not a Word (.docx) document`);
      const tree = parseHtml(await docxToHtml(bytes, name));
      meta = htmlSourceMeta(tree, sourceUrl);
      blocks = htmlToBlocks(cleanHtml(tree, { allowDataImages: true }));
      break;
    }
    case 'html': {
      const tree = parseHtml(decodeTextFile(bytes, name));
      meta = htmlSourceMeta(tree, sourceUrl);
      blocks = htmlToBlocks(cleanHtml(tree, meta.sourceUrl ? { baseUrl: meta.sourceUrl } : {}));
      break;
    }
    case 'markdown': {
      const parsed = markdownSource(decodeTextFile(bytes, name), sourceUrl);
      meta = frontMatterSourceMeta(parsed.frontMatter, sourceUrl);
      blocks = parsed.blocks;
      const heading = blocks.find((block) => block.type.name === 'heading' && block.attrs.level === 1);
      if (!meta.sourceTitle && heading && heading.textContent.trim() !== '') meta.sourceTitle = heading.textContent.trim();
      break;
    }
    case 'text':
      meta = sourceUrl ? { sourceUrl } : {};
      blocks = textToBlocks(decodeTextFile(bytes, name));
      break;
    default:
      throw new DuetError('invalid_input', `unknown source format "${String(format)}"`);
  }
  return { meta, blocks };
}

/** A Chinese source → a new article: source sides filled, English sides empty, every segment untranslated. */
export async function importSource(input: ImportSourceInput): Promise<ArticleInit> {
  const { meta, blocks } = await readSource(input);
  const articleMeta: SourceArticleMeta = { ...meta };
  return {
    meta: articleMeta,
    segments: blocks.map((block) => ({ source: schema.nodes.doc!.create(null, block), status: 'untranslated' as const })),
  };
}

/** A block's text with its line breaks (and a quotation's paragraphs) as newlines. */
const plainText = (block: PMNode): string => block.textBetween(0, block.content.size, '\n', (leaf) => (leaf.type.name === 'hard_break' ? '\n' : ''));

/** What `importSource` would create, as plain data, for a preview. */
export async function previewSource(input: ImportSourceInput): Promise<SourcePreview> {
  const { format, meta, blocks } = await readSource(input);
  return {
    format,
    meta,
    segments: blocks.map((block) => ({ type: block.type.name as BlockType, text: plainText(block), block: block.toJSON() as Record<string, unknown> })),
  };
}
