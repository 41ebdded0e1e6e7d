/**
 * The blocks of a side, apart from their text, as the tuv's
 * `<prop type="x-duet-shape">`: JSON, one object per block, named after the
 * ProseMirror node with its attributes beside the name:
 *
 *   [{"type":"heading","level":2}]
 *   [{"type":"blockquote","paragraphs":2}]
 *   [{"type":"figure","src":"/a.jpg","alt":"A ward","title":null}]
 *
 * Other tools carry the prop along and show the seg as text with tags; Duet
 * puts the seg's runs of text (split at its `x-duet-block` codes) back into
 * these blocks. A side that is one paragraph has no prop: that is what a seg
 * without one reads as.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { attributeProblem } from '../schema/attribute-ranges';
import { schema } from '../schema/schema';
import { buildSide, runsFit, shapeOf, type BlockShape } from '../xliff/block-shapes';

/** How many paragraphs a quotation may say it has. */
const MAX_PARAGRAPHS = 10_000;

/** The side's shape as the prop's JSON; null for a side that is one paragraph. */
export function writeShape(side: PMNode): string | null {
  const shapes = shapeOf(side);
  if (shapes.length === 1 && shapes[0]!.type === 'paragraph') return null;
  return JSON.stringify(
    shapes.map((shape) => (shape.type === 'blockquote' ? { type: shape.type, paragraphs: shape.runs } : { type: shape.type, ...shape.attrs })),
  );
}

/** The prop's JSON read back; an Error whose message says what is wrong when it is not a shape Duet writes. */
export function readShape(json: string): BlockShape[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error('it is not JSON');
  }
  if (!Array.isArray(value)) throw new Error('it is not a list of blocks');
  return value.map((entry: unknown, index) => {
    const where = `block ${index + 1}`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new Error(`${where} is not an object`);
    const { type, paragraphs, ...attrs } = entry as Record<string, unknown>;
    const nodeType = typeof type === 'string' && Object.hasOwn(schema.nodes, type) ? schema.nodes[type] : undefined;
    if (!nodeType || !nodeType.isInGroup('block')) throw new Error(`${where} is of the type ${JSON.stringify(type)}, not a kind of block Duet knows`);
    const declared = nodeType.spec.attrs ?? {};
    const extra = Object.keys(attrs).find((key) => !Object.hasOwn(declared, key));
    if (extra !== undefined) throw new Error(`${where} (${nodeType.name}) has no attribute "${extra}"`);
    let runs = nodeType.isTextblock ? 1 : 0;
    if (nodeType === schema.nodes.blockquote) {
      if (typeof paragraphs !== 'number' || !Number.isInteger(paragraphs) || paragraphs < 1 || paragraphs > MAX_PARAGRAPHS)
        throw new Error(`${where} (blockquote) needs "paragraphs", a whole number from 1 to ${MAX_PARAGRAPHS}`);
      runs = paragraphs;
    } else if (paragraphs !== undefined) throw new Error(`${where} (${nodeType.name}) has no attribute "paragraphs"`);
    let problem: string | null;
    try {
      problem = attributeProblem(nodeType.create(attrs));
    } catch (error) {
      problem = (error as Error).message;
    }
    if (problem !== null) throw new Error(`${where}: ${problem}`);
    return { type: nodeType.name, attrs: { ...nodeType.create(attrs).attrs }, runs };
  });
}

/** The side rebuilt from its shape and runs of text; null when the runs do not fit the shape (another tool dropped a block code). */
export function sideFromShape(shapes: readonly BlockShape[], runs: readonly PMNode[][]): PMNode | null {
  if (!runsFit(shapes, runs)) return null;
  try {
    return buildSide(shapes, runs, 'side');
  } catch {
    return null;
  }
}

/** A side without Duet's shape: one paragraph per run. */
export const paragraphsOf = (runs: readonly PMNode[][]): PMNode =>
  schema.nodes.doc!.create(
    null,
    runs.map((run) => schema.nodes.paragraph!.create(null, run)),
  );
