/**
 * serializeBlock on blocks no translator means but any can type (issue 20:
 * runs of `*`, `_`, `` ` ``, `[`, `<`, `\` and mixed ones, 10,000 characters
 * each) and on blocks dense with marks: what it writes parses back, with the
 * project's own parser, to the same block. How long it takes is measured by
 * `npm run bench:serialize`, not here.
 */
import { describe, expect, test } from 'vitest';
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { schema } from '../schema/schema';
import { parseMarkdownBlocks } from './parse-markdown';
import { normalizeBlock, serializeBlock, serializeBlockLinear } from './serialize-block';
import { a, em, fig, h, li, p, quote, strong } from '../testing/builders';

const LENGTH = 10_000;
const run = (unit: string, length = LENGTH) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

function expectReadsBack(block: PMNode): string {
  const markdown = serializeBlock(block);
  const blocks = parseMarkdownBlocks(markdown);
  expect(blocks.length).toBe(1);
  // Compared as JSON strings: a 10,000-character mismatch is then one diff, not a tree of them.
  expect(JSON.stringify(blocks[0]!.toJSON())).toBe(JSON.stringify(normalizeBlock(block).toJSON()));
  return markdown;
}

/** Words alternately plain and marked, to about LENGTH characters. */
function alternating(mark: Mark, word: string): PMNode {
  const content: PMNode[] = [];
  for (let length = 0; length < LENGTH; length += 2 * word.length + 1) content.push(schema.text(`${word} `), schema.text(word, [mark]));
  return schema.nodes.paragraph!.create(null, content);
}

describe("issue 20's adversarial blocks read back", () => {
  const units = [
    '*',
    '_',
    '`',
    '[',
    '<',
    '\\',
    'a*',
    '*_',
    '[[[a',
    '`a',
    '`a`',
    ']',
    '!',
    '#',
    '~',
    '&',
    '|',
    '{{',
    '&copy;',
    'a* ',
    ' *a',
    '_a_ ',
    '[a](b) ',
    '<b>',
    '#~!<[]\\*_`',
    '`` ',
  ];
  test.each(units.map((unit) => [JSON.stringify(unit), unit]))('runs of %s', (_name, unit) => {
    expectReadsBack(p(run(unit)));
  });

  test('a heading of `#`, a list item of `-`, a quote of `>`, a caption of `<`', () => {
    expectReadsBack(h(2, run('#')));
    expectReadsBack(li({}, run('-')));
    expectReadsBack(li({ ordered: true, number: 3 }, run('1.')));
    expectReadsBack(quote(p(run('>')), p(run('*_'))));
    expectReadsBack(fig('/a.png', run('"&'), run('<')));
  });

  test('a run of spaces inside bold', () => {
    expectReadsBack(p('a', strong(` ${run(' ', LENGTH - 4)}b `), 'c'));
  });
});

describe('blocks dense with marks read back', () => {
  test.each([
    ['emphasis', alternating(schema.marks.em!.create(), 'word')],
    ['strong', alternating(schema.marks.strong!.create(), 'word')],
    ['site links', alternating(schema.marks.link!.create({ href: '/a', title: null }), 'word')],
    ['external links', alternating(schema.marks.link!.create({ href: 'https://x.org/', title: null }), 'word')],
    ['code holding backticks', alternating(schema.marks.code!.create(), 'w`d')],
    ['emphasis next to Chinese punctuation (written as HTML)', alternating(schema.marks.strong!.create(), '“重点”')],
    ['emphasis around stars', alternating(schema.marks.em!.create(), '*a*')],
  ])('%s', (_name, block) => {
    expectReadsBack(block);
  });

  test('emphasis spanning a link holding emphasis, many times', () => {
    const content = Array.from({ length: 500 }, (_, i) => [em('x ', a('/p', 'y ', strong(String(i))), ' z'), ' * '] as const).flat();
    expectReadsBack(p(...content));
  });
});

describe('which strategy writes a block', () => {
  test('an ordinary block keeps the minimal escapes of the re-parse strategy; the same text at length is written by the linear rules', () => {
    // The linear rules keep the escape of `<` before a letter; the re-parse sees that `<b c` opens no tag.
    expect(serializeBlock(p('a <b c'))).toBe('a <b c');
    const long = p(run('a <b c ', LENGTH).trimEnd());
    expect(serializeBlock(long)).toBe(serializeBlockLinear(long));
    expect(serializeBlock(long).startsWith('a \\<b c a \\<b c')).toBe(true);
    expectReadsBack(long);
  });

  test('a block of more pieces than a function call takes arguments is written, and reads back', () => {
    // 80,000 stars are 160,000 pieces (an escape and a character each); V8 refuses push(...) of about 130,000.
    expectReadsBack(p(run('*', 80_000)));
  });
});
