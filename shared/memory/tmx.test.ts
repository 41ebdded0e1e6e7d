/**
 * TMX: Duet's own files read back exactly, other tools' files read as far as
 * Duet can hold them, and a broken file refused whole with its line.
 */
import { describe, expect, test } from 'vitest';
import type { Node as PMNode } from 'prosemirror-model';
import { schema } from '../schema/schema';
import { a, br, code, doc, em, fig, h, hr, li, p, quote, raw, rawInline, strong } from '../testing/builders';
import { MAX_TMX_BYTES, readTmx, TmxFileError, writeTmx, type TmxUnit } from './tmx';

const unit = (source: PMNode, target: PMNode, more: Partial<TmxUnit> = {}): TmxUnit => ({
  source,
  target,
  author: null,
  createdAt: null,
  changedBy: null,
  changedAt: null,
  usedCount: 0,
  lastUsedAt: null,
  note: null,
  props: {},
  ...more,
});

const titled = (href: string, title: string, text: string) => schema.text(text, [schema.marks.link!.create({ href, title })]);

/** A file as another tool writes it: a header, and these tu elements in its body. */
const tmx = (body: string, header = 'srclang="zh-CN"') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n<header creationtool="Other" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" ${header} datatype="plaintext"/>\n<body>\n${body}\n</body>\n</tmx>\n`;
const tu = (zh: string, en: string, zhLang = 'zh-CN', enLang = 'en') =>
  `<tu><tuv xml:lang="${zhLang}"><seg>${zh}</seg></tuv><tuv xml:lang="${enLang}"><seg>${en}</seg></tuv></tu>`;

/** The only unit of a file, read. */
function only(text: string) {
  const reading = readTmx(text);
  expect(reading.units).toHaveLength(1);
  return { ...reading.units[0]!, notes: reading.notes };
}

function refusal(text: string): TmxFileError {
  try {
    readTmx(text);
  } catch (error) {
    expect(error).toBeInstanceOf(TmxFileError);
    return error as TmxFileError;
  }
  throw new Error('the file was read');
}

