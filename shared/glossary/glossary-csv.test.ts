import { describe, expect, test } from 'vitest';
import type { GlossaryEntry } from '../protocol/glossary-api';
import { readGlossaryCsv, writeGlossaryCsv } from './glossary-csv';
import { GlossaryFileError } from './glossary-file';

const contents = (text: string) =>
  readGlossaryCsv(text).entries.map(({ source, translations, note, caseSensitive }) => ({ source, translations, note, caseSensitive }));

describe('reading a glossary CSV', () => {
  test('a header names the columns; rows of one term are one entry', () => {
    const text =
      'Chinese,English,Use,Note\n达摩院,Alibaba DAMO Academy,preferred,Alibaba’s lab\n达摩院,Damo Academy,forbidden,\n"人工智能","artificial intelligence, AI",,\n';
    expect(contents(text)).toEqual([
      {
        source: '达摩院',
        translations: [
          { text: 'Alibaba DAMO Academy', use: 'preferred' },
          { text: 'Damo Academy', use: 'forbidden' },
        ],
        note: 'Alibaba’s lab',
        caseSensitive: false,
      },
      { source: '人工智能', translations: [{ text: 'artificial intelligence, AI', use: 'preferred' }], note: '', caseSensitive: false },
    ]);
  });

  test('semicolons or tabs, a BOM, and a source/target header the wrong way round are read by script, and said', () => {
    const reading = readGlossaryCsv('\uFEFFsource;target\nLIN Chumian;林楚勉\n');
    expect(reading.entries.map((entry) => [entry.source, entry.translations[0]!.text])).toEqual([['林楚勉', 'LIN Chumian']]);
    expect(reading.notes).toEqual(['the column headed "target" holds Chinese and "source" English: read by their script']);
    expect(contents('zh-CN\ten\n达摩院\tDAMO\n').map((entry) => entry.source)).toEqual(['达摩院']);
  });

  test('without a header the columns are found by script; a row without both terms is left out and counted', () => {
    const reading = readGlossaryCsv('a note,达摩院,DAMO Academy\n,林楚勉,\n');
    expect(reading.entries.map((entry) => [entry.source, entry.translations[0]!.text, entry.note])).toEqual([['达摩院', 'DAMO Academy', 'a note']]);
    expect(reading.skipped).toBe(1);
    expect(reading.notes).toEqual([
      'no header: column 2 read as the Chinese terms, 3 as the English, 1 as notes',
      '1 row without a Chinese or an English term left out',
    ]);
  });

  test.each([
    ['', 'the file is empty'],
    ['chinese,note\n达摩院,x\n', 'the header names no English column'],
    ['only,latin\nwords,here\n', 'no header, and no column of Chinese terms beside one of English ones'],
    ['chinese,english,use\n达摩院,DAMO,sometimes\n', 'line 2: "sometimes" is not a use Duet knows'],
    ['chinese,english\n"达摩院,DAMO\n', 'not a CSV file Duet reads'],
  ])('refuses %j whole: %s', (text, message) => {
    expect(() => readGlossaryCsv(text)).toThrow(GlossaryFileError);
    expect(() => readGlossaryCsv(text)).toThrow(message);
  });
});

describe('writing a glossary CSV', () => {
  const entry: GlossaryEntry = {
    id: 1,
    source: '达摩院',
    translations: [
      { text: '=HYPERLINK("http://x")', use: 'preferred' },
      { text: 'Damo, "Academy"', use: 'forbidden' },
    ],
    note: 'two\nlines',
    caseSensitive: true,
    status: 'approved',
    createdBy: null,
    createdAt: 1,
    changedBy: null,
    changedAt: 1,
  };

  test('a BOM, CRLF, one row per translation; a formula is written as text and reads back as the same text', () => {
    const csv = writeGlossaryCsv([entry]);
    expect(csv).toBe(
      '\uFEFFchinese,english,use,note,case_sensitive\r\n达摩院,"\'=HYPERLINK(""http://x"")",preferred,"two\nlines",yes\r\n达摩院,"Damo, ""Academy""",forbidden,,\r\n',
    );
    expect(contents(csv)).toEqual([{ source: '达摩院', translations: entry.translations, note: 'two\nlines', caseSensitive: true }]);
  });
});
