/**
 * An article → an XLIFF 1.2 file, for translating or reviewing it in another
 * CAT tool (OmegaT, memoQ, Trados) and importing the result back
 * (import-xliff.ts). One `<file>`, one `<trans-unit>` per segment in reading
 * order, its id the segment's id. docs/XLIFF.md describes the format.
 */
import * as Y from 'yjs';
import type { Node as PMNode } from 'prosemirror-model';
import { isSideEmpty, readArticle, type ArticleSnapshot, type SegmentSnapshot } from '../article/article';
import { runsOf, shapeOf, writeShapes } from './block-shapes';
import { CodeIds } from './inline-codes';
import { sideFingerprint, writeSideContent } from './side-xml';
import { DUET_NS, DUET_PREFIX, SOURCE_LANGUAGE, STATE_OF_STATUS, TARGET_LANGUAGE, XLIFF_NS, XLIFF_VERSION } from './vocabulary';
import { escapeXmlText, xmlAttributes } from './xml-text';

export interface XliffExportOptions {
  /** The article's id, written as `duet:article` so that an import can tell the file belongs to it. */
  articleId?: string;
  /** The file's `original`: by default the article's slug, else its id. */
  original?: string;
}

/** Notes shown to the translator in the other tool, on units that are not for translation. */
export const NOTES = {
  omitted: 'Left out of the translation in Duet: nothing to translate.',
  translatorOwn: "The translator's own text (no source): nothing to translate.",
  noText: 'No text to translate.',
} as const;

const D = (name: string) => `${DUET_PREFIX}:${name}`;

/** Is there text in the source for a translator to translate? */
export function isTranslatable(segment: Pick<SegmentSnapshot, 'source' | 'omitted'>): boolean {
  return !segment.omitted && runsOf(segment.source).some((run) => run.size > 0);
}

export function articleToXliff(article: ArticleSnapshot | Y.Doc, options: XliffExportOptions = {}): string {
  const snapshot = article instanceof Y.Doc ? readArticle(article) : article;
  const original = options.original ?? snapshot.meta.slug ?? options.articleId ?? 'article';
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff${xmlAttributes([
      ['version', XLIFF_VERSION],
      ['xmlns', XLIFF_NS],
      [`xmlns:${DUET_PREFIX}`, DUET_NS],
    ])}>`,
    `  <file${xmlAttributes([
      ['original', original],
      ['source-language', SOURCE_LANGUAGE],
      ['target-language', TARGET_LANGUAGE],
      ['datatype', 'plaintext'],
      [D('article'), options.articleId],
    ])}>`,
    '    <header>',
    '      <tool tool-id="duet" tool-name="Duet"/>',
    '    </header>',
    '    <body>',
    ...snapshot.segments.flatMap(transUnit),
    '    </body>',
    '  </file>',
    '</xliff>',
    '',
  ];
  return lines.join('\n');
}

/** The target a new segment starts with: one empty paragraph (emptyTarget). */
function isFreshTarget(target: PMNode): boolean {
  return target.childCount === 1 && target.firstChild!.type.name === 'paragraph' && target.firstChild!.content.size === 0;
}

function transUnit(segment: SegmentSnapshot): string[] {
  const translatable = isTranslatable(segment);
  const targetEmpty = isSideEmpty(segment.target);
  const sourceIds = new CodeIds();
  const source = writeSideContent(segment.source, sourceIds);
  const note = translatable ? null : segment.omitted ? NOTES.omitted : isSideEmpty(segment.source) ? NOTES.translatorOwn : NOTES.noText;
  const lines = [
    `      <trans-unit${xmlAttributes([
      ['id', segment.id],
      ['translate', translatable ? null : 'no'],
      ['approved', segment.status === 'approved' ? 'yes' : null],
      ['xml:space', 'preserve'],
      [D('status'), segment.status],
      [D('omitted'), segment.omitted ? 'yes' : null],
      [D('target-hash'), targetEmpty ? null : sideFingerprint(segment.target)],
    ])}>`,
    `        <source xml:lang="${SOURCE_LANGUAGE}">${source}</source>`,
  ];
  // An untranslated segment with nothing typed has no <target>: the other tool starts it from scratch.
  if (!targetEmpty || segment.status !== 'untranslated') {
    const target = writeSideContent(segment.target, new CodeIds(sourceIds.signatures));
    lines.push(
      `        <target${xmlAttributes([
        ['xml:lang', TARGET_LANGUAGE],
        ['state', STATE_OF_STATUS[segment.status]],
      ])}>${target}</target>`,
    );
  }
  if (note) lines.push(`        <note from="Duet">${escapeXmlText(note)}</note>`);
  lines.push(writeShapes('source-blocks', shapeOf(segment.source), '        '));
  // The blocks of every target but the one an untranslated segment starts with, so that a target the
  // other tool fills takes its source's blocks (a heading's translation is a heading).
  if (!isFreshTarget(segment.target)) lines.push(writeShapes('target-blocks', shapeOf(segment.target), '        '));
  lines.push('      </trans-unit>');
  return lines;
}
