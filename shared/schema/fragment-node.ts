/**
 * A side's Y.XmlFragment read as a ProseMirror node, without side effects.
 *
 * y-prosemirror's own reader (yXmlFragmentToProseMirrorRootNode) repairs
 * content that does not fit the schema by deleting it from the Y.Doc. That is
 * right inside an editor, but on the server it would silently change a room's
 * document behind the store's back; the server must refuse such an update
 * instead, so it reads fragments through this function.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import type * as Y from 'yjs';
import { schema } from './schema';

export type FragmentReading = { ok: true; node: PMNode } | { ok: false; problem: string };

export function readFragment(fragment: Y.XmlFragment): FragmentReading {
  try {
    const node = schema.nodeFromJSON(yXmlFragmentToProsemirrorJSON(fragment));
    node.check();
    return { ok: true, node };
  } catch (error) {
    return { ok: false, problem: (error as Error).message || 'content outside the schema' };
  }
}
