/**
 * Aligning a Chinese source with its published English translation
 * (`duet align`, docs/MEMORY.md "Aligning published work"): both files read
 * by the importers Duet already has, their blocks paired by
 * shared/memory/align.ts, and the pairs that translate one another stored as
 * memory units, so years of published work seed the memory.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { schema } from '../../shared/schema/schema';
import { importSource } from '../../shared/import/import-source';
import { decodeTextFile } from '../../shared/import/text-file';
import { articleFromMarkdown } from '../../shared/markdown/article-markdown';
import { FrontMatterError } from '../../shared/markdown/front-matter';
import { alignBlocks, type AlignedPair, type Alignment } from '../../shared/memory/align';
import { sideText } from '../../shared/qa/side-content';
import { DuetError } from '../../shared/protocol/errors';
import type { AlignmentProposal } from '../../shared/protocol/align-api';
import type { ImportedUnit, ImportSummary, TranslationMemory } from './translation-memory';

export interface AlignInput {
  source: { bytes: Uint8Array; name: string };
  published: { bytes: Uint8Array; name: string };
}

export interface AlignedArticle {
  /** The Chinese source sides, one block each, in reading order. */
  chinese: PMNode[];
  /** The published article's blocks as English target sides, in order. */
  english: PMNode[];
  alignment: Alignment;
}

/** Read the source (by its name: HTML, Markdown, text or Word) and the published front-matter Markdown, and align their blocks. */
export async function alignFiles(input: AlignInput): Promise<AlignedArticle> {
  const source = await importSource({ bytes: input.source.bytes, filename: input.source.name });
  const chinese = (source.segments ?? []).map((segment) => segment.source ?? schema.nodes.doc!.create());
  const text = decodeTextFile(input.published.bytes, input.published.name);
  let published;
  try {
    published = articleFromMarkdown(text);
  } catch (error) {
    if (error instanceof FrontMatterError) throw new DuetError('invalid_input', `${input.published.name}: ${error.message}`);
    throw error;
  }
  const english = (published.segments ?? []).map((segment) => segment.target ?? schema.nodes.doc!.create());
  if (english.length === 0) throw new DuetError('invalid_input', `${input.published.name} has no Markdown blocks to align`);
  return { chinese, english, alignment: alignBlocks(chinese, english) };
}

/** Several sides as one: their blocks, in order, in one `doc`. */
function joinSides(sides: readonly PMNode[]): PMNode {
  const blocks: PMNode[] = [];
  for (const side of sides) side.forEach((block) => blocks.push(block));
  return schema.nodes.doc!.create(null, blocks);
}

const HAN = /\p{sc=Han}/gu;
const LATIN = /[A-Za-z]/g;

/** An English side that is mostly Chinese: a source title or a heading the translators left in Chinese. No translation to remember. */
const untranslated = (target: PMNode): boolean => {
  const text = sideText(target);
  return (text.match(HAN) ?? []).length > (text.match(LATIN) ?? []).length;
};

export interface AlignedUnits {
  units: ImportedUnit[];
  /** Pairs left out because their English side is Chinese text (a title kept in the original). */
  untranslated: number;
}

/** Which blocks of each side a pair holds: the aligner's pairs, or the rows a person corrected (shared/memory/alignment-edit.ts). */
export type BlockPairs = readonly Pick<AlignedPair, 'source' | 'target'>[];

/**
 * The pairs that translate one another (both sides present) as memory units:
 * the Chinese side(s) joined as one side, the English likewise. By default
 * the aligner's pairs; `pairs` a person's corrected rows instead.
 */
export function alignedUnits(article: AlignedArticle, pairs: BlockPairs = article.alignment.pairs): AlignedUnits {
  const units: ImportedUnit[] = [];
  let left = 0;
  for (const pair of pairs) {
    if (pair.source.length === 0 || pair.target.length === 0) continue;
    const target = joinSides(pair.target.map((index) => article.english[index]!));
    if (untranslated(target)) {
      left++;
      continue;
    }
    units.push({
      source: joinSides(pair.source.map((index) => article.chinese[index]!)),
      target,
      author: null,
      createdAt: null,
      changedAt: null,
      usedCount: 0,
    });
  }
  return { units, untranslated: left };
}

export interface AlignImportSummary extends ImportSummary {
  untranslated: number;
}

