/**
 * What a Yjs transaction did to an article, in the terms permissions are
 * written in (the kinds of ./change-kinds.ts, granted by
 * shared/permissions/permissions.ts): which kinds of change, which statuses it set and
 * over what, which segments it touched and how, which review threads and
 * comments it wrote and as whom. The server classifies every
 * update this way before judging it (server/collab/judge.ts), and
 * records history and notifications from it (server/review/).
 */
import * as Y from 'yjs';
import type { ArticleChange } from './change-kinds';
import { isSegmentStatus, type SegmentStatus } from './status';
import { isMemoryMatch } from './memory-match';
import { ROOT, SEGMENT } from './layout';
import { classifyThreadChange, emptyThreadChanges, type ThreadChanges } from './thread-changes';
import { isNewType, pathOf, removedExisting, writesWithReplaced, writtenValues } from './transaction-values';

export type { CommentEdit, NewComment, NewThread, Resolution, SuggestionWrite, ThreadChanges } from './thread-changes';

/** A status written to a segment, and the status the writer replaced (its view; null for a new segment). */
export interface StatusWrite {
  segmentId: string;
  from: SegmentStatus | null;
  to: SegmentStatus;
}

/** How a transaction touched one segment. */
export interface SegmentTouch {
  targetText: boolean;
  sourceText: boolean;
  /** Created by the transaction. */
  created: boolean;
  /** Removed from `segments` (or replaced) by the transaction. */
  removed: boolean;
  /** assignedTranslator or assignedReviewer changed. */
  assignment: boolean;
}

export interface ArticleChanges extends ThreadChanges {
  kinds: Set<ArticleChange>;
  /** Statuses this transaction wrote, on existing or new segments. */
  statuses: SegmentStatus[];
  /** The same writes with their segment and the status each replaced, oldest first. */
  statusWrites: StatusWrite[];
  /** Values written to `changedBy`. */
  changedBy: unknown[];
  /** Segments created by this transaction. */
  newSegments: Y.Map<unknown>[];
  /** Segments by id, for those the transaction touched. */
  segments: Map<string, SegmentTouch>;
  /** Anything outside the article layout (an unknown root or field); such a transaction is refused. */
  unknown: string[];
}

const STATUS_FIELDS = new Set<string>([SEGMENT.status, SEGMENT.changedBy, SEGMENT.changedAt]);
const IMPORTED_FILE_FIELDS = new Set<string>([SEGMENT.importedMarkdown, SEGMENT.importedHash, SEGMENT.separator]);
const STRUCTURE_FIELDS = new Set<string>([SEGMENT.id, SEGMENT.source, SEGMENT.target]);
/** Fields that shape the translation without touching text: marking a source block omitted. */
const SHAPE_FIELDS = new Set<string>([SEGMENT.omitted]);
const ASSIGNMENT_FIELDS = new Set<string>([SEGMENT.assignedTranslator, SEGMENT.assignedReviewer]);
const METADATA_ROOTS = new Set<string>([ROOT.meta, ROOT.frontMatter, ROOT.frontMatterOrder]);

export function emptyChanges(): ArticleChanges {
  return { kinds: new Set(), statuses: [], statusWrites: [], changedBy: [], newSegments: [], segments: new Map(), unknown: [], ...emptyThreadChanges() };
}

function touch(changes: ArticleChanges, segmentId: string): SegmentTouch {
  let touched = changes.segments.get(segmentId);
  if (!touched) changes.segments.set(segmentId, (touched = { targetText: false, sourceText: false, created: false, removed: false, assignment: false }));
  return touched;
}

export function classifyTransaction(transaction: Y.Transaction): ArticleChanges {
  const changes = emptyChanges();
  const unknown = (problem: string) => void changes.unknown.push(problem);
  for (const [type, keys] of transaction.changed) {
    const path = pathOf(type);
    const [root, segmentId, field] = path;
    if (root === ROOT.segments && path.length === 1) {
      changes.kinds.add('structure');
      const segments = type as unknown as Y.Map<unknown>;
      for (const key of keys) {
        if (key == null) continue;
        const value = segments.get(key);
        if (removedExisting(transaction, segments, key)) touch(changes, key).removed = true;
        if (value instanceof Y.Map && isNewType(transaction, value)) collectNewSegment(key, value, changes);
      }
    } else if (root === ROOT.segments && path.length === 2 && segmentId != null) {
      for (const key of keys) classifySegmentField(transaction, segmentId, type as unknown as Y.Map<unknown>, key, changes);
    } else if (root === ROOT.segments && path.length >= 3 && segmentId != null && (field === SEGMENT.target || field === SEGMENT.source)) {
      changes.kinds.add(field === SEGMENT.target ? 'targetText' : 'sourceText');
      touch(changes, segmentId)[field === SEGMENT.target ? 'targetText' : 'sourceText'] = true;
    } else if (root === ROOT.order && path.length === 1) {
      changes.kinds.add('structure');
    } else if (root != null && METADATA_ROOTS.has(root)) {
      changes.kinds.add('metadata');
    } else if (root === ROOT.importedFile) {
      changes.kinds.add('importedFile');
    } else if (root === ROOT.threads) {
      changes.kinds.add('comment');
      classifyThreadChange(transaction, type, path, keys, changes, unknown);
    } else {
      unknown(path.map(String).join('.'));
    }
  }
  return changes;
}

