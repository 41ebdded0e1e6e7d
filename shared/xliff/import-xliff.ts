/**
 * An XLIFF file back from another CAT tool → changes to an article's targets
 * and statuses, matched to segments by trans-unit id.
 *
 * Nothing is applied unless the whole file can be: a malformed file, a unit
 * whose segment is gone or whose source changed, content that cannot be read,
 * or a conflict is reported (all of them at once) and the article is left as
 * it was.
 *
 * A file Duet exported remembers what each unit held then (`duet:status`,
 * `duet:target-hash`), so import takes from it only what the other tool
 * changed: a target Duet exported and nobody touched never overwrites newer
 * work done in Duet since. When both changed the same segment differently,
 * that is a conflict, refused unless `overwrite` says the file wins.
 *
 * An empty target is "not translated" and changes nothing, unless `overwrite`
 * is set and the file confirms it (empty-target.ts); every unit whose empty
 * target would erase text is listed in the result either way.
 */
import * as Y from 'yjs';
import type { Node as PMNode } from 'prosemirror-model';
import { emptyTarget, isSideEmpty, readArticle, setSide, setStatus, type ArticleSnapshot, type SegmentSnapshot } from '../article/article';
import type { SegmentStatus } from '../article/status';
import { buildSide, runsFit, runsOf, shapeOf, type BlockShape } from './block-shapes';
import { confirmsEmptyTarget, erasableText, isBlankTarget } from './empty-target';
import { readXliff, XliffFileError, type XliffUnit } from './read-xliff';
import { sideFingerprint } from './side-xml';
import { UnitProblem } from './unit-problem';
import { importError, type XliffProblem } from './xliff-problems';
import { statusOfState, STATE_OF_STATUS } from './vocabulary';
import { xmlSafe } from './xml-text';

export interface XliffUpdate {
  id: string;
  /** The new target, when it changes. */
  target?: PMNode;
  /** The new status, when it changes. */
  status?: SegmentStatus;
}

export interface XliffSkipped {
  /** The trans-unit's id. */
  unit: string;
  /** The segment's id, where it is not the unit's (a file translate-toolkit made from PO). */
  segment?: string;
  reason: string;
}

/** Why a unit brought nothing to apply (XliffSkipped.reason). */
export const SKIPPED = {
  noTarget: 'no target',
  emptyTarget: 'empty target: not translated',
  keptText: 'empty target: not translated, and the text Duet has is kept',
  notForTranslation: 'not for translation',
  gone: 'not for translation, and no longer in the article',
  poHeader: 'the PO header translate-toolkit carries, not a segment',
} as const;

/** A unit whose empty target would erase the text a segment has. */
export interface XliffErasure {
  /** The trans-unit's id. */
  unit: string;
  /** The segment's id (the same but in a file translate-toolkit made from PO). */
  segment: string;
  /** The start of the segment's text, which the empty target would erase. */
  text: string;
  /** Erased by this import (in a dry run: would be), or kept. */
  erased: boolean;
}

export interface XliffImport {
  updates: XliffUpdate[];
  /** When not empty, nothing may be applied. */
  errors: XliffProblem[];
  /** Units that bring nothing to apply, and why. */
  skipped: XliffSkipped[];
  /** Units whose empty target would erase text, erased or kept. */
  erasures: XliffErasure[];
  /** Units whose target and status are already the article's. */
  unchanged: number;
}

export interface XliffImportOptions {
  /** Refuse a file exported from another article (its `duet:article`). */
  articleId?: string;
  /**
   * Where a segment changed both in Duet and in the file since the export,
   * take the file's version instead of refusing; and let an empty target the
   * file confirms erase a segment's text (empty-target.ts).
   */
  overwrite?: boolean;
  /** Check the file and report what it would do, changing nothing. */
  dryRun?: boolean;
  /** The statuses the importing user may set (their role's); a unit asking for another is an error. */
  permittedStatuses?: readonly SegmentStatus[];
  /** Who is importing, for messages ("a translator may not…"). */
  roleName?: string;
}

/** What an import did, for the API and the CLI to report. */
export interface XliffImportSummary {
  /** Segments changed. */
  updated: number;
  targets: number;
  statuses: number;
  unchanged: number;
  skipped: XliffSkipped[];
  /** Every unit whose empty target would erase a segment's text, erased or kept. */
  erasures: XliffErasure[];
  /** Nothing was changed: the numbers say what the import would do. */
  dryRun: boolean;
}

