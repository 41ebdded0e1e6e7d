import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import type { Element } from 'hast';
import { createArticle, readArticle, type ArticleInit, type ArticleSnapshot } from '../article/article';
import { a, doc, em, fig, li, p, strong } from '../testing/builders';
import { articleFromPairs } from '../testing/pairs';
import { HAVE_FIXTURES, NO_FIXTURES_REASON, readFixture, SEED_PAIRS, type PairsFixture } from '../testing/fixtures';
import { bilingualHtml } from './bilingual-html';
import { bilingualMarkdown } from './bilingual-markdown';

function snapshotOf(init: ArticleInit): ArticleSnapshot {
  const ydoc = new Y.Doc();
  createArticle(ydoc, init);
  return readArticle(ydoc);
}

const rows = (html: string) => selectAll('table.segments tbody tr', fromHtml(html)) as Element[];
const cell = (row: Element, name: string) => toText(selectAll(`td.${name}`, row)[0] as Element).trim();

const small = snapshotOf({
  meta: { sourceTitle: '标题', sourceUrl: 'https://www.zhihu.com/question/1' },
  frontMatter: [
    { key: 'title', value: 'A title' },
    { key: 'categories', value: ['opinion'] },
  ],
  segments: [
    { source: doc(p('第一段，', strong('重点'), '。')), target: doc(p('First, ', strong('the point'), '.')), status: 'approved' },
    { source: doc(p('没有翻译的段落。')), status: 'untranslated' },
    { source: doc(p('删掉的广告。')), status: 'translated' },
    {
      source: doc(fig('https://pic1.zhimg.com/a_b.jpg', '', '图一')),
      target: doc(fig('/api/articles/x/media/a.jpg', 'a ward', 'Figure one')),
      status: 'draft',
    },
    { source: null, target: doc(p(em('A translator’s note.'))), status: 'translated' },
    {
      source: doc(li({ ordered: true, number: 2 }, '见', a('https://a.cn/', '官网'))),
      target: doc(li({ ordered: true, number: 2 }, 'See the ', a('https://a.cn/', 'site'))),
      status: 'reviewed',
    },
  ],
});
// Omitting a block is a segment field the structure helpers set; set it here directly.
small.segments[2]!.omitted = true;

describe('the HTML review copy', () => {
  const html = bilingualHtml(small);

  test('has every segment, numbered, with source, target and status side by side', () => {
    const found = rows(html);
    expect(found.map((row) => cell(row, 'number'))).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(cell(found[0]!, 'source')).toBe('第一段，重点。');
    expect(cell(found[0]!, 'target')).toBe('First, the point.');
    expect(found.map((row) => cell(row, 'status'))).toEqual(['approved', 'untranslated', 'translated\nomitted', 'draft', 'translated', 'reviewed']);
    expect(cell(found[1]!, 'target')).toBe('(not translated)');
    expect(found[2]!.properties.className).toContain('omitted');
    expect(cell(found[2]!, 'target')).toMatch(/^Omitted/);
    expect(cell(found[4]!, 'source')).toMatch(/no source/);
    expect((selectAll('strong', found[0]!) as Element[]).map((node) => toText(node))).toEqual(['重点', 'the point']);
  });

  test('shows figures with their captions and image addresses', () => {
    const figure = selectAll('td.target figure', rows(html)[3]!) as Element[];
    expect((selectAll('img', figure[0]!)[0] as Element).properties).toMatchObject({ src: '/api/articles/x/media/a.jpg', alt: 'a ward' });
    expect(toText(selectAll('figcaption', figure[0]!)[0] as Element)).toBe('Figure one');
  });

  test('is a standalone page: title, source, front matter, no scripts', () => {
    const tree = fromHtml(html);
    expect(toText(selectAll('title', tree)[0] as Element)).toBe('A title (bilingual review copy)');
    expect((selectAll('a[href="https://www.zhihu.com/question/1"]', tree) as Element[]).length).toBe(1);
    expect((selectAll('table.front-matter td', tree) as Element[]).map((node) => toText(node))).toEqual(['A title', 'opinion']);
    expect(selectAll('script, link, iframe', tree)).toEqual([]);
  });

  test('escapes everything a translator typed', () => {
    const hostile = snapshotOf({
      frontMatter: [{ key: 'title', value: '</title><script>alert(1)</script>' }],
      segments: [
        {
          source: doc(p('<b>源</b>')),
          target: doc(p('<img src=x onerror=alert(1)> & <script>alert(2)</script>', a('javascript:alert(3)', 'link'))),
          status: 'draft',
        },
        { source: doc(p('图')), target: doc(fig('javascript:alert(4)', '" onerror="alert(5)', '<i>cap</i>')), status: 'draft' },
      ],
    });
    const out = bilingualHtml(hostile);
    const tree = fromHtml(out);
    expect(selectAll('script, b, i', tree)).toEqual([]);
    const attributes = (selectAll('*', tree) as Element[]).flatMap((node) =>
      Object.entries(node.properties).map(([name, value]) => `${name}=${String(value)}`),
    );
    expect(attributes.filter((entry) => /^on|javascript:/i.test(entry))).toEqual([]);
    const [first, second] = rows(out);
    expect(cell(first!, 'target')).toBe('<img src=x onerror=alert(1)> & <script>alert(2)</script>link');
    expect(cell(first!, 'source')).toBe('<b>源</b>');
    expect(toText(selectAll('figcaption', second!)[0] as Element)).toBe('<i>cap</i>');
    expect(selectAll('img', second!)).toEqual([]);
  });

  test.skipIf(!HAVE_FIXTURES)(`the bilingual fixture: every pair is a row (${HAVE_FIXTURES ? 'present' : NO_FIXTURES_REASON})`, () => {
    const fixture = JSON.parse(readFixture(SEED_PAIRS)) as PairsFixture;
    const article = snapshotOf(articleFromPairs(fixture));
    const found = rows(bilingualHtml(article));
    expect(found).toHaveLength(fixture.pairs.length);
    expect(found.every((row) => cell(row, 'status') === 'approved')).toBe(true);
    const withFigure = found.filter((row) => selectAll('td.target figure img', row).length > 0);
    expect(withFigure.length).toBe(fixture.pairs.filter((pair) => pair.target.startsWith('<figure>')).length);
  });
});

describe('the Markdown review copy', () => {
  const markdown = bilingualMarkdown(small);

  test('has a numbered heading per segment, the source quoted and the target as published', () => {
    expect(markdown.match(/^### .*$/gm)).toEqual([
      '### 1 · approved',
      '### 2 · untranslated',
      '### 3 · translated · omitted',
      '### 4 · draft',
      '### 5 · translated',
      '### 6 · reviewed',
    ]);
    expect(markdown).toContain('### 1 · approved\n\n> 第一段，**重点**。\n\nFirst, **the point**.\n');
    expect(markdown).toContain('### 2 · untranslated\n\n> 没有翻译的段落。\n\n*(not translated)*');
    expect(markdown).toContain('<figure>\n  <img src="/api/articles/x/media/a.jpg" alt="a ward"/>\n  <figcaption>Figure one</figcaption>\n</figure>');
    expect(markdown.startsWith('# A title (bilingual review copy)\n\nSource: 标题 <https://www.zhihu.com/question/1>\n')).toBe(true);
  });
});