/** Store the aligned pairs (or `pairs`, corrected) as imported units, their origin `fileName` (the published file's name), in one transaction. */
export function importAlignment(memory: TranslationMemory, article: AlignedArticle, fileName: string, at: number, pairs?: BlockPairs): AlignImportSummary {
  const { units, untranslated: left } = alignedUnits(article, pairs);
  return { ...memory.importUnits(units, fileName, at), untranslated: left };
}

/** The import's summary as lines for a person. */
export function alignImportReport(summary: AlignImportSummary): string[] {
  const lines = [`${summary.added} added, ${summary.unchanged} unchanged, ${summary.skipped} skipped (no text on one side: rules, figures without captions)`];
  if (summary.untranslated > 0) lines.push(`${summary.untranslated} left out: the English side is Chinese text (a title kept in the original)`);
  return lines;
}

/** A pair as JSON: indexes, kind and confidence, and both sides' text. */
export interface AlignedPairJson extends AlignedPair {
  sourceText: string;
  targetText: string;
}

export interface AlignmentJson {
  chineseBlocks: number;
  englishBlocks: number;
  pairs: AlignedPairJson[];
}

/** What a side shows as text: its text, or what it holds when it has none. */
function shownText(side: PMNode): string {
  const text = sideText(side).replace(/\s+/g, ' ').trim();
  const first = side.firstChild;
  if (first?.type === schema.nodes.horizontal_rule) return '(rule)';
  if (first?.type === schema.nodes.figure) return text === '' ? '(figure)' : `(figure) ${text}`;
  return text;
}

const sidesText = (sides: readonly PMNode[], indexes: readonly number[]): string => indexes.map((index) => shownText(sides[index]!)).join(' ¶ ');

/** The proposal the Align page shows: every block of both sides, with its kind and text, and the aligner's rows. */
export function alignmentProposal(article: AlignedArticle): AlignmentProposal {
  const block = (side: PMNode) => ({ type: side.firstChild?.type.name ?? 'paragraph', text: shownText(side) });
  return {
    chinese: article.chinese.map(block),
    english: article.english.map(block),
    rows: article.alignment.pairs.map(({ source, target, confidence }) => ({ source, target, confidence: Math.round(confidence * 1000) / 1000 })),
  };
}

export function alignmentJson(article: AlignedArticle): AlignmentJson {
  return {
    chineseBlocks: article.chinese.length,
    englishBlocks: article.english.length,
    pairs: article.alignment.pairs.map((pair) => ({
      ...pair,
      confidence: Math.round(pair.confidence * 1000) / 1000,
      sourceText: sidesText(article.chinese, pair.source),
      targetText: sidesText(article.english, pair.target),
    })),
  };
}

/** Columns a character takes in a terminal: two for CJK and full-width forms, one otherwise. */
const columnsOf = (char: string): number => (/[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u3000-\u303f\uff01-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1);

/** The text cut to `columns` terminal columns (an ellipsis where it was cut), padded to exactly that many. */
function column(text: string, columns: number): string {
  const chars = [...text];
  const width = (list: readonly string[]) => list.reduce((sum, char) => sum + columnsOf(char), 0);
  let shown = chars;
  if (width(chars) > columns) {
    shown = [];
    let used = 1; // the ellipsis
    for (const char of chars) {
      if (used + columnsOf(char) > columns) break;
      shown.push(char);
      used += columnsOf(char);
    }
    shown.push('…');
  }
  return shown.join('') + ' '.repeat(Math.max(0, columns - width(shown)));
}

const indexes = (list: readonly number[]): string => (list.length === 0 ? '-' : list.join('+'));

/** The alignment as a two-column listing: pair number, kind, confidence, block indexes, then the Chinese and the English text shortened. */
export function alignmentLines(article: AlignedArticle): string[] {
  const json = alignmentJson(article);
  const lines = json.pairs.map((pair, n) => {
    const where = `${indexes(pair.source)}:${indexes(pair.target)}`.padEnd(9);
    return `${String(n).padStart(3)}  ${pair.kind}  ${pair.confidence.toFixed(2)}  ${where} ${column(pair.sourceText || '—', 40)}  ${column(pair.targetText || '—', 60).trimEnd()}`;
  });
  const count = (kind: AlignedPair['kind']) => json.pairs.filter((pair) => pair.kind === kind).length;
  lines.push(
    `${json.chineseBlocks} Chinese blocks, ${json.englishBlocks} English blocks: ${count('1-1')} 1-1, ${count('1-2')} 1-2, ${count('2-1')} 2-1, ${count('0-1')} English unmatched, ${count('1-0')} Chinese unmatched`,
  );
  return lines;
}
