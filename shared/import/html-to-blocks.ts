/**
 * Clean hast (from `cleanHtml`) → the schema's block nodes, one per segment:
 * paragraphs, headings, list items (ordered, numbered, with their marker), one
 * blockquote per quoted paragraph, figures (image and caption), rules, and
 * code as a raw block. Inline: text with `strong`, `em`, `code` and `link`
 * marks, and `<br>` as a hard break.
 *
 * White space is collapsed the way a browser draws it; a line's leading
 * indentation and a block's edge breaks go. Blocks left without text go too.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { schema } from '../schema/schema';
import { LIST_NUMBERS } from '../schema/attribute-ranges';
import { isSafeUrl } from '../schema/safe-url';
import { ZERO_WIDTH } from './clean-html';

const HEADING = /^h([1-6])$/;

export function htmlToBlocks(root: Root): PMNode[] {
  const out: PMNode[] = [];
  blocks(root.children, out);
  return out;
}

/** Blocks of a container; runs of loose inline content become paragraphs. */
function blocks(children: RootContent[], out: PMNode[]): void {
  let loose: ElementContent[] = [];
  const flush = () => {
    if (loose.length > 0) push(out, paragraph(loose));
    loose = [];
  };
  for (const child of children) {
    if (child.type === 'text' || (child.type === 'element' && !isBlockTag(child.tagName))) {
      loose.push(child);
      continue;
    }
    if (child.type !== 'element') continue;
    flush();
    block(child, out);
  }
  flush();
}

const BLOCK_TAGS = new Set(['p', 'ul', 'ol', 'li', 'blockquote', 'figure', 'figcaption', 'hr', 'pre', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const isBlockTag = (tagName: string): boolean => BLOCK_TAGS.has(tagName);

function push(out: PMNode[], node: PMNode | null): void {
  if (node) out.push(node);
}

function block(el: Element, out: PMNode[]): void {
  const heading = HEADING.exec(el.tagName);
  if (heading) {
    const content = inline(el.children);
    if (content.length > 0) out.push(schema.nodes.heading!.create({ level: Number(heading[1]) }, content));
    return;
  }
  switch (el.tagName) {
    case 'p':
    case 'figcaption':
      return push(out, paragraph(el.children));
    case 'ul':
    case 'ol':
      return list(el, out);
    case 'li':
      return list({ ...el, tagName: 'ul', children: [el] }, out);
    case 'blockquote': {
      // One quotation per paragraph: each quoted paragraph is a segment.
      const paragraphs: PMNode[] = [];
      blocks(el.children, paragraphs);
      for (const node of paragraphs) {
        if (node.type.name === 'paragraph') out.push(schema.nodes.blockquote!.create(null, node));
        else out.push(node);
      }
      return;
    }
    case 'figure':
      return push(out, figure(el));
    case 'hr':
      return void out.push(schema.nodes.horizontal_rule!.create());
    case 'pre': {
      const code = textOf(el).replace(/\n+$/, '');
      if (code.trim() !== '') out.push(schema.nodes.raw_block!.create({ text: `\`\`\`\n${code}\n\`\`\`` }));
      return;
    }
    default:
      return blocks(el.children, out);
  }
}

function paragraph(children: ElementContent[]): PMNode | null {
  const content = inline(children);
  return content.length > 0 ? schema.nodes.paragraph!.create(null, content) : null;
}

function list(el: Element, out: PMNode[]): void {
  const ordered = el.tagName === 'ol';
  const start = Number(el.properties.start);
  let number = ordered && Number.isInteger(start) ? start : 1;
  for (const item of el.children) {
    if (item.type !== 'element') continue;
    const value = Number(item.properties.value);
    if (ordered && Number.isInteger(value)) number = value;
    const content = inline(item.children);
    if (content.length > 0) {
      // A page may number from anywhere; Markdown reads at most nine digits.
      const written = Math.min(LIST_NUMBERS.max, Math.max(LIST_NUMBERS.min, number));
      out.push(schema.nodes.list_item!.create({ ordered, number: ordered ? written : null, marker: ordered ? '.' : '-' }, content));
    }
    number++;
  }
}

function figure(el: Element): PMNode | null {
  const img = el.children.find((c): c is Element => c.type === 'element' && c.tagName === 'img');
  const src = img?.properties.src;
  if (typeof src !== 'string' || src === '') return null;
  const caption = el.children.find((c): c is Element => c.type === 'element' && c.tagName === 'figcaption');
  const { alt, title } = img!.properties;
  return schema.nodes.figure!.create(
    { src, alt: typeof alt === 'string' ? alt : '', title: typeof title === 'string' && title !== '' ? title : null },
    caption ? inline(caption.children) : [],
  );
}

function textOf(el: Element): string {
  return el.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : '')).join('');
}

