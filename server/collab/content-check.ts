/**
 * Does the text an update wrote still fit the editor's schema? An editor
 * would quietly delete what does not fit, so a forged or buggy update with
 * (say) an unknown node would make the server's copy, the store and every
 * editor disagree. The room refuses such updates instead.
 */
import * as Y from 'yjs';
import type { ArticleChanges } from '../../shared/article/changes';
import { articleTypes, SEGMENT } from '../../shared/article/layout';
import { readFragment } from '../../shared/schema/fragment-node';

/** One line per touched side whose content does not fit the schema; empty when all fit. */
export function misshapenSides(doc: Y.Doc, changes: ArticleChanges): string[] {
  const segments = articleTypes(doc).segments;
  const problems: string[] = [];
  for (const [id, touched] of changes.segments) {
    const segment = segments.get(id);
    if (touched.removed || !(segment instanceof Y.Map)) continue;
    for (const side of [SEGMENT.source, SEGMENT.target] as const) {
      const written = touched.created || (side === SEGMENT.source ? touched.sourceText : touched.targetText);
      const fragment = segment.get(side);
      if (!written || !(fragment instanceof Y.XmlFragment)) continue;
      const reading = readFragment(fragment);
      if (!reading.ok) problems.push(`the ${side} of segment ${id} does not fit the editor's schema (${reading.problem})`);
    }
  }
  return problems;
}
