/**
 * Sentence segmentation for long paragraphs, Chinese first.
 *
 * `Intl.Segmenter` (ICU's sentence rules) proposes the boundaries: it ends a
 * sentence after `。！？` and runs of them (`？！`), keeps closing quotes and
 * brackets (`。”`, `。」`, `。）`) with the sentence they close, and does not
 * split `3.5%` or at `；`/`：`. Rules then correct what it gets wrong:
 *
 * - no boundary after an abbreviation (`Dr.`, `Mr.`, `e.g.`, `Jan. 5`) or an
 *   initial (`J. K. Rowling`), in Chinese text as in English;
 * - no boundary after an enumeration number in Chinese (`这意味着：1. 诊断…`);
 * - a boundary after `……` when white space follows it (ICU has none: `…` is
 *   not a sentence end to it, and `当然……不是。` is indeed one sentence).
 */
import type { Node as PMNode } from 'prosemirror-model';
import { schema } from '../schema/schema';

/** Abbreviations never followed by a sentence boundary (case-insensitive). */
const ALWAYS_ABBREVIATIONS = [
  'Dr',
  'Mr',
  'Mrs',
  'Ms',
  'Mx',
  'Prof',
  'Gen',
  'Capt',
  'Lt',
  'Col',
  'Sgt',
  'Rev',
  'Gov',
  'Sen',
  'Rep',
  'Hon',
  'St',
  'Mt',
  'Ft',
  'vs',
  'cf',
  'e.g',
  'i.e',
  'viz',
  'Fig',
  'Figs',
  'Eq',
  'Vol',
  'Vols',
  'Ch',
  'Sec',
  'approx',
  'ca',
  'Ph.D',
  'M.D',
];
/** Abbreviations that may also end a sentence: no boundary only when a number or a lowercase word follows. */
const SOMETIMES_ABBREVIATIONS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
  'No',
  'Nos',
  'pp',
  'p',
  'etc',
  'Inc',
  'Ltd',
  'Co',
  'Corp',
  'Jr',
  'Sr',
  'a.m',
  'p.m',
  'U.S',
  'U.K',
  'U.N',
  'E.U',
  'al',
];

const escape = (word: string): string => word.replace(/\./g, '\\.');
const ending = (words: string[]): RegExp => new RegExp(`(?:^|[^\\p{L}\\p{N}.])(?:${words.map(escape).join('|')})\\.$`, 'iu');
const ALWAYS = ending(ALWAYS_ABBREVIATIONS);
const SOMETIMES = ending(SOMETIMES_ABBREVIATIONS);
/** A single capital initial: `J.` in `J. K. Rowling`. */
const INITIAL = /(?:^|[^\p{L}\p{N}.])\p{Lu}\.$/u;
/** `：1.` `；2.`: an enumeration inside a Chinese sentence, not the end of one. */
const ENUMERATION = /(?:^|[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF])\s*\d{1,3}[.)]$/u;
const ELLIPSIS_THEN_SPACE = /(?:……|\.\.\.)[”’」』）》\])"']*(\s+)(?=\S)/gu;

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(lang: string): Intl.Segmenter {
  let found = segmenters.get(lang);
  if (!found) {
    found = new Intl.Segmenter(lang, { granularity: 'sentence' });
    segmenters.set(lang, found);
  }
  return found;
}

/** Where each sentence of `text` starts and ends (white space between sentences belongs to neither). */
export function sentenceRanges(text: string, lang = 'zh'): [number, number][] {
  const cuts = new Set<number>();
  for (const { index } of segmenter(lang).segment(text)) if (index > 0) cuts.add(index);
  for (const match of text.matchAll(ELLIPSIS_THEN_SPACE)) cuts.add(match.index + match[0].length);

  const sorted = [...cuts].sort((a, b) => a - b);
  const kept: number[] = [];
  let start = 0;
  for (const cut of sorted) {
    const before = text.slice(start, cut).trimEnd();
    const after = text.slice(cut).trimStart();
    if (before === '' || after === '' || !isBoundary(before, after)) continue;
    kept.push(cut);
    start = cut;
  }

  const ranges: [number, number][] = [];
  let from = 0;
  for (const cut of [...kept, text.length]) {
    const piece = text.slice(from, cut);
    const lead = piece.length - piece.trimStart().length;
    const trail = piece.length - piece.trimEnd().length;
    if (lead < piece.length) ranges.push([from + lead, cut - trail]);
    from = cut;
  }
  return ranges;
}

function isBoundary(before: string, after: string): boolean {
  if (ALWAYS.test(before) || INITIAL.test(before)) return false;
  if (SOMETIMES.test(before) && /^[\p{Ll}\p{N}]/u.test(after)) return false;
  if (ENUMERATION.test(before)) return false;
  // A decimal or a version number that ICU cut at a line end: `3.` + `5%`.
  if (/\d\.$/.test(before) && /^\d/.test(after)) return false;
  return true;
}

/** The sentences of `text`, trimmed. `lang` is a BCP 47 tag for the segmenter (`zh`, `en`). */
export function splitSentences(text: string, lang = 'zh'): string[] {
  return sentenceRanges(text, lang).map(([start, end]) => text.slice(start, end));
}

/** Inline content as text, one character per inline node (a hard break is a line break), so offsets are ProseMirror offsets. */
function inlineText(block: PMNode): string {
  let text = '';
  block.forEach((child) => {
    text += child.isText ? child.text! : child.type.name === 'hard_break' ? '\n' : '\uFFFC';
  });
  return text;
}

/**
 * One paragraph → one paragraph per sentence, each keeping its part of the
 * marks and links; a quoted paragraph → one quotation per sentence. Other
 * blocks (headings, list items, figures) come back unchanged: splitting them
 * would change what they are.
 */
export function splitSegmentIntoSentences(block: PMNode, lang = 'zh'): PMNode[] {
  if (block.type.name === 'blockquote') {
    const out: PMNode[] = [];
    block.forEach((paragraph) => {
      for (const piece of splitSegmentIntoSentences(paragraph, lang)) out.push(schema.nodes.blockquote!.create(null, piece));
    });
    return out;
  }
  if (block.type.name !== 'paragraph') return [block];
  const ranges = sentenceRanges(inlineText(block), lang);
  if (ranges.length <= 1) return [block];
  return ranges.map(([start, end]) => block.type.create(block.attrs, block.content.cut(start, end)));
}

/** Paragraphs of at least this many characters are split into sentences when an import asks for it. */
export const LONG_PARAGRAPH = 80;

/** Split every paragraph (and quoted paragraph) of `minLength` characters or more into sentences. */
export function splitLongParagraphs(blocks: PMNode[], options: { lang?: string; minLength?: number } = {}): PMNode[] {
  const minLength = options.minLength ?? LONG_PARAGRAPH;
  return blocks.flatMap((block) => ([...block.textContent].length >= minLength ? splitSegmentIntoSentences(block, options.lang) : [block]));
}
