/**
 * Where a test or benchmark types into a segment's target as a collaborator
 * would: the Y.XmlText inside its first paragraph.
 */
import * as Y from 'yjs';
import { sideFragment } from '../article/article';

export function targetXmlText(ydoc: Y.Doc, segment: string): Y.XmlText {
  const paragraph = sideFragment(ydoc, segment, 'target').get(0);
  if (!(paragraph instanceof Y.XmlElement)) throw new Error(`segment ${segment} has no target paragraph`);
  const text = paragraph.get(0);
  if (!(text instanceof Y.XmlText)) throw new Error(`segment ${segment}'s target paragraph holds no text`);
  return text;
}
