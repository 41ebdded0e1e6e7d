/**
 * The article's source as a reader sees it, in one string: every source, in
 * reading order, with its marks (a link's address), its inline atoms (raw
 * HTML), its block kinds and their attributes (a figure's image), but not
 * where one segment ends and the next begins. Then the sources of segments
 * that are stored but outside the reading order, by id, since one step can
 * put them in.
 *
 * A role that may restructure but not edit sources (a translator) is judged
 * against it (server/collab/judge.ts): a split or a merge moves source
 * text across a segment boundary and leaves this unchanged; typing, moving a
 * source past another source, deleting one, or adding one outside the order
 * to move in later, all change it.
 *
 * What it does not see: where one block of a kind ends and the next of the
 * same kind begins (a split inside a paragraph makes such a boundary, so an
 * equality test cannot refuse one), and empty paragraphs. A translator could
 * so join two source paragraphs into one, or move a paragraph break; no text,
 * mark, link, image or block kind appears, changes or vanishes that way.
 *
 * Read from the Y types, not through y-prosemirror's reader, which deletes
 * what does not fit the schema: this runs on the server's live document.
 */
import * as Y from 'yjs';
import { schema } from '../schema/schema';
import { orderedIds, ROOT, SEGMENT } from './layout';

/** Separators: control characters, which a source holds only if an admin put them there. */
const BLOCK = '\u0001';
const WHOLE_BLOCK = '\u0002';
const MARKS = '\u0003';
const ATOM = '\u0004';
const OUTSIDE_ORDER = '\u0005';

/** Every declared attribute, in a fixed order, with its default where none is stored: encodings that mean the same read the same. */
function attributes(declared: Record<string, { default?: unknown }> | undefined, stored: Record<string, unknown>): string {
  if (!declared) return JSON.stringify(Object.entries(stored).sort(([a], [b]) => (a < b ? -1 : 1)));
  return JSON.stringify(
    Object.keys(declared)
      .sort()
      .map((name) => stored[name] ?? declared[name]!.default ?? null),
  );
}

class SourceWriter {
  text = '';
  /** The kind of the last textblock written: a block split in two writes it once. */
  private lastBlock: string | null = null;
  private lastMarks = '';

  side(fragment: Y.XmlFragment): void {
    for (const child of fragment.toArray()) this.block(child, '');
  }

  private block(node: Y.XmlElement | Y.XmlText | Y.XmlHook, path: string): void {
    if (node instanceof Y.XmlText) return this.inline(node);
    if (!(node instanceof Y.XmlElement)) return;
    const type = schema.nodes[node.nodeName];
    const here = `${path}>${node.nodeName}${attributes(type?.spec.attrs, node.getAttributes())}`;
    if (type?.isTextblock) {
      // An empty paragraph or heading shows nothing: a split may drop it.
      if (node.length === 0 && type !== schema.nodes.figure) return;
      if (here !== this.lastBlock) this.text += BLOCK + here;
      this.lastBlock = here;
      for (const child of node.toArray()) this.inline(child);
    } else if (node.length === 0) {
      this.text += WHOLE_BLOCK + here; // a rule, a raw block: whole in one segment
      this.lastBlock = null;
    } else {
      for (const child of node.toArray()) this.block(child, here);
    }
  }

  private inline(node: Y.XmlElement | Y.XmlText | Y.XmlHook): void {
    if (node instanceof Y.XmlElement) {
      this.text += ATOM + node.nodeName + attributes(schema.nodes[node.nodeName]?.spec.attrs, node.getAttributes());
      return;
    }
    if (!(node instanceof Y.XmlText)) return;
    for (const op of node.toDelta() as { insert: unknown; attributes?: Record<string, Record<string, unknown>> }[]) {
      if (typeof op.insert !== 'string') continue;
      const marks = JSON.stringify(
        Object.entries(op.attributes ?? {})
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([name, attrs]) => [name, attributes(schema.marks[name]?.spec.attrs, typeof attrs === 'object' && attrs !== null ? attrs : {})]),
      );
      if (marks !== this.lastMarks) this.text += MARKS + marks;
      this.lastMarks = marks;
      this.text += op.insert;
    }
  }
}

export function sourceFingerprint(doc: Y.Doc): string {
  const segments = doc.getMap<Y.Map<unknown>>(ROOT.segments);
  const writer = new SourceWriter();
  const sideOf = (id: string) => segments.get(id)?.get(SEGMENT.source);
  const ordered = orderedIds(doc.getArray<string>(ROOT.order), (candidate) => segments.has(candidate));
  for (const id of ordered) {
    const source = sideOf(id);
    if (source instanceof Y.XmlFragment) writer.side(source);
  }
  const inOrder = new Set(ordered);
  for (const id of [...segments.keys()].filter((candidate) => !inOrder.has(candidate)).sort()) {
    const source = sideOf(id);
    if (!(source instanceof Y.XmlFragment) || source.length === 0) continue;
    writer.text += OUTSIDE_ORDER + id;
    writer.side(source);
  }
  return writer.text;
}
