/**
 * Inline content → house-style Markdown (or HTML, for figure captions, where
 * the site's renderer does not read Markdown).
 *
 * The output is built as a list of pieces; every backslash escape is a piece of
 * its own, marked optional, so the block serializer can drop each escape that
 * turns out not to be needed (see serialize-block.ts). Typed text and the
 * Markdown delimiters of emphasis, strong and links are pieces of their own
 * too, apart from other markup: the linear escape rules (escape-rules.ts)
 * read which characters are text and where delimiters stand.
 */
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { escapeAttribute, escapeHtmlText } from './html-elements';
import { hasLiquid, LIQUID_BRACE } from './liquid';

/** Typed text: every character is meant literally (an escape piece stands before each that needs one). */
export interface TextPiece {
  text: string;
}

/** An escape written before the text piece that follows (`\\`), or in place of its first character (`&amp;`). */
export interface EscapePiece {
  escape: string;
  optional: boolean;
}

/** A Markdown delimiter of a mark: `*`, `**`, or a site link's `[` and `](…)`. */
export interface DelimiterPiece {
  delimiter: string;
  mark: 'em' | 'strong' | 'link';
  open: boolean;
}

/** Where a line of paragraph text starts (writes nothing): block syntax is read from here. */
export interface LineStartPiece {
  lineStart: true;
}

/** Markup (a string, written as it stands), text, an escape, a delimiter or a line start. */
export type Piece = string | TextPiece | EscapePiece | DelimiterPiece | LineStartPiece;

export const isText = (piece: Piece | undefined): piece is TextPiece => typeof piece === 'object' && 'text' in piece;
export const isEscape = (piece: Piece | undefined): piece is EscapePiece => typeof piece === 'object' && 'escape' in piece;

/** What a piece writes; an optional escape as if it were kept. */
export function written(piece: Piece): string {
  if (typeof piece === 'string') return piece;
  if ('text' in piece) return piece.text;
  if ('escape' in piece) return piece.escape;
  if ('delimiter' in piece) return piece.delimiter;
  return '';
}

export interface InlineOptions {
  /** Write emphasis and strong as `<em>`/`<strong>` rather than `*`/`**` (a fallback where delimiters would not parse). */
  htmlEmphasis?: boolean;
  /** Write everything as HTML (inside `<figcaption>`). */
  html?: boolean;
}

/** Links that leave the site open in a new tab, written as HTML; everything else is a Markdown link. */
export const isExternalHref = (href: string): boolean => /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(href) && !/^mailto:/i.test(href);

/** Schema order decides nesting between marks that start and end together. */
const markRank = (mark: Mark): number => Object.keys(mark.type.schema.marks).indexOf(mark.type.name);

interface Run {
  node: PMNode;
  text: string;
  marks: readonly Mark[];
}

/**
 * Leading or trailing spaces just inside `*`/`**` stop them being read as
 * emphasis, so a block reads as if they stood outside: `**bold **text` is
 * written `**bold** text`.
 */
export function expelEmphasisWhitespace(nodes: PMNode[]): PMNode[] {
  const out: PMNode[] = [];
  const movable = (mark: Mark) => mark.type.name === 'em' || mark.type.name === 'strong';
  nodes.forEach((node, i) => {
    if (!node.isText) return out.push(node);
    const before = nodes[i - 1]?.marks ?? [];
    const after = nodes[i + 1]?.marks ?? [];
    const opening = node.marks.filter((mark) => movable(mark) && !mark.isInSet(before));
    const closing = node.marks.filter((mark) => movable(mark) && !mark.isInSet(after));
    let text = node.text!;
    const lead = opening.length ? /^\s*/.exec(text)![0] : '';
    text = text.slice(lead.length);
    const trail = closing.length ? text.slice(text.trimEnd().length) : ''; // not /\s*$/, quadratic on a long run of spaces
    text = text.slice(0, text.length - trail.length);
    const schema = node.type.schema;
    if (lead)
      out.push(
        schema.text(
          lead,
          node.marks.filter((mark) => !opening.includes(mark)),
        ),
      );
    if (text) out.push(schema.text(text, node.marks));
    if (trail)
      out.push(
        schema.text(
          trail,
          node.marks.filter((mark) => !closing.includes(mark)),
        ),
      );
  });
  return out;
}

function runsOf(content: PMNode): Run[] {
  const runs: Run[] = [];
  content.forEach((node) => runs.push({ node, text: node.isText ? node.text!.replace(/\n/g, ' ') : '', marks: node.marks }));
  return runs;
}

