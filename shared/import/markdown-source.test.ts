import { describe, expect, test } from 'vitest';
import type { Node as PMNode } from 'prosemirror-model';
import { a, doc, em, fig, h, li, p, quote, raw, strong } from '../testing/builders';
import { markdownSource } from './markdown-source';

function expectBlocks(markdown: string, ...expected: PMNode[]): void {
  expect(doc(...markdownSource(markdown).blocks).toJSON()).toEqual(doc(...expected).toJSON());
}

describe('Chinese Markdown as source blocks', () => {
  test('headings, paragraphs, marks, links, lists, images and rules are the published parser’s', () => {
    expectBlocks(
      '## 标题\n\n正文有**粗体**、*斜体*和[链接](https://a.cn/)。\n\n* 一\n* 二\n\n1. 甲\n2. 乙\n\n![图](/img/a.png)\n',
      h(2, '标题'),
      p('正文有', strong('粗体'), '、', em('斜体'), '和', a('https://a.cn/', '链接'), '。'),
      li({ marker: '*' }, '一'),
      li({ marker: '*' }, '二'),
      li({ ordered: true, number: 1 }, '甲'),
      li({ ordered: true, number: 2 }, '乙'),
      fig('/img/a.png', '图'),
    );
  });

  test('each quoted paragraph is a segment of its own', () => {
    expectBlocks('> 第一段\n>\n> 第二段\n', quote(p('第一段')), quote(p('第二段')));
  });

  test('a raw HTML block is read as HTML and cleaned', () => {
    expectBlocks(
      '前文\n\n<div class="note"><p>注释<script>alert(1)</script></p><p onclick="x()">第二段</p></div>\n\n后文\n',
      p('前文'),
      p('注释'),
      p('第二段'),
      p('后文'),
    );
  });

  test('kramdown\'s markdown="1" blocks are read as Markdown inside, as Jekyll reads them', () => {
    expectBlocks(
      '<aside markdown="1" class="pquote">\n  <img src="https://a.cn/face.png" class="pquote-avatar" alt="avatar">\n  引文在这里。\n  <p markdown="1" class="pquote-credit">\n— 某人, ["文章"](https://a.cn/post)\n  </p>\n</aside>\n',
      fig('https://a.cn/face.png', 'avatar'),
      p('引文在这里。'),
      p('— 某人, ', a('https://a.cn/post', '"文章"')),
    );
  });

  test('code and tables stay verbatim', () => {
    expectBlocks('```js\nlet a = 1;\n```\n', raw('```js\nlet a = 1;\n```'));
  });

  test('a closing tag left alone by a blank line yields nothing', () => {
    expectBlocks('<aside markdown="1">\n引文\n\n— 某人\n\n</aside>\n', p('引文'), p('— 某人'));
  });

  test('the front matter is returned as entries, not blocks', () => {
    const source = markdownSource('---\ntitle: 标题\nauthor: 作者\n---\n\n正文\n');
    expect(source.frontMatter).toEqual([
      { key: 'title', value: '标题' },
      { key: 'author', value: '作者' },
    ]);
    expect(doc(...source.blocks).toJSON()).toEqual(doc(p('正文')).toJSON());
  });

  test.each([
    ['malformed front matter', '---\ntitle: "unclosed\n---\n\n正文\n', /malformed front matter/],
    ['front matter that never closes', '---\ntitle: x\n\n正文\n', /no closing "---" line/],
  ])('refuses %s', (_name, markdown, message) => {
    expect(() => markdownSource(markdown)).toThrow(message);
  });
});