// ---------------------------------------------------------------------------
// Inline content

type Item = { text: string; marks: readonly Mark[] } | { break: true; marks: readonly Mark[] };

const MARK_OF: Record<string, string> = { strong: 'strong', b: 'strong', em: 'em', i: 'em', code: 'code', kbd: 'code', samp: 'code', tt: 'code' };

function collect(nodes: ElementContent[], marks: readonly Mark[], items: Item[]): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      items.push({ text: node.value, marks });
      continue;
    }
    if (node.type !== 'element') continue;
    if (node.tagName === 'br') {
      items.push({ break: true, marks: [] });
      continue;
    }
    if (node.tagName === 'img') continue;
    const markName = MARK_OF[node.tagName];
    if (markName) {
      collect(node.children, schema.marks[markName]!.create().addToSet(marks), items);
      continue;
    }
    const href = node.tagName === 'a' ? node.properties.href : undefined;
    // A link to a refused address (shared/schema/safe-url.ts) is read as its text.
    if (typeof href === 'string' && href !== '' && isSafeUrl(href)) {
      const title = node.properties.title;
      const link = schema.marks.link!.create({ href, title: typeof title === 'string' && title !== '' ? title : null });
      collect(node.children, link.addToSet(marks), items);
      continue;
    }
    collect(node.children, marks, items);
  }
}

/**
 * Inline hast → text and hard breaks, white space collapsed as a browser would:
 * runs of spaces and newlines are one space, none at a line's start or end, and
 * a line's indentation (U+3000, U+00A0) is not text.
 */
function inline(nodes: ElementContent[]): PMNode[] {
  const items: Item[] = [];
  collect(nodes, [], items);
  const result: Item[] = [];
  let lineStart = true;
  let spaceBefore = false;
  for (const item of items) {
    if ('break' in item) {
      trimLineEnd(result);
      // A break that would start the block draws nothing.
      if (result.length > 0) result.push(item);
      lineStart = true;
      spaceBefore = false;
      continue;
    }
    let text = item.text.replace(ZERO_WIDTH, '').replace(/[ \t\n\r\f]+/g, ' ');
    if (lineStart) text = text.replace(/^[ \u00A0\u3000]+/, '');
    else if (spaceBefore) text = text.replace(/^ /, '');
    if (text === '') continue;
    result.push({ text, marks: item.marks });
    lineStart = false;
    spaceBefore = text.endsWith(' ');
  }
  for (;;) {
    trimLineEnd(result);
    if (result.length > 0 && 'break' in result[result.length - 1]!) result.pop();
    else break;
  }
  return result.map((item) => ('break' in item ? schema.nodes.hard_break!.create() : schema.text(item.text, item.marks)));
}

/** Drop the spaces that end a line (a line's last text items, up to a break). */
function trimLineEnd(items: Item[]): void {
  for (;;) {
    const last = items[items.length - 1];
    if (!last || 'break' in last) return;
    const trimmed = last.text.replace(/[ \u00A0\u3000]+$/, '');
    if (trimmed !== '') {
      if (trimmed !== last.text) items[items.length - 1] = { text: trimmed, marks: last.marks };
      return;
    }
    items.pop();
  }
}
