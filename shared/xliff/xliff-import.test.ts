/**
 * Importing XLIFF back into an article: what a CAT tool changed is applied,
 * everything else is left alone, and a file that cannot be applied whole
 * changes nothing.
 */
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { createArticle, readArticle, readSegment, setSide, setStatus, type SegmentInit } from '../article/article';
import { DuetError } from '../protocol/errors';
import { a, doc, em, h, hr, p, strong } from '../testing/builders';
import { articleToXliff } from './export-xliff';
import { applyXliffUpdates, importXliff, xliffToTargets } from './import-xliff';
import { MAX_XLIFF_BYTES } from './read-xliff';

const SEGMENTS: SegmentInit[] = [
  { id: 'title', source: doc(h(1, '标题')), status: 'untranslated' },
  { id: 'intro', source: doc(p('见', a('https://a.cn/', '官网'), '。')), target: doc(p('See the ', a('https://a.cn/', 'website'), '.')), status: 'translated' },
  { id: 'draft', source: doc(p('草稿')), target: doc(p('Draf')), status: 'draft' },
  { id: 'review', source: doc(p('审校')), target: doc(p('Review me')), status: 'translated' },
  { id: 'done', source: doc(p('完成')), target: doc(p('Done')), status: 'approved' },
  { id: 'merged', source: doc(p('一'), p('二')), target: doc(p('One'), p('Two')), status: 'translated' },
  { id: 'note', target: doc(p(em('Translator: X'))), status: 'translated' },
  { id: 'rule', source: doc(hr()), target: doc(hr()), status: 'translated' },
];

function article(): Y.Doc {
  const ydoc = new Y.Doc();
  createArticle(ydoc, { segments: SEGMENTS });
  return ydoc;
}

const exported = (ydoc: Y.Doc) => articleToXliff(ydoc, { articleId: 'art1' });

/** Edit one trans-unit of a file as a CAT tool or a person would. */
function editUnit(xliff: string, id: string, edit: (unit: string) => string): string {
  const pattern = new RegExp(`<trans-unit id="${id}"[\\s\\S]*?</trans-unit>`);
  const unit = xliff.match(pattern)?.[0];
  if (!unit) throw new Error(`no unit ${id}`);
  return xliff.replace(pattern, () => edit(unit));
}

/** Replace a unit's target (or add one after its source), keeping or setting its state. */
const setTarget = (content: string, state?: string) => (unit: string) => {
  const attributes = `xml:lang="en"${state ? ` state="${state}"` : ''}`;
  const existing = unit.match(/<target([^>]*)>[\s\S]*?<\/target>/);
  if (existing) return unit.replace(existing[0], `<target${state ? ` ${attributes}` : existing[1]}>${content}</target>`);
  return unit.replace('</source>', `</source>\n        <target ${attributes}>${content}</target>`);
};

const json = (ydoc: Y.Doc) => JSON.stringify(readArticle(ydoc));

