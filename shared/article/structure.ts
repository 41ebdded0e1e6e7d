/**
 * Changing an article's segment structure: split, merge, insert a
 * translator's segment, omit a source block, and seed an empty target with
 * its source's structure. Each is one transaction, and each edits fragments
 * in place (never replaces them), so untouched segments keep their ids,
 * history, editors and comment anchors.
 */
import type * as Y from 'yjs';
import type { Node as PMNode } from 'prosemirror-model';
import { schema } from '../schema/schema';
import { insertSegmentsAt, isSideEmpty, readSegment, removeSegment, segmentIds, setSide, type Side } from './article';
import { articleTypes, removeAll, SEGMENT } from './layout';

function sideDoc(blocks: readonly PMNode[]): PMNode {
  return schema.nodes.doc!.create(null, blocks as PMNode[]);
}

function blocksOf(side: PMNode): PMNode[] {
  const blocks: PMNode[] = [];
  side.forEach((block) => blocks.push(block));
  return blocks;
}

/**
 * Split segment `id` at position `pos` of its `side`: what follows moves to a
 * new segment right after it (the other side stays whole with the first one).
 * Returns the new segment's id, or null when there is nothing after `pos`.
 */
export function splitSegment(doc: Y.Doc, id: string, side: Side, pos: number, actor: string | null, origin: unknown = null): string | null {
  const segment = readSegment(doc, id);
  const content = segment[side];
  const at = Math.max(0, Math.min(pos, content.content.size));
  const head = content.cut(0, at);
  const tail = content.cut(at);
  if (isSideEmpty(tail) || isSideEmpty(head)) return null;
  let newId: string | null = null;
  doc.transact(() => {
    setSide(doc, id, side, trimEmptyEdges(head), actor);
    const index = segmentIds(doc).indexOf(id);
    newId =
      insertSegmentsAt(doc, index + 1, [{ [side]: trimEmptyEdges(tail), status: segment.status === 'untranslated' ? 'untranslated' : 'draft' }])[0] ?? null;
  }, origin);
  return newId;
}

/** Cutting inside a paragraph leaves empty halves of it at the cut: drop them. */
function trimEmptyEdges(side: PMNode): PMNode {
  const blocks = blocksOf(side).filter(
    (block, i, all) => !(block.isTextblock && block.content.size === 0 && (i === 0 || i === all.length - 1) && all.length > 1),
  );
  return sideDoc(blocks);
}

/** Merge segment `id` with the one after it: both sides are joined, the second segment is removed. */
export function mergeWithNext(doc: Y.Doc, id: string, actor: string | null, origin: unknown = null): boolean {
  const ids = segmentIds(doc);
  const nextId = ids[ids.indexOf(id) + 1];
  if (!nextId) return false;
  const first = readSegment(doc, id);
  const second = readSegment(doc, nextId);
  doc.transact(() => {
    for (const side of ['source', 'target'] as const) {
      if (isSideEmpty(second[side])) continue;
      setSide(
        doc,
        id,
        side,
        sideDoc([...blocksOf(first[side]).filter((block) => !(block.isTextblock && block.content.size === 0)), ...blocksOf(second[side])]),
        actor,
      );
    }
    removeSegment(doc, nextId);
  }, origin);
  return true;
}

/** A translator's own segment (a note, a credit line): no source, an empty paragraph to type in. */
export function insertTranslatorSegment(doc: Y.Doc, anchorId: string, where: 'before' | 'after', origin: unknown = null): string {
  const index = segmentIds(doc).indexOf(anchorId);
  if (index < 0) throw new Error(`unknown segment "${anchorId}"`);
  const [id] = insertSegmentsAt(doc, where === 'before' ? index : index + 1, [{ target: sideDoc([schema.nodes.paragraph!.create()]) }], origin);
  return id!;
}

/** Move a segment one place up or down in the reading order (its content is untouched). */
export function moveSegment(doc: Y.Doc, id: string, direction: -1 | 1, origin: unknown = null): boolean {
  const ids = segmentIds(doc);
  const from = ids.indexOf(id);
  const to = from + direction;
  if (from < 0 || to < 0 || to >= ids.length) return false;
  const types = articleTypes(doc);
  doc.transact(() => {
    removeAll(types.order, id);
    const neighbour = ids[to]!;
    const at = types.order.toArray().indexOf(neighbour);
    types.order.insert(direction === 1 ? at + 1 : at, [id]);
  }, origin);
  return true;
}

/**
 * Whether moving segment `id` one place would change the order the source
 * reads in: it would when both it and the neighbour it passes have a source.
 * Only a role that may edit sources may do that (shared/article/source-fingerprint.ts
 * is what the server judges); a translator's note moves freely.
 */
export function moveReordersSource(doc: Y.Doc, id: string, direction: -1 | 1): boolean {
  const ids = segmentIds(doc);
  const neighbour = ids[ids.indexOf(id) + direction];
  if (!ids.includes(id) || neighbour === undefined) return false;
  return !isSideEmpty(readSegment(doc, id).source) && !isSideEmpty(readSegment(doc, neighbour).source);
}

/** Mark a source block as deliberately not translated (or undo that). */
export function setOmitted(doc: Y.Doc, id: string, omitted: boolean, origin: unknown = null): void {
  const map = articleTypes(doc).segments.get(id);
  if (!map) throw new Error(`unknown segment "${id}"`);
  doc.transact(() => (omitted ? map.set(SEGMENT.omitted, true) : map.delete(SEGMENT.omitted)), origin);
}

/**
 * An empty target seeded with the source's structure: the same blocks (list
 * numbers, heading levels, figures) and the same marked runs (links, bold),
 * holding the source text for the translator to write over.
 */
export function structureFromSource(source: PMNode): PMNode {
  return sideDoc(blocksOf(source).map((block) => block.copy(block.content)));
}
