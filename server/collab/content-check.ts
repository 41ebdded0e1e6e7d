/**
 * Does the text an update wrote still fit the editor's schema? An editor
 * would quietly delete what does not fit, so a forged or buggy update with
 * (say) an unknown node would make the server's copy, the store and every
 * editor disagree. The room refuses such updates instead.
 *
 * The reading is kept: each touched target, as read here, is what history
 * records if its author pauses now (derivation.ts), so no side is read twice.
 */
import * as Y from 'yjs';
import type { Node as PMNode } from 'prosemirror-model';
import type { ArticleChanges } from '../../shared/article/changes';
import { articleTypes, SEGMENT } from '../../shared/article/layout';
import { readFragment } from '../../shared/schema/fragment-node';
import { isSafeUrl } from '../../shared/schema/safe-url';

export interface TouchedSides {
  /** One line per touched side whose content does not fit the schema; empty when all fit. */
  problems: string[];
  /** The target of each segment whose target text was written, as it reads now. */
  targets: Map<string, PMNode>;
}

/** The first link of a side whose address may not be written into a page (shared/schema/safe-url.ts), else null. */
function unsafeLink(side: PMNode): string | null {
  let found: string | null = null;
  side.descendants((node) => {
    if (found !== null) return false;
    for (const mark of node.marks) {
      const href = String(mark.attrs.href ?? '');
      if (mark.type.name === 'link' && !isSafeUrl(href)) found = href;
    }
    return true;
  });
  return found;
}

export function readTouchedSides(doc: Y.Doc, changes: ArticleChanges): TouchedSides {
  const segments = articleTypes(doc).segments;
  const problems: string[] = [];
  const targets = new Map<string, PMNode>();
  for (const [id, touched] of changes.segments) {
    const segment = segments.get(id);
    if (touched.removed || !(segment instanceof Y.Map)) continue;
    for (const side of [SEGMENT.source, SEGMENT.target] as const) {
      const written = touched.created || (side === SEGMENT.source ? touched.sourceText : touched.targetText);
      const fragment = segment.get(side);
      if (!written || !(fragment instanceof Y.XmlFragment)) continue;
      const reading = readFragment(fragment);
      if (!reading.ok) {
        problems.push(`the ${side} of segment ${id} does not fit the editor's schema (${reading.problem})`);
        continue;
      }
      const unsafe = unsafeLink(reading.node);
      if (unsafe !== null)
        problems.push(
          `the ${side} of segment ${id} links to a refused address (${JSON.stringify(unsafe.slice(0, 80))}): only http, https, mailto and addresses on the site`,
        );
      else if (side === SEGMENT.target && touched.targetText) targets.set(id, reading.node);
    }
  }
  return { problems, targets };
}