export function serializeInline(content: PMNode, options: InlineOptions = {}): Piece[] {
  const runs = runsOf(content);
  const pieces: Piece[] = [];
  const open: Mark[] = [];

  // How many consecutive runs from `index` carry `mark`: the longer a mark lasts, the further out it opens.
  const extent = (mark: Mark, index: number): number => {
    if (mark.type.name === 'code') return -1; // code is innermost: its content is literal
    let end = index;
    while (end < runs.length && mark.isInSet(runs[end]!.marks)) end++;
    return end - index;
  };

  runs.forEach((run, index) => {
    let keep = 0;
    while (keep < open.length && open[keep]!.isInSet(run.marks)) keep++;
    while (open.length > keep) pieces.push(closeMark(open.pop()!, options));
    const toOpen = run.marks.filter((mark) => !mark.isInSet(open)).sort((a, b) => extent(b, index) - extent(a, index) || markRank(a) - markRank(b));
    for (const mark of toOpen) {
      pieces.push(openMark(mark, options));
      open.push(mark);
    }
    const inCode = open.some((mark) => mark.type.name === 'code');
    // A loop, not push(...): a long text gives more pieces than a call takes arguments.
    for (const piece of nodePieces(run, inCode, options)) pieces.push(piece);
  });
  while (open.length) pieces.push(closeMark(open.pop()!, options));
  return mergeCodeSpans(pieces);
}

const CODE_OPEN = '\u0000code-open\u0000';
const CODE_CLOSE = '\u0000code-close\u0000';

/**
 * A link written as `<a href>`: external ones (the house style), and any whose
 * address or title holds Liquid. Markdown's `[text](…)` has no escape Liquid
 * respects; an attribute's character references (escapeAttribute) it does.
 */
function writtenAsHtml(link: Mark): boolean {
  const title = link.attrs.title as string | null;
  return isExternalHref(link.attrs.href as string) || hasLiquid(link.attrs.href as string) || (title !== null && hasLiquid(title));
}

function openMark(mark: Mark, options: InlineOptions): string | DelimiterPiece {
  const html = options.html || options.htmlEmphasis;
  switch (mark.type.name) {
    case 'em':
      return html ? '<em>' : { delimiter: '*', mark: 'em', open: true };
    case 'strong':
      return html ? '<strong>' : { delimiter: '**', mark: 'strong', open: true };
    case 'code':
      return options.html ? '<code>' : CODE_OPEN;
    case 'link': {
      const href = mark.attrs.href as string;
      const title = mark.attrs.title as string | null;
      if (options.html || writtenAsHtml(mark)) {
        const titleAttribute = title ? ` title="${escapeAttribute(title)}"` : '';
        const target = isExternalHref(href) ? ' target="_blank"' : '';
        return `<a href="${escapeAttribute(href)}"${titleAttribute}${target}>`;
      }
      return { delimiter: '[', mark: 'link', open: true };
    }
    default:
      throw new Error(`serializeInline: unknown mark "${mark.type.name}"`);
  }
}

function closeMark(mark: Mark, options: InlineOptions): string | DelimiterPiece {
  const html = options.html || options.htmlEmphasis;
  switch (mark.type.name) {
    case 'em':
      return html ? '</em>' : { delimiter: '*', mark: 'em', open: false };
    case 'strong':
      return html ? '</strong>' : { delimiter: '**', mark: 'strong', open: false };
    case 'code':
      return options.html ? '</code>' : CODE_CLOSE;
    case 'link': {
      const href = mark.attrs.href as string;
      if (options.html || writtenAsHtml(mark)) return '</a>';
      const title = mark.attrs.title as string | null;
      const destination = /[\s()<>]/.test(href) || href === '' ? `<${href.replace(/[<>]/g, (c) => encodeURIComponent(c))}>` : href;
      return { delimiter: `](${destination}${title ? ` "${title.replace(/["\\]/g, '\\$&')}"` : ''})`, mark: 'link', open: false };
    }
    default:
      throw new Error(`serializeInline: unknown mark "${mark.type.name}"`);
  }
}

function nodePieces(run: Run, inCode: boolean, options: InlineOptions): Piece[] {
  const { node } = run;
  switch (node.type.name) {
    case 'text':
      if (options.html) return [escapeHtmlText(run.text)];
      return inCode ? [run.text] : escapeMarkdownText(run.text);
    case 'hard_break':
      return ['<br>'];
    case 'raw_inline':
      return [node.attrs.text as string];
    default:
      throw new Error(`serializeInline: unexpected inline node "${node.type.name}"`);
  }
}

