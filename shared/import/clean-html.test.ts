/**
 * The cleaning rules, one row per rule: a snippet of HTML as a page or a paste
 * has it, and the blocks it must become.
 */
import { describe, expect, test } from 'vitest';
import type { Element, Root } from 'hast';
import type { Node as PMNode } from 'prosemirror-model';
import { a, br, code, doc, em, fig, h, hr, li, p, quote, raw, strong } from '../testing/builders';
import { cleanHtml, parseHtml, type CleanHtmlOptions } from './clean-html';
import { htmlToBlocks } from './html-to-blocks';

const blocksOf = (html: string, options: CleanHtmlOptions = {}): PMNode => doc(...htmlToBlocks(cleanHtml(parseHtml(html), options)));

function expectBlocks(html: string, ...expected: PMNode[]): void {
  const actual = blocksOf(html);
  const wanted = doc(...expected);
  if (!actual.eq(wanted)) expect(actual.toJSON()).toEqual(wanted.toJSON());
}

const ZHIMG = 'https://pic1.zhimg.com/v2-abc_b.jpg';
const PLACEHOLDER = "data:image/svg+xml;utf8,&lt;svg xmlns='http://www.w3.org/2000/svg'&gt;&lt;/svg&gt;";

describe('what never comes through', () => {
  test.each([
    ['scripts', '<p>正文</p><script>alert(1)</script><p>后文</p>'],
    ['styles', '<style>p { color: red }</style><p>正文</p><p>后文</p>'],
    ['iframes, embeds and objects', '<p>正文</p><iframe src="https://v.qq.com/x"></iframe><embed src="x.swf"><object data="x"></object><p>后文</p>'],
    ['noscript text', '<p>正文</p><noscript>请启用 JavaScript</noscript><p>后文</p>'],
    ['WeChat widgets', '<p>正文</p><mp-common-profile data-nickname="公众号"></mp-common-profile><mpvoice name="x"></mpvoice><p>后文</p>'],
    ['forms and buttons', '<p>正文</p><button>关注</button><textarea>写评论</textarea><select><option>一</option></select><p>后文</p>'],
    ['templates and SVG icons', '<p>正文</p><template><p>模板</p></template><svg><text>图标</text></svg><p>后文</p>'],
    ['the hidden attribute', '<p>正文</p><div hidden><p>隐藏</p></div><p>后文</p>'],
    ['display: none', '<p>正文</p><p style="display:none">隐藏</p><p>后文</p>'],
    ['visibility: hidden', '<p>正文</p><section style="visibility: hidden !important"><p>隐藏</p></section><p>后文</p>'],
    ['comments', '<p>正文</p><!-- 注释 --><p>后文</p>'],
    ['navigation', '<nav><a href="/">首页</a></nav><p>正文</p><p>后文</p>'],
  ])('%s', (_name, html) => {
    expectBlocks(html, p('正文'), p('后文'));
  });

  test("WeChat's body starts hidden and is unhidden by a script: its text is kept", () => {
    expectBlocks(
      '<h1 id="activity-name"> 标题 </h1><div id="js_content" style="visibility: hidden;"><p>正文</p></div><div>页脚</div>',
      h(1, '标题'),
      p('正文'),
    );
  });

  test('event handlers, styles, classes and ids are not carried', () => {
    const clean = cleanHtml(
      parseHtml(
        '<p id="x" class="y" style="color:red" onclick="alert(1)">正文<img src="https://a.com/x.jpg" onerror="alert(2)" onload="alert(3)" alt="图" width="10"></p>',
      ),
    );
    const json = JSON.stringify(clean, (key, value) => (key === 'position' ? undefined : value));
    expect(json).not.toMatch(/onclick|onerror|onload|alert|className|style|"id"|width/i);
    const img = ((clean.children[1] as Element).children[0] as Element).properties;
    expect(img).toEqual({ src: 'https://a.com/x.jpg', alt: '图' });
  });

  test.each([
    ['javascript:', '<p>点<a href="javascript:alert(1)">这里</a></p>'],
    ['JavaScript: with spaces and case', '<p>点<a href=" JaVaScRiPt:alert(1)">这里</a></p>'],
    ['vbscript:', '<p>点<a href="vbscript:msgbox(1)">这里</a></p>'],
    ['data:', '<p>点<a href="data:text/html,<script>alert(1)</script>">这里</a></p>'],
  ])('a %s link keeps its text and loses its link', (_name, html) => {
    expectBlocks(html, p('点这里'));
  });

  test('images are http(s) only', () => {
    expectBlocks('<p>前</p><img src="javascript:alert(1)"><img src="data:image/png;base64,AAAA"><img src="file:///etc/passwd"><p>后</p>', p('前'), p('后'));
  });
});