describe('a round trip through Duet’s own TMX', () => {
  const sides: [string, PMNode][] = [
    [
      'a paragraph with bold, italic, a link and code',
      doc(p('读 ', strong('粗体', em('斜体')), ' 和 ', a('https://example.org/a?b=1&c="2"', '链接'), ' ', code('x < y'))),
    ],
    ['a link with a title inside emphasis', doc(p(em('see ', titled('/posts/a', 'A "post"', 'this'), '!')))],
    ['a hard break, also inside bold', doc(p('第一行', br(), strong('第二行', br(), '第三行')))],
    ['raw inline markup', doc(p('水', rawInline('<sup>2</sup>'), '分子'))],
    ['a heading', doc(h(3, '标题 ', em('强调')))],
    ['a bullet list item', doc(li({ marker: '*' }, '列表项'))],
    ['an ordered list item', doc(li({ ordered: true, number: 7, marker: ')' }, '第七项'))],
    ['a figure with a caption', doc(fig('/media/a.jpg', '病房', '病房里的 ', strong('灯')))],
    ['a blockquote with two paragraphs', doc(quote(p('第一段'), p(em('第二段'))))],
    ['several blocks (a merged segment), a rule and a raw block', doc(p('前'), hr(), raw('<aside>\n  旁注\n</aside>'), h(2, '后'))],
    ['text that looks like markup: <b>&amp; and {{ liquid }}', doc(p('<b>&amp; {{ page.title }} {% raw %} ]]> "quoted" \'single\''))],
    ['white space at the ends and inside', doc(p('  two  spaces\tand a tab  '))],
    ['an empty side', doc()],
    ['an empty paragraph', doc(p())],
  ];

  test.each(sides)('%s reads back equal', (_name, side) => {
    const reading = readTmx(writeTmx([unit(side, doc(p('English ', strong('text')))), unit(doc(p('反')), side)]));
    expect(reading.units.map((back) => [back.source.eq(side), back.target.eq(side)])).toEqual([
      [true, false],
      [false, true],
    ]);
    expect(reading.notes).toEqual(['2 translation units read.']);
  });

  test('the unit’s who, when, note and props read back', () => {
    const written = unit(doc(p('源')), doc(p('Target')), {
      author: 'wang',
      createdAt: Date.UTC(2024, 1, 29, 23, 59, 58),
      changedBy: 'li & "co"',
      changedAt: Date.UTC(2025, 0, 1, 0, 0, 0),
      usedCount: 12,
      lastUsedAt: Date.UTC(2025, 5, 30, 12, 0, 1),
      note: 'A note <with> markup\nover two lines',
      props: { 'x-duet-status': 'approved', 'x-duet-article': 'a1', 'x-duet-segment': 's-<1>' },
    });
    const { notes, ...back } = only(writeTmx([written]));
    expect(back).toEqual({ ...written, source: back.source, target: back.target });
    expect(notes).toEqual(['1 translation unit read.']);
  });

  test('writes TMX 1.4b: the DOCTYPE, the header Duet promises, one tu with zh-CN and en variants per unit', () => {
    const text = writeTmx([unit(doc(p('一')), doc(p('One')))], { tool: 'Duet', toolVersion: '0.1.0' });
    expect(text).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<!DOCTYPE tmx SYSTEM "tmx14\.dtd">\n<tmx version="1\.4">\n/);
    expect(text).toContain(
      '<header creationtool="Duet" creationtoolversion="0.1.0" segtype="paragraph" o-tmf="Duet" adminlang="en" srclang="zh-CN" datatype="plaintext"/>',
    );
    expect(text).toContain('<tuv xml:lang="zh-CN">\n        <seg>一</seg>');
    expect(text).toContain('<tuv xml:lang="en">\n        <seg>One</seg>');
    expect(writeTmx([unit(doc(p(strong('一'))), doc(p('One')))])).toContain('datatype="xml"');
  });

  test('writes marks as bpt/ept with the escaped HTML, breaks and blocks as ph, and typed markup as text', () => {
    const text = writeTmx([
      unit(doc(p(strong('粗'), br(), a('/x?a&b', '链'), code('c'), rawInline('<sup>1</sup>'), '<b>{{ x }}')), doc(quote(p('A'), p('B')), h(2, 'C'))),
    ]);
    expect(text).toContain(
      '<seg><bpt i="1" type="bold">&lt;strong&gt;</bpt>粗<ept i="1">&lt;/strong&gt;</ept><ph type="lb"/>' +
        '<bpt i="2" type="link">&lt;a href="/x?a&amp;amp;b"&gt;</bpt>链<ept i="2">&lt;/a&gt;</ept>' +
        '<bpt i="3" type="x-code">&lt;code&gt;</bpt>c<ept i="3">&lt;/code&gt;</ept>' +
        '<ph type="x-duet-raw">&lt;sup&gt;1&lt;/sup&gt;</ph>&lt;b&gt;{{ x }}</seg>',
    );
    expect(text).toContain('<prop type="x-duet-shape">[{"type":"blockquote","paragraphs":2},{"type":"heading","level":2}]</prop>');
    expect(text).toContain('<seg>A<ph type="x-duet-block"/>B<ph type="x-duet-block"/>C</seg>');
  });

  test('an empty memory is a TMX file with an empty body', () => {
    expect(readTmx(writeTmx([]))).toEqual({ units: [], notes: ['0 translation units read.'] });
  });
});

