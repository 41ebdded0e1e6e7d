/**
 * Duet's TMX against a real peer, translate-toolkit: the TMX its po2tmx
 * writes is read into units, and the TMX Duet writes is read by its own TMX
 * reader (translate.storage.tmx) as the text Duet wrote. Without
 * translate-toolkit these tests fail, never skip (.ci/run installs it).
 */
import { describe, expect, test } from 'vitest';
import type { Node as PMNode } from 'prosemirror-model';
import { readTmx, writeTmx, type TmxUnit } from '../../shared/memory/tmx';
import { a, br, code, doc, em, fig, h, li, p, quote, rawInline, strong } from '../../shared/testing/builders';
import { poToTmx, readTmxWithToolkit } from '../testing/translate-toolkit';

const PO = `msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

# Checked against the print edition
#: intro
msgid "第一段，<b>加粗</b> & 更多。"
msgstr "The first paragraph, <b>bold</b> & more."

#: liquid
msgid "{{ page.title }} 的标题"
msgstr "The title of {{ page.title }}"

#: two-lines
msgid ""
"两行"
"文字"
msgstr ""
"Two lines\\n"
"of text"

#: untranslated
msgid "还没有译文"
msgstr ""
`;

const unit = (source: PMNode, target: PMNode, note: string | null = null): TmxUnit => ({
  source,
  target,
  author: 'wang',
  createdAt: Date.UTC(2025, 2, 1, 8, 30),
  changedBy: null,
  changedAt: null,
  usedCount: 0,
  lastUsedAt: null,
  note,
  props: { 'x-duet-status': 'approved' },
});

describe('TMX with translate-toolkit', () => {
  test('po2tmx’s file reads as one unit per translated entry, Chinese and English by the variants’ languages', () => {
    const tmx = poToTmx(PO);
    // The peer's header says the source is English; its units say zh-CN and en.
    expect(tmx).toContain('srclang="en"');
    expect(tmx).toContain('<tuv xml:lang="zh-CN">');

    const reading = readTmx(tmx);
    expect(reading.units.map((read) => ({ source: read.source.toJSON(), target: read.target.toJSON(), note: read.note, props: read.props }))).toEqual([
      { source: doc(p('第一段，<b>加粗</b> & 更多。')).toJSON(), target: doc(p('The first paragraph, <b>bold</b> & more.')).toJSON(), note: null, props: {} },
      { source: doc(p('{{ page.title }} 的标题')).toJSON(), target: doc(p('The title of {{ page.title }}')).toJSON(), note: null, props: {} },
      { source: doc(p('两行文字')).toJSON(), target: doc(p('Two lines\nof text')).toJSON(), note: null, props: {} },
    ]);
    for (const read of reading.units) {
      expect(read.source.eq(doc(p(read.source.textContent)))).toBe(true);
      expect({ author: read.author, createdAt: read.createdAt, usedCount: read.usedCount }).toEqual({ author: null, createdAt: null, usedCount: 0 });
    }
    expect(reading.notes).toEqual([
      '3 translation units read.',
      `The header says srclang="en", but each unit's Chinese and English were found by its own variants' languages (zh-CN, en).`,
    ]);
  });

  test('po2tmx’s translator comments are the units’ notes', () => {
    const reading = readTmx(poToTmx(PO, { comments: 'others' }));
    expect(reading.units.map((read) => read.note)).toEqual(['Checked against the print edition', null, null]);
  });

  test('translate-toolkit reads Duet’s TMX as the text Duet wrote, markup as its HTML tags', () => {
    const units: [TmxUnit, { source: string; target: string; notes: string }][] = [
      [unit(doc(p('第一段。')), doc(p('The first paragraph.'))), { source: '第一段。', target: 'The first paragraph.', notes: '' }],
      [
        unit(doc(p('读 ', strong('粗体'), ' 和 ', a('https://example.org/?a=1&b=2', '链接'))), doc(p('Read ', em('italic'), ' and ', code('x < y')))),
        {
          source: '读 <strong>粗体</strong> 和 <a href="https://example.org/?a=1&amp;b=2">链接</a>',
          target: 'Read <em>italic</em> and <code>x < y</code>',
          notes: '',
        },
      ],
      [
        unit(doc(p('<b>&amp; {{ page.title }}')), doc(p('<b>&amp; {{ page.title }} typed')), 'A note <b>& more</b>'),
        { source: '<b>&amp; {{ page.title }}', target: '<b>&amp; {{ page.title }} typed', notes: 'A note <b>& more</b>' },
      ],
      [unit(doc(h(2, '标题')), doc(h(2, 'A heading'))), { source: '标题', target: 'A heading', notes: '' }],
      [
        unit(doc(li({ ordered: true, number: 3 }, '第三项')), doc(li({ ordered: true, number: 3 }, 'Item three'))),
        { source: '第三项', target: 'Item three', notes: '' },
      ],
      [unit(doc(fig('/media/a.jpg', '病房', '病房')), doc(fig('/media/a.jpg', 'A ward', 'The ward'))), { source: '病房', target: 'The ward', notes: '' }],
      // A break and a block boundary are tags without text: the toolkit's plain text runs on.
      [unit(doc(quote(p('甲'), p('乙'))), doc(quote(p('One'), p('Two')))), { source: '甲乙', target: 'OneTwo', notes: '' }],
      [unit(doc(p('一', br(), '二')), doc(p('H', rawInline('<sub>2</sub>'), 'O'))), { source: '一二', target: 'H<sub>2</sub>O', notes: '' }],
    ];
    const tmx = writeTmx(
      units.map(([written]) => written),
      { toolVersion: '0.1.0' },
    );
    expect(readTmxWithToolkit(tmx)).toEqual(units.map(([, seen]) => seen));
    // And Duet reads its own file back exactly.
    expect(readTmx(tmx).units.map((read) => [read.source.toJSON(), read.target.toJSON()])).toEqual(
      units.map(([written]) => [written.source.toJSON(), written.target.toJSON()]),
    );
  });
});