describe('a file Duet exported, brought back', () => {
  test('unchanged, it changes nothing', () => {
    const ydoc = article();
    const result = xliffToTargets(exported(ydoc), ydoc, { articleId: 'art1' });
    expect(result.errors).toEqual([]);
    expect(result.updates).toEqual([]);
    expect(result.unchanged).toBe(5);
    expect(result.skipped).toEqual([
      { unit: 'title', reason: 'no target' },
      { unit: 'note', reason: 'not for translation' },
      { unit: 'rule', reason: 'not for translation' },
    ]);
  });

  test('as OmegaT returns it: filled and edited targets, tags written back by id, states changed', () => {
    const ydoc = article();
    let xliff = exported(ydoc);
    // A target added to the untranslated heading, without a state (as tools often add it).
    xliff = editUnit(xliff, 'title', setTarget('The title &amp; more'));
    // Edited text, the link tag written back without its attributes, the state left as it was.
    xliff = editUnit(xliff, 'intro', setTarget('Visit the <g id="1">official site</g>.'));
    // A draft finished in the tool, which left its state alone.
    xliff = editUnit(xliff, 'draft', setTarget('Draft, finished'));
    // A reviewer signed it off in the tool.
    xliff = editUnit(xliff, 'review', (unit) => unit.replace('state="translated"', 'state="signed-off"'));
    // A merged segment translated again, its block boundary tag kept.
    xliff = editUnit(xliff, 'merged', setTarget('First<x id="1" ctype="x-duet-block"/><g id="9" ctype="bold">Second</g>'));

    const summary = importXliff(ydoc, xliff, 'omegat-user', 'test', { articleId: 'art1' });
    expect(summary).toMatchObject({ updated: 5, targets: 4, statuses: 3, unchanged: 1 });

    const segment = (id: string) => readSegment(ydoc, id);
    expect(segment('title').target.toJSON()).toEqual(doc(h(1, 'The title & more')).toJSON());
    expect(segment('title').status).toBe('translated');
    expect(segment('intro').target.toJSON()).toEqual(doc(p('Visit the ', a('https://a.cn/', 'official site'), '.')).toJSON());
    expect(segment('intro').status).toBe('translated');
    expect(segment('draft')).toMatchObject({ status: 'translated', changedBy: 'omegat-user' });
    expect(segment('draft').target.textContent).toBe('Draft, finished');
    expect(segment('review')).toMatchObject({ status: 'reviewed', changedBy: 'omegat-user' });
    expect(segment('review').target.textContent).toBe('Review me');
    expect(segment('merged').target.toJSON()).toEqual(doc(p('First'), p(strong('Second'))).toJSON());
    expect(segment('done')).toMatchObject({ status: 'approved', changedBy: null });
  });

  test('applies every change in one transaction', () => {
    const ydoc = article();
    let xliff = exported(ydoc);
    xliff = editUnit(xliff, 'intro', setTarget('Changed.'));
    xliff = editUnit(xliff, 'draft', setTarget('Changed too.'));
    const { updates, errors } = xliffToTargets(xliff, ydoc);
    expect(errors).toEqual([]);
    const origins: unknown[] = [];
    ydoc.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin));
    applyXliffUpdates(ydoc, updates, 'translator', 'xliff-import');
    expect(origins).toEqual(['xliff-import']);
  });

  test('a unit the tool left alone never reverts work done in Duet since the export', () => {
    const ydoc = article();
    const xliff = exported(ydoc);
    setSide(ydoc, 'intro', 'target', doc(p('Newer text written in Duet.')), 'translator');
    setStatus(ydoc, 'done', 'reviewed', 'reviewer');
    const before = json(ydoc);
    const result = xliffToTargets(xliff, ydoc);
    expect(result.errors).toEqual([]);
    expect(result.updates).toEqual([]);
    importXliff(ydoc, xliff, 'translator');
    expect(json(ydoc)).toBe(before);
  });

  test('a segment changed both in Duet and in the file is a conflict: refused, unless the file is to win', () => {
    const ydoc = article();
    let xliff = exported(ydoc);
    setSide(ydoc, 'intro', 'target', doc(p('Duet version.')), 'translator');
    setStatus(ydoc, 'done', 'reviewed', 'reviewer');
    xliff = editUnit(xliff, 'intro', setTarget('Tool version.'));
    xliff = editUnit(xliff, 'done', (unit) => unit.replace('state="final"', 'state="translated"'));
    const before = json(ydoc);

    const result = xliffToTargets(xliff, ydoc);
    expect(result.updates).toEqual([]);
    expect(result.errors.map((error) => [error.unit, error.code])).toEqual([
      ['intro', 'conflict'],
      ['done', 'conflict'],
    ]);
    expect(() => importXliff(ydoc, xliff, 'translator')).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(json(ydoc)).toBe(before);

    importXliff(ydoc, xliff, 'translator', null, { overwrite: true });
    expect(readSegment(ydoc, 'intro').target.textContent).toBe('Tool version.');
    expect(readSegment(ydoc, 'done').status).toBe('translated');
  });

  test('the same change made in both is no conflict', () => {
    const ydoc = article();
    let xliff = exported(ydoc);
    setSide(ydoc, 'intro', 'target', doc(p('Same.')), 'translator');
    xliff = editUnit(xliff, 'intro', setTarget('Same.'));
    expect(xliffToTargets(xliff, ydoc)).toMatchObject({ errors: [], updates: [] });
  });

  test('a unit without a target is skipped, not an error', () => {
    const ydoc = article();
    const xliff = editUnit(exported(ydoc), 'intro', (unit) => unit.replace(/<target[\s\S]*?<\/target>/, ''));
    const result = xliffToTargets(xliff, ydoc);
    expect(result.errors).toEqual([]);
    expect(result.skipped).toContainEqual({ unit: 'intro', reason: 'no target' });
  });

  test('a source with characters XML cannot hold still matches its exported text', () => {
    const ydoc = new Y.Doc();
    createArticle(ydoc, { segments: [{ id: 's', source: doc(p('控制\u0001字符')), target: doc(p('x')), status: 'draft' }] });
    const xliff = editUnit(exported(ydoc), 's', setTarget('Control characters', 'translated'));
    importXliff(ydoc, xliff, 'translator');
    expect(readSegment(ydoc, 's')).toMatchObject({ status: 'translated' });
  });
});

