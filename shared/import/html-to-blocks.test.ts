/** Clean hast → blocks: one row per block kind and inline rule, on hand-built clean trees. */
import { describe, expect, test } from 'vitest';
import type { ElementContent, Root } from 'hast';
import type { Node as PMNode } from 'prosemirror-model';
import { a, br, code, doc, em, h, hr, li, p, quote, raw, strong } from '../testing/builders';
import { schema } from '../schema/schema';
import { htmlToBlocks } from './html-to-blocks';

type Child = ElementContent | string;
const el = (tagName: string, properties: Record<string, string | number> = {}, ...children: Child[]): ElementContent => ({
  type: 'element',
  tagName,
  properties,
  children: children.map((child) => (typeof child === 'string' ? { type: 'text', value: child } : child)),
});
const root = (...children: ElementContent[]): Root => ({ type: 'root', children });

function expectBlocks(tree: Root, ...expected: PMNode[]): void {
  const actual = doc(...htmlToBlocks(tree));
  expect(actual.toJSON()).toEqual(doc(...expected).toJSON());
}

describe('blocks', () => {
  test.each([
    ['a paragraph', root(el('p', {}, '段落')), [p('段落')]],
    ['headings keep their level', root(el('h1', {}, '一'), el('h4', {}, '四')), [h(1, '一'), h(4, '四')]],
    ['a rule', root(el('hr')), [hr()]],
    [
      'a figure with alt, title and caption',
      root(el('figure', {}, el('img', { src: 'https://a.cn/x.png', alt: '图', title: '标题' }), el('figcaption', {}, '说', el('em', {}, '明')))),
      [
        schema.nodes.figure!.create({ src: 'https://a.cn/x.png', alt: '图', title: '标题' }, [
          schema.text('说'),
          schema.text('明', [schema.marks.em!.create()]),
        ]),
      ],
    ],
    ['a figure without a source is dropped', root(el('figure', {}, el('img', { alt: '图' }))), []],
    ['a bulleted list', root(el('ul', {}, el('li', {}, '甲'), el('li', {}, '乙'))), [li({}, '甲'), li({}, '乙')]],
    [
      'an ordered list from its start and values',
      root(el('ol', { start: 5 }, el('li', {}, '五'), el('li', { value: 9 }, '九'), el('li', {}, '十'))),
      [li({ ordered: true, number: 5 }, '五'), li({ ordered: true, number: 9 }, '九'), li({ ordered: true, number: 10 }, '十')],
    ],
    ['a quotation per quoted paragraph', root(el('blockquote', {}, el('p', {}, '一'), el('p', {}, '二'))), [quote(p('一')), quote(p('二'))]],
    ['code as a fenced raw block', root(el('pre', {}, 'a = 1\n\n')), [raw('```\na = 1\n```')]],
    ['loose inline content as a paragraph', root(el('strong', {}, '粗'), el('span', {}, '体')), [p(strong('粗'), '体')]],
    ['blocks inside a div', root(el('div', {}, el('p', {}, '一'), '二')), [p('一'), p('二')]],
    ['empty blocks are dropped', root(el('p', {}, ' '), el('h2', {}, el('br')), el('ul', {}, el('li', {}, '\u3000'))), []],
  ])('%s', (_name, tree, expected) => {
    expectBlocks(tree, ...expected);
  });
});

describe('inline content', () => {
  test.each([
    [
      'bold, italic and code',
      el('p', {}, el('b', {}, '粗'), el('i', {}, '斜'), el('code', {}, 'x()'), el('kbd', {}, 'Ctrl')),
      p(strong('粗'), em('斜'), code('x()Ctrl')),
    ],
    ['nested marks', el('p', {}, el('strong', {}, '粗', el('em', {}, '又斜'))), p(strong('粗', em('又斜')))],
    [
      'a link with a title',
      el('p', {}, el('a', { href: 'https://a.cn/', title: '提示' }, '链接')),
      p(schema.text('链接', [schema.marks.link!.create({ href: 'https://a.cn/', title: '提示' })])),
    ],
    ['a link without href is text', el('p', {}, el('a', {}, '文字')), p('文字')],
    [
      'a link to a refused address is text',
      el('p', {}, el('a', { href: 'xmpp:team@example.org' }, '聊天'), el('a', { href: 'javascript:alert(1)' }, '点')),
      p('聊天点'),
    ],
    ['a link around emphasis', el('p', {}, el('a', { href: 'https://a.cn/' }, el('em', {}, '斜'))), p(a('https://a.cn/', em('斜')))],
    ['unknown inline elements are transparent', el('p', {}, el('sup', {}, '1'), el('u', {}, '下划线')), p('1下划线')],
    ['a line break', el('p', {}, '一', el('br'), '二'), p('一', br(), '二')],
    ['spaces collapse across elements', el('p', {}, 'a  ', el('b', {}, '  b  '), '  c'), p('a ', strong('b '), 'c')],
    ['spaces around a line break go', el('p', {}, 'a  ', el('br'), '  b'), p('a', br(), 'b')],
    ['indentation goes at every line start', el('p', {}, '\u3000\u3000一', el('br'), '\u00A0\u00A0二'), p('一', br(), '二')],
    ['no-break spaces inside a line stay', el('p', {}, '一\u00A0二'), p('一\u00A0二')],
    ['breaks at the edges go', el('p', {}, el('br'), '一', el('br'), el('br')), p('一')],
  ])('%s', (_name, paragraph, expected) => {
    expectBlocks(root(paragraph as ElementContent), expected);
  });
});
