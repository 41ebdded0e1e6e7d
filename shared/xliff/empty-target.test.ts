/**
 * An empty target means "not translated": it never erases text or changes a
 * status, unless the import is told to overwrite and the file confirms the
 * empty target with a state or approval of its own. Every unit that would
 * erase text is reported, erased or kept.
 */
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { createArticle, emptyTarget, readArticle, readSegment, type SegmentInit } from '../article/article';
import { a, doc, fig, h, p } from '../testing/builders';
import { articleToXliff } from './export-xliff';
import { importXliff, xliffToTargets } from './import-xliff';
import { segmentsFromXliff } from './rebuild-xliff';

const SEGMENTS: SegmentInit[] = [
  { id: 'title', source: doc(h(1, '标题')), target: doc(h(1, 'The Title')), status: 'translated' },
  { id: 'intro', source: doc(p('见', a('https://a.cn/', '官网'), '。')), target: doc(p('See the ', a('https://a.cn/', 'website'), '.')), status: 'reviewed' },
  { id: 'merged', source: doc(p('一'), p('二')), target: doc(p('One'), p('Two')), status: 'draft' },
  { id: 'fig1', source: doc(fig('/a.jpg', '图', '图一')), status: 'untranslated' },
  // A figure whose target holds the image and no caption yet, as "copy the source structure" leaves it.
  { id: 'fig2', source: doc(fig('/b.jpg', '图', '图二')), target: doc(fig('/b.jpg', '图')), status: 'untranslated' },
];

function article(): Y.Doc {
  const ydoc = new Y.Doc();
  createArticle(ydoc, { segments: SEGMENTS });
  return ydoc;
}

const exported = (ydoc: Y.Doc) => articleToXliff(ydoc, { articleId: 'art1' });
const json = (ydoc: Y.Doc) => JSON.stringify(readArticle(ydoc));

/** Give one unit of a Duet file this target in place of the one it has (or after its source). */
function withTarget(xliff: string, id: string, target: string): string {
  const pattern = new RegExp(`(<trans-unit id="${id}"[\\s\\S]*?</source>)(\\s*<target(?:[^>]*/>|[^>]*>[\\s\\S]*?</target>))?`);
  if (!pattern.test(xliff)) throw new Error(`no unit ${id}`);
  return xliff.replace(pattern, (_all, head: string) => `${head}\n        ${target}`);
}

/** A file another tool wrote (no duet: attributes): it says what each unit should be, nothing about what it was. */
const foreign = (units: string) => `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="article.docx" source-language="zh-CN" target-language="en" datatype="plaintext">
    <body>
${units}
    </body>
  </file>
</xliff>
`;

const INTRO_TEXT = 'See the website.';

