/**
 * A Chinese Markdown file → source blocks, by the same block parser as
 * published articles (`parseMarkdownFile`), with three differences that suit a
 * source rather than a file to write back byte for byte:
 *
 * - each quoted paragraph is a segment of its own (a blockquote per paragraph);
 * - raw HTML blocks are read as HTML (cleaned like a paste) so their text can be
 *   translated, and kramdown's `markdown="1"` blocks (`<aside markdown="1">`)
 *   have their inside read as Markdown, as Jekyll does;
 * - the front matter is metadata about the source, not the article's own.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { select } from 'hast-util-select';
import type { Element } from 'hast';
import { schema } from '../schema/schema';
import type { FrontMatterEntry } from '../article/article';
import { FrontMatterError, parseFrontMatter } from '../markdown/front-matter';
import { parseMarkdownFile } from '../markdown/parse-markdown';
import { DuetError } from '../protocol/errors';
import { cleanHtml, parseHtml, ZERO_WIDTH } from './clean-html';
import { htmlToBlocks } from './html-to-blocks';
import { hasFrontMatter } from './source-format';

export interface MarkdownSource {
  blocks: PMNode[];
  frontMatter: FrontMatterEntry[];
}

/** Nesting depth of `markdown="1"` blocks read as Markdown; deeper ones are read as HTML. */
const MAX_DEPTH = 4;

export function markdownSource(text: string, baseUrl?: string): MarkdownSource {
  const parsed = parseMarkdownFile(text.replace(/^\uFEFF/, '').replace(ZERO_WIDTH, ''));
  if (parsed.frontMatterBlock == null && hasFrontMatter(text)) {
    throw new DuetError('invalid_input', 'malformed front matter: the opening "---" line has no closing "---" line');
  }
  let frontMatter: FrontMatterEntry[] = [];
  try {
    if (parsed.frontMatterYaml != null) frontMatter = parseFrontMatter(parsed.frontMatterYaml);
  } catch (error) {
    if (error instanceof FrontMatterError) throw new DuetError('invalid_input', error.message);
    throw error;
  }
  const blocks = parsed.blocks.flatMap((block) => sourceBlocks(block.node, block.markdown, 0, baseUrl));
  return { blocks, frontMatter };
}

function sourceBlocks(node: PMNode, markdown: string, depth: number, baseUrl: string | undefined): PMNode[] {
  if (node.type.name === 'raw_block' && markdown.trimStart().startsWith('<')) return htmlBlock(markdown, depth, baseUrl);
  if (node.type.name === 'blockquote' && node.childCount > 1) {
    const quotes: PMNode[] = [];
    node.forEach((paragraph) => quotes.push(schema.nodes.blockquote!.create(null, paragraph)));
    return quotes;
  }
  return [node];
}

/**
 * An HTML block: its `markdown="1"` elements are read as Markdown (their inside,
 * exactly as written), everything around them as HTML.
 */
function htmlBlock(html: string, depth: number, baseUrl: string | undefined): PMNode[] {
  const tree = parseHtml(html);
  const options = baseUrl ? { baseUrl } : {};
  const body = select('body', tree);
  const top = body?.children ?? [];
  const isMarkdown = (node: (typeof top)[number]): node is Element =>
    node.type === 'element' && typeof node.properties.markdown === 'string' && MARKDOWN_ATTRIBUTE.has(node.properties.markdown);
  const positioned = top.every((node) => node.position?.start.offset != null && node.position.end.offset != null);
  if (depth >= MAX_DEPTH || !positioned || !top.some(isMarkdown)) return htmlToBlocks(cleanHtml(tree, options));

  const out: PMNode[] = [];
  let pending: [number, number] | null = null;
  const flush = () => {
    if (pending) out.push(...htmlToBlocks(cleanHtml(parseHtml(html.slice(pending[0], pending[1])), options)));
    pending = null;
  };
  for (const node of top) {
    const [start, end] = [node.position!.start.offset!, node.position!.end.offset!];
    if (!isMarkdown(node)) {
      pending = pending ? [pending[0], end] : [start, end];
      continue;
    }
    flush();
    const inside = markdownInside(node, html);
    for (const block of parseMarkdownFile(inside).blocks) out.push(...sourceBlocks(block.node, block.markdown, depth + 1, baseUrl));
  }
  flush();
  return out;
}

const MARKDOWN_ATTRIBUTE = new Set(['1', 'block', 'span']);

/** The source text inside an element, taken by position so the Markdown is exactly what the author wrote. */
function markdownInside(element: Element, html: string): string {
  const children = element.children;
  const start = children[0]?.position?.start.offset;
  const end = children[children.length - 1]?.position?.end.offset;
  return start == null || end == null ? '' : html.slice(start, end);
}
