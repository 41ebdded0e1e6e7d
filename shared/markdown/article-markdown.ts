/**
 * A whole article ⇄ front-matter Markdown.
 *
 * Import keeps, for every block, the exact text it came from and the
 * separator before it; export writes that text again for every block whose
 * content still hashes to what was imported, and the house style for every
 * block edited in Duet. Importing any file and exporting it unedited therefore
 * gives the same bytes, whatever Markdown style the file uses.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { schema } from '../schema/schema';
import { contentHash } from '../article/content-hash';
import { isSideEmpty, type ArticleInit, type ArticleSnapshot, type SegmentSnapshot } from '../article/article';
import { parseFrontMatter, serializeFrontMatter } from './front-matter';
import { parseMarkdownFile } from './parse-markdown';
import { serializeBlock } from './serialize-block';

export const BLOCK_SEPARATOR = '\n\n';

export interface MarkdownImportOptions {
  /** Overrides the front-matter title. */
  title?: string;
}

/** A published (target-language) front-matter Markdown file → a new article whose blocks are target sides. */
export function articleFromMarkdown(text: string, options: MarkdownImportOptions = {}): ArticleInit {
  const parsed = parseMarkdownFile(text);
  const frontMatter = parsed.frontMatterYaml != null ? parseFrontMatter(parsed.frontMatterYaml) : [];
  if (options.title != null) {
    const existing = frontMatter.find((entry) => entry.key === 'title');
    if (existing) existing.value = options.title;
    else frontMatter.unshift({ key: 'title', value: options.title });
  }
  return {
    frontMatter,
    importedFile: {
      ...(parsed.frontMatterBlock != null ? { frontMatterBlock: parsed.frontMatterBlock } : {}),
      ...(parsed.frontMatterYaml != null ? { frontMatterYaml: parsed.frontMatterYaml } : {}),
      trailer: parsed.trailer,
    },
    segments: parsed.blocks.map((block) => ({
      target: schema.nodes.doc!.create(null, [block.node]),
      importedMarkdown: block.markdown,
      separator: block.separator,
      status: 'translated' as const,
    })),
  };
}

/** A side's blocks in house style, blank-line separated; '' when the side is empty. */
export function sideToMarkdown(side: PMNode): string {
  const blocks: string[] = [];
  side.forEach((block) => {
    const text = serializeBlock(block);
    if (text !== '') blocks.push(text);
  });
  return blocks.join(BLOCK_SEPARATOR);
}

/** The Markdown a segment's target exports as: the imported text while unedited, else the house style. */
export function targetMarkdown(segment: Pick<SegmentSnapshot, 'target' | 'importedMarkdown' | 'importedHash'>): string {
  if (isSideEmpty(segment.target)) return '';
  if (segment.importedMarkdown != null && segment.importedHash === contentHash(segment.target)) return segment.importedMarkdown;
  return sideToMarkdown(segment.target);
}

export function frontMatterBlock(article: Pick<ArticleSnapshot, 'frontMatter' | 'importedFile'>): string {
  const { frontMatter, importedFile } = article;
  if (frontMatter.length === 0 && importedFile.frontMatterBlock == null) return '';
  const yaml = serializeFrontMatter(frontMatter, importedFile.frontMatterYaml);
  if (importedFile.frontMatterBlock != null && yaml === importedFile.frontMatterYaml) return importedFile.frontMatterBlock;
  return `---\n${yaml}---`;
}

/**
 * The imported separator where it still makes sense, else a blank line. An
 * edited block gets at least a blank line before it (a single newline, as in a
 * tight list, would glue an edited paragraph to the block above), and nothing
 * but the file's first block may start without a newline before it.
 */
function separatorBefore(segment: SegmentSnapshot, markdown: string, before: string): string {
  if (before === '') return segment.separator ?? '';
  const separator = segment.separator ?? BLOCK_SEPARATOR;
  if (!separator.includes('\n')) return BLOCK_SEPARATOR;
  const verbatim = markdown === segment.importedMarkdown;
  const listItem = segment.target.childCount === 1 && segment.target.firstChild!.type === schema.nodes.list_item;
  if (!verbatim && !listItem && !/\n[ \t>]*\n/.test(separator)) return BLOCK_SEPARATOR;
  return separator;
}

/** The article as front-matter Markdown in the house style. */
export function articleToMarkdown(article: ArticleSnapshot): string {
  let out = frontMatterBlock(article);
  for (const segment of article.segments) {
    const markdown = targetMarkdown(segment);
    if (markdown === '') continue;
    out += separatorBefore(segment, markdown, out) + markdown;
  }
  return out + (article.importedFile.trailer ?? '\n');
}