describe('a file Duet did not write', () => {
  const HAND_WRITTEN = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="article.docx" source-language="zh-CN" target-language="en-US" datatype="plaintext">
    <header/>
    <body>
      <group id="g1">
        <trans-unit id="title">
          <source>标题</source>
          <target state="translated">
            The   <mrk mtype="seg" mid="1">Title</mrk>
          </target>
        </trans-unit>
      </group>
      <trans-unit id="draft" xml:space="preserve">
        <source>草稿</source>
        <target state="needs-translation"> Still <g id="1" ctype="italic">rough</g></target>
      </trans-unit>
      <trans-unit id="done">
        <source>完成</source>
        <target state="final">Done</target>
      </trans-unit>
      <trans-unit id="review">
        <source>审校</source>
        <target>Reviewed text</target>
      </trans-unit>
    </body>
  </file>
</xliff>
`;

  test('applies its targets and states: blocks from the source, white space as XML says', () => {
    const ydoc = article();
    const summary = importXliff(ydoc, HAND_WRITTEN, 'translator');
    expect(summary).toMatchObject({ updated: 3, unchanged: 1 });
    expect(readSegment(ydoc, 'title').target.toJSON()).toEqual(doc(h(1, 'The Title')).toJSON());
    expect(readSegment(ydoc, 'title').status).toBe('translated');
    expect(readSegment(ydoc, 'draft').target.toJSON()).toEqual(doc(p(' Still ', em('rough'))).toJSON());
    expect(readSegment(ydoc, 'draft').status).toBe('draft');
    expect(readSegment(ydoc, 'done')).toMatchObject({ status: 'approved', changedBy: null });
    expect(readSegment(ydoc, 'review')).toMatchObject({ status: 'translated' });
    expect(readSegment(ydoc, 'review').target.textContent).toBe('Reviewed text');
  });

  test('as XLIFF 1.1 (what translate-toolkit and Virtaal write), it is read as the same file', () => {
    const as11 = HAND_WRITTEN.replace(
      'version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"',
      'version="1.1" xmlns="urn:oasis:names:tc:xliff:document:1.1"',
    );
    expect(as11).toContain('document:1.1');
    const [ydoc11, ydoc12] = [article(), article()];
    expect(importXliff(ydoc11, as11, 'translator')).toEqual(importXliff(ydoc12, HAND_WRITTEN, 'translator'));
    const contents = (ydoc: Y.Doc) => readArticle(ydoc).segments.map(({ id, target, status }) => ({ id, target: target.toJSON(), status }));
    expect(contents(ydoc11)).toEqual(contents(ydoc12));
    expect(readSegment(ydoc11, 'draft').target.toJSON()).toEqual(doc(p(' Still ', em('rough'))).toJSON());
  });

  test('refuses new text left under a status the importing role may not set', () => {
    const ydoc = article();
    const xliff = HAND_WRITTEN.replace('<target state="final">Done</target>', '<target state="final">Done better</target>');
    const result = xliffToTargets(xliff, ydoc, { permittedStatuses: ['untranslated', 'draft', 'translated'], roleName: 'translator' });
    expect(result.updates).toEqual([]);
    expect(result.errors.map((error) => error.message)).toEqual([
      expect.stringMatching(/trans-unit "done" \(line \d+\): a translator may not change the text of a segment and leave it approved/),
    ]);
  });

  test('refuses a status the importing role may not set, naming it', () => {
    const ydoc = article();
    const xliff = HAND_WRITTEN.replace('<target>Reviewed text</target>', '<target state="signed-off">Review me</target>');
    const result = xliffToTargets(xliff, ydoc, { permittedStatuses: ['untranslated', 'draft', 'translated'], roleName: 'translator' });
    expect(result.updates).toEqual([]);
    expect(result.errors.map((error) => error.message)).toEqual([
      expect.stringMatching(/trans-unit "review" \(line \d+\): a translator may not set a segment to reviewed/),
    ]);
  });
});

describe('refusals: the whole file is refused and the article left as it was', () => {
  const VALID_CHANGE = (xliff: string) => editUnit(xliff, 'draft', setTarget('A valid change that must not be applied'));

  const cases: [string, (xliff: string) => string, RegExp, string][] = [
    ['malformed XML', (x) => x.replace('</source>', '</sorce>'), /not well-formed XML \(line \d+: /, 'invalid_input'],
    ['a truncated file', (x) => x.slice(0, x.length / 2), /not well-formed XML/, 'invalid_input'],
    ['a character XML 1.0 forbids', (x) => x.replace('草稿', '草&#1;稿'), /not well-formed XML/, 'invalid_input'],
    ['not XLIFF at all', () => '<html><body>hello</body></html>', /not XLIFF: its root element is <html>/, 'invalid_input'],
    ['XLIFF 1.0', (x) => x.replace('version="1.2"', 'version="1.0"'), /the file is XLIFF 1\.0; Duet reads XLIFF 1\.1 and 1\.2$/, 'invalid_input'],
    [
      'XLIFF 2.0',
      () => '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="zh" trgLang="en"><file id="f"/></xliff>',
      /the file is XLIFF 2\.0; Duet reads XLIFF 1\.1 and 1\.2 \(export XLIFF 1\.2 from your tool\)/,
      'invalid_input',
    ],
    [
      'XLIFF 2.1 named only by its namespace',
      () => '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.1" srcLang="zh" trgLang="en"><file id="f"/></xliff>',
      /the file is XLIFF 2\.1; Duet reads XLIFF 1\.1 and 1\.2/,
      'invalid_input',
    ],
    ['an unknown version', (x) => x.replace('version="1.2"', 'version="1.3"'), /the file is XLIFF 1\.3; Duet reads XLIFF 1\.1 and 1\.2/, 'invalid_input'],
    [
      'an <xliff> root in a namespace that is not XLIFF',
      (x) => x.replace('xmlns="urn:oasis:names:tc:xliff:document:1.2"', 'xmlns="urn:example:xliff"'),
      /not XLIFF: its root element is <xliff> in the namespace "urn:example:xliff"/,
      'invalid_input',
    ],
    ['no version', (x) => x.replace('version="1.2" ', ''), /has no version/, 'invalid_input'],
    [
      'a DOCTYPE (entity expansion)',
      (x) => x.replace('<xliff', '<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n<xliff').replace('草稿', '&b;'),
      /DOCTYPE declaration is not allowed/,
      'invalid_input',
    ],
    ['two <file> elements', (x) => x.replace(/(<file[\s\S]*<\/file>)/, '$1$1'), /2 <file> elements/, 'invalid_input'],
    ['another target language', (x) => x.replace('target-language="en"', 'target-language="fr"'), /target language is "fr", not English/, 'invalid_input'],
    ['another source language', (x) => x.replace('source-language="zh-CN"', 'source-language="ja"'), /source language is "ja", not Chinese/, 'invalid_input'],
    ["another article's file", (x) => x.replace('duet:article="art1"', 'duet:article="other"'), /exported from article "other", not "art1"/, 'invalid_input'],
    [
      'an unknown id',
      (x) => editUnit(x, 'intro', (unit) => unit.replace('id="intro"', 'id="gone"')),
      /trans-unit "gone" \(line \d+\): the article has no segment with this id/,
      'invalid_input',
    ],
    ['an id twice', (x) => editUnit(x, 'intro', (unit) => `${unit}\n${unit}`), /trans-unit "intro" \(line \d+\): the id appears twice/, 'invalid_input'],
    [
      'a unit without an id',
      (x) => editUnit(x, 'intro', (unit) => unit.replace('id="intro" ', '')),
      /trans-unit "" \(line \d+\): the trans-unit has no id/,
      'invalid_input',
    ],
    [
      'a changed source',
      (x) => editUnit(x, 'intro', (unit) => setTarget('New.')(unit.replace('官网', '网站'))),
      /trans-unit "intro".*source text differs/,
      'invalid_input',
    ],
    [
      'a lost block boundary',
      (x) => editUnit(x, 'merged', setTarget('One Two')),
      /trans-unit "merged".*1 block of text where 2 were expected/,
      'invalid_input',
    ],
    [
      'an unknown inline code',
      (x) => editUnit(x, 'intro', setTarget('<g id="5" ctype="underlined">u</g>')),
      /unknown inline code <g ctype="underlined">/,
      'invalid_input',
    ],
    [
      'an unsupported inline element',
      (x) => editUnit(x, 'intro', setTarget('<bpt id="1">&lt;b&gt;</bpt>b<ept id="1">&lt;/b&gt;</ept>')),
      /inline element <bpt> is not supported/,
      'invalid_input',
    ],
    [
      'a foreign element in a target',
      (x) => editUnit(x, 'intro', setTarget('<h:b xmlns:h="http://www.w3.org/1999/xhtml">b</h:b>')),
      /<b> from namespace "http:\/\/www\.w3\.org\/1999\/xhtml" is not an XLIFF inline element/,
      'invalid_input',
    ],
    ['a state XLIFF does not have', (x) => editUnit(x, 'intro', setTarget('Done.', 'done')), /state "done" is not an XLIFF state/, 'invalid_input'],
    [
      'a state XLIFF does not have, on an empty target',
      (x) => editUnit(x, 'intro', setTarget('', 'done')),
      /trans-unit "intro".*state "done" is not an XLIFF state/,
      'invalid_input',
    ],
    [
      'an unknown Duet block',
      (x) => editUnit(x, 'intro', (unit) => unit.replace('<duet:target-blocks><duet:paragraph/>', '<duet:target-blocks><duet:table/>')),
      /<duet:table> is not a kind of block Duet knows/,
      'invalid_input',
    ],
    [
      'a heading level out of range',
      (x) => editUnit(x, 'intro', (unit) => unit.replace('<duet:target-blocks><duet:paragraph/>', '<duet:target-blocks><duet:heading level="9"/>')),
      /level between 1 and 6, not "9"/,
      'invalid_input',
    ],
    [
      'elements nested too deep',
      (x) => editUnit(x, 'intro', setTarget(`${'<g id="1" ctype="bold">'.repeat(70)}deep${'</g>'.repeat(70)}`)),
      /nest deeper than 64 levels/,
      'invalid_input',
    ],
    ['an empty file', () => '', /the XLIFF file is empty/, 'invalid_input'],
    ['a file over the limit', (x) => x.replace('</xliff>', `<!--${'x'.repeat(MAX_XLIFF_BYTES)}--></xliff>`), /over the limit of 5 MiB/, 'too_large'],
  ];

  test.each(cases)('%s', (_name, corrupt, message, code) => {
    const ydoc = article();
    const xliff = corrupt(VALID_CHANGE(exported(ydoc)));
    const before = json(ydoc);
    const result = xliffToTargets(xliff, ydoc, { articleId: 'art1' });
    expect(result.updates).toEqual([]);
    expect(result.errors.map((error) => error.message).join('\n')).toMatch(message);
    let thrown: unknown;
    try {
      importXliff(ydoc, xliff, 'translator', null, { articleId: 'art1' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DuetError);
    expect(thrown).toMatchObject({ code, message: expect.stringMatching(/^the XLIFF file was not imported, nothing changed/) });
    expect(json(ydoc)).toBe(before);
  });

  test('every problem is reported at once', () => {
    const ydoc = article();
    let xliff = exported(ydoc);
    xliff = editUnit(xliff, 'intro', (unit) => unit.replace('id="intro"', 'id="gone"'));
    xliff = editUnit(xliff, 'draft', setTarget('<g id="5" ctype="underlined">u</g>'));
    expect(() => importXliff(ydoc, xliff, 'translator')).toThrow(/\(2 problems\): trans-unit "gone".*; trans-unit "draft"/);
  });
});
