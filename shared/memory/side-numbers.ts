/**
 * A memory match's target with the numbers of the looked-up source written
 * into it (number-substitution.ts), node by node: each text node keeps its
 * marks (a number in bold stays bold), and a number never spans two nodes.
 */
import { Fragment, type Node as PMNode } from 'prosemirror-model';
import { substituteInTexts, type NumberChange } from './number-substitution';

/** The side with the numbers changed; null when some number of the match is not found exactly once in it. */
export function substituteInSide(side: PMNode, changes: readonly NumberChange[]): PMNode | null {
  const texts: string[] = [];
  side.descendants((node) => {
    if (node.isText) texts.push(node.text!);
  });
  const result = substituteInTexts(texts, changes);
  if (!result || result.replaced === 0) return null;
  let next = 0;
  const rebuild = (node: PMNode): PMNode => {
    if (node.isText) return node.type.schema.text(result.texts[next++]!, node.marks);
    if (node.childCount === 0) return node;
    const children: PMNode[] = [];
    node.forEach((child) => children.push(rebuild(child)));
    return node.copy(Fragment.from(children));
  };
  return rebuild(side);
}
