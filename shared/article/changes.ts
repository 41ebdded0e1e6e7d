/**
 * What a Yjs transaction did to an article, in the terms permissions are
 * written in (shared/protocol/roles.ts): which kinds of change, which statuses
 * it set, which segments it created. The server classifies every accepted
 * update this way before storing it.
 */
import * as Y from 'yjs';
import type { ArticleChange } from '../protocol/roles';
import { isSegmentStatus, type SegmentStatus } from './status';
import { orderedIds, ROOT, SEGMENT } from './layout';

export interface ArticleChanges {
  kinds: Set<ArticleChange>;
  /** Statuses this transaction wrote, on existing or new segments. */
  statuses: SegmentStatus[];
  /** Values written to `changedBy`. */
  changedBy: unknown[];
  /** Segments created by this transaction. */
  newSegments: Y.Map<unknown>[];
  /** Anything outside the article layout (an unknown root or field); such a transaction is refused. */
  unknown: string[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types are parameterised by their event type
type AnyType = Y.AbstractType<any>;

const STATUS_FIELDS = new Set<string>([SEGMENT.status, SEGMENT.changedBy, SEGMENT.changedAt]);
const ORIGIN_FIELDS = new Set<string>([SEGMENT.importedMarkdown, SEGMENT.importedHash, SEGMENT.separator]);
const STRUCTURE_FIELDS = new Set<string>([SEGMENT.id, SEGMENT.source, SEGMENT.target]);
/** Fields that shape the translation without touching text: marking a source block omitted. */
const SHAPE_FIELDS = new Set<string>([SEGMENT.omitted]);
const METADATA_ROOTS = new Set<string>([ROOT.meta, ROOT.frontMatter, ROOT.frontMatterOrder]);

/** The chain of keys from the root to `type`: ['segments', id, 'target'] for a target fragment. */
function pathOf(type: AnyType): (string | null)[] {
  const path: (string | null)[] = [];
  let current: AnyType = type;
  while (current._item !== null) {
    path.unshift(current._item.parentSub);
    current = current._item.parent as AnyType;
  }
  path.unshift(Y.findRootTypeKey(current));
  return path;
}

export function classifyTransaction(transaction: Y.Transaction): ArticleChanges {
  const changes: ArticleChanges = { kinds: new Set(), statuses: [], changedBy: [], newSegments: [], unknown: [] };
  for (const [type, keys] of transaction.changed) {
    const path = pathOf(type);
    const [root, segmentId, field] = path;
    if (root === ROOT.segments && path.length === 1) {
      changes.kinds.add('structure');
      for (const key of keys) {
        const added = key != null ? (type as unknown as Y.Map<unknown>).get(key) : undefined;
        if (added instanceof Y.Map) collectNewSegment(added, changes);
      }
    } else if (root === ROOT.segments && path.length === 2 && segmentId != null) {
      for (const key of keys) classifySegmentField(transaction, type as unknown as Y.Map<unknown>, key, changes);
    } else if (root === ROOT.segments && path.length >= 3 && (field === SEGMENT.target || field === SEGMENT.source)) {
      changes.kinds.add(field === SEGMENT.target ? 'targetText' : 'sourceText');
    } else if (root === ROOT.order && path.length === 1) {
      changes.kinds.add('structure');
    } else if (root != null && METADATA_ROOTS.has(root)) {
      changes.kinds.add('metadata');
    } else if (root === ROOT.origin) {
      changes.kinds.add('origin');
    } else {
      changes.unknown.push(path.map(String).join('.'));
    }
  }
  return changes;
}

/**
 * The values this transaction wrote to `key` of `map`. Not `map.get(key)`:
 * when two clients set a key concurrently, the map shows whichever wins, and
 * the sender must be judged by what it wrote, not by what someone else did.
 */
function writtenValues(transaction: Y.Transaction, map: Y.Map<unknown>, key: string): unknown[] {
  const values: unknown[] = [];
  for (let item: Y.Item | null = map._map.get(key) ?? null; item !== null; item = item.left) {
    if (item.id.clock < (transaction.beforeState.get(item.id.client) ?? 0)) continue;
    values.push(...item.content.getContent());
  }
  return values;
}

function classifySegmentField(transaction: Y.Transaction, segment: Y.Map<unknown>, key: string | null, changes: ArticleChanges): void {
  if (key == null) return void changes.unknown.push('segment list content');
  if (STATUS_FIELDS.has(key)) {
    changes.kinds.add('status');
    const written = writtenValues(transaction, segment, key);
    if (key === SEGMENT.status) for (const value of written) recordStatus(value, changes);
    if (key === SEGMENT.changedBy) changes.changedBy.push(...written);
  } else if (ORIGIN_FIELDS.has(key)) {
    changes.kinds.add('origin');
  } else if (SHAPE_FIELDS.has(key)) {
    changes.kinds.add('structure');
  } else if (STRUCTURE_FIELDS.has(key)) {
    // Replacing a side's fragment is not editing it: it detaches every editor and anchor.
    changes.kinds.add('structure');
    changes.kinds.add('origin');
  } else {
    changes.unknown.push(`segment field "${key}"`);
  }
}

function recordStatus(value: unknown, changes: ArticleChanges): void {
  if (isSegmentStatus(value)) changes.statuses.push(value);
  else if (value !== undefined) changes.unknown.push(`status "${String(value)}"`);
}

/** A segment created in this transaction: its initial fields count as changes too. */
function collectNewSegment(segment: Y.Map<unknown>, changes: ArticleChanges): void {
  changes.newSegments.push(segment);
  for (const [key, value] of segment.entries()) {
    if (key === SEGMENT.status) {
      if (value !== 'untranslated') changes.kinds.add('status');
      recordStatus(value, changes);
    } else if (key === SEGMENT.changedBy) {
      changes.kinds.add('status');
      changes.changedBy.push(value);
    } else if (key === SEGMENT.changedAt) {
      changes.kinds.add('status');
    } else if (ORIGIN_FIELDS.has(key)) {
      changes.kinds.add('origin');
    } else if (SHAPE_FIELDS.has(key)) {
      changes.kinds.add('structure');
    } else if (key === SEGMENT.source) {
      if (!(value instanceof Y.XmlFragment)) changes.unknown.push('segment source that is not an XmlFragment');
      else if (value.length > 0) changes.kinds.add('sourceText');
    } else if (key === SEGMENT.target) {
      if (!(value instanceof Y.XmlFragment)) changes.unknown.push('segment target that is not an XmlFragment');
      else if (value.length > 0) changes.kinds.add('targetText');
    } else if (key !== SEGMENT.id) {
      changes.unknown.push(`segment field "${key}"`);
    }
  }
}

/**
 * The article's source text, all segments in order, block boundaries ignored.
 * Split and merge move source text between segments without changing this, so
 * a role that may restructure but not edit sources is checked against it.
 */
export function sourceFingerprint(doc: Y.Doc): string {
  const segments = doc.getMap<Y.Map<unknown>>(ROOT.segments);
  let text = '';
  for (const id of orderedIds(doc.getArray<string>(ROOT.order), (candidate) => segments.has(candidate))) {
    const source = segments.get(id)?.get(SEGMENT.source);
    if (source instanceof Y.XmlFragment) text += fragmentText(source);
  }
  return text;
}

function fragmentText(node: Y.XmlFragment | Y.XmlElement): string {
  let text = '';
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as { insert: unknown }[]) if (typeof op.insert === 'string') text += op.insert;
    }
    else if (child instanceof Y.XmlElement) text += fragmentText(child);
  }
  return text;
}
