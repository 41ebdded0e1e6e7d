/**
 * A memory match's target, fitted to the segment it goes into: the unit's
 * blocks take this segment's block types where the two differ only in that
 * (a heading's source matched by a paragraph's unit becomes a heading), so
 * inserting a match never changes the segment's shape. Otherwise the match
 * stands as it is.
 */
import type { Node as PMNode } from 'prosemirror-model';

export function fitMatchToSegment(match: PMNode, source: PMNode): PMNode {
  if (match.childCount !== source.childCount) return match;
  const blocks: PMNode[] = [];
  for (let i = 0; i < match.childCount; i++) {
    const from = match.child(i);
    const shape = source.child(i);
    if (from.type === shape.type || !shape.type.isTextblock || !from.type.isTextblock) blocks.push(from);
    else blocks.push(shape.type.create(shape.attrs, from.content, from.marks));
  }
  return match.type.createChecked(match.attrs, blocks);
}