describe('an empty target changes nothing', () => {
  const forms: [string, string][] = [
    ['<target/>', '<target/>'],
    ['<target></target>', '<target></target>'],
    ['white space only, xml:space="preserve"', '<target xml:lang="en">  \n </target>'],
    ['white space only, default spacing', '<target xml:lang="en" xml:space="default">\n    </target>'],
    ['a confirming state Duet did not write', '<target state="final"/>'],
    ['a state saying there is work left', '<target state="needs-translation"></target>'],
  ];

  test.each(forms)('%s: the text and status stay, and the report lists what it would erase', (_name, target) => {
    const ydoc = article();
    const xliff = withTarget(exported(ydoc), 'intro', target);
    const before = json(ydoc);
    const summary = importXliff(ydoc, xliff, 'translator', null, { articleId: 'art1' });
    expect(json(ydoc)).toBe(before);
    expect(summary).toMatchObject({ updated: 0, erasures: [{ unit: 'intro', segment: 'intro', text: INTRO_TEXT, erased: false }] });
    expect(summary.skipped).toContainEqual({ unit: 'intro', reason: 'empty target: not translated, and the text Duet has is kept' });
  });

  test('block boundaries with no text between them are empty too', () => {
    const ydoc = article();
    const xliff = withTarget(exported(ydoc), 'merged', '<target state="translated"><x id="1" ctype="x-duet-block"/></target>');
    const result = xliffToTargets(xliff, ydoc);
    expect(result).toMatchObject({ errors: [], updates: [], erasures: [{ unit: 'merged', text: 'One Two', erased: false }] });
  });

  test('figures with an empty target stay untranslated, with no caption made up', () => {
    const ydoc = article();
    let xliff = exported(ydoc);
    // What pomerge writes for an entry left blank in the PO file.
    xliff = withTarget(xliff, 'fig1', '<target></target>');
    xliff = withTarget(xliff, 'fig2', '<target state="translated"/>');
    const before = json(ydoc);
    const summary = importXliff(ydoc, xliff, 'translator');
    expect(json(ydoc)).toBe(before);
    expect(summary).toMatchObject({ updated: 0, erasures: [] });
    expect(summary.skipped).toEqual(
      expect.arrayContaining([
        { unit: 'fig1', reason: 'empty target: not translated' },
        { unit: 'fig2', reason: 'empty target: not translated' },
      ]),
    );
  });

  test('the same from a file another tool wrote, whatever state it gives', () => {
    const ydoc = article();
    const units = [
      '<trans-unit id="fig1"><source>图一</source><target state="translated"/></trans-unit>',
      '<trans-unit id="title"><source>标题</source><target state="final"></target></trans-unit>',
    ];
    const before = json(ydoc);
    const summary = importXliff(ydoc, foreign(units.join('\n')), 'translator');
    expect(json(ydoc)).toBe(before);
    expect(summary.erasures).toEqual([{ unit: 'title', segment: 'title', text: 'The Title', erased: false }]);
  });

  test('the excerpt of what would be lost is short', () => {
    const ydoc = new Y.Doc();
    createArticle(ydoc, { segments: [{ id: 'long', source: doc(p('长')), target: doc(p('word '.repeat(40))), status: 'translated' }] });
    const { erasures } = xliffToTargets(withTarget(exported(ydoc), 'long', '<target/>'), ydoc);
    expect(erasures[0]!.text).toHaveLength(60);
    expect(erasures[0]!.text.endsWith('…')).toBe(true);
  });
});

