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
 *
 * That re-parse costs a parse of the whole block per optional escape, so it
 * is kept for blocks where that is cheap (withinTrialBudget: every ordinary
 * paragraph, and every block of the fixtures). Any other block is written by
 * the linear rules of escape-rules.ts, which decide the same escapes from the
 * characters around each one, with no parse, in time linear in the block:
 * a 10,000-character run of `a*a*…` no longer holds the server for seconds.
 */
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { withAttributesInRange } from '../schema/attribute-ranges';
import { isSafeUrl } from '../schema/safe-url';
import { schema } from '../schema/schema';
import { parseMarkdownBlocks } from './parse-markdown';
import { expelEmphasisWhitespace, isEscape, isText, serializeInline, written, type InlineOptions, type Piece } from './serialize-inline';
import { escapeAttribute } from './html-elements';
import { writeWithLinearRules } from './escape-rules';

/**
 * Escapes that only matter at the start of a line: list markers, quotes, rules, ordered-list numbers.
 * Changes `pieces` in place (its first few pieces; a block's pieces are not copied for it).
 */
function escapeLineStart(pieces: Piece[]): Piece[] {
  // `*[` opens kramdown's abbreviation definitions; CommonMark reads it as text, so the parse-back would drop the escape.
  const [star, afterStar] = pieces;
  let afterThat: Piece | undefined;
  for (let i = 2; i < pieces.length && afterThat === undefined; i++) if (!isEscape(pieces[i])) afterThat = pieces[i];
  if (isEscape(star) && isText(afterStar) && afterStar.text === '*' && afterThat !== undefined && written(afterThat).startsWith('[')) {
    pieces[0] = { escape: star.escape, optional: false };
    return pieces;
  }
  const first = pieces[0];
  if (!isText(first)) return pieces;
  if (first.text.startsWith(':')) {
    pieces.unshift({ escape: '\\', optional: false }); // kramdown: a line opening with `:` defines the paragraph before it
  } else if (/^[-+>=]/.test(first.text)) {
    pieces.unshift({ escape: '\\', optional: true });
  } else {
    const number = /^(\d{1,9})([.)])/.exec(first.text);
    if (number) pieces.splice(0, 1, { text: number[1]! }, { escape: '\\', optional: true }, { text: first.text.slice(number[1]!.length) });
  }
  return pieces;
}

function inlinePieces(content: PMNode, options: InlineOptions): Piece[] {
  const pieces = escapeLineStart(serializeInline(content, options));
  pieces.unshift({ lineStart: true });
  return pieces;
}

/** `first` and then `rest`, `rest` itself grown (a spread would copy a long block's pieces). */
function prepend(first: Piece, rest: Piece[]): Piece[] {
  rest.unshift(first);
  return rest;
}

function blockPieces(node: PMNode, options: InlineOptions): Piece[] {
  switch (node.type.name) {
    case 'paragraph':
      return inlinePieces(node, options);
    case 'heading':
      return prepend(`${'#'.repeat(node.attrs.level as number)}${node.content.size ? ' ' : ''}`, serializeInline(node, options));
    case 'list_item': {
      const marker = node.attrs.ordered ? `${(node.attrs.number as number | null) ?? 1}${node.attrs.marker as string}` : (node.attrs.marker as string);
      return prepend(`${marker}${node.content.size ? ' ' : ''}`, inlinePieces(node, options));
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

/**
 * What the re-parse strategy may spend on a block, in units of about 0.1 µs of
 * micromark's time: it parses the block once per optional escape plus twice
 * (and all of that again when `*` emphasis does not parse and `<em>` is
 * tried). Measured with micromark 4 on the team's machine: a parse costs about
 * 0.1 µs a character of plain text and 5–15 µs for each character at which
 * micromark tries a construct (an escape, `&`, `*`, `<`), ~50 µs for a link's
 * brackets, and more for emphasis by the thousand (its resolution is
 * superlinear); HEAVY_WEIGHT takes the dear end, so the estimate is high.
 * Every block of the fixtures estimates 63,000 at most; blocks right at the
 * budget re-parse in 1–6 ms; anything beyond is written by the linear rules.
 */
const TRIAL_BUDGET = 200_000;
const HEAVY_WEIGHT = 500;
/** Characters at which micromark tries a construct: `\`, `&`, `*`, `_`, a backtick, `[`, `]`, `!`, `<`. */
const HEAVY = new Set([...'\\&*_`[]!<'].map((char) => char.charCodeAt(0)));

/** Whether re-parsing the block once per optional escape is cheap enough (see TRIAL_BUDGET). */
function withinTrialBudget(pieces: Piece[]): boolean {
  let optional = 0;
  let cost = 0;
  for (const piece of pieces) {
    if (isEscape(piece) && piece.optional) optional++;
    const text = written(piece);
    cost += text.length;
    for (let i = 0; i < text.length; i++) if (HEAVY.has(text.charCodeAt(i))) cost += HEAVY_WEIGHT;
    if ((optional + 2) * cost > TRIAL_BUDGET) return false; // and stop counting: the rest of the block changes nothing
  }
  return true;
}

/** The block written by the linear rules: `*` emphasis where it pairs as meant, else `<em>`, as the re-parse strategy falls back to. */
function linearEscapes(expected: PMNode, pieces: Piece[]): string {
  const shape = { heading: expected.type === schema.nodes.heading };
  return writeWithLinearRules(pieces, shape) ?? writeWithLinearRules(blockPieces(expected, { htmlEmphasis: true }), shape) ?? fullyEscaped(expected);
}

function fullyEscaped(expected: PMNode): string {
  return blockPieces(expected, { htmlEmphasis: true }).map(written).join('');
}

/** '' when the block holds nothing to write, else the normalized block. */
function blockToWrite(node: PMNode): PMNode | null {
  const expected = normalizeBlock(node);
  return expected.type === schema.nodes.paragraph && expected.content.size === 0 ? null : expected;
}

/** A block in house style; '' for a block with nothing in it. */
export function serializeBlock(stored: PMNode): string {
  // An article stored before the server judged attribute ranges may hold a level-7 heading: write the nearest valid block.
  const node = withAttributesInRange(stored);
  if (node.type === schema.nodes.raw_block) return node.attrs.text as string;
  if (node.type === schema.nodes.horizontal_rule) return '---';
  const expected = blockToWrite(node);
  if (expected === null) return '';
  const pieces = blockPieces(expected, {});
  if (!withinTrialBudget(pieces)) return linearEscapes(expected, pieces);
  const attempts: InlineOptions[] = [{}, { htmlEmphasis: true }];
  for (const options of attempts) {
    const text = minimalEscapes(options.htmlEmphasis ? blockPieces(expected, options) : pieces, expected);
    if (text != null) return text;
  }
  // Nothing parses back exactly (a bug, or a construct CommonMark cannot express): write it fully escaped.
  return fullyEscaped(expected);
}

/**
 * A block as the linear rules write it, whatever its size: what serializeBlock
 * writes for a block beyond the re-parse budget. For tests that hold the rules
 * to reading back, and to agreeing with the re-parse strategy, on small blocks.
 */
export function serializeBlockLinear(node: PMNode): string {
  if (node.type === schema.nodes.raw_block) return node.attrs.text as string;
  if (node.type === schema.nodes.horizontal_rule) return '---';
  const expected = blockToWrite(node);
  return expected === null ? '' : linearEscapes(expected, blockPieces(expected, {}));
}