describe('images', () => {
  test.each([
    [
      'data-original first (Zhihu full size)',
      `<img src="${PLACEHOLDER}" data-original="https://pic1.zhimg.com/v2-abc_r.jpg" data-actualsrc="${ZHIMG}">`,
      'https://pic1.zhimg.com/v2-abc_r.jpg',
    ],
    ['then data-actualsrc', `<img src="${PLACEHOLDER}" data-actualsrc="${ZHIMG}">`, ZHIMG],
    [
      'then data-src (WeChat)',
      '<img data-src="https://mmbiz.qpic.cn/a/640?wx_fmt=jpeg" src="https://mmbiz.qpic.cn/a/640?wx_fmt=jpeg&tp=webp&wx_lazy=1">',
      'https://mmbiz.qpic.cn/a/640?wx_fmt=jpeg',
    ],
    ['then the noscript copy', `<figure><noscript><img src="${ZHIMG}"></noscript><img src="${PLACEHOLDER}"></figure>`, ZHIMG],
    ['then src', '<img src="https://example.com/a.png">', 'https://example.com/a.png'],
    ['a protocol-relative source gets https', '<img src="//pic1.zhimg.com/x.jpg">', 'https://pic1.zhimg.com/x.jpg'],
  ])('the real source: %s', (_name, html, src) => {
    expectBlocks(html, fig(src, ''));
  });

  test('a lazy image and its noscript copy are one image', () => {
    expectBlocks(
      `<figure><noscript><img src="${ZHIMG}"></noscript><img src="${PLACEHOLDER}" data-actualsrc="${ZHIMG}"><figcaption>说明</figcaption></figure>`,
      fig(ZHIMG, '', '说明'),
    );
  });

  test('a noscript copy with no lazy twin is the image', () => {
    expectBlocks(`<p>前</p><noscript><img src="${ZHIMG}" alt="图"></noscript><p>后</p>`, p('前'), fig(ZHIMG, '图'), p('后'));
  });

  test('an image with only a placeholder is dropped', () => {
    expectBlocks(`<p>前</p><img src="${PLACEHOLDER}"><p>后</p>`, p('前'), p('后'));
  });

  test('the same image twice in a row is imported once', () => {
    expectBlocks(`<img src="${ZHIMG}"><img data-src="${ZHIMG}" src="${PLACEHOLDER}"><p>后</p>`, fig(ZHIMG, ''), p('后'));
  });

  test('an image inside a line of text splits the paragraph', () => {
    expectBlocks(`<p>前文<strong>加粗<img src="${ZHIMG}">续</strong>后文</p>`, p('前文', strong('加粗')), fig(ZHIMG, ''), p(strong('续'), '后文'));
  });

  test('a figure with two images gives its caption to the last', () => {
    expectBlocks(
      '<figure><img src="https://a.com/1.jpg"><img src="https://a.com/2.jpg"><figcaption>两张图</figcaption></figure>',
      fig('https://a.com/1.jpg', ''),
      fig('https://a.com/2.jpg', '', '两张图'),
    );
  });

  test('Zhihu formulas are code', () => {
    expectBlocks(
      '<p>公式<img eeimg="1" src="https://www.zhihu.com/equation?tex=x%5E2" alt="x^2">和<span class="ztext-math" data-tex="y_1">y_1</span></p>',
      p('公式', code('x^2'), '和', code('y_1')),
    );
  });

  test('a relative image is resolved against the page address', () => {
    expect(blocksOf('<img src="/img/a.png">', { baseUrl: 'https://example.com/post/1' }).eq(doc(fig('https://example.com/img/a.png', '')))).toBe(true);
  });
});

