import { describe, expect, test } from 'vitest';
import type { GlossaryEntry } from '../protocol/glossary-api';
import { GlossaryFileError } from './glossary-file';
import { parseTbxDate, readTbx } from './tbx-read';
import { writeTbx } from './tbx-write';

const martif = (body: string, lang = 'en') => `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif PUBLIC "ISO 12200:1999A//DTD MARTIF core (DXFcdV04)//EN" "TBXcdv04.dtd">
<martif type="TBX" xml:lang="${lang}">
  <martifHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></martifHeader>
  <text><body>${body}</body></text>
</martif>`;

const entry = (overrides: Partial<GlossaryEntry> = {}): GlossaryEntry => ({
  id: 7,
  source: '达摩院',
  translations: [
    { text: 'Alibaba DAMO Academy', use: 'preferred' },
    { text: 'DAMO Academy', use: 'allowed' },
    { text: 'Damo Academy', use: 'forbidden' },
  ],
  note: 'The research arm of Alibaba; <b> & "quotes" stay text',
  caseSensitive: true,
  status: 'approved',
  createdBy: 'wang',
  createdAt: Date.UTC(2026, 11, 1, 9, 30),
  changedBy: 'li',
  changedAt: Date.UTC(2026, 11, 2, 10, 0),
  ...overrides,
});

describe('reading TBX', () => {
  test('entries labelled en and xx, as csv2tbx writes them, are told apart by script, and the report says so', () => {
    const reading = readTbx(
      martif(`<termEntry id="达摩院">
        <langSet xml:lang="en"><tig><term>达摩院</term></tig></langSet>
        <langSet xml:lang="xx"><tig><term>Alibaba DAMO Academy</term></tig></langSet>
      </termEntry>`),
    );
    expect(reading.entries.map(({ source, translations }) => ({ source, translations }))).toEqual([
      { source: '达摩院', translations: [{ text: 'Alibaba DAMO Academy', use: 'preferred' }] },
    ]);
    expect(reading.notes).toEqual(['1 entry: the language tags do not say Chinese and English; the sides were told apart by their script']);
  });

  test('statuses, ntig, notes, transactions and several Chinese terms of one concept', () => {
    const reading = readTbx(
      martif(
        `<termEntry>
          <descrip type="definition">A research institute.</descrip>
          <transacGrp><transac type="transactionType">origination</transac><transacNote type="responsibility">wang</transacNote><date>2026-12-01</date></transacGrp>
          <langSet xml:lang="zh-Hans"><tig><term>达摩院</term></tig><tig><term>阿里达摩院</term></tig></langSet>
          <langSet xml:lang="en-US">
            <ntig><termGrp><term>DAMO Academy</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termGrp></ntig>
            <tig><term>Alibaba DAMO Academy</term><termNote type="normativeAuthorization">preferredTerm</termNote></tig>
            <tig><term>Damo Academy</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
          </langSet>
        </termEntry>
        <termEntry><langSet xml:lang="zh"><tig><term>只有中文</term></tig></langSet></termEntry>`,
        'zh-CN',
      ),
    );
    const translations = [
      { text: 'Alibaba DAMO Academy', use: 'preferred' },
      { text: 'DAMO Academy', use: 'allowed' },
      { text: 'Damo Academy', use: 'forbidden' },
    ];
    const shared = {
      translations,
      note: 'A research institute.',
      caseSensitive: false,
      createdBy: 'wang',
      createdAt: Date.UTC(2026, 11, 1),
      changedBy: null,
      changedAt: null,
    };
    expect(reading.entries).toEqual([
      { source: '达摩院', ...shared },
      { source: '阿里达摩院', ...shared },
    ]);
    expect(reading.skipped).toBe(1);
    expect(reading.notes).toEqual(['1 entry without a Chinese or an English term left out']);
  });

  test('TBX v3 (conceptEntry, langSec, termSec) reads the same', () => {
    const reading = readTbx(`<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>v3</p></sourceDesc></fileDesc></tbxHeader>
  <text><body><conceptEntry id="c1">
    <langSec xml:lang="zh-CN"><termSec><term>人工智能</term></termSec></langSec>
    <langSec xml:lang="en"><termSec><term>artificial intelligence</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
      <termSec><term>AI</term></termSec></langSec>
  </conceptEntry></body></text>
</tbx>`);
    expect(reading.entries.map(({ source, translations }) => ({ source, translations }))).toEqual([
      {
        source: '人工智能',
        translations: [
          { text: 'artificial intelligence', use: 'preferred' },
          { text: 'AI', use: 'allowed' },
        ],
      },
    ]);
    expect(reading.notes).toEqual([]);
  });

  test.each([
    ['not XML', 'line 1: not well-formed XML'],
    ['<martif><text><body><termEntry></body></text></martif>', 'not well-formed XML'],
    ['<tmx version="1.4"><body/></tmx>', 'not a TBX file: its root element is <tmx>'],
    ['<martif><text></text></martif>', 'the file has no <body>'],
    [martif(''), 'the file holds no term entries'],
    ['<!DOCTYPE martif [<!ENTITY a "b">]><martif/>', 'a DOCTYPE with an internal subset is not allowed'],
    [
      martif(`<termEntry><langSet xml:lang="zh"><tig><term>达摩院</term></tig></langSet>
        <langSet xml:lang="en"><tig><term>DAMO</term></tig><tig><term>DAMO</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet></termEntry>`),
      '"DAMO" is both allowed and forbidden',
    ],
  ])('refuses %j whole: %s', (text, message) => {
    expect(() => readTbx(text)).toThrow(GlossaryFileError);
    expect(() => readTbx(text)).toThrow(message);
  });

  test('dates: a day, a time in UTC or with an offset; anything else is none', () => {
    expect(parseTbxDate('2026-12-01')).toBe(Date.UTC(2026, 11, 1));
    expect(parseTbxDate('2026-12-01T08:30:00Z')).toBe(Date.UTC(2026, 11, 1, 8, 30));
    expect(parseTbxDate('2026-12-01T08:30:00+08:00')).toBe(Date.UTC(2026, 11, 1, 0, 30));
    expect(parseTbxDate('yesterday')).toBeNull();
  });
});

describe('writing TBX', () => {
  test('reads back as the same entries, markup in a note as text', () => {
    const written = writeTbx(
      [
        entry(),
        entry({
          id: 8,
          source: '林楚勉',
          translations: [{ text: 'LIN Chumian', use: 'preferred' }],
          note: '',
          caseSensitive: false,
          changedAt: Date.UTC(2026, 11, 1, 9, 30),
          changedBy: null,
        }),
      ],
      {
        title: 'Duet glossary',
        tool: 'Duet 0.1.0',
      },
    );
    expect(written).toContain('<martif type="TBX-Basic" xml:lang="zh-CN">');
    expect(written).toContain('&lt;b&gt; &amp; "quotes"');
    const reading = readTbx(written);
    expect(reading.notes).toEqual([]);
    expect(reading.entries).toEqual([
      {
        source: '达摩院',
        translations: entry().translations,
        note: entry().note,
        caseSensitive: true,
        createdBy: 'wang',
        createdAt: entry().createdAt,
        changedBy: 'li',
        changedAt: entry().changedAt,
      },
      {
        source: '林楚勉',
        translations: [{ text: 'LIN Chumian', use: 'preferred' }],
        note: '',
        caseSensitive: false,
        createdBy: 'wang',
        createdAt: entry().createdAt,
        changedBy: null,
        changedAt: null,
      },
    ]);
  });
});
