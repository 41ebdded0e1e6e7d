import { describe, expect, test } from 'vitest';
import { EntryError, mergeEntry, normalizeEntry } from './glossary-entry';

describe('a glossary entry', () => {
  test('is cleaned, ordered preferred, allowed, forbidden, and names a preferred translation when the input named none', () => {
    expect(
      normalizeEntry({
        source: ' 达摩院\u0007 ',
        translations: [
          { text: 'Damo Academy', use: 'forbidden' },
          { text: '  Alibaba   DAMO Academy ', use: 'allowed' },
          { text: 'DAMO Academy', use: 'allowed' },
          { text: ' ', use: 'allowed' },
        ],
      }),
    ).toEqual({
      source: '达摩院',
      translations: [
        { text: 'Alibaba DAMO Academy', use: 'preferred' },
        { text: 'DAMO Academy', use: 'allowed' },
        { text: 'Damo Academy', use: 'forbidden' },
      ],
      note: '',
      caseSensitive: false,
    });
  });

  test.each([
    [{ source: ' ', translations: [{ text: 'x', use: 'allowed' as const }] }, 'the Chinese term is empty'],
    [{ source: '达摩院', translations: [] }, '"达摩院" has no English translation'],
    [
      {
        source: '达摩院',
        translations: [
          { text: 'DAMO', use: 'allowed' as const },
          { text: 'DAMO', use: 'forbidden' as const },
        ],
      },
      '"DAMO" is both allowed and forbidden',
    ],
    [
      {
        source: '达摩院',
        translations: [
          { text: 'A', use: 'preferred' as const },
          { text: 'B', use: 'preferred' as const },
        ],
      },
      'only one translation of "达摩院" can be preferred',
    ],
  ])('refuses %j: %s', (input, message) => {
    expect(() => normalizeEntry(input)).toThrow(EntryError);
    expect(() => normalizeEntry(input)).toThrow(message);
  });

  test('a file may mark several preferred: the first is, the others are allowed', () => {
    const entry = normalizeEntry(
      {
        source: '达摩院',
        translations: [
          { text: 'A', use: 'preferred' },
          { text: 'B', use: 'preferred' },
        ],
      },
      { extraPreferred: 'allow' },
    );
    expect(entry.translations).toEqual([
      { text: 'A', use: 'preferred' },
      { text: 'B', use: 'allowed' },
    ]);
  });

  test('merging keeps what the team decided and adds what is new; nothing new is null', () => {
    const existing = normalizeEntry({
      source: '达摩院',
      translations: [
        { text: 'DAMO Academy', use: 'preferred' },
        { text: 'Damo', use: 'forbidden' },
      ],
    });
    const incoming = normalizeEntry({
      source: '达摩院',
      translations: [
        { text: 'Damo', use: 'allowed' },
        { text: 'Alibaba DAMO Academy', use: 'preferred' },
      ],
      note: 'From the style sheet',
    });
    expect(mergeEntry(existing, incoming)).toEqual({
      source: '达摩院',
      translations: [
        { text: 'DAMO Academy', use: 'preferred' },
        { text: 'Alibaba DAMO Academy', use: 'allowed' },
        { text: 'Damo', use: 'forbidden' },
      ],
      note: 'From the style sheet',
      caseSensitive: false,
    });
    expect(mergeEntry(existing, normalizeEntry({ source: '达摩院', translations: [{ text: 'DAMO Academy', use: 'allowed' }] }))).toBeNull();
  });
});
