/**
 * A side's Y.XmlFragment read as a ProseMirror node, without side effects.
 *
 * y-prosemirror's own reader (yXmlFragmentToProseMirrorRootNode) repairs
 * content that does not fit the schema by deleting it from the Y.Doc. That is
 * right inside an editor, but on the server it would silently change a room's
 * document behind the store's back; the server must refuse such an update
 * instead, so it reads fragments through this function.
 *
 * Fitting means every node and mark the schema knows, holding only attributes
 * it declares (ProseMirror would drop others silently, and the stored
 * fragment would keep them), each in its range (attribute-ranges.ts).
 */
import type { Node as PMNode } from 'prosemirror-model';
import { yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import type * as Y from 'yjs';
import { attributeProblem } from './attribute-ranges';
import { schema } from './schema';

export type FragmentReading = { ok: true; node: PMNode } | { ok: false; problem: string };

interface NodeJson {
  type: string;
  attrs?: unknown;
  marks?: { type: string; attrs?: unknown }[];
  content?: NodeJson[];
}

const keysOf = (attrs: unknown): string[] => (typeof attrs === 'object' && attrs !== null ? Object.keys(attrs) : []);

/** An attribute the schema does not declare, anywhere in `json`; null when there is none. */
function undeclaredAttribute(json: NodeJson): string | null {
  const declared = schema.nodes[json.type]?.spec.attrs ?? {};
  const extra = keysOf(json.attrs).find((key) => !Object.hasOwn(declared, key));
  if (extra !== undefined) return `a ${json.type} has no attribute "${extra}"`;
  for (const mark of json.marks ?? []) {
    const markExtra = keysOf(mark.attrs).find((key) => !Object.hasOwn(schema.marks[mark.type]?.spec.attrs ?? {}, key));
    if (markExtra !== undefined) return `a ${mark.type} mark has no attribute "${markExtra}"`;
  }
  for (const child of json.content ?? []) {
    const found = undeclaredAttribute(child);
    if (found !== null) return found;
  }
  return null;
}

export function readFragment(fragment: Y.XmlFragment): FragmentReading {
  try {
    const json = yXmlFragmentToProsemirrorJSON(fragment) as NodeJson;
    const node = schema.nodeFromJSON(json);
    node.check();
    const problem = undeclaredAttribute(json) ?? attributeProblem(node);
    return problem === null ? { ok: true, node } : { ok: false, problem };
  } catch (error) {
    return { ok: false, problem: (error as Error).message || 'content outside the schema' };
  }
}
