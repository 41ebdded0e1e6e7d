/** Reading a benchmark article's segment texts as the editor's binding sees them. */
import * as Y from 'yjs';
import { sideFragment } from '../../shared/article/article';

/** The Y.XmlText inside a segment's target paragraph (where y-prosemirror types), or null until the document holds it. */
export function targetText(doc: Y.Doc, segmentId: string): Y.XmlText | null {
  let fragment: Y.XmlFragment;
  try {
    fragment = sideFragment(doc, segmentId, 'target');
  } catch {
    return null;
  }
  const paragraph = fragment.length > 0 ? fragment.get(0) : null;
  if (!(paragraph instanceof Y.XmlElement)) return null;
  for (const child of paragraph.toArray()) if (child instanceof Y.XmlText) return child;
  return null;
}

export function plainText(text: Y.XmlText): string {
  return (text.toDelta() as { insert?: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
}