export function xliffToTargets(xml: string, article: ArticleSnapshot | Y.Doc, options: XliffImportOptions = {}): XliffImport {
  const result: XliffImport = { updates: [], errors: [], skipped: [], erasures: [], unchanged: 0 };
  let document;
  try {
    document = readXliff(xml);
  } catch (error) {
    if (!(error instanceof XliffFileError)) throw error;
    result.errors.push({ unit: null, message: error.message, code: error.tooLarge ? 'too_large' : 'invalid_input' });
    return result;
  }
  if (options.articleId != null && document.articleId != null && document.articleId !== options.articleId) {
    result.errors.push({
      unit: null,
      message: `the file was exported from article "${document.articleId}", not "${options.articleId}"`,
      code: 'invalid_input',
    });
    return result;
  }
  const snapshot = article instanceof Y.Doc ? readArticle(article) : article;
  const segments = new Map(snapshot.segments.map((segment) => [segment.id, segment]));
  const seen = new Set<string>();
  for (const unit of document.units) {
    const where = `trans-unit "${unit.id}" (line ${unit.line})`;
    const skip = (reason: string) =>
      result.skipped.push(unit.segmentId === unit.id ? { unit: unit.id, reason } : { unit: unit.id, segment: unit.segmentId, reason });
    const error = (message: string, code: XliffProblem['code'] = 'invalid_input') =>
      result.errors.push({ unit: unit.id, message: `${where}: ${message}`, code });
    if (unit.id === '') {
      error('the trans-unit has no id');
      continue;
    }
    if (unit.poHeader) {
      skip(SKIPPED.poHeader);
      continue;
    }
    if (seen.has(unit.segmentId)) {
      error(unit.segmentId === unit.id ? 'the id appears twice in the file' : `a second unit for the segment "${unit.segmentId}" (its po-reference)`);
      continue;
    }
    seen.add(unit.segmentId);
    const segment = segments.get(unit.segmentId);
    if (!segment) {
      if (unit.translate) error('the article has no segment with this id (removed or merged since the export?)');
      else skip(SKIPPED.gone);
      continue;
    }
    if (unit.problems.length > 0) {
      for (const problem of unit.problems) error(problem);
      continue;
    }
    if (!unit.translate) {
      skip(SKIPPED.notForTranslation);
      continue;
    }
    if (unit.targetRuns === null) {
      skip(SKIPPED.noTarget);
      continue;
    }
    if (unit.state !== null && statusOfState(unit.state) === undefined) {
      error(`the target's state "${unit.state}" is not an XLIFF state`);
      continue;
    }
    const blank = isBlankTarget(unit.targetRuns);
    if (blank) {
      const text = erasableText(segment.target);
      if (text === '') {
        skip(SKIPPED.emptyTarget);
        continue;
      }
      const erased = options.overwrite === true && confirmsEmptyTarget(unit);
      result.erasures.push({ unit: unit.id, segment: segment.id, text, erased });
      if (!erased) {
        skip(SKIPPED.keptText);
        continue;
      }
    }
    try {
      const update = blank ? erasure(segment) : unitUpdate(unit, segment, options);
      if (!update) {
        result.unchanged++;
        continue;
      }
      if (sourceText(unit.sourceRuns) !== sourceText(runsOf(segment.source).map(fragmentNodes))) {
        error("the source text differs from the segment's source (it changed since the export): export the article again and translate the new source");
        continue;
      }
      const permitted = options.permittedStatuses;
      const role = options.roleName ?? 'user with your role';
      if (permitted && update.status && !permitted.includes(update.status)) {
        error(`a ${role} may not set a segment to ${update.status}`);
        continue;
      }
      // New text under a status the importer could not have set (reviewed, approved) would pass unreviewed text off as reviewed.
      if (permitted && update.target && !update.status && !permitted.includes(segment.status)) {
        error(`a ${role} may not change the text of a segment and leave it ${segment.status} (set its state to translated)`);
        continue;
      }
      result.updates.push(update);
    } catch (problem) {
      if (problem instanceof UnitProblem) error(problem.message);
      else if (problem instanceof Conflict) error(problem.message, 'conflict');
      else throw problem;
    }
  }
  if (result.errors.length > 0) result.updates = [];
  return result;
}

class Conflict extends Error {}

/** An erased segment is as a new one: an empty target, untranslated (its next translation takes the source's blocks again). */
function erasure(segment: SegmentSnapshot): XliffUpdate {
  return segment.status === 'untranslated' ? { id: segment.id, target: emptyTarget() } : { id: segment.id, target: emptyTarget(), status: 'untranslated' };
}