function classifySegmentField(transaction: Y.Transaction, segmentId: string, segment: Y.Map<unknown>, key: string | null, changes: ArticleChanges): void {
  if (key == null) return void changes.unknown.push('segment list content');
  if (STATUS_FIELDS.has(key)) {
    changes.kinds.add('status');
    if (key === SEGMENT.status) {
      for (const { value, replaced } of writesWithReplaced(transaction, segment, key)) {
        recordStatus(segmentId, value, isSegmentStatus(replaced) ? replaced : replaced === undefined ? null : 'untranslated', changes);
      }
    }
    if (key === SEGMENT.changedBy) changes.changedBy.push(...writtenValues(transaction, segment, key));
  } else if (IMPORTED_FILE_FIELDS.has(key)) {
    changes.kinds.add('importedFile');
  } else if (key === SEGMENT.memoryMatch) {
    // Says what the target was filled from: whoever may write the target may say so.
    changes.kinds.add('targetText');
    if (!writtenValues(transaction, segment, key).every(isMemoryMatch)) changes.unknown.push(`segment field "${key}" that is not a memory match`);
  } else if (SHAPE_FIELDS.has(key)) {
    changes.kinds.add('structure');
  } else if (ASSIGNMENT_FIELDS.has(key)) {
    changes.kinds.add('assignment');
    touch(changes, segmentId).assignment = true;
    if (!writtenValues(transaction, segment, key).every((value) => typeof value === 'string'))
      changes.unknown.push(`segment field "${key}" that is not a name`);
  } else if (STRUCTURE_FIELDS.has(key)) {
    // Replacing a side's fragment is not editing it: it detaches every editor and anchor.
    changes.kinds.add('structure');
    changes.kinds.add('importedFile');
  } else {
    changes.unknown.push(`segment field "${key}"`);
  }
}

function recordStatus(segmentId: string, value: unknown, from: SegmentStatus | null, changes: ArticleChanges): void {
  if (isSegmentStatus(value)) {
    changes.statuses.push(value);
    changes.statusWrites.push({ segmentId, from, to: value });
  } else if (value !== undefined) {
    changes.unknown.push(`status "${String(value)}"`);
  }
}

/** A segment created in this transaction: its initial fields count as changes too. */
function collectNewSegment(segmentId: string, segment: Y.Map<unknown>, changes: ArticleChanges): void {
  changes.newSegments.push(segment);
  touch(changes, segmentId).created = true;
  for (const [key, value] of segment.entries()) {
    if (key === SEGMENT.status) {
      if (value !== 'untranslated') changes.kinds.add('status');
      recordStatus(segmentId, value, null, changes);
    } else if (key === SEGMENT.changedBy) {
      changes.kinds.add('status');
      changes.changedBy.push(value);
    } else if (key === SEGMENT.changedAt) {
      changes.kinds.add('status');
    } else if (IMPORTED_FILE_FIELDS.has(key)) {
      changes.kinds.add('importedFile');
    } else if (key === SEGMENT.memoryMatch) {
      changes.kinds.add('targetText');
      if (!isMemoryMatch(value)) changes.unknown.push(`segment field "${key}" that is not a memory match`);
    } else if (SHAPE_FIELDS.has(key)) {
      changes.kinds.add('structure');
    } else if (ASSIGNMENT_FIELDS.has(key)) {
      changes.kinds.add('assignment');
      touch(changes, segmentId).assignment = true;
      if (typeof value !== 'string') changes.unknown.push(`segment field "${key}" that is not a name`);
    } else if (key === SEGMENT.source) {
      if (!(value instanceof Y.XmlFragment)) changes.unknown.push('segment source that is not an XmlFragment');
      else if (value.length > 0) {
        changes.kinds.add('sourceText');
        touch(changes, segmentId).sourceText = true;
      }
    } else if (key === SEGMENT.target) {
      if (!(value instanceof Y.XmlFragment)) changes.unknown.push('segment target that is not an XmlFragment');
      else if (value.length > 0) {
        changes.kinds.add('targetText');
        touch(changes, segmentId).targetText = true;
      }
    } else if (key !== SEGMENT.id) {
      changes.unknown.push(`segment field "${key}"`);
    }
  }
}

/**
 * A Y.Doc `gcFilter` that keeps overwritten segment statuses (a few bytes
 * each): a status write is judged from the value its writer replaced, and
 * when that value was already overwritten by a concurrent write, only an
 * un-collected entry still says what it was. Use it for the server's documents.
 */
export function collectUnlessStatus(item: Y.Item): boolean {
  return item.parentSub !== SEGMENT.status;
}

/** Several transactions' changes as one (a server change may run more than one). */
export function mergeChanges(a: ArticleChanges | null, b: ArticleChanges): ArticleChanges {
  if (!a) return b;
  const segments = new Map(a.segments);
  for (const [id, touched] of b.segments) {
    const before = segments.get(id);
    segments.set(
      id,
      before
        ? {
            targetText: before.targetText || touched.targetText,
            sourceText: before.sourceText || touched.sourceText,
            created: before.created || touched.created,
            removed: before.removed || touched.removed,
            assignment: before.assignment || touched.assignment,
          }
        : touched,
    );
  }
  return {
    kinds: new Set([...a.kinds, ...b.kinds]),
    statuses: [...a.statuses, ...b.statuses],
    statusWrites: [...a.statusWrites, ...b.statusWrites],
    changedBy: [...a.changedBy, ...b.changedBy],
    newSegments: [...a.newSegments, ...b.newSegments],
    segments,
    unknown: [...a.unknown, ...b.unknown],
    newThreads: [...a.newThreads, ...b.newThreads],
    newComments: [...a.newComments, ...b.newComments],
    commentEdits: [...a.commentEdits, ...b.commentEdits],
    suggestionWrites: [...a.suggestionWrites, ...b.suggestionWrites],
    resolutions: [...a.resolutions, ...b.resolutions],
    threadRemovals: [...a.threadRemovals, ...b.threadRemovals],
    commentRemovals: [...a.commentRemovals, ...b.commentRemovals],
  };
}
