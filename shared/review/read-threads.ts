/**
 * Review threads read out of the Y.Doc as plain values, with where each
 * anchor stands now. A value that is not what the layout says (a forged or
 * damaged entry) reads as a harmless default rather than throwing.
 */
import * as Y from 'yjs';
import type { Node as PMNode } from 'prosemirror-model';
import type { Side } from '../article/article';
import { articleTypes, COMMENT, THREAD } from '../article/layout';
import {
  isThreadAnchor,
  readSideWithMapping,
  resolveAnchor,
  sideFragmentOrNull,
  type AnchorRange,
  type ProsemirrorMapping,
  type ThreadAnchor,
} from './anchors';
import { isSuggestionState, isThreadKind, type SuggestionState, type ThreadKind } from './threads';

export interface CommentSnapshot {
  id: string;
  author: string;
  createdAt: number;
  text: string;
  editedAt: number | null;
  deleted: boolean;
  mentions: string[];
  suggestion: string | null;
  suggestionState: SuggestionState | null;
  suggestionBy: string | null;
}

/**
 * - `ok`: anchored, and the range still holds text;
 * - `deleted`: anchored, but the anchored text (or the segment) is gone: the thread stays on the pair;
 * - `none`: on the whole pair.
 */
export type AnchorState = 'ok' | 'deleted' | 'none';

export interface ThreadSnapshot {
  id: string;
  segmentId: string;
  side: Side | null;
  anchor: ThreadAnchor | null;
  quote: string;
  createdBy: string;
  createdAt: number;
  kind: ThreadKind;
  resolved: boolean;
  resolvedBy: string | null;
  resolvedAt: number | null;
  comments: CommentSnapshot[];
  anchorState: AnchorState;
  /** Where the anchor stands now (ProseMirror positions in the side), null when not anchored or not resolvable. */
  range: AnchorRange | null;
  /** The text in the anchored range now ('' when deleted), null when not anchored. */
  anchoredText: string | null;
  /** false when the segment was removed (merged away): the thread has no pair to show on. */
  segmentExists: boolean;
}

const str = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);
const strOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

export function readComment(map: Y.Map<unknown>): CommentSnapshot {
  const mentions = map.get(COMMENT.mentions);
  const state = map.get(COMMENT.suggestionState);
  return {
    id: str(map.get(COMMENT.id)),
    author: str(map.get(COMMENT.author)),
    createdAt: num(map.get(COMMENT.createdAt)) ?? 0,
    text: str(map.get(COMMENT.text)),
    editedAt: num(map.get(COMMENT.editedAt)),
    deleted: map.get(COMMENT.deleted) === true,
    mentions: Array.isArray(mentions) ? mentions.filter((name): name is string => typeof name === 'string') : [],
    suggestion: strOrNull(map.get(COMMENT.suggestion)),
    suggestionState: isSuggestionState(state) ? state : null,
    suggestionBy: strOrNull(map.get(COMMENT.suggestionBy)),
  };
}

/** Reads each side once per call, however many threads it has. */
class SideCache {
  private readonly sides = new Map<Y.XmlFragment, { node: PMNode; mapping: ProsemirrorMapping }>();
  get(fragment: Y.XmlFragment) {
    let side = this.sides.get(fragment);
    if (!side) this.sides.set(fragment, (side = readSideWithMapping(fragment)));
    return side;
  }
}

function readThreadMap(doc: Y.Doc, map: Y.Map<unknown>, cache: SideCache): ThreadSnapshot {
  const segmentId = str(map.get(THREAD.segmentId));
  const sideValue = map.get(THREAD.side);
  const side: Side | null = sideValue === 'source' || sideValue === 'target' ? sideValue : null;
  const anchorValue = map.get(THREAD.anchor);
  const anchor = side !== null && isThreadAnchor(anchorValue) ? anchorValue : null;
  const comments = map.get(THREAD.comments);
  const kind = map.get(THREAD.kind);
  const quote = str(map.get(THREAD.quote));
  const segmentExists = articleTypes(doc).segments.has(segmentId);

  let anchorState: AnchorState = 'none';
  let range: AnchorRange | null = null;
  let anchoredText: string | null = null;
  if (anchor && side) {
    const fragment = sideFragmentOrNull(doc, segmentId, side);
    const cached = fragment ? cache.get(fragment) : null;
    range = fragment && cached ? resolveAnchor(doc, fragment, anchor, cached.mapping) : null;
    anchoredText = range && cached ? cached.node.textBetween(range.from, range.to, '\n') : '';
    // An anchor that held text and now holds none lost it to a deletion.
    anchorState = range && (range.to > range.from || quote === '') ? 'ok' : 'deleted';
  }

  return {
    id: str(map.get(THREAD.id)),
    segmentId,
    side,
    anchor,
    quote,
    createdBy: str(map.get(THREAD.createdBy)),
    createdAt: num(map.get(THREAD.createdAt)) ?? 0,
    kind: isThreadKind(kind) ? kind : 'comment',
    resolved: map.get(THREAD.resolved) === true,
    resolvedBy: strOrNull(map.get(THREAD.resolvedBy)),
    resolvedAt: num(map.get(THREAD.resolvedAt)),
    comments:
      comments instanceof Y.Array
        ? comments
            .toArray()
            .filter((c): c is Y.Map<unknown> => c instanceof Y.Map)
            .map(readComment)
        : [],
    anchorState,
    range,
    anchoredText,
    segmentExists,
  };
}

/** Every thread (or those of one segment), oldest first. */
export function readThreads(doc: Y.Doc, options: { segmentId?: string } = {}): ThreadSnapshot[] {
  const cache = new SideCache();
  const threads: ThreadSnapshot[] = [];
  for (const map of articleTypes(doc).threads.values()) {
    if (!(map instanceof Y.Map)) continue;
    if (options.segmentId !== undefined && map.get(THREAD.segmentId) !== options.segmentId) continue;
    threads.push(readThreadMap(doc, map, cache));
  }
  return threads.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** One thread, or null. */
export function readThread(doc: Y.Doc, threadId: string): ThreadSnapshot | null {
  const map = articleTypes(doc).threads.get(threadId);
  return map instanceof Y.Map ? readThreadMap(doc, map, new SideCache()) : null;
}

/**
 * Where a thread's anchor stands now in ProseMirror positions of its side,
 * for an editor: pass the view's binding mapping (`ySyncPluginKey.getState(state).binding.mapping`)
 * to resolve against exactly what the view shows. Null when the thread has no
 * anchor or it cannot be resolved (the segment is gone).
 */
export function threadAnchorRange(doc: Y.Doc, thread: Pick<ThreadSnapshot, 'segmentId' | 'side' | 'anchor'>, mapping?: ProsemirrorMapping): AnchorRange | null {
  if (!thread.anchor || !thread.side) return null;
  const fragment = sideFragmentOrNull(doc, thread.segmentId, thread.side);
  return fragment ? resolveAnchor(doc, fragment, thread.anchor, mapping) : null;
}

/** Open (unresolved) threads per segment id: the rows' comment counts. */
export function openThreadCounts(threads: readonly ThreadSnapshot[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const thread of threads) if (!thread.resolved) counts.set(thread.segmentId, (counts.get(thread.segmentId) ?? 0) + 1);
  return counts;
}
