/**
 * A whole article's segments rebuilt from an XLIFF file Duet exported: ids,
 * both sides with their blocks and marks, statuses, omitted sources. This is
 * what makes the export lossless, and what a new article made from an XLIFF
 * file would hold (front matter and Duet's metadata are not in XLIFF).
 */
import { emptyTarget, type SegmentInit } from '../article/article';
import { schema } from '../schema/schema';
import { DuetError } from '../protocol/errors';
import { buildSide, runCount, runsFit, type BlockShape } from './block-shapes';
import { isBlankTarget } from './empty-target';
import { readXliff, XliffFileError, type XliffUnit } from './read-xliff';
import { UnitProblem } from './unit-problem';
import { statusOfState } from './vocabulary';
import { importError, type XliffProblem } from './xliff-problems';

export interface RebuiltArticle {
  segments: SegmentInit[];
  /** Ids of segments whose source is left out of the translation (apply with setOmitted). */
  omitted: string[];
}

const paragraphs = (count: number): BlockShape[] => Array.from({ length: count }, () => ({ type: 'paragraph', attrs: {}, runs: 1 }));

export function segmentsFromXliff(xml: string): RebuiltArticle {
  let document;
  try {
    document = readXliff(xml);
  } catch (error) {
    if (error instanceof XliffFileError) throw new DuetError(error.tooLarge ? 'too_large' : 'invalid_input', error.message);
    throw error;
  }
  const errors: XliffProblem[] = [];
  const rebuilt: RebuiltArticle = { segments: [], omitted: [] };
  for (const unit of document.units) {
    if (unit.poHeader) continue; // translate-toolkit's carrier of a PO header, not a segment
    const problems = unit.id === '' ? ['the trans-unit has no id'] : unit.problems;
    try {
      if (problems.length > 0) throw new UnitProblem(problems.join('; '));
      rebuilt.segments.push(segmentOf(unit));
      if (unit.omitted) rebuilt.omitted.push(unit.segmentId);
    } catch (problem) {
      if (!(problem instanceof UnitProblem)) throw problem;
      errors.push({ unit: unit.id, message: `trans-unit "${unit.id}" (line ${unit.line}): ${problem.message}`, code: 'invalid_input' });
    }
  }
  if (errors.length > 0) throw importError(errors);
  return rebuilt;
}

function segmentOf(unit: XliffUnit): SegmentInit {
  const sourceShape = unit.sourceShape ?? paragraphs(unit.sourceRuns.length);
  const source = runsFit([], unit.sourceRuns) && !unit.sourceShape ? schema.nodes.doc!.create() : buildSide(sourceShape, unit.sourceRuns, 'source');
  let target = emptyTarget();
  if (!unit.targetRuns && unit.targetShape) {
    // No <target> (an untranslated segment) but blocks that are not the fresh empty paragraph: rebuild them empty.
    target = buildSide(
      unit.targetShape,
      Array.from({ length: runCount(unit.targetShape) }, () => []),
      'target',
    );
  } else if (unit.targetRuns && !unit.targetShape && unit.targetRuns.every((run) => run.length === 0)) {
    target = emptyTarget();
  } else if (unit.targetRuns) {
    const shapes = [unit.targetShape, sourceShape, paragraphs(unit.targetRuns.length)].find(
      (candidate): candidate is BlockShape[] => candidate != null && runsFit(candidate, unit.targetRuns!),
    );
    target = buildSide(shapes!, unit.targetRuns, 'target');
  }
  // An empty target is not a translation, whatever its state says (empty-target.ts).
  const blank = !unit.targetRuns || isBlankTarget(unit.targetRuns);
  const stated = blank ? 'untranslated' : unit.state === null ? null : statusOfState(unit.state);
  return { id: unit.segmentId, source, target, status: unit.exportedStatus ?? stated ?? 'untranslated' };
}
