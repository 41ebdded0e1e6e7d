/**
 * What the checks read out of one side of a segment: its plain text, its
 * linked and unlinked text, its links, bold passages, figures and list items.
 */
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { schema } from '../schema/schema';

/** Raw HTML kept verbatim: its element text counts, its tags and attributes do not. */
const stripTags = (html: string): string => html.replace(/<[^>]*>/g, ' ');

/** The side's text, one line per block; raw blocks and raw inline markup contribute their text without tags. */
export function sideText(side: PMNode): string {
  return side.textBetween(0, side.content.size, '\n', (leaf) => {
    if (leaf.type === schema.nodes.hard_break) return '\n';
    if (leaf.type === schema.nodes.raw_block || leaf.type === schema.nodes.raw_inline) return stripTags(leaf.attrs.text as string);
    return '';
  });
}

/** A stretch of inline content that shares one mark (a link to one address, or bold). */
export interface MarkedRun {
  text: string;
  mark: Mark;
}

const inlineText = (node: PMNode): string =>
  node.isText ? node.text! : node.type === schema.nodes.raw_inline ? stripTags(node.attrs.text as string) : node.type === schema.nodes.hard_break ? ' ' : '';

/** Maximal runs of inline content carrying a mark of `type` (equal marks for links: the same address). */
function markedRuns(side: PMNode, type: string): MarkedRun[] {
  const runs: MarkedRun[] = [];
  side.descendants((block) => {
    if (!block.isTextblock) return true;
    let open: MarkedRun | null = null;
    block.forEach((child) => {
      const mark = child.marks.find((m) => m.type.name === type);
      if (!mark) {
        open = null;
        return;
      }
      if (open && open.mark.eq(mark)) open.text += inlineText(child);
      else {
        open = { text: inlineText(child), mark };
        runs.push(open);
      }
    });
    return false;
  });
  return runs;
}

export interface LinkRun {
  href: string;
  text: string;
}

export const links = (side: PMNode): LinkRun[] => markedRuns(side, 'link').map((run) => ({ href: run.mark.attrs.href as string, text: run.text }));

export const boldRuns = (side: PMNode): string[] =>
  markedRuns(side, 'strong')
    .map((run) => run.text)
    .filter((text) => text.trim() !== '');

function blocksOf(side: PMNode, type: string): PMNode[] {
  const found: PMNode[] = [];
  side.descendants((node) => {
    if (node.type.name === type) found.push(node);
    return node.isBlock && !node.isTextblock;
  });
  return found;
}

export const figures = (side: PMNode): PMNode[] => blocksOf(side, 'figure');
export const listItems = (side: PMNode): PMNode[] => blocksOf(side, 'list_item');

/**
 * The side's text in pieces, each either inside a link or not, with text
 * that is published but not in the flow (image descriptions) as pieces of
 * their own. Block boundaries break pieces.
 */
export interface TextPiece {
  text: string;
  linked: boolean;
}

export function textPieces(side: PMNode): TextPiece[] {
  const pieces: TextPiece[] = [];
  side.descendants((node) => {
    if (node.type === schema.nodes.figure && (node.attrs.alt as string) !== '') pieces.push({ text: node.attrs.alt as string, linked: false });
    if (node.type === schema.nodes.raw_block) {
      pieces.push(...htmlPieces(node.attrs.text as string));
      return false;
    }
    if (!node.isTextblock) return true;
    let last: TextPiece | null = null;
    node.forEach((child) => {
      const linked = child.marks.some((mark) => mark.type === schema.marks.link);
      const parts = child.type === schema.nodes.raw_inline ? htmlPieces(child.attrs.text as string) : [{ text: inlineText(child), linked }];
      for (const part of parts) {
        const piece = { text: part.text, linked: part.linked || linked };
        if (last && last.linked === piece.linked) last.text += piece.text;
        else {
          last = piece;
          pieces.push(piece);
        }
      }
    });
    return false;
  });
  return pieces.filter((piece) => piece.text !== '');
}

/** Raw HTML as text pieces: the text of `<a>` elements counts as linked. */
function htmlPieces(html: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  const anchor = /<a\b[^>]*>([\s\S]*?)<\/a\s*>/gi;
  let at = 0;
  for (const match of html.matchAll(anchor)) {
    pieces.push({ text: stripTags(html.slice(at, match.index)), linked: false });
    pieces.push({ text: stripTags(match[1]!), linked: true });
    at = match.index + match[0].length;
  }
  pieces.push({ text: stripTags(html.slice(at)), linked: false });
  return pieces;
}

/** How a message names a side's content: a quoted excerpt of its text, or what it holds. */
export function describeSide(side: PMNode, quoteText: (text: string) => string): string {
  const text = sideText(side).trim();
  if (text !== '') return quoteText(text);
  const first = side.firstChild;
  if (!first) return 'nothing';
  switch (first.type.name) {
    case 'figure':
      return 'a figure';
    case 'horizontal_rule':
      return 'a horizontal rule';
    default:
      return `a ${first.type.name.replace('_', ' ')}`;
  }
}