describe('other tools’ TMX', () => {
  test('bpt/ept pairs become marks by their type or their native code; the link’s address comes from the native code', () => {
    const { source, target } = only(
      tmx(
        tu(
          '<bpt i="1" type="bold">{\\b </bpt>粗<ept i="1">}</ept><bpt i="2">&lt;i&gt;</bpt>斜<ept i="2">&lt;/i&gt;</ept>' +
            '<bpt i="3" type="link">&lt;a title=\'T\' href=\'https://example.org/?a=1&amp;amp;b=2\'&gt;</bpt>链<ept i="3">&lt;/a&gt;</ept>' +
            '<bpt i="4" type="code">&lt;code&gt;</bpt>码<ept i="4">&lt;/code&gt;</ept>',
          // Overlapping pairs are TMX too: marks are a set.
          '<bpt i="1">&lt;b&gt;</bpt>a <bpt i="2">&lt;em&gt;</bpt>b<ept i="1">&lt;/b&gt;</ept> c<ept i="2">&lt;/em&gt;</ept>',
        ),
      ),
    );
    expect(source.eq(doc(p(strong('粗'), em('斜'), titled('https://example.org/?a=1&b=2', 'T', '链'), code('码'))))).toBe(true);
    expect(target.eq(doc(p(strong('a ', em('b')), em(' c'))))).toBe(true);
  });

  test('a link to a refused address stays text; codes Duet cannot represent are left out and counted', () => {
    const { source, target, notes } = only(
      tmx(
        tu(
          '<bpt i="1" type="link">&lt;a href="javascript:alert(1)"&gt;</bpt>链<ept i="1">&lt;/a&gt;</ept><ph x="1" type="image">&lt;img src="a.png"/&gt;</ph>图',
          '<bpt i="1" type="font">&lt;span style="color:red"&gt;</bpt>Red<ept i="1">&lt;/span&gt;</ept> <hi type="x-term">term</hi> <it pos="begin">&lt;u&gt;</it>u<ut>{x}</ut> a<ph>&lt;br/&gt;</ph>b',
        ),
      ),
    );
    expect(source.eq(doc(p('链图')))).toBe(true);
    expect(target.eq(doc(p('Red term u a', br(), 'b')))).toBe(true);
    expect(notes).toEqual([
      '1 translation unit read.',
      '1 <ph> code Duet cannot represent left out (line 5).',
      '1 <bpt> code Duet cannot represent left out (their text kept, unformatted) (line 5).',
      '1 <it> code Duet cannot represent left out (line 5).',
      '1 <ut> code Duet cannot represent left out (line 5).',
      '1 <hi> highlight read as plain text (line 5).',
      '1 link to an address Duet refuses (only http, https, mailto and addresses on the site) kept as plain text (line 5).',
    ]);
  });

  test('a seg’s ends are trimmed, its inside kept; x-duet-block codes split it into paragraphs', () => {
    const { source, target } = only(tmx(tu('\n      一  二\n    ', ' A<ph type="x-duet-block"/>B ')));
    expect(source.eq(doc(p('一  二')))).toBe(true);
    expect(target.eq(doc(p('A'), p('B')))).toBe(true);
  });

  test('a tu without both a Chinese and an English variant is skipped and counted', () => {
    const reading = readTmx(
      tmx([tu('一', 'One'), tu('二', 'Deux', 'zh-CN', 'fr'), '<tu><tuv xml:lang="en"><seg>Alone</seg></tuv></tu>', tu('三', 'Three')].join('\n')),
    );
    expect(reading.units.map((u) => u.target.textContent)).toEqual(['One', 'Three']);
    expect(reading.notes).toEqual(['2 translation units read.', '2 units skipped: without both a Chinese (zh) and an English (en) variant (lines 6, 7).']);
  });

  test('bad dates and usage counts are ignored and counted, the rest of the unit kept', () => {
    const { createdAt, usedCount, changedAt, notes } = only(
      tmx('<tu creationdate="20240231T000000Z" changedate="20240101T120000Z" usagecount="many">' + tu('一', 'One').slice(4)),
    );
    expect({ createdAt, usedCount, changedAt }).toEqual({ createdAt: null, usedCount: 0, changedAt: Date.UTC(2024, 0, 1, 12) });
    expect(notes).toEqual([
      '1 translation unit read.',
      "1 date not in TMX's form YYYYMMDDThhmmssZ ignored (line 5).",
      '1 usagecount that is not a whole number read as 0 (line 5).',
    ]);
  });

  test('Duet’s shape that no longer fits the seg’s text reads as paragraphs, said in the notes', () => {
    const text = writeTmx([unit(doc(quote(p('一'), p('二'))), doc(p('One')))]).replace('一<ph type="x-duet-block"/>二', '一二');
    const { source, notes } = only(text);
    expect(source.eq(doc(p('一二')))).toBe(true);
    expect(notes[1]).toMatch(/^1 side whose text no longer fits Duet's x-duet-shape read as paragraphs \(line \d+\)\.$/);
  });
});

describe('languages', () => {
  test.each([
    ['zh', 'en'],
    ['zh-CN', 'en-US'],
    ['zh-Hans', 'en-GB'],
    ['ZH-hant', 'EN-au'],
    ['zh-SG', 'en'],
    ['zh-TW', 'en-GB'],
    ['zh_CN', 'en_US'],
  ])('%s and %s are the Chinese and English sides, in either order', (zh, en) => {
    const reading = readTmx(tmx(`<tu><tuv xml:lang="${en}"><seg>One</seg></tuv><tuv xml:lang="${zh}"><seg>一</seg></tuv></tu>`));
    expect(reading.units.map((u) => [u.source.textContent, u.target.textContent])).toEqual([['一', 'One']]);
  });

  test('the tuvs’ own languages win over a header that says srclang="en" (as po2tmx writes), and the notes say so', () => {
    const { source, target, notes } = only(tmx(tu('一', 'One'), 'srclang="en"'));
    expect([source.textContent, target.textContent]).toEqual(['一', 'One']);
    expect(notes).toEqual([
      '1 translation unit read.',
      `The header says srclang="en", but each unit's Chinese and English were found by its own variants' languages (zh-CN, en).`,
    ]);
  });

  test('TMX 1.1’s lang attribute names the language too', () => {
    const text = `<tmx version="1.1"><header srclang="zh-CN"/><body><tu><tuv lang="ZH-CN"><seg>一</seg></tuv><tuv lang="EN-US"><seg>One</seg></tuv></tu></body></tmx>`;
    expect(only(text).target.textContent).toBe('One');
  });
});

describe('a file refused whole, with its line and the reason', () => {
  const cases: [string, string, number | null, RegExp][] = [
    ['not XML', '\n源\t译文\n一\tOne\n', 2, /not XML: it starts with "源\\t译文\\n一\\tOne\\n", not with a tag/],
    ['not XML though it starts with a tag', '<html>\n<body>\n<p>x</body></html>', 3, /not well-formed XML: unexpected close tag/],
    ['a truncated file', tmx(tu('一', 'One')).slice(0, -40), 5, /not well-formed XML: unclosed tag: tu/],
    ['an unclosed tag', tmx('<tu><tuv xml:lang="zh"><seg>一</tuv></tu>'), 5, /not well-formed XML/],
    [
      'the wrong root',
      '<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file/></xliff>',
      2,
      /not TMX: its root element is <xliff> in the namespace/,
    ],
    ['an unknown version', '<tmx version="2.0"><header/><body/></tmx>', 1, /TMX 2\.0; Duet reads TMX 1\.1, 1\.2, 1\.3, 1\.4, 1\.4b/],
    ['no body', '<tmx version="1.4">\n<header/>\n</tmx>', 1, /no <body>/],
    ['a stray <bpt> without its <ept>', tmx(`${tu('一', 'One')}\n${tu('<bpt i="1">&lt;b&gt;</bpt>二', 'Two')}`), 6, /the <bpt i="1"> has no <ept i="1">/],
    ['an <ept> without its <bpt>', tmx(tu('一', 'One<ept i="4">&lt;/b&gt;</ept>')), 5, /<ept i="4"> has no <bpt i="4">/],
    ['a duplicate i in one seg', tmx(tu('<bpt i="1"/>一<ept i="1"/><bpt i="1"/>二<ept i="1"/>', 'One')), 5, /two <bpt> codes with i="1"/],
    ['a bpt without i', tmx(tu('<bpt>&lt;b&gt;</bpt>一', 'One')), 5, /<bpt> in a <seg> has no i/],
    ['an element that is no TMX code', tmx(tu('<b>一</b>', 'One')), 5, /<b> is not a TMX inline code/],
    ['two segs in a tuv', tmx('<tu><tuv xml:lang="zh"><seg>一</seg><seg>二</seg></tuv><tuv xml:lang="en"><seg>One</seg></tuv></tu>'), 5, /2 <seg> elements/],
    [
      'a broken x-duet-shape',
      tmx(tu('一', 'One').replace('<seg>一', '<prop type="x-duet-shape">[{"type":"heading","level":9}]</prop><seg>一')),
      5,
      /level must be/,
    ],
    ['a DOCTYPE with an internal subset', '<!DOCTYPE tmx [<!ENTITY a "b">]>\n<tmx version="1.4"><header/><body/></tmx>', 1, /internal subset/],
    ['an empty file', '  \n', null, /empty/],
  ];

  test.each(cases)('%s', (_name, text, line, reason) => {
    const error = refusal(text);
    expect(error.line).toBe(line);
    expect(error.reason).toMatch(reason);
    expect(error.message).toBe(line === null ? error.reason : `line ${line}: ${error.reason}`);
  });

  test('a file over the limit is refused before it is parsed', () => {
    const error = refusal(`<tmx version="1.4"><header/><body>${' '.repeat(MAX_TMX_BYTES)}</body></tmx>`);
    expect(error.tooLarge).toBe(true);
    expect(error.line).toBeNull();
    // Counted in UTF-8 bytes: three per Chinese character.
    expect(refusal(`<tmx version="1.4"><header/><body>${'字'.repeat(MAX_TMX_BYTES / 3 + 1)}</body></tmx>`).tooLarge).toBe(true);
  });
});
