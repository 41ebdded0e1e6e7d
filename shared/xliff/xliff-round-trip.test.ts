/**
 * XLIFF export is lossless: an article exported and rebuilt from the file has
 * the same segments (ids, both sides with their blocks and marks, statuses,
 * omitted sources) and exports the same Markdown byte for byte.
 */
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import type { Node as PMNode } from 'prosemirror-model';
import { createArticle, readArticle, segmentIds, setSide, setStatus, type ArticleInit, type SegmentInit } from '../article/article';
import { setOmitted } from '../article/structure';
import { SEGMENT_STATUSES } from '../article/status';
import { articleToMarkdown } from '../markdown/article-markdown';
import { a, br, code, doc, em, fig, h, hr, li, p, quote, raw, rawInline, strong } from '../testing/builders';
import { HAVE_FIXTURES, NO_FIXTURES_REASON, readFixture, SEED_PAIRS, type PairsFixture } from '../testing/fixtures';
import { articleFromPairs } from '../testing/pairs';
import { articleToXliff } from './export-xliff';
import { segmentsFromXliff } from './rebuild-xliff';
import { parseXml } from './xml-tree';

function articleDoc(init: ArticleInit): Y.Doc {
  const ydoc = new Y.Doc();
  createArticle(ydoc, init);
  return ydoc;
}

/** What XLIFF must carry of each segment. */
const essence = (ydoc: Y.Doc) =>
  readArticle(ydoc).segments.map((segment) => ({
    id: segment.id,
    source: segment.source.toJSON(),
    target: segment.target.toJSON(),
    status: segment.status,
    omitted: segment.omitted,
  }));

/** Export, rebuild a new article from the file alone (front matter copied: XLIFF does not carry it), and re-export. */
function roundTrip(original: Y.Doc) {
  const xliff = articleToXliff(original, { articleId: 'a1' });
  const { segments, omitted } = segmentsFromXliff(xliff);
  const rebuilt = articleDoc({ frontMatter: readArticle(original).frontMatter, segments });
  for (const id of omitted) setOmitted(rebuilt, id, true);
  return { xliff, rebuilt, again: articleToXliff(rebuilt, { articleId: 'a1' }) };
}

describe.skipIf(!HAVE_FIXTURES)(`the bilingual seed article (${HAVE_FIXTURES ? 'present' : NO_FIXTURES_REASON})`, () => {
  const seed = () => {
    const ydoc = articleDoc(articleFromPairs(JSON.parse(readFixture(SEED_PAIRS)) as PairsFixture));
    // Every status on some segment, and one source left out of the translation.
    segmentIds(ydoc).forEach((id, index) => setStatus(ydoc, id, SEGMENT_STATUSES[index % SEGMENT_STATUSES.length]!, 'translator'));
    setOmitted(ydoc, segmentIds(ydoc)[30]!, true);
    return ydoc;
  };

  test('keeps every segment, status, block kind and mark', () => {
    const original = seed();
    const { rebuilt } = roundTrip(original);
    expect(essence(rebuilt)).toEqual(essence(original));
    expect(new Set(essence(original).map((segment) => segment.status))).toEqual(new Set(SEGMENT_STATUSES));
  });

  test('exports the same Markdown byte for byte, and the same XLIFF again', () => {
    const original = seed();
    const { xliff, rebuilt, again } = roundTrip(original);
    expect(articleToMarkdown(readArticle(rebuilt))).toBe(articleToMarkdown(readArticle(original)));
    expect(again).toBe(xliff);
  });

  test('has one trans-unit per segment in reading order, each with its status as an XLIFF state', () => {
    const original = seed();
    const root = parseXml(articleToXliff(original, { articleId: 'a1' }));
    const units = root.children
      .filter((node) => typeof node !== 'string')
      .flatMap((file) => (typeof file === 'string' ? [] : file.children))
      .flatMap((body) => (typeof body === 'string' || body.local !== 'body' ? [] : body.children))
      .flatMap((unit) => (typeof unit === 'string' ? [] : [unit]));
    expect(units.map((unit) => unit.attrs.get('id'))).toEqual(segmentIds(original));
    const statesByStatus = new Map<string, Set<string | undefined>>();
    readArticle(original).segments.forEach((segment, index) => {
      const target = units[index]!.children.find((node) => typeof node !== 'string' && node.local === 'target');
      const state = typeof target === 'string' || !target ? undefined : target.attrs.get('state');
      statesByStatus.set(segment.status, (statesByStatus.get(segment.status) ?? new Set()).add(state));
    });
    expect(Object.fromEntries([...statesByStatus].map(([status, states]) => [status, [...states]]))).toEqual({
      untranslated: ['new'],
      draft: ['needs-review-translation'],
      translated: ['translated'],
      reviewed: ['signed-off'],
      approved: ['final'],
    });
  });
});

const side = (...blocks: PMNode[]) => doc(...blocks);

