/**
 * A textblock's inline content as well-nested steps: open a mark, an inline
 * node, close the mark last opened. ProseMirror keeps marks as a set on each
 * node; formats that write marks as paired tags (XLIFF's `<g>`, TMX's
 * `<bpt>`/`<ept>`) need them nested, and fewer tags read better: a mark that
 * lasts longer opens outside, so a bold run around a link stays one pair.
 * Marks that start and end together nest in schema order (a link inside
 * emphasis).
 */
import type { Fragment, Mark, Node as PMNode } from 'prosemirror-model';
import { schema } from './schema';

export type InlineStep = { open: Mark } | { close: Mark } | { node: PMNode };

/** Schema order: which of two marks that start and end together sits outside. */
const markRank = (mark: Mark): number => Object.keys(schema.marks).indexOf(mark.type.name);

export function inlineSteps(content: Fragment): InlineStep[] {
  const nodes: PMNode[] = [];
  content.forEach((node) => nodes.push(node));
  const steps: InlineStep[] = [];
  const open: Mark[] = [];
  // How long a mark lasts from `index`.
  const extent = (mark: Mark, index: number): number => {
    let end = index;
    while (end < nodes.length && mark.isInSet(nodes[end]!.marks)) end++;
    return end - index;
  };
  nodes.forEach((node, index) => {
    let keep = 0;
    while (keep < open.length && open[keep]!.isInSet(node.marks)) keep++;
    while (open.length > keep) steps.push({ close: open.pop()! });
    const toOpen = node.marks.filter((mark) => !mark.isInSet(open)).sort((a, b) => extent(b, index) - extent(a, index) || markRank(a) - markRank(b));
    for (const mark of toOpen) {
      steps.push({ open: mark });
      open.push(mark);
    }
    steps.push({ node });
  });
  while (open.length > 0) steps.push({ close: open.pop()! });
  return steps;
}