describe('captions', () => {
  const IMG = '<p style="text-align:center"><img data-src="https://mmbiz.qpic.cn/a/640"></p>';
  const SRC = 'https://mmbiz.qpic.cn/a/640';

  test.each([
    ['a small grey paragraph', `${IMG}<p style="text-align:center"><span style="font-size:12px;color:rgb(136,136,136)">现场照片</span></p><p>正文</p>`],
    ['a small paragraph', `${IMG}<p><span style="font-size: 13px">现场照片</span></p><p>正文</p>`],
    ['a grey paragraph', `${IMG}<section style="color:#999"><p>现场照片</p></section><p>正文</p>`],
    ['a short centred line under a standalone image', `${IMG}<p style="text-align:center">现场照片</p><p>正文</p>`],
    ['a standalone figcaption', `${IMG}<figcaption>现场照片</figcaption><p>正文</p>`],
  ])('%s right after an image becomes its caption', (_name, html) => {
    expectBlocks(html, fig(SRC, '', '现场照片'), p('正文'));
  });

  test('a line that says it is a caption (▲, 图：) becomes one', () => {
    expectBlocks(`${IMG}<p>▲ 图：现场照片</p><p>正文</p>`, fig(SRC, '', '▲ 图：现场照片'), p('正文'));
  });

  test.each<[string, string, PMNode[]]>([
    ['a plain paragraph', `${IMG}<p>这是正文的第一段。</p>`, [p('这是正文的第一段。')]],
    ['a long small paragraph', `${IMG}<p style="font-size:12px">${'很长的一段话，'.repeat(10)}</p>`, [p('很长的一段话，'.repeat(10))]],
    [
      'a centred line followed by more centred lines (a poem)',
      `${IMG}<p style="text-align:center">床前明月光</p><p style="text-align:center">疑是地上霜</p>`,
      [p('床前明月光'), p('疑是地上霜')],
    ],
  ])('%s after an image stays a paragraph', (_name, html, rest) => {
    expectBlocks(html, fig(SRC, ''), ...rest);
  });

  test('an image that has a figcaption keeps it, and the paragraph after stays', () => {
    expectBlocks(`<figure><img src="${ZHIMG}"><figcaption>原说明</figcaption></figure><p style="font-size:12px">小字</p>`, fig(ZHIMG, '', '原说明'), p('小字'));
  });
});

describe('links', () => {
  test.each([
    [
      'a Zhihu redirect becomes its target',
      '<p><a href="https://link.zhihu.com/?target=https%3A//example.com/a%3Fb%3D1">链接</a></p>',
      p(a('https://example.com/a?b=1', '链接')),
    ],
    [
      'a Zhihu entity link becomes plain text',
      '<p>关于<a href="https://zhida.zhihu.com/search?content_id=1&q=CT" class="RichContent-EntityWord">CT</a>的</p>',
      p('关于CT的'),
    ],
    ['an in-page anchor becomes plain text', '<p>见<a href="#ref_1">[1]</a></p>', p('见[1]')],
    ['a mailto link stays', '<p><a href="mailto:a@b.cn">写信</a></p>', p(a('mailto:a@b.cn', '写信'))],
    ['a link keeps its marks inside', '<p><a href="https://a.cn/"><b>粗</b>体</a></p>', p(a('https://a.cn/', strong('粗'), '体'))],
  ])('%s', (_name, html, expected) => {
    expectBlocks(html, expected);
  });

  test('a relative link is resolved against the page address', () => {
    expect(
      blocksOf('<p><a href="/p/2">下一篇</a></p>', { baseUrl: 'https://zhuanlan.zhihu.com/p/1' }).eq(doc(p(a('https://zhuanlan.zhihu.com/p/2', '下一篇')))),
    ).toBe(true);
  });
});

