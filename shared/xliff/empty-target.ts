/**
 * An empty `<target/>` means "not translated". translate-toolkit's pomerge
 * writes one for every PO entry left blank (and, by default, over a target the
 * XLIFF template had), OmegaT and others for units nobody touched: none of them
 * is a translation, and none may erase text Duet holds or change a status.
 *
 * It erases only when the importer asks for it (`overwrite`) and the file says
 * in so many words that the empty target is meant: a confirming state
 * (`translated`, `signed-off`, `final`) or `approved="yes"` that the other
 * tool set. What Duet itself wrote at export does not count, because tools
 * that blank a target keep the unit's attributes as they were (pomerge keeps
 * `state="translated"` on the target it empties).
 */
import type { Node as PMNode } from 'prosemirror-model';
import type { SegmentStatus } from '../article/status';
import { runsOf } from './block-shapes';
import type { XliffUnit } from './read-xliff';
import { STATE_OF_STATUS } from './vocabulary';

/** The states that call a target done, and so an empty one meant. `new` and the `needs-…` states say work is left, which an empty target says already. */
export const CONFIRMING_STATES: readonly string[] = ['translated', 'signed-off', 'final'];

/** How much of the text an empty target would erase the report quotes. */
const EXCERPT_LENGTH = 60;

/** A target with no text: nothing, white space only, or only block boundaries between empty runs. */
export function isBlankTarget(runs: readonly PMNode[][]): boolean {
  return runs.every((run) => run.every((node) => node.isText && node.text!.trim() === ''));
}

/** The text of a segment's target that an empty target would erase, shortened for a report; '' when it has none (a figure without a caption has none). */
export function erasableText(target: PMNode): string {
  const text = runsOf(target)
    .map((run) => {
      let out = '';
      run.forEach((node) => (out += node.isText ? node.text! : node.type.name === 'raw_inline' ? (node.attrs.text as string) : ' '));
      return out;
    })
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text;
}

/** Did the tool, not Duet's export, say that this unit's empty target is its translation? */
export function confirmsEmptyTarget(unit: XliffUnit): boolean {
  const exported: SegmentStatus | null = unit.exportedStatus;
  // Duet writes a <target> (and so a state) for every segment but an empty untranslated one.
  const exportedTarget = exported !== null && (exported !== 'untranslated' || unit.exportedTargetHash !== null);
  const stateFromDuet = exportedTarget ? STATE_OF_STATUS[exported] : null;
  const state = unit.state !== null && CONFIRMING_STATES.includes(unit.state) && unit.state !== stateFromDuet;
  const approved = unit.approved && exported !== 'approved';
  return state || approved;
}
