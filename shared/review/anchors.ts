/**
 * Anchors: a thread's range in one side of a segment, held as two Yjs
 * relative positions so it follows concurrent edits (docs.yjs.dev,
 * relative positions). They are made and resolved with y-prosemirror's
 * `absolutePositionToRelativePosition` / `relativePositionToAbsolutePosition`,
 * which need a mapping from Yjs types to ProseMirror nodes (for node sizes).
 * An editor passes its binding's mapping; pure code (here, the server, tests)
 * builds one from the fragment itself with `initProseMirrorDoc`, which reads
 * the fragment into a ProseMirror doc exactly as the editor binding does, so
 * both give the same positions for the same Yjs state.
 *
 * When the anchored text is deleted, both ends collapse to the deletion point
 * (and a deleted paragraph resolves to where it stood): the range is then
 * empty, and the thread says its anchor was deleted.
 */
import * as Y from 'yjs';
import type { Node as PMNode } from 'prosemirror-model';
import { absolutePositionToRelativePosition, initProseMirrorDoc, relativePositionToAbsolutePosition } from 'y-prosemirror';
import { schema } from '../schema/schema';
import type { Side } from '../article/article';
import { articleTypes, SEGMENT } from '../article/layout';

/** `Y.relativePositionToJSON` of a position: plain JSON, stored as it is in the thread. */
export type RelativePositionJson = Record<string, unknown>;

export interface ThreadAnchor {
  start: RelativePositionJson;
  end: RelativePositionJson;
}

export interface AnchorRange {
  /** ProseMirror positions in the side's doc node. */
  from: number;
  to: number;
}

/** y-prosemirror's mapping from Yjs types to the ProseMirror nodes they hold (a binding's `mapping`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types are parameterised by their event type
export type ProsemirrorMapping = Map<Y.AbstractType<any>, PMNode | PMNode[]>;

/** A side's fragment, or null when the segment (or its side) is gone. */
export function sideFragmentOrNull(doc: Y.Doc, segmentId: string, side: Side): Y.XmlFragment | null {
  const fragment = articleTypes(doc)
    .segments.get(segmentId)
    ?.get(side === 'source' ? SEGMENT.source : SEGMENT.target);
  return fragment instanceof Y.XmlFragment ? fragment : null;
}

/** The side as ProseMirror sees it, and the mapping y-prosemirror's position helpers need. */
export function readSideWithMapping(fragment: Y.XmlFragment): { node: PMNode; mapping: ProsemirrorMapping } {
  const { doc, mapping } = initProseMirrorDoc(fragment, schema);
  return { node: doc, mapping };
}

/**
 * An anchor for ProseMirror positions `from`–`to` of a segment side, with the
 * text it covers (the thread's quote). Throws for an unknown segment or a
 * range outside the side.
 */
export function anchorForRange(doc: Y.Doc, segmentId: string, side: Side, from: number, to: number): { anchor: ThreadAnchor; quote: string } {
  const fragment = sideFragmentOrNull(doc, segmentId, side);
  if (!fragment) throw new Error(`unknown segment "${segmentId}"`);
  const { node, mapping } = readSideWithMapping(fragment);
  const size = node.content.size;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from || to > size) {
    throw new Error(`the range ${from}–${to} is not inside the ${side} of segment "${segmentId}" (size ${size})`);
  }
  return {
    anchor: {
      start: Y.relativePositionToJSON(absolutePositionToRelativePosition(from, fragment, mapping)) as RelativePositionJson,
      end: Y.relativePositionToJSON(absolutePositionToRelativePosition(to, fragment, mapping)) as RelativePositionJson,
    },
    quote: node.textBetween(from, to, '\n'),
  };
}

/**
 * Where an anchor stands now in `fragment`, as ProseMirror positions; null
 * when it cannot be resolved there (the positions belong to another fragment,
 * or to changes this document does not have yet).
 * @param mapping an editor binding's mapping; built from the fragment when absent.
 */
export function resolveAnchor(doc: Y.Doc, fragment: Y.XmlFragment, anchor: ThreadAnchor, mapping?: ProsemirrorMapping): AnchorRange | null {
  const map = mapping ?? readSideWithMapping(fragment).mapping;
  const resolve = (json: RelativePositionJson): number | null => {
    try {
      return relativePositionToAbsolutePosition(doc, fragment, Y.createRelativePositionFromJSON(json), map);
    } catch {
      return null; // a malformed position, or one whose node the mapping lacks
    }
  };
  const from = resolve(anchor.start);
  const to = resolve(anchor.end);
  if (from === null || to === null) return null;
  return { from: Math.min(from, to), to: Math.max(from, to) };
}

/** Is `value` an anchor as stored (two JSON objects)? */
export function isThreadAnchor(value: unknown): value is ThreadAnchor {
  const candidate = value as ThreadAnchor | null;
  return typeof candidate === 'object' && candidate !== null && isPositionJson(candidate.start) && isPositionJson(candidate.end);
}

const isPositionJson = (value: unknown): value is RelativePositionJson => typeof value === 'object' && value !== null && !Array.isArray(value);
