/**
 * Importing real sources end to end: the Zhihu fixture against its ground
 * truth, the opensource.guide Chinese articles, a WeChat page, a Word document
 * made here, plain text, and every kind of bad input.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import type { Node as PMNode } from 'prosemirror-model';
import { schema } from '../schema/schema';
import { createArticle, isSideEmpty, readArticle } from '../article/article';
import { DuetError } from '../protocol/errors';
import { a, doc, fig, h, li, p, strong, br } from '../testing/builders';
import { FIXTURES, HAVE_FIXTURES, NO_FIXTURES_REASON, readFixture, SEED_PAIRS, type PairsFixture } from '../testing/fixtures';
import { sourceBlock } from '../testing/pairs';
import { PNG_BASE64, wordDocument } from './testdata/word-document';
import { importSource, MAX_IMPORT_BYTES, previewSource, readSource, type ImportSourceInput } from './import-source';

const bytes = (text: string) => new TextEncoder().encode(text);
const ZHIHU = join(FIXTURES, 'sources', 'zhihu-372335557.html');
const WECHAT = fileURLToPath(new URL('./testdata/wechat-article.html', import.meta.url));
const ZH_HANS = join(FIXTURES, 'published', 'opensource.guide', '_articles', 'zh-hans');

async function blocksOf(input: ImportSourceInput): Promise<PMNode[]> {
  return (await readSource(input)).blocks;
}

/** The block with only its links among its marks: the pairs fixture records text and links, not emphasis. */
function withLinksOnly(block: PMNode): PMNode {
  if (!block.isTextblock) return block;
  const content: PMNode[] = [];
  block.forEach((child) =>
    content.push(
      child.isText
        ? schema.text(
            child.text!,
            child.marks.filter((mark) => mark.type.name === 'link'),
          )
        : child,
    ),
  );
  return block.type.create(block.attrs, content);
}

describe.skipIf(!HAVE_FIXTURES)(`the Zhihu fixture (${HAVE_FIXTURES ? 'present' : NO_FIXTURES_REASON})`, () => {
  const pairs = () => (JSON.parse(readFixture(SEED_PAIRS)) as PairsFixture).pairs;
  const expected = (): PMNode[] => {
    let listNumber = 0;
    return pairs().flatMap((pair) => {
      listNumber = pair.source?.kind === 'list-item' ? listNumber + 1 : 0;
      return pair.source ? [sourceBlock(pair.source, listNumber)] : [];
    });
  };
  const imported = () => blocksOf({ bytes: readFileSync(ZHIHU), filename: 'zhihu-372335557.html' });

  test('imports into exactly the source blocks of the pairs, in order', async () => {
    const blocks = await imported();
    const want = expected();
    expect(want).toHaveLength(43);
    expect(blocks.map((block) => withLinksOnly(block).toJSON())).toEqual(want.map((block) => block.toJSON()));
  });

  test('figures carry the lazy-loaded image (data-actualsrc) and their captions, each once', async () => {
    const figures = (await imported()).filter((block) => block.type.name === 'figure');
    expect(figures.map((figure) => [figure.attrs.src, figure.textContent])).toEqual([
      ['https://pic1.zhimg.com/v2-5c1e0a7d3f2b9e8a4c6d0f1a2b3c4d5e_b.jpg', '来自隔离病房里一部污染手机的珍贵照片'],
      ['https://pic3.zhimg.com/v2-8e7d6c5b4a39281706f5e4d3c2b1a0f9_b.jpg', '网上广为流传的放射科医生累到睡着的照片'],
      ['https://pic4.zhimg.com/v2-0a1b2c3d4e5f60718293a4b5c6d7e8f9_b.jpg', '“CT 方舱”设备，我院至少已经获赠两台'],
      ['https://pic2.zhimg.com/v2-f9e8d7c6b5a4938271605f4e3d2c1b0a_b.jpg', ''],
    ]);
  });

  test('keeps the bold runs as strong marks', async () => {
    const blocks = await imported();
    expect(blocks[7]!.eq(p('一句话：', strong('成熟、可投入临床使用的医疗 AI 技术，是对疫情一线超负荷运转、诊疗人力短缺的及时回应。')))).toBe(true);
  });

  test('becomes an article of untranslated segments with empty English sides, titled by the question', async () => {
    const init = await importSource({ bytes: readFileSync(ZHIHU), filename: 'zhihu-372335557.html', sourceUrl: 'https://www.zhihu.com/question/372335557' });
    const ydoc = new Y.Doc();
    createArticle(ydoc, init);
    const article = readArticle(ydoc);
    expect(article.meta).toMatchObject({
      sourceTitle: '如何看待阿里达摩院研发的新冠肺炎 CT 影像 AI 诊断技术，平均识别不到 20 秒准确率达 96%？',
      sourceUrl: 'https://www.zhihu.com/question/372335557',
    });
    expect(article.segments).toHaveLength(43);
    for (const segment of article.segments) {
      expect(segment.status).toBe('untranslated');
      expect(isSideEmpty(segment.target)).toBe(true);
      expect(segment.source.childCount).toBe(1);
    }
    expect(article.frontMatter).toEqual([]);
  });
});

