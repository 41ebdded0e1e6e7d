/**
 * The edit that shows an image in a segment's target, as one ProseMirror
 * transaction: dispatched through the target's editor view, it reaches the
 * Y.Doc through the sync binding like typing does, so it syncs, counts as the
 * translator's edit and undoes with Ctrl+Z.
 *
 * The chosen figure (the one dropped on), else the target's first figure,
 * gets the new `src` (its caption and alt text stay); a target without a
 * figure gets one, in place of an empty paragraph or after its last block.
 */
import type { EditorState, Transaction } from 'prosemirror-state';
import type { Node as PMNode } from 'prosemirror-model';
import { schema } from '../../shared/schema/schema';

export interface FigureAt {
  /** Position before the figure in the side's doc. */
  pos: number;
  node: PMNode;
}

/** The side's figures in reading order (figures are always top-level blocks). */
export function figuresOf(doc: PMNode): FigureAt[] {
  const found: FigureAt[] = [];
  doc.forEach((node, offset) => {
    if (node.type === schema.nodes.figure) found.push({ pos: offset, node });
  });
  return found;
}

const isEmptyParagraph = (node: PMNode | null | undefined): boolean => node != null && node.type === schema.nodes.paragraph && node.content.size === 0;

export function placeImage(state: EditorState, src: string, figureIndex: number | null = null): Transaction {
  const figures = figuresOf(state.doc);
  const chosen = (figureIndex != null ? figures[figureIndex] : undefined) ?? figures[0];
  if (chosen) return state.tr.setNodeMarkup(chosen.pos, null, { ...chosen.node.attrs, src });
  const figure = schema.nodes.figure!.create({ src, alt: '' });
  const { doc } = state;
  if (doc.childCount === 0 || (doc.childCount === 1 && isEmptyParagraph(doc.firstChild))) return state.tr.replaceWith(0, doc.content.size, figure);
  return state.tr.insert(doc.content.size, figure);
}
