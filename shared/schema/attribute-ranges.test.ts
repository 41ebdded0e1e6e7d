/**
 * What is already stored with an attribute out of range (written before the
 * server judged ranges) is written as the nearest valid block: export never
 * fails on it and never turns it into other structure.
 */
import { describe, expect, test } from 'vitest';
import { serializeBlock } from '../markdown/serialize-block';
import { blockHtml } from '../export/side-html';
import { attributeProblem, withAttributesInRange } from './attribute-ranges';
import { schema } from './schema';

const text = (value: string) => schema.text(value);
const heading = (level: unknown) => schema.nodes.heading!.create({ level }, text('Seven'));
const item = (attrs: Record<string, unknown>) => schema.nodes.list_item!.create(attrs, text('item'));

describe('a stored block with an attribute out of range', () => {
  test.each([
    ['a heading of level 7', heading(7), '###### Seven'],
    ['a heading of level 0', heading(0), '# Seven'],
    ['a heading of level 2.6', heading(2.6), '### Seven'],
    ['a bullet whose marker would open a heading', item({ ordered: false, marker: '\n# x' }), '- item'],
    ['a numbered item with a bullet marker', item({ ordered: true, number: 3, marker: '-' }), '3. item'],
    ['a numbered item whose number is markup', item({ ordered: true, number: '<script>', marker: '.' }), '1. item'],
    ['a numbered item of thirty digits', item({ ordered: true, number: 1e30, marker: '.' }), '999999999. item'],
    [
      'a figure whose title is a number',
      schema.nodes.figure!.create({ src: '/a.png', alt: 'A', title: 5 }, text('Cap')),
      '<figure>\n  <img src="/a.png" alt="A" title="5"/>\n  <figcaption>Cap</figcaption>\n</figure>',
    ],
    [
      'a link whose title is an object',
      schema.nodes.paragraph!.create(null, schema.text('x', [schema.marks.link!.create({ href: '/a', title: { x: 1 } })])),
      '[x](/a "[object Object]")',
    ],
  ])('%s is written as the nearest valid block', (_, block, markdown) => {
    expect(attributeProblem(block)).not.toBeNull();
    expect(attributeProblem(withAttributesInRange(block))).toBeNull();
    expect(serializeBlock(block)).toBe(markdown);
  });

  test('the review copy shows a heading of level 7 as the deepest heading', () => {
    expect(blockHtml(heading(7))).toBe('<h6>Seven</h6>');
  });

  test('a block in range is left as it is', () => {
    const block = item({ ordered: true, number: 12, marker: ')' });
    expect(withAttributesInRange(block)).toBe(block);
    expect(serializeBlock(block)).toBe('12) item');
  });
});