/** What one unit with text in its target changes in its segment, or null when nothing (an empty target never gets here). */
function unitUpdate(unit: XliffUnit, segment: SegmentSnapshot, options: XliffImportOptions): XliffUpdate | null {
  const target = targetOf(unit, segment);
  const sameAsArticle = sameSide(target, segment.target);
  // The state was checked by the caller: undefined (not an XLIFF state) never gets here.
  const stateStatus = unit.state === null ? null : (statusOfState(unit.state) ?? null);
  // New text with no state of its own is a translation, as confirming a segment in Duet's editor makes it.
  const filledStatus: SegmentStatus = 'translated';

  let textChanged: boolean;
  let fileStatus: SegmentStatus;
  let statusChanged: boolean;
  const exported = unit.exportedStatus;
  if (exported === null) {
    // Not a file Duet wrote: it says what the segment should be, and nothing about what it was.
    textChanged = !sameAsArticle;
    fileStatus = stateStatus ?? (textChanged ? filledStatus : segment.status);
    statusChanged = fileStatus !== segment.status;
  } else {
    const matchesExport = (side: PMNode) =>
      unit.exportedTargetHash === null ? isSideEmpty(side) : !isSideEmpty(side) && sideFingerprint(side) === unit.exportedTargetHash;
    textChanged = !matchesExport(target);
    // Tools often fill a target and leave its state as it was: a new text with the old state is a translation.
    const stateTouched = stateStatus != null && unit.state !== STATE_OF_STATUS[exported];
    fileStatus = stateTouched ? stateStatus : textChanged ? filledStatus : exported;
    statusChanged = fileStatus !== exported;
    if (!options.overwrite) {
      if (textChanged && !sameAsArticle && !matchesExport(segment.target)) {
        throw new Conflict("the target was changed both in Duet and in the file since the export (import with overwrite to take the file's)");
      }
      if (statusChanged && segment.status !== exported && fileStatus !== segment.status) {
        throw new Conflict(
          `the status was changed both in Duet (now ${segment.status}) and in the file (${fileStatus}) since the export (import with overwrite to take the file's)`,
        );
      }
    }
  }
  const update: XliffUpdate = { id: segment.id };
  if (textChanged && !sameAsArticle) update.target = target;
  if ((statusChanged || update.target) && fileStatus !== segment.status) update.status = fileStatus;
  return update.target || update.status ? update : null;
}

/**
 * The unit's target as a side. Its blocks are the ones Duet exported for it;
 * for a target Duet exported empty (or a file Duet did not write), the
 * article's current target blocks, else the source's (a translation keeps its
 * source's heading, list item or figure), whichever fits the runs of text.
 */
function targetOf(unit: XliffUnit, segment: SegmentSnapshot): PMNode {
  const runs = unit.targetRuns!;
  const candidates: BlockShape[][] = [
    ...(unit.targetShape ? [unit.targetShape] : []),
    ...(isSideEmpty(segment.target) ? [] : [shapeOf(segment.target)]),
    shapeOf(segment.source),
    ...(unit.sourceShape ? [unit.sourceShape] : []),
  ];
  const shapes = candidates.find((candidate) => runsFit(candidate, runs)) ?? candidates[0]!;
  return buildSide(shapes, runs, 'target');
}

function sameSide(a: PMNode, b: PMNode): boolean {
  return (isSideEmpty(a) && isSideEmpty(b)) || sideFingerprint(a) === sideFingerprint(b);
}

const fragmentNodes = (fragment: { forEach(fn: (node: PMNode) => void): void }): PMNode[] => {
  const nodes: PMNode[] = [];
  fragment.forEach((node) => nodes.push(node));
  return nodes;
};

/** A source's text for comparison: what XML can carry, white space runs as one space. */
function sourceText(runs: PMNode[][]): string {
  const text = runs
    .map((run) => run.map((node) => (node.isText ? node.text! : node.type.name === 'raw_inline' ? (node.attrs.text as string) : '\n')).join(''))
    .join('\n');
  return xmlSafe(text).replace(/\s+/g, ' ').trim();
}

/** Apply an import's updates in one transaction (setSide and setStatus record `actor`). */
export function applyXliffUpdates(doc: Y.Doc, updates: readonly XliffUpdate[], actor: string | null, origin: unknown = null): void {
  const present = new Set(readArticle(doc).segments.map((segment) => segment.id));
  const missing = updates.find((update) => !present.has(update.id));
  if (missing) throw new Error(`applyXliffUpdates: the article has no segment "${missing.id}"`);
  doc.transact(() => {
    for (const update of updates) {
      if (update.target) setSide(doc, update.id, 'target', update.target, actor, origin);
      if (update.status) setStatus(doc, update.id, update.status, actor, origin);
    }
  }, origin);
}

/**
 * Read an XLIFF file against the article in `doc` and apply it (unless
 * `dryRun`), or throw a DuetError (see importError) having changed nothing.
 */
export function importXliff(doc: Y.Doc, xml: string, actor: string | null, origin: unknown = null, options: XliffImportOptions = {}): XliffImportSummary {
  const result = xliffToTargets(xml, doc, options);
  if (result.errors.length > 0) throw importError(result.errors);
  const dryRun = options.dryRun === true;
  if (!dryRun) applyXliffUpdates(doc, result.updates, actor, origin);
  return {
    updated: result.updates.length,
    targets: result.updates.filter((update) => update.target).length,
    statuses: result.updates.filter((update) => update.status).length,
    unchanged: result.unchanged,
    skipped: result.skipped,
    erasures: result.erasures,
    dryRun,
  };
}