describe('emphasis by style', () => {
  test.each<[string, string, PMNode[]]>([
    ['font-weight: bold', '<p>一<span style="font-weight: bold">二</span>三</p>', [p('一', strong('二'), '三')]],
    ['font-weight: 700', '<p>一<span style="font-weight:700">二</span>三</p>', [p('一', strong('二'), '三')]],
    ['font-weight: 600', '<p>一<span style="font-weight:600;">二</span>三</p>', [p('一', strong('二'), '三')]],
    ['font-weight: bolder', '<p>一<span style="font-weight:bolder">二</span>三</p>', [p('一', strong('二'), '三')]],
    ['font-weight: 400 is not bold', '<p>一<span style="font-weight:400">二</span>三</p>', [p('一二三')]],
    ['font-weight: normal is not bold', '<p>一<span style="font-weight:normal">二</span>三</p>', [p('一二三')]],
    ['font-style: italic', '<p>一<span style="font-style:italic">二</span>三</p>', [p('一', em('二'), '三')]],
    ['a bold section around paragraphs', '<section style="font-weight:bold"><p>一</p><p>二</p></section>', [p(strong('一')), p(strong('二'))]],
    ['<b> and <strong>', '<p><b>一</b><strong>二</strong><i>三</i><em>四</em></p>', [p(strong('一二'), em('三四'))]],
  ])('%s', (_name, html, expected) => {
    expectBlocks(html, ...expected);
  });

  test('a bold heading is not bold inside as well', () => {
    expectBlocks('<h2 style="font-weight:bold"><span style="font-weight:700">标题</span></h2>', h(2, '标题'));
  });
});

describe('layout and white space', () => {
  test('nested sections and spans unwrap into their paragraphs', () => {
    expectBlocks(
      '<section data-tools="135编辑器"><section><section style="padding:10px"><p><span><span leaf="">第一段</span></span></p></section></section><section><span leaf="">第二段，</span><span>同一段</span></section></section>',
      p('第一段'),
      p('第二段，同一段'),
    );
  });

  test('text loose in a container is a paragraph of its own', () => {
    expectBlocks('<div>第一段<div>第二段</div>第三段</div>', p('第一段'), p('第二段'), p('第三段'));
  });

  test.each([
    ['<p><br></p>', '<p><br></p>'],
    ['<p>&nbsp;</p>', '<p>&nbsp;</p>'],
    ['an ideographic space', '<p>\u3000\u3000</p>'],
    ['zero-width characters', '<p><span>&#8203;&#xFEFF;</span></p>'],
    ['an empty section', '<section><span></span><br></section>'],
  ])('an empty paragraph (%s) is dropped', (_name, empty) => {
    expectBlocks(`<p>前</p>${empty}<p>后</p>`, p('前'), p('后'));
  });

  test('zero-width characters are removed from text', () => {
    expectBlocks('<p>放\u200B射\uFEFF科</p>', p('放射科'));
  });

  test('indentation at the start of a line goes, also after a line break', () => {
    expectBlocks('<p>\u3000\u3000第一行<br>&nbsp;&nbsp;第二行</p>', p('第一行', br(), '第二行'));
  });

  test('a line break inside a paragraph is kept, breaks at its edges are not', () => {
    expectBlocks('<p><br>第一行<br><br>第二行<br></p>', p('第一行', br(), br(), '第二行'));
  });

  test('white space collapses as a browser draws it', () => {
    expectBlocks('<p>\n  one   <b> two </b>\n three\t</p>', p('one ', strong('two '), 'three'));
  });

  test('headings, rules and code keep their kind', () => {
    expectBlocks('<h2>标题</h2><hr><h3>小标题</h3><pre><code>let a = 1;\n</code></pre>', h(2, '标题'), hr(), h(3, '小标题'), raw('```\nlet a = 1;\n```'));
  });

  test('a table gives one paragraph per cell', () => {
    expectBlocks('<table><tr><th>项目</th><th>数量</th></tr><tr><td>病床</td><td>800</td></tr></table>', p('项目'), p('数量'), p('病床'), p('800'));
  });

  test('the one article of a page is the text, not the chrome around it', () => {
    expectBlocks('<header><p>网站名</p></header><article><h1>标题</h1><p>正文</p></article><footer><p>版权</p></footer>', h(1, '标题'), p('正文'));
  });
});

