/**
 * One block of the model → Markdown in the site's house style (see the seed
 * article): `*em*`, `**strong**`, external links as `<a href target="_blank">`,
 * site links as `[text](/path)`, four-line `<figure>` blocks, `---` rules,
 * one line per paragraph.
 *
 * Escaping is minimal by construction: text is first written with an escape
 * before every character that could start Markdown syntax, then each escape is
 * dropped if the block still parses back to the same content without it. So
 * `--`, `5000 * 300` and a double space stay as they are, while `1986. ` at the
 * start of a paragraph becomes `1986\. `.
 */
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { isSafeUrl } from '../schema/safe-url';
import { schema } from '../schema/schema';
import { parseMarkdownBlocks } from './parse-markdown';
import { expelEmphasisWhitespace, isEscape, isText, serializeInline, written, type InlineOptions, type Piece } from './serialize-inline';
import { escapeAttribute } from './html-elements';

/** Escapes that only matter at the start of a line: list markers, quotes, rules, ordered-list numbers. */
function escapeLineStart(pieces: Piece[]): Piece[] {
  // `*[` opens kramdown's abbreviation definitions; CommonMark reads it as text, so the parse-back would drop the escape.
  const [star, afterStar] = pieces;
  const afterThat = pieces.slice(2).find((piece) => !isEscape(piece));
  if (isEscape(star) && isText(afterStar) && afterStar.text === '*' && afterThat !== undefined && written(afterThat).startsWith('[')) {
    return [{ escape: star.escape, optional: false }, ...pieces.slice(1)];
  }
  const [first, ...rest] = pieces;
  if (!isText(first)) return pieces;
  const out: Piece[] = [];
  if (first.text.startsWith(':')) {
    out.push({ escape: '\\', optional: false }, first); // kramdown: a line opening with `:` defines the paragraph before it
  } else if (/^[-+>=]/.test(first.text)) {
    out.push({ escape: '\\', optional: true }, first);
  } else {
    const number = /^(\d{1,9})([.)])/.exec(first.text);
    if (number) out.push({ text: number[1]! }, { escape: '\\', optional: true }, { text: first.text.slice(number[1]!.length) });
    else out.push(first);
  }
  return [...out, ...rest];
}

function inlinePieces(content: PMNode, options: InlineOptions): Piece[] {
  return [{ lineStart: true }, ...escapeLineStart(serializeInline(content, options))];
}

function blockPieces(node: PMNode, options: InlineOptions): Piece[] {
  switch (node.type.name) {
    case 'paragraph':
      return inlinePieces(node, options);
    case 'heading':
      return [`${'#'.repeat(node.attrs.level as number)}${node.content.size ? ' ' : ''}`, ...serializeInline(node, options)];
    case 'list_item': {
      const marker = node.attrs.ordered ? `${(node.attrs.number as number | null) ?? 1}${node.attrs.marker as string}` : (node.attrs.marker as string);
      return [`${marker}${node.content.size ? ' ' : ''}`, ...inlinePieces(node, options)];
    }
    case 'blockquote': {
      const pieces: Piece[] = [];
      node.forEach((paragraph, _offset, index) => {
        if (index > 0) pieces.push('\n>\n');
        pieces.push('> ');
        for (const piece of inlinePieces(paragraph, options)) pieces.push(piece); // not push(...): too many arguments for a long paragraph
      });
      return pieces;
    }
    case 'figure': {
      const img = `  <img src="${escapeAttribute(node.attrs.src as string)}" alt="${escapeAttribute(node.attrs.alt as string)}"${
        node.attrs.title ? ` title="${escapeAttribute(node.attrs.title as string)}"` : ''
      }/>`;
      const caption = node.content.size ? [`\n  <figcaption>`, ...serializeInline(node, { html: true }), `</figcaption>`] : [];
      return ['<figure>\n', img, ...caption, '\n</figure>'];
    }
    case 'horizontal_rule':
      return ['---'];
    case 'raw_block':
      return [node.attrs.text as string];
    default:
      throw new Error(`serializeBlock: unknown block "${node.type.name}"`);
  }
}