describe.skipIf(!HAVE_FIXTURES)(`the opensource.guide Chinese articles as Markdown (${HAVE_FIXTURES ? 'present' : NO_FIXTURES_REASON})`, () => {
  const files = ['code-of-conduct.md', 'finding-users.md', 'metrics.md'];

  test.each(files)('%s keeps its headings, lists, quotes, images and links', async (name) => {
    const text = readFixture(join(ZH_HANS, name));
    const body = text.replace(/^---\n[\s\S]*?\n---\n/, '');
    const { meta, blocks } = await readSource({ bytes: bytes(text), filename: name, format: 'markdown' });
    const of = (type: string) => blocks.filter((block) => block.type.name === type);

    expect(meta.sourceTitle).toBe(/^title: (.*)$/m.exec(text)![1]);
    expect(of('heading').map((block) => [block.attrs.level, block.textContent])).toEqual(
      [...body.matchAll(/^(#{1,6}) (.*)$/gm)].map((match) => [match[1]!.length, match[2]]),
    );
    expect(of('list_item')).toHaveLength([...body.matchAll(/^\* /gm)].length);
    expect(of('blockquote').map((block) => block.textContent)).toEqual([...body.matchAll(/^> (.*)$/gm)].map((match) => match[1]!.replace(/\*\*/g, '')));
    expect(of('figure').map((block) => block.attrs.src)).toEqual(
      [...body.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)|<img src="([^"]+)"/g)].map((match) => match[1] ?? match[2]),
    );

    const hrefs = new Set<string>();
    for (const block of blocks)
      block.descendants((node) => void node.marks.forEach((mark) => mark.type.name === 'link' && hrefs.add(mark.attrs.href as string)));
    const linked = [...body.matchAll(/(?<!!)\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1]!);
    expect(linked.length).toBeGreaterThan(3);
    for (const href of linked) expect(hrefs).toContain(href);

    // Nothing is left as verbatim markup or as literal Markdown syntax.
    expect(of('raw_block')).toEqual([]);
    for (const block of blocks) expect(block.textContent).not.toMatch(/\]\(|<\/?[a-z]|^\s*[*#>] /);
  });
});

describe('a WeChat page', () => {
  const page = () => readFileSync(WECHAT);

  test('every real paragraph and image comes through, cleaned', async () => {
    const blocks = await blocksOf({ bytes: page(), filename: 'wechat-article.html' });
    const expected = doc(
      h(1, '一线医生谈 AI 读片'),
      p('疫情暴发以来，放射科的工作量成倍增加。'),
      p('我们医院每天要做', strong('四百多人次'), '的 CT 检查。'),
      fig('https://mmbiz.qpic.cn/mmbiz_jpg/AbCdEf123/640?wx_fmt=jpeg&from=appmsg', '', '放射科医生在阅片'),
      p('第一，AI 能在几秒钟内标出可疑病灶；', br(), '第二，它不会疲劳。'),
      p('但是，', strong('诊断仍然要由医生签字'), '。'),
      fig('https://mmbiz.qpic.cn/mmbiz_png/XyZ789/640?wx_fmt=png', '', '▲ 图：AI 标注的病灶'),
      p('（完）'),
      fig('https://mmbiz.qpic.cn/mmbiz_jpg/Evil456/640?wx_fmt=jpeg', ''),
      p('点击这里阅读原文。'),
    );
    expect(doc(...blocks).toJSON()).toEqual(expected.toJSON());
  });

  test('nothing executable or hidden survives', async () => {
    const init = await importSource({ bytes: page(), filename: 'wechat-article.html' });
    const ydoc = new Y.Doc();
    createArticle(ydoc, init);
    const stored = JSON.stringify(ydoc.toJSON());
    expect(stored).toContain('诊断仍然要由医生签字');
    for (const forbidden of [
      'javascript',
      'alert',
      'onerror',
      'onclick',
      'script',
      'iframe',
      'v.qq.com',
      'data:image',
      'wx_lazy',
      '隐藏',
      '隐身',
      'mp-common-profile',
      '关注我们',
      '阅读原文"',
    ]) {
      expect(stored).not.toContain(forbidden);
    }
  });

  test('its title, author, date and address become the metadata', async () => {
    expect((await readSource({ bytes: page(), filename: 'wechat-article.html' })).meta).toEqual({
      sourceTitle: '一线医生谈 AI 读片',
      sourceAuthor: '李医生',
      sourceDate: '2020-02-23T10:30',
      sourceUrl: 'http://mp.weixin.qq.com/s?__biz=MzA5NzEwMTQ2MQ==&mid=2650001234&idx=1&sn=abcdef',
    });
  });
});

describe('a Word document', () => {
  test('imports its headings, bold, lists and image (embedded as a data: URL), and its first heading is the title', async () => {
    const { format, meta, blocks } = await readSource({ bytes: await wordDocument(), filename: '报告.docx' });
    expect(format).toBe('docx');
    expect(meta).toEqual({ sourceTitle: '医疗 AI 的现状' });
    const expected = doc(
      h(1, '医疗 AI 的现状'),
      h(2, '背景'),
      p('这是', strong('重点'), '内容。'),
      li({}, '移动 CT'),
      li({}, 'AI 诊断'),
      li({ ordered: true, number: 1 }, '第一步'),
      li({ ordered: true, number: 2 }, '第二步'),
      fig(`data:image/png;base64,${PNG_BASE64}`, 'CT 图像', '图：肺部 CT'),
    );
    expect(doc(...blocks).toJSON()).toEqual(expected.toJSON());
  });

  test('is detected by its zip header without a name', async () => {
    expect((await readSource({ bytes: await wordDocument() })).format).toBe('docx');
  });
});

describe('plain text', () => {
  test('blank lines separate paragraphs and wrapped lines join', async () => {
    const blocks = await blocksOf({ bytes: bytes('　　第一段，被\n换行了。\n\n第二段。\n'), filename: 'notes.txt' });
    expect(doc(...blocks).toJSON()).toEqual(doc(p('第一段，被换行了。'), p('第二段。')).toJSON());
  });

  test('the chosen format overrides detection: HTML read as text is text', async () => {
    const blocks = await blocksOf({ bytes: bytes('<p>你好</p>'), format: 'text' });
    expect(blocks.map((block) => block.textContent)).toEqual(['<p>你好</p>']);
  });

  test('a paste with a link is detected as Markdown, and read as text when asked', async () => {
    const text = bytes('见[官网](https://a.cn/)。');
    expect(doc(...(await blocksOf({ bytes: text }))).toJSON()).toEqual(doc(p('见', a('https://a.cn/', '官网'), '。')).toJSON());
    expect((await blocksOf({ bytes: text, format: 'text' })).map((block) => block.textContent)).toEqual(['见[官网](https://a.cn/)。']);
  });
});

test('long paragraphs are split into sentences when asked', async () => {
  const long =
    '最关键的是诊断。临床无小事。放射科医生绝不是随便看看片子就完事了。一份影像报告直接影响临床诊疗，每一个字都可能产生很大影响。这其中付出的心血，超出外人的想象！另外，新冠肺炎是一种“新病”。';
  const blocks = await blocksOf({ bytes: bytes(`${long}\n\n短句。也短。\n`), format: 'text', sentences: true });
  expect(blocks.map((block) => block.textContent)).toEqual([
    '最关键的是诊断。',
    '临床无小事。',
    '放射科医生绝不是随便看看片子就完事了。',
    '一份影像报告直接影响临床诊疗，每一个字都可能产生很大影响。',
    '这其中付出的心血，超出外人的想象！',
    '另外，新冠肺炎是一种“新病”。',
    '短句。也短。',
  ]);
});

test('the preview is what the import creates, as plain data', async () => {
  const input = { bytes: readFileSync(WECHAT), filename: 'wechat-article.html' };
  const preview = await previewSource(input);
  const init = await importSource(input);
  expect(preview.format).toBe('html');
  expect(preview.meta).toEqual(init.meta);
  expect(JSON.parse(JSON.stringify(preview))).toEqual(preview);
  expect(preview.segments.map((segment) => segment.block)).toEqual(init.segments!.map((segment) => segment.source!.firstChild!.toJSON()));
  expect(preview.segments[4]!.text).toBe('第一，AI 能在几秒钟内标出可疑病灶；\n第二，它不会疲劳。');
  expect(preview.segments[3]).toEqual({
    type: 'figure',
    text: '放射科医生在阅片',
    block: {
      type: 'figure',
      attrs: { src: 'https://mmbiz.qpic.cn/mmbiz_jpg/AbCdEf123/640?wx_fmt=jpeg&from=appmsg', alt: '', title: null },
      content: [{ type: 'text', text: '放射科医生在阅片' }],
    },
  });
});

describe('bad input is refused with a clear message', () => {
  const zip = (size: number) => {
    const out = new Uint8Array(size);
    out.set([0x50, 0x4b, 0x03, 0x04]);
    return out;
  };
  const cases: [string, ImportSourceInput, string, RegExp][] = [
    ['an empty file', { bytes: new Uint8Array(), filename: 'a.html' }, 'invalid_input', /a\.html is empty/],
    ['white space only', { bytes: bytes(' \n\u3000\n'), filename: 'a.txt' }, 'invalid_input', /holds only white space|no text to import/],
    ['a binary file', { bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), filename: 'photo.png' }, 'invalid_input', /not a text file/],
    ['a binary file with no name', { bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]) }, 'invalid_input', /not a text file/],
    ['invalid UTF-8', { bytes: new Uint8Array([0x3c, 0x70, 0x3e, 0xe9, 0x3c]), filename: 'gbk.html' }, 'invalid_input', /not valid UTF-8/],
    ['text over the size limit', { bytes: new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61), filename: 'big.txt' }, 'too_large', /the limit is 5\.0 MiB/],
    ['a Word file over the size limit', { bytes: zip(MAX_IMPORT_BYTES + 1), filename: 'big.docx' }, 'too_large', /the limit is 5\.0 MiB/],
    [
      'HTML that yields no text',
      {
        bytes: bytes(
          '<html><head><title>空</title><script>alert(1)</script></head><body><style>p{}</style><p style="display:none">隐藏</p><p><br></p><p>&nbsp;</p></body></html>',
        ),
        filename: 'empty.html',
      },
      'invalid_input',
      /empty\.html has no text to import/,
    ],
    [
      'HTML with only a placeholder image',
      { bytes: bytes('<p><img src="data:image/gif;base64,R0lGOD"></p>'), format: 'html' },
      'invalid_input',
      /has no text to import/,
    ],
    ['text given as a Word file', { bytes: bytes('你好'), format: 'docx' }, 'invalid_input', /not a Word \(\.docx\) document/],
    ['a damaged Word file', { bytes: zip(64), filename: 'broken.docx' }, 'invalid_input', /broken\.docx is not a readable Word \(\.docx\) document/],
    ['a zip archive that is not a Word file', { bytes: zip(64), filename: 'photos.zip' }, 'invalid_input', /zip archive, not a Word/],
    ['malformed front matter', { bytes: bytes('---\ntitle: "x\n---\n\n正文\n'), filename: 'a.md' }, 'invalid_input', /malformed front matter/],
    [
      'markup nested thousands deep',
      { bytes: bytes(`${'<section>'.repeat(5000)}<p>深</p>${'</section>'.repeat(5000)}`), format: 'html' },
      'invalid_input',
      /nests its markup too deeply/,
    ],
    [
      'a source URL that is not a web address',
      { bytes: bytes('正文'), sourceUrl: 'javascript:alert(1)' },
      'invalid_input',
      /source URL must be an http\(s\) address/,
    ],
  ];

  test.each(cases)('%s', async (_name, input, code, message) => {
    const error = await importSource(input).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DuetError);
    expect((error as DuetError).code).toBe(code);
    expect((error as DuetError).message).toMatch(message);
  });
});