describe('lists and quotations', () => {
  test('each list item is a block with its number and marker', () => {
    expectBlocks(
      '<ol start="3"><li>三</li><li><p>四</p><p>续</p></li></ol><ul><li>点</li></ul>',
      li({ ordered: true, number: 3 }, '三'),
      li({ ordered: true, number: 4 }, '四', br(), '续'),
      li({}, '点'),
    );
  });

  test('a nested list follows its item and the outer numbering resumes', () => {
    expectBlocks(
      '<ol><li>一<ol><li>甲</li><li>乙</li></ol></li><li>二</li></ol>',
      li({ ordered: true, number: 1 }, '一'),
      li({ ordered: true, number: 1 }, '甲'),
      li({ ordered: true, number: 2 }, '乙'),
      li({ ordered: true, number: 2 }, '二'),
    );
  });

  test('an empty item is dropped and keeps its number', () => {
    expectBlocks('<ol><li>一</li><li><br></li><li>三</li></ol>', li({ ordered: true, number: 1 }, '一'), li({ ordered: true, number: 3 }, '三'));
  });

  test('each quoted paragraph is a quotation of its own', () => {
    expectBlocks('<blockquote><p>第一段</p><p>第二段</p></blockquote>', quote(p('第一段')), quote(p('第二段')));
  });

  test('loose text in a quotation is a quoted paragraph', () => {
    expectBlocks('<blockquote>引文<br>第二行</blockquote>', quote(p('引文', br(), '第二行')));
  });
});

describe("Zhihu's copy credit", () => {
  test('is stripped when it ends the paste as paragraphs', () => {
    expectBlocks(
      '<p>正文。</p><p>作者：某人</p><p>链接：https://www.zhihu.com/question/1/answer/2</p><p>来源：知乎</p><p>著作权归作者所有。商业转载请联系作者获得授权，非商业转载请注明出处。</p>',
      p('正文。'),
    );
  });

  test('is stripped when it follows the last paragraph after line breaks', () => {
    expectBlocks('<p>正文。<br><br>作者：某人<br>链接：https://www.zhihu.com/question/1/answer/2<br>来源：知乎<br>著作权归作者所有。</p>', p('正文。'));
  });

  test("an answer's own author line is kept", () => {
    expectBlocks('<p>作者：林楚勉（武汉协和医院）</p><p>相关职业：麻醉科医生。</p>', p('作者：林楚勉（武汉协和医院）'), p('相关职业：麻醉科医生。'));
  });
});

test('the cleaned tree holds only blocks of the allowed kinds', () => {
  const root: Root = cleanHtml(
    parseHtml('<div><section><p>一</p><ul><li>二</li></ul></section><figure><img src="https://a.cn/x.png"></figure><blockquote>三</blockquote><hr></div>'),
  );
  expect(root.children.map((child) => (child as Element).tagName)).toEqual(['p', 'ul', 'figure', 'blockquote', 'hr']);
});