/** What the block reads as once written: one line per paragraph, no surrounding spaces. */
export function normalizeBlock(node: PMNode): PMNode {
  if (node.type === schema.nodes.blockquote) return node.copy(mapChildren(node, normalizeBlock));
  if (!node.isTextblock || node.type === schema.nodes.figure) return node;
  const children: PMNode[] = [];
  node.forEach((child) => children.push(child.isText ? schema.text(child.text!.replace(/\n/g, ' '), withoutUnsafeLinks(child.marks)) : child));
  trimEdge(children, 'start');
  trimEdge(children, 'end');
  return node.copy(schema.nodes.paragraph!.create(null, expelEmphasisWhitespace(children)).content);
}

/** A link to a `javascript:` (or any other refused) address is written as its text alone (shared/schema/safe-url.ts). */
function withoutUnsafeLinks(marks: readonly Mark[]): readonly Mark[] {
  return marks.filter((mark) => mark.type !== schema.marks.link || isSafeUrl(String(mark.attrs.href ?? '')));
}

function mapChildren(node: PMNode, fn: (child: PMNode) => PMNode) {
  const children: PMNode[] = [];
  node.forEach((child) => children.push(fn(child)));
  return schema.nodes.doc!.create(null, children).content;
}

function trimEdge(children: PMNode[], edge: 'start' | 'end'): void {
  while (children.length) {
    const index = edge === 'start' ? 0 : children.length - 1;
    const child = children[index]!;
    if (!child.isText) return;
    // trimEnd, not /\s+$/: a regular expression anchored at the end retries from every space of a long run (quadratic).
    const text = edge === 'start' ? child.text!.trimStart() : child.text!.trimEnd();
    if (text === child.text) return;
    if (text === '') children.splice(index, 1);
    else {
      children[index] = schema.text(text, child.marks);
      return;
    }
  }
}

const sameJson = (a: PMNode, b: PMNode) => JSON.stringify(a.toJSON()) === JSON.stringify(b.toJSON());

function readsAs(markdown: string, expected: PMNode): boolean {
  const blocks = parseMarkdownBlocks(markdown);
  return blocks.length === 1 && sameJson(blocks[0]!, expected);
}

/** Render pieces, dropping each optional escape that the parse shows is not needed. */
function minimalEscapes(pieces: Piece[], expected: PMNode): string | null {
  const dropped = new Set<number>();
  const render = (alsoDrop: number | 'all-optional' | null) =>
    pieces
      .map((piece, i) => {
        if (!isEscape(piece)) return written(piece);
        if (dropped.has(i) || alsoDrop === i || (alsoDrop === 'all-optional' && piece.optional)) return '';
        return piece.escape;
      })
      .join('');
  const optional = pieces.flatMap((piece, i) => (isEscape(piece) && piece.optional ? [i] : []));
  if (optional.length === 0) {
    const text = render(null);
    return readsAs(text, expected) ? text : null;
  }
  const bare = render('all-optional');
  if (readsAs(bare, expected)) return bare;
  if (!readsAs(render(null), expected)) return null;
  // Right to left, so that of a pair like `*literal*` the opener keeps its escape: `\*literal*`.
  for (const index of optional.reverse()) if (readsAs(render(index), expected)) dropped.add(index);
  return render(null);
}

/** A block in house style; '' for a block with nothing in it. */
export function serializeBlock(node: PMNode): string {
  if (node.type === schema.nodes.raw_block) return node.attrs.text as string;
  if (node.type === schema.nodes.horizontal_rule) return '---';
  const expected = normalizeBlock(node);
  if (expected.isTextblock && expected.type !== schema.nodes.figure && expected.content.size === 0 && expected.type === schema.nodes.paragraph) return '';
  const attempts: InlineOptions[] = [{}, { htmlEmphasis: true }];
  for (const options of attempts) {
    const text = minimalEscapes(blockPieces(expected, options), expected);
    if (text != null) return text;
  }
  // Nothing parses back exactly (a bug, or a construct CommonMark cannot express): write it fully escaped.
  return blockPieces(expected, { htmlEmphasis: true }).map(written).join('');
}
