/**
 * Front-matter Markdown → the article model's blocks, each with the exact text
 * it came from, so that unedited blocks can be written back byte for byte.
 *
 * Parsing is CommonMark (unified + remark-parse, remark-frontmatter). Each
 * top-level block becomes one block node, except lists, whose items become one
 * block each. Whatever the model does not break into nodes (code, tables,
 * nested lists, arbitrary HTML) becomes a raw block holding its source text.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root, RootContent, PhrasingContent, Paragraph, List, ListItem, Definition, Html } from 'mdast';
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { schema } from '../schema/schema';
import { closingTagName, figureFromHtml, isBreakTag, openingTag } from './html-elements';
import { isSafeUrl } from '../schema/safe-url';

export interface ParsedBlock {
  node: PMNode;
  /** The block's source text, exactly. */
  markdown: string;
  /** The source text between the previous block (or the front matter, or the file start) and this one. */
  separator: string;
}

export interface ParsedMarkdownFile {
  /** `---\n...\n---` exactly as in the file, when it has front matter. */
  frontMatterBlock: string | null;
  frontMatterYaml: string | null;
  blocks: ParsedBlock[];
  /** The text after the last block (usually "\n"). */
  trailer: string;
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

function offsets(node: { position?: { start: { offset?: number }; end: { offset?: number } } }): [number, number] {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start == null || end == null) throw new Error('markdown node without position');
  return [start, end];
}

export function parseMarkdownFile(text: string): ParsedMarkdownFile {
  const tree = processor.parse(text) as Root;
  const context = new Context(text, tree);
  let frontMatterBlock: string | null = null;
  let frontMatterYaml: string | null = null;
  let cursor = 0;
  const blocks: ParsedBlock[] = [];
  for (const child of tree.children) {
    if (child.type === 'yaml' && blocks.length === 0 && frontMatterBlock == null) {
      const [start, end] = offsets(child);
      if (start === 0) {
        frontMatterBlock = text.slice(0, end);
        frontMatterYaml = child.value === '' ? '' : `${child.value}\n`;
        cursor = end;
        continue;
      }
    }
    for (const { node, range } of context.blocksOf(child)) {
      blocks.push({ node, markdown: text.slice(range[0], range[1]), separator: text.slice(cursor, range[0]) });
      cursor = range[1];
    }
  }
  return { frontMatterBlock, frontMatterYaml, blocks, trailer: text.slice(cursor) };
}

/** The block nodes of a Markdown fragment (no front matter expected). */
export function parseMarkdownBlocks(text: string): PMNode[] {
  return parseMarkdownFile(text).blocks.map((block) => block.node);
}

interface BlockWithRange {
  node: PMNode;
  range: [number, number];
}

class Context {
  private readonly definitions = new Map<string, Definition>();

  constructor(
    private readonly text: string,
    tree: Root,
  ) {
    const collect = (node: { type: string; children?: unknown[] }) => {
      if (node.type === 'definition') {
        const definition = node as Definition;
        if (!this.definitions.has(definition.identifier)) this.definitions.set(definition.identifier, definition);
      }
      for (const child of (node.children ?? []) as { type: string }[]) collect(child);
    };
    collect(tree);
  }

  private source(node: { position?: { start: { offset?: number }; end: { offset?: number } } }): string {
    const [start, end] = offsets(node);
    return this.text.slice(start, end);
  }

  private raw(node: RootContent): BlockWithRange {
    return { node: schema.nodes.raw_block!.create({ text: this.source(node) }), range: offsets(node) };
  }

  blocksOf(node: RootContent): BlockWithRange[] {
    switch (node.type) {
      case 'paragraph':
        return [{ node: this.paragraph(node), range: offsets(node) }];
      case 'heading': {
        const content = this.inline(node.children, []);
        return [content ? { node: schema.nodes.heading!.create({ level: node.depth }, content), range: offsets(node) } : this.raw(node)];
      }
      case 'thematicBreak':
        return [{ node: schema.nodes.horizontal_rule!.create(), range: offsets(node) }];
      case 'list':
        return this.list(node);
      case 'blockquote': {
        const paragraphs = node.children.map((child) => (child.type === 'paragraph' ? this.paragraphContent(child) : null));
        if (paragraphs.length === 0 || paragraphs.some((content) => content == null)) return [this.raw(node)];
        return [
          {
            node: schema.nodes.blockquote!.create(
              null,
              paragraphs.map((content) => schema.nodes.paragraph!.create(null, content!)),
            ),
            range: offsets(node),
          },
        ];
      }
      case 'html': {
        const figure = figureFromHtml(node.value);
        return [figure ? { node: figure, range: offsets(node) } : this.raw(node)];
      }
      default:
        return [this.raw(node)];
    }
  }

  /** A paragraph, or a figure when the paragraph is one image, or a raw block when its inline markup is beyond the model. */
  private paragraph(node: Paragraph): PMNode {
    const meaningful = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
    const only = meaningful[0];
    if (meaningful.length === 1 && only?.type === 'image') {
      return schema.nodes.figure!.create({ src: only.url, alt: only.alt ?? '', title: only.title ?? null });
    }
    const content = this.paragraphContent(node);
    return content ? schema.nodes.paragraph!.create(null, content) : schema.nodes.raw_block!.create({ text: this.source(node) });
  }

