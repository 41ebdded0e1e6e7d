/**
 * What the aligner (align.ts) reads out of one side: the block's kind, its
 * length, and the anchors that survive translation — numbers (read with
 * shared/qa's readers, so `3亿` is the same value as `300 million`), Latin
 * words and acronyms (`CT`, `ECMO`, `COVID-19`), link targets, image
 * sources, Han text an English block quotes verbatim (a source title kept in
 * Chinese), and a list item's number.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { schema } from '../schema/schema';
import { findChineseNumbers } from '../qa/chinese-numbers';
import { findEnglishNumbers } from '../qa/english-numbers';
import { figures, links, listItems, sideText } from '../qa/side-content';
import type { NumberMention } from '../qa/mentions';

/**
 * How blocks may pair: a rule only with a rule, a figure only with a figure;
 * a `separator` is a text block of nothing but dashes, dots or stars (`——`,
 * `--`, `***`), which translates as another separator.
 */
export type AlignKind = 'text' | 'heading' | 'list' | 'figure' | 'rule' | 'separator' | 'raw';

export interface BlockFeatures {
  kind: AlignKind;
  /** Han characters (Chinese text), not counting white space. */
  han: number;
  /** Every other character that is not white space (Latin letters, digits, punctuation). */
  other: number;
  /** The numbers in text order, each as the values it may be read as (`300 million`: 300 million, or 300 of something). */
  numbers: number[][];
  /** Latin words of two letters or more, as written (`CT`, `Damo`, `COVID-19`). */
  words: Set<string>;
  /** Link targets, normalized (no trailing slash, lower-case scheme and host). */
  hrefs: Set<string>;
  /** Image sources of the side's figures. */
  images: Set<string>;
  /** Pairs of adjacent Han characters (single characters for a one-character text), for Chinese quoted in English. */
  hanGrams: Set<string>;
  /** A list item's number (its position in an ordered list), else null. */
  listNumber: number | null;
}

const HAN = /\p{sc=Han}/u;
const HAN_ALL = /\p{sc=Han}/gu;
const SPACE_ALL = /\s/gu;
const LATIN_WORD = /[A-Za-z][A-Za-z0-9]*(?:[-'][A-Za-z0-9]+)*/g;
const SEPARATOR = /^[\s\-–—―_*·.…~～=]+$/u;

export type Language = 'zh' | 'en';

/** A side is read by its first block: the importers give each side one block. */
function kindOf(doc: PMNode, text: string): AlignKind {
  const first = doc.firstChild;
  if (!first) return 'text';
  switch (first.type.name) {
    case 'horizontal_rule':
      return 'rule';
    case 'figure':
      return 'figure';
    case 'heading':
      return 'heading';
    case 'list_item':
      return 'list';
    case 'raw_block':
      return /<img\b/i.test(first.attrs.text as string) ? 'figure' : 'raw';
    default:
      return text.trim() !== '' && SEPARATOR.test(text) ? 'separator' : 'text';
  }
}

function normalizeHref(href: string): string {
  const trimmed = href.trim().replace(/\/+$/, '');
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(.*)$/i.exec(trimmed);
  return match ? match[1]!.toLowerCase() + match[2]! : trimmed;
}

function hanGrams(text: string): Set<string> {
  const grams = new Set<string>();
  // Runs of Han characters: a gram never spans punctuation or Latin text.
  for (const run of text.match(/\p{sc=Han}+/gu) ?? []) {
    const chars = [...run];
    if (chars.length === 1) grams.add(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  }
  return grams;
}

/** Mentions that start at the same place are one number read in several ways: one entry of values. */
function readings(mentions: readonly NumberMention[]): number[][] {
  const byStart = new Map<number, number[]>();
  for (const mention of mentions) byStart.set(mention.index, [...(byStart.get(mention.index) ?? []), mention.value]);
  return [...byStart.entries()].sort(([a], [b]) => a - b).map(([, values]) => values);
}

/** The features of one side (a `doc` of one or more blocks, or a block), read as `language`. */
export function blockFeatures(side: PMNode, language: Language): BlockFeatures {
  const doc = side.type === schema.nodes.doc ? side : schema.nodes.doc!.create(null, side);
  const text = sideText(doc);
  const han = (text.match(HAN_ALL) ?? []).length;
  const other = text.replace(SPACE_ALL, '').length - han;
  const words = text.match(LATIN_WORD) ?? [];
  // Digits inside a name are part of the name, not a number (`COVID-19`, `H1N1`, `MP3`).
  const prose = text.replace(LATIN_WORD, (word) => (/[0-9]/.test(word) ? ' '.repeat(word.length) : word));
  // An English block may quote Chinese (a source title left untranslated): its Han text is read as Chinese.
  const mentions = language === 'zh' || HAN.test(prose) ? findChineseNumbers(prose) : findEnglishNumbers(prose);
  const items = listItems(doc);
  const number = items[0]?.attrs.number;
  return {
    kind: kindOf(doc, text),
    han,
    other,
    numbers: readings(mentions.numbers),
    words: new Set(words.filter((word) => word.length >= 2)),
    hrefs: new Set(links(doc).map((link) => normalizeHref(link.href))),
    images: new Set(figures(doc).map((figure) => (figure.attrs.src as string).trim())),
    hanGrams: hanGrams(text),
    listNumber: typeof number === 'number' ? number : null,
  };
}

/** Two adjacent blocks read as one, for a 2-1 or 1-2 pairing. */
export function mergeFeatures(a: BlockFeatures, b: BlockFeatures): BlockFeatures {
  return {
    kind: a.kind === b.kind ? a.kind : a.kind === 'text' || b.kind === 'text' ? 'text' : a.kind,
    han: a.han + b.han,
    other: a.other + b.other,
    numbers: [...a.numbers, ...b.numbers],
    words: new Set([...a.words, ...b.words]),
    hrefs: new Set([...a.hrefs, ...b.hrefs]),
    images: new Set([...a.images, ...b.images]),
    hanGrams: new Set([...a.hanGrams, ...b.hanGrams]),
    listNumber: a.listNumber ?? b.listNumber,
  };
}