describe('with overwrite, an empty target the file confirms erases', () => {
  test('a confirming state the tool set: the segment is emptied and untranslated', () => {
    const ydoc = article();
    // Duet wrote state="signed-off" for the reviewed segment; the tool says final.
    const xliff = withTarget(exported(ydoc), 'intro', '<target state="final"/>');
    const summary = importXliff(ydoc, xliff, 'admin', null, { overwrite: true });
    expect(summary).toMatchObject({ updated: 1, targets: 1, statuses: 1, erasures: [{ unit: 'intro', text: INTRO_TEXT, erased: true }] });
    expect(readSegment(ydoc, 'intro')).toMatchObject({ status: 'untranslated', changedBy: 'admin' });
    expect(readSegment(ydoc, 'intro').target.toJSON()).toEqual(emptyTarget().toJSON());
  });

  test('approved="yes" the tool added confirms it too', () => {
    const ydoc = article();
    const xliff = withTarget(exported(ydoc), 'title', '<target/>').replace('<trans-unit id="title"', '<trans-unit id="title" approved="yes"');
    expect(importXliff(ydoc, xliff, 'admin', null, { overwrite: true }).erasures).toEqual([
      { unit: 'title', segment: 'title', text: 'The Title', erased: true },
    ]);
    expect(readSegment(ydoc, 'title')).toMatchObject({ status: 'untranslated' });
    expect(readSegment(ydoc, 'title').target.textContent).toBe('');
  });

  test('the state Duet wrote is not confirmation: tools keep it on a target they empty (pomerge does)', () => {
    const ydoc = article();
    const xliff = withTarget(exported(ydoc), 'title', '<target xml:lang="en" state="translated"></target>');
    const before = json(ydoc);
    const summary = importXliff(ydoc, xliff, 'admin', null, { overwrite: true });
    expect(json(ydoc)).toBe(before);
    expect(summary.erasures).toEqual([{ unit: 'title', segment: 'title', text: 'The Title', erased: false }]);
  });

  test('in a file another tool wrote: a confirming state or approval erases, no state or a needs-… state does not', () => {
    const ydoc = article();
    const units = [
      '<trans-unit id="title"><source>标题</source><target state="translated"/></trans-unit>',
      '<trans-unit id="intro" approved="yes"><source>见官网。</source><target/></trans-unit>',
      '<trans-unit id="merged"><source>一 二</source><target state="needs-review-translation"/></trans-unit>',
    ];
    const summary = importXliff(ydoc, foreign(units.join('\n')), 'admin', null, { overwrite: true });
    expect(summary.erasures).toEqual([
      { unit: 'title', segment: 'title', text: 'The Title', erased: true },
      { unit: 'intro', segment: 'intro', text: INTRO_TEXT, erased: true },
      { unit: 'merged', segment: 'merged', text: 'One Two', erased: false },
    ]);
    expect(readArticle(ydoc).segments.map((segment) => [segment.id, segment.target.textContent, segment.status])).toEqual([
      ['title', '', 'untranslated'],
      ['intro', '', 'untranslated'],
      ['merged', 'OneTwo', 'draft'],
      ['fig1', '', 'untranslated'],
      ['fig2', '', 'untranslated'],
    ]);
  });

  test('without overwrite the same file erases nothing', () => {
    const ydoc = article();
    const xliff = withTarget(exported(ydoc), 'intro', '<target state="final"/>');
    const before = json(ydoc);
    expect(importXliff(ydoc, xliff, 'admin').erasures).toEqual([{ unit: 'intro', segment: 'intro', text: INTRO_TEXT, erased: false }]);
    expect(json(ydoc)).toBe(before);
  });

  test('a kept empty target is no change, even under a changed source; an erasure is refused there like any change', () => {
    const ydoc = article();
    const xliff = withTarget(exported(ydoc), 'intro', '<target state="final"/>').replace('官网', '网站');
    const before = json(ydoc);
    expect(xliffToTargets(xliff, ydoc)).toMatchObject({ errors: [], updates: [], erasures: [{ unit: 'intro', erased: false }] });
    expect(() => importXliff(ydoc, xliff, 'admin', null, { overwrite: true })).toThrow(/trans-unit "intro".*source text differs/);
    expect(json(ydoc)).toBe(before);
  });
});

describe('a new article rebuilt from a file', () => {
  test('an empty target is untranslated, whatever its state says', () => {
    const units = [
      '<trans-unit id="a"><source>一</source><target state="translated"/></trans-unit>',
      '<trans-unit id="b"><source>二</source><target state="final"> </target></trans-unit>',
      '<trans-unit id="c"><source>三</source><target state="translated">Three</target></trans-unit>',
    ];
    expect(segmentsFromXliff(foreign(units.join('\n'))).segments.map((segment) => [segment.id, segment.status])).toEqual([
      ['a', 'untranslated'],
      ['b', 'untranslated'],
      ['c', 'translated'],
    ]);
  });
});

describe('a dry run', () => {
  test('reports what the import would do, erasures included, and changes nothing', () => {
    const ydoc = article();
    let xliff = withTarget(exported(ydoc), 'intro', '<target state="final"/>');
    xliff = withTarget(xliff, 'fig1', '<target state="needs-review-translation">Figure one</target>');
    const before = json(ydoc);
    const summary = importXliff(ydoc, xliff, 'admin', null, { overwrite: true, dryRun: true });
    expect(summary).toMatchObject({ dryRun: true, updated: 2, targets: 2, erasures: [{ unit: 'intro', erased: true }] });
    expect(json(ydoc)).toBe(before);
    expect(importXliff(ydoc, xliff, 'admin', null, { overwrite: true })).toEqual({ ...summary, dryRun: false });
  });
});
