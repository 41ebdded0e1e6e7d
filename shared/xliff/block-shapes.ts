/**
 * The blocks of a side, apart from their text: what XLIFF has no word for.
 *
 * A side's text travels in `<source>`/`<target>` as runs (one per textblock,
 * one per paragraph of a quotation; rules and raw blocks have none), and its
 * blocks travel in Duet's namespace inside the trans-unit, one empty element
 * per block, named after the ProseMirror node:
 *
 *   <duet:source-blocks><duet:heading level="2"/></duet:source-blocks>
 *   <duet:target-blocks><duet:figure src="/a.jpg" alt="A ward"/></duet:target-blocks>
 *
 * Together they rebuild the side exactly.
 */
import type { Fragment, Node as PMNode } from 'prosemirror-model';
import { schema, LIST_BULLETS, LIST_DELIMITERS } from '../schema/schema';
import { HEADING_LEVELS, LIST_NUMBERS } from '../schema/attribute-ranges';
import { DUET_NS, DUET_PREFIX } from './vocabulary';
import { escapeXmlText, xmlAttributes } from './xml-text';
import { attr, childElements, textContent, type XmlElement } from './xml-tree';
import { UnitProblem } from './unit-problem';

/** One block of a side without its inline content; `runs` is how many runs of text it takes. */
export interface BlockShape {
  type: string;
  attrs: Record<string, unknown>;
  runs: number;
}

export function shapeOf(side: PMNode): BlockShape[] {
  const shapes: BlockShape[] = [];
  side.forEach((block) => {
    const runs = block.type === schema.nodes.blockquote ? block.childCount : block.isTextblock ? 1 : 0;
    shapes.push({ type: block.type.name, attrs: { ...block.attrs }, runs });
  });
  return shapes;
}

/** A side's inline content, run by run (see shapeOf for how many each block has). */
export function runsOf(side: PMNode): Fragment[] {
  const runs: Fragment[] = [];
  side.forEach((block) => {
    if (block.type === schema.nodes.blockquote) block.forEach((paragraph) => runs.push(paragraph.content));
    else if (block.isTextblock) runs.push(block.content);
  });
  return runs;
}

/** How many runs of text a side with these blocks has (an empty `<source/>` is one empty run). */
export const runCount = (shapes: readonly BlockShape[]): number => shapes.reduce((sum, shape) => sum + shape.runs, 0);

export function runsFit(shapes: readonly BlockShape[], runs: readonly PMNode[][]): boolean {
  const needed = runCount(shapes);
  return needed === runs.length || (needed === 0 && runs.length === 1 && runs[0]!.length === 0);
}

/** Put runs of text back into their blocks; UnitProblem when they do not fit. */
export function buildSide(shapes: readonly BlockShape[], runs: readonly PMNode[][], what: string): PMNode {
  if (!runsFit(shapes, runs)) {
    throw new UnitProblem(
      `the ${what} has ${runs.length} block${runs.length === 1 ? '' : 's'} of text where ${runCount(shapes)} ${runCount(shapes) === 1 ? 'was' : 'were'} expected (keep each <x ctype="x-duet-block"/> tag)`,
    );
  }
  let next = 0;
  const blocks = shapes.map((shape) => {
    const type = schema.nodes[shape.type]!;
    if (type === schema.nodes.blockquote) {
      const paragraphs = Array.from({ length: shape.runs }, () => schema.nodes.paragraph!.create(null, runs[next++]!));
      return type.create(shape.attrs, paragraphs);
    }
    return type.create(shape.attrs, shape.runs === 1 ? runs[next++]! : null);
  });
  const side = schema.nodes.doc!.create(null, blocks);
  try {
    side.check();
  } catch (error) {
    throw new UnitProblem(`the ${what} is not valid content: ${(error as Error).message}`);
  }
  return side;
}

const yesNo = (value: unknown) => (value ? 'yes' : 'no');

function shapeAttributes(shape: BlockShape): [string, string | number | null | undefined][] {
  const a = shape.attrs;
  switch (shape.type) {
    case 'heading':
      return [['level', a.level as number]];
    case 'list_item':
      return [
        ['ordered', yesNo(a.ordered)],
        ['number', a.number as number | null],
        ['marker', a.marker as string],
      ];
    case 'blockquote':
      return [['paragraphs', shape.runs]];
    case 'figure':
      return [
        ['src', a.src as string],
        ['alt', a.alt as string],
        ['title', a.title as string | null],
      ];
    default:
      return [];
  }
}

/** `<duet:NAME>` with one element per block. */
export function writeShapes(name: string, shapes: readonly BlockShape[], indent: string): string {
  const blocks = shapes.map((shape) => {
    const open = `<${DUET_PREFIX}:${shape.type}${xmlAttributes(shapeAttributes(shape))}`;
    // A raw block's markup is the block: element content, escaped, exactly as stored.
    return shape.type === 'raw_block' ? `${open}>${escapeXmlText(shape.attrs.text as string)}</${DUET_PREFIX}:${shape.type}>` : `${open}/>`;
  });
  return `${indent}<${DUET_PREFIX}:${name}>${blocks.join('')}</${DUET_PREFIX}:${name}>`;
}

/** Read `<duet:NAME>` back; UnitProblem for anything that is not a block Duet knows. */
export function readShapes(container: XmlElement): BlockShape[] {
  return childElements(container).map((element) => {
    if (element.uri !== DUET_NS) throw new UnitProblem(`<${element.local}> inside <duet:${container.local}> is not a Duet block`);
    return readShape(element);
  });
}

function readShape(element: XmlElement): BlockShape {
  const value = (name: string) => attr(element, name);
  const integer = (name: string, min: number, max: number): number => {
    const text = value(name);
    const number = Number(text);
    if (text === undefined || !/^\d+$/.test(text) || number < min || number > max)
      throw new UnitProblem(`<duet:${element.local}> needs ${name} between ${min} and ${max}, not "${text ?? ''}"`);
    return number;
  };
  switch (element.local) {
    case 'paragraph':
      return { type: 'paragraph', attrs: {}, runs: 1 };
    case 'heading':
      return { type: 'heading', attrs: { level: integer('level', HEADING_LEVELS.min, HEADING_LEVELS.max) }, runs: 1 };
    case 'list_item': {
      const ordered = value('ordered') === 'yes';
      const marker = value('marker') ?? (ordered ? '.' : '-');
      const markers: readonly string[] = ordered ? LIST_DELIMITERS : LIST_BULLETS;
      if (!markers.includes(marker)) throw new UnitProblem(`<duet:list_item> has the marker "${marker}", not one of ${markers.join(' ')}`);
      const number = value('number') === undefined ? null : integer('number', LIST_NUMBERS.min, LIST_NUMBERS.max);
      return { type: 'list_item', attrs: { ordered, number, marker }, runs: 1 };
    }
    case 'blockquote':
      return { type: 'blockquote', attrs: {}, runs: integer('paragraphs', 1, 10_000) };
    case 'figure':
      return { type: 'figure', attrs: { src: value('src') ?? '', alt: value('alt') ?? '', title: value('title') ?? null }, runs: 1 };
    case 'horizontal_rule':
      return { type: 'horizontal_rule', attrs: {}, runs: 0 };
    case 'raw_block':
      return { type: 'raw_block', attrs: { text: textContent(element) }, runs: 0 };
    default:
      throw new UnitProblem(`<duet:${element.local}> is not a kind of block Duet knows`);
  }
}