/** One row per construct: [name, source, target]. */
const constructs: [string, PMNode, PMNode][] = [
  ['a paragraph', side(p('中文')), side(p('English'))],
  ['headings of each level', side(h(3, '标题')), side(h(3, 'Title'))],
  [
    'an ordered list item with its number and delimiter',
    side(li({ ordered: true, number: 7, marker: ')' }, '第七')),
    side(li({ ordered: true, number: 7, marker: ')' }, 'Seventh')),
  ],
  ['a bullet list item', side(li({ marker: '*' }, '要点')), side(li({ marker: '*' }, 'Point'))],
  [
    'a figure with src, alt, title and a caption',
    side(fig('https://pic.cn/a.jpg', '', '图')),
    side(schemaFigure('/assets/a.jpg', 'A "ward" & more', 'Title <1>', 'A ', em('caption'))),
  ],
  ['a figure without a caption', side(fig('https://pic.cn/b.jpg', '')), side(fig('/assets/b.jpg', 'alt'))],
  ['a horizontal rule', side(hr()), side(hr())],
  ['a raw block, verbatim', side(raw('<table>\n  <tr><td>表</td></tr>\n</table>')), side(raw('<aside class="note">\n  Note & "quote"\n</aside>'))],
  ['a quotation of two paragraphs', side(quote(p('一'), p('二'))), side(quote(p('One'), p('Two')))],
  ['a merged segment of several blocks', side(p('甲'), h(2, '乙'), hr(), p('丙')), side(p('A'), h(2, 'B'), hr(), p('C'))],
  [
    'bold, italic, code and nested marks',
    side(p('中', strong('粗', em('斜')), code('x<y'))),
    side(p(strong('Bold ', em('both')), ' and ', code('a && b'), em(' italic'))),
  ],
  [
    'links with title and without, beside and inside emphasis',
    side(p(a('https://a.cn/?q=1&r=2', '链接'))),
    side(p(em(a('https://a.cn/?q=1&r=2', 'link')), ' and ', a('/relative', 'rel'), ' ', markedLink('https://t.co/', 'titled', 'A "title"'))),
  ],
  ['hard breaks', side(p('一', br(), '二')), side(p('One', br(), br(), 'Two'))],
  ['raw inline markup', side(p('上标', rawInline('<sup>1</sup>'))), side(p('Note', rawInline('<sup>1</sup>'), ' and ', rawInline('<img src="x.png">')))],
  ['white space kept exactly', side(p('  前后  空格 ')), side(p(' lead', strong(' bold '), 'trail  '))],
  ['XML special characters and CDATA ends', side(p('<b>&amp; ]]> "\'')), side(p("</target><target>evil</target> ]]> & <x/> 'quoted'"))],
  ['CJK, full-width punctuation and astral characters', side(p('𠀀𪚥，“引号”（括号）😀')), side(p('𠀀 “quotes” 😀'))],
  ['new lines and tabs inside text', side(p('一\n二\t三\r四')), side(p('one\ntwo\tthree\r\nfour'))],
  ["a translator's own segment (no source)", doc(), side(p(em('Translator: COVID-19 Readings')))],
  ['an empty untranslated target', side(p('原文')), side(p())],
  ["an empty target seeded with the source's blocks", side(h(2, '标题'), li({ ordered: true, number: 2 }, '项')), side(h(2), li({ ordered: true, number: 2 }))],
  ['a target of no blocks at all', side(p('原文')), doc()],
  ['an empty heading source (no text to translate)', side(h(2)), side(h(2, 'Added'))],
];

function schemaFigure(src: string, alt: string, title: string, ...caption: Parameters<typeof p>): PMNode {
  const figure = fig(src, alt, ...caption);
  return figure.type.create({ ...figure.attrs, title }, figure.content);
}

function markedLink(href: string, text: string, title: string): PMNode[] {
  const [node] = a(href, text);
  return [node!.mark([node!.type.schema.marks.link!.create({ href, title })])];
}

describe('round trip of each construct', () => {
  test.each(constructs)('%s', (_name, source, target) => {
    for (const status of SEGMENT_STATUSES) {
      const original = articleDoc({ segments: [{ id: 'seg-1', source, target, status } satisfies SegmentInit] });
      const { rebuilt, xliff, again } = roundTrip(original);
      expect(essence(rebuilt)).toEqual(essence(original));
      expect(again).toBe(xliff);
    }
  });

  test('a target replaced after creation (setSide) round-trips too', () => {
    const original = articleDoc({ segments: [{ id: 's', source: side(p('源')) }] });
    setSide(original, 's', 'target', side(p('One'), p('Two')), 'translator');
    expect(essence(roundTrip(original).rebuilt)).toEqual(essence(original));
  });
});

describe('escaping on export', () => {
  test('user text can neither close nor open an element: the file parses to one unit with the text intact', () => {
    const hostile = '</source></trans-unit><trans-unit id="x"><source>';
    const original = articleDoc({ segments: [{ id: 'seg"<&>', source: side(p(hostile)), target: side(p(a('https://x.test/"><script>', hostile))) }] });
    const xliff = articleToXliff(original, { articleId: '"><&' });
    expect(() => parseXml(xliff)).not.toThrow();
    const { segments } = segmentsFromXliff(xliff);
    expect(segments.map((segment) => segment.id)).toEqual(['seg"<&>']);
    expect(segments[0]!.source!.textContent).toBe(hostile);
    expect(segments[0]!.target!.firstChild!.firstChild!.marks[0]!.attrs.href).toBe('https://x.test/"><script>');
  });

  test('characters XML 1.0 cannot hold are dropped, and the rest of the text kept', () => {
    const original = articleDoc({ segments: [{ id: 's', source: side(p('a\u0001b\u000bc\ufffed\ud800e')), target: side(p(a('/x\u0000y', 'f\u001fg'))) }] });
    const xliff = articleToXliff(original);
    // eslint-disable-next-line no-control-regex -- control characters are what this removes or refuses
    expect(xliff).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\ud800]/);
    const { segments } = segmentsFromXliff(xliff);
    expect(segments[0]!.source!.textContent).toBe('abcde');
    expect(segments[0]!.target!.firstChild!.firstChild!.text).toBe('fg');
    expect(segments[0]!.target!.firstChild!.firstChild!.marks[0]!.attrs.href).toBe('/xy');
  });
});