  private paragraphContent(node: Paragraph): PMNode[] | null {
    return this.inline(node.children, []);
  }

  private list(list: List): BlockWithRange[] {
    return list.children.map((item) => this.listItem(list, item));
  }

  private listItem(list: List, item: ListItem): BlockWithRange {
    const source = this.source(item);
    const range = offsets(item);
    const [first, ...rest] = item.children;
    const simple = rest.length === 0 && (first == null || first.type === 'paragraph') && item.checked == null;
    const content = simple ? (first ? this.paragraphContent(first as Paragraph) : []) : null;
    if (!content) return { node: schema.nodes.raw_block!.create({ text: source }), range };
    const marker = /^\s*(?:(\d{1,9})([.)])|([-*+]))/.exec(source);
    const ordered = Boolean(list.ordered);
    const attrs = {
      ordered,
      number: ordered ? Number(marker?.[1] ?? list.start ?? 1) : null,
      marker: ordered ? (marker?.[2] ?? '.') : (marker?.[3] ?? '-'),
    };
    return { node: schema.nodes.list_item!.create(attrs, content), range };
  }

  /**
   * Inline Markdown → inline nodes. Inline HTML tags that open and close a
   * mark (`<a href>`…`</a>`, `<strong>`…`</strong>`) are paired up across the
   * Markdown between them. Returns null when a construct cannot be represented.
   */
  inline(children: PhrasingContent[], marks: readonly Mark[]): PMNode[] | null {
    const out: PMNode[] = [];
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      switch (child.type) {
        case 'text': {
          // A soft line break is a space to the reader; house style writes one line per block.
          const text = softBreaksAsSpaces(child.value);
          if (text) out.push(schema.text(text, marks));
          break;
        }
        case 'emphasis':
        case 'strong': {
          const inner = this.inline(child.children, schema.marks[child.type === 'emphasis' ? 'em' : 'strong']!.create().addToSet(marks));
          if (!inner) return null;
          out.push(...inner);
          break;
        }
        case 'inlineCode':
          if (child.value) out.push(schema.text(child.value, schema.marks.code!.create().addToSet(marks)));
          break;
        case 'link': {
          // A link to a refused address (`javascript:`…) is read as its text alone.
          const link = isSafeUrl(child.url) ? schema.marks.link!.create({ href: child.url, title: child.title ?? null }) : null;
          const inner = this.inline(child.children, link ? link.addToSet(marks) : marks);
          if (!inner) return null;
          out.push(...inner);
          break;
        }
        case 'linkReference': {
          const definition = this.definitions.get(child.identifier);
          if (!definition) {
            out.push(this.rawInline(child, marks));
            break;
          }
          const link = isSafeUrl(definition.url) ? schema.marks.link!.create({ href: definition.url, title: definition.title ?? null }) : null;
          const inner = this.inline(child.children, link ? link.addToSet(marks) : marks);
          if (!inner) return null;
          out.push(...inner);
          break;
        }
        case 'break':
          out.push(schema.nodes.hard_break!.create(null, null, marks));
          break;
        case 'html': {
          if (isBreakTag(child.value)) {
            out.push(schema.nodes.hard_break!.create(null, null, marks));
            break;
          }
          const opening = openingTag(child.value);
          const close = opening ? findClosing(children, i, opening.tagName) : -1;
          if (!opening || close < 0) {
            out.push(this.rawInline(child, marks));
            break;
          }
          const inner = this.inline(children.slice(i + 1, close), opening.mark ? opening.mark.addToSet(marks) : marks);
          if (!inner) return null;
          out.push(...inner);
          i = close;
          break;
        }
        default:
          out.push(this.rawInline(child, marks));
      }
    }
    return out;
  }

  private rawInline(node: PhrasingContent, marks: readonly Mark[]): PMNode {
    return schema.nodes.raw_inline!.create({ text: this.source(node) }, null, marks);
  }
}

/**
 * Each line break with the spaces and tabs around it → one space, in one
 * pass. (The regular expression this replaces, spaces-or-tabs, a line break,
 * spaces-or-tabs, retried from every space of a long run that no line break
 * follows: quadratic in the run.)
 */
export function softBreaksAsSpaces(value: string): string {
  if (!value.includes('\n')) return value;
  const lines = value.split('\n');
  const blank = (code: number) => code === 0x20 || code === 0x09;
  return lines
    .map((line, i) => {
      let start = 0;
      let end = line.length;
      if (i > 0) while (start < end && blank(line.charCodeAt(start))) start++;
      if (i < lines.length - 1) while (end > start && blank(line.charCodeAt(end - 1))) end--;
      return line.slice(start, end);
    })
    .join(' ');
}

/** Index of the sibling closing `tagName` opened at `open`, allowing nesting of the same tag. */
function findClosing(children: PhrasingContent[], open: number, tagName: string): number {
  let depth = 0;
  for (let j = open + 1; j < children.length; j++) {
    const child = children[j]!;
    if (child.type !== 'html') continue;
    const html = (child as Html).value;
    if (closingTagName(html) === tagName) {
      if (depth === 0) return j;
      depth--;
    } else if (openingTag(html)?.tagName === tagName) depth++;
  }
  return -1;
}