/** Characters that can start CommonMark inline syntax; each gets an optional escape (dropped where the parse shows it is not needed). */
const INLINE_SPECIAL = /[\\*_`[\]<#!~]/;

/**
 * Text → Markdown pieces. Besides CommonMark's syntax, what the site's own
 * engines would read that our parser (CommonMark) does not, escaped always,
 * since the parse-back cannot tell: Liquid's openers (see liquid.ts), `&`
 * before what reads as a character reference (kramdown does not take `\&`,
 * so `&amp;`), `|` (kramdown reads a line holding one as a table row), `{:`
 * (kramdown's attribute lists and extensions), `[^` (footnotes) and `$$`
 * (maths).
 */
function escapeMarkdownText(text: string): Piece[] {
  const pieces: Piece[] = [];
  // The text not yet in a piece starts at `from`; it is sliced, not appended to character by character.
  let from = 0;
  /** An escape before the character at `i`, or in place of it (`replaces`). */
  const escapeAt = (i: number, escape: string, optional: boolean, replaces = false) => {
    if (i > from) pieces.push({ text: text.slice(from, i) });
    pieces.push({ escape, optional });
    from = replaces ? i + 1 : i;
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7e || !ASCII_SPECIAL[code]) continue; // most characters: nothing to decide
    const char = text[i]!;
    const next = text[i + 1];
    if (char === '{' && (next === '{' || next === '%')) escapeAt(i, LIQUID_BRACE, false, true);
    else if (char === '&') {
      if (/^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/.test(text.slice(i, i + 40))) escapeAt(i, '&amp;', false, true);
    } else if (char === '$') {
      if (next === '$' || text[i - 1] === '$') escapeAt(i, '\\', false);
    } else if (char === '|' || (char === '{' && next === ':') || (char === '[' && next === '^')) escapeAt(i, '\\', false);
    else if (INLINE_SPECIAL.test(char)) escapeAt(i, '\\', true);
  }
  if (text.length > from) pieces.push({ text: text.slice(from) });
  return pieces;
}

/** The ASCII characters escapeMarkdownText looks at: INLINE_SPECIAL and those the site's engines read. */
const ASCII_SPECIAL: boolean[] = Array.from(
  { length: 0x7f },
  (_, code) => INLINE_SPECIAL.test(String.fromCharCode(code)) || '{&$|'.includes(String.fromCharCode(code)),
);

/** The length of the longest run of backticks in `text` (0 for none), in one pass. */
function longestBacktickRun(text: string): number {
  let longest = 0;
  let current = 0;
  for (let i = 0; i < text.length; i++) {
    current = text.charCodeAt(i) === 0x60 ? current + 1 : 0;
    if (current > longest) longest = current;
  }
  return longest;
}

/** Code spans: choose a backtick fence longer than any run inside, pad where the content would otherwise merge with it. */
function mergeCodeSpans(pieces: Piece[]): Piece[] {
  if (!pieces.includes(CODE_OPEN)) return pieces;
  const out: Piece[] = [];
  for (let i = 0; i < pieces.length; i++) {
    if (pieces[i] !== CODE_OPEN) {
      out.push(pieces[i]!);
      continue;
    }
    let content = '';
    let j = i + 1;
    for (; j < pieces.length && pieces[j] !== CODE_CLOSE; j++) {
      const piece = pieces[j]!;
      content += isEscape(piece) ? '' : written(piece); // a mark's delimiters inside code are its content
    }
    if (hasLiquid(content)) {
      // Liquid runs inside code spans too, and a code span shows a character reference as typed:
      // written as HTML instead, every character that could mean something as a reference.
      out.push(`<code>${content.replace(/[^\p{L}\p{N} ]/gu, (char) => `&#${char.codePointAt(0)};`)}</code>`);
      i = j;
      continue;
    }
    const fence = '`'.repeat(longestBacktickRun(content) + 1);
    // CommonMark strips one space from each end of content that begins and ends with one and is not all spaces.
    // (Tested directly: /^ .*[^ ].* $/ backtracks quadratically on a long span that starts with a space.)
    const stripped = content.startsWith(' ') && content.endsWith(' ') && /[^ ]/.test(content);
    const pad = content.startsWith('`') || content.endsWith('`') || stripped ? ' ' : '';
    out.push(`${fence}${pad}${content}${pad}${fence}`);
    i = j;
  }
  return out;
}
