import { describe, expect, test } from 'vitest';
import { doc, fig, p, strong } from '../testing/builders';
import { normalizeForMatching } from '../text/normalize-for-matching';
import { checkConsistency } from './check-consistency';
import type { QaIssue, QaSegment } from './model';
import type { ApprovedTranslation } from './options';
import { segment, type SegmentParts } from './testing';

type Row = SegmentParts & { id?: string };

const rows = (parts: readonly Row[]): QaSegment[] => parts.map((part, i) => segment(part, part.id ?? `s${i + 1}`));

/** Each segment's issues as `check: message`, by segment id; segments without issues left out. */
function messages(parts: readonly Row[], approved?: Record<string, ApprovedTranslation[]>): Record<string, string[]> {
  const found = checkConsistency(rows(parts), approved ? { approvedTranslations: new Map(Object.entries(approved)) } : {});
  return Object.fromEntries([...found].map(([id, issues]: [string, QaIssue[]]) => [id, issues.map((one) => `${one.check}: ${one.message}`)]));
}

const SOURCE = '疫情期间，医院增加了床位。';
/** As the memory keys it: NFKC makes the full-width comma a comma. */
const KEY = normalizeForMatching(SOURCE);
const ONE = 'During the epidemic, the hospital added beds.';
const TWO = 'The hospital added beds during the outbreak.';

describe('checkConsistency in the article', () => {
  test.each<[string, Row[], Record<string, string[]>]>([
    [
      'the same source translated two ways: both warned, each naming the other',
      [
        { source: SOURCE, target: ONE },
        { source: '另一句。', target: 'Another sentence.' },
        { source: SOURCE, target: TWO },
      ],
      {
        s1: [`inconsistent-translation: The same source is translated “${TWO}” elsewhere in the article.`],
        s3: [`inconsistent-translation: The same source is translated “${ONE}” elsewhere in the article.`],
      },
    ],
    [
      'full-width and half-width forms of the same source are the same source',
      [
        { source: 'ＡＩ２０２０大会', target: 'The AI2020 conference' },
        { source: 'AI2020大会', target: 'The AI 2020 summit' },
      ],
      {
        s1: ['inconsistent-translation: The same source is translated “The AI 2020 summit” elsewhere in the article.'],
        s2: ['inconsistent-translation: The same source is translated “The AI2020 conference” elsewhere in the article.'],
      },
    ],
    [
      'an identical translation is nothing',
      [
        { source: SOURCE, target: ONE },
        { source: SOURCE, target: ONE },
      ],
      {},
    ],
    [
      'translations equal but for spacing, width or marks are the same translation',
      [
        { source: SOURCE, target: doc(p('During the ', strong('epidemic'), ', the hospital added beds.')) },
        { source: SOURCE, target: 'During  the epidemic, the hospital added beds. ' },
      ],
      {},
    ],
    [
      'three translations: each names the two it does not use, once each',
      [
        { source: SOURCE, target: ONE },
        { source: SOURCE, target: TWO },
        { source: SOURCE, target: ONE },
        { source: SOURCE, target: 'Beds were added.' },
      ],
      {
        s1: [`inconsistent-translation: The same source is translated “${TWO}” and “Beds were added.” elsewhere in the article.`],
        s2: [`inconsistent-translation: The same source is translated “${ONE}” and “Beds were added.” elsewhere in the article.`],
        s3: [`inconsistent-translation: The same source is translated “${TWO}” and “Beds were added.” elsewhere in the article.`],
        s4: [`inconsistent-translation: The same source is translated “${ONE}” and “${TWO}” elsewhere in the article.`],
      },
    ],
    [
      'an empty translation is not compared',
      [
        { source: SOURCE, target: ONE },
        { source: SOURCE, target: '' },
      ],
      {},
    ],
    [
      'an omitted segment is not compared',
      [
        { source: SOURCE, target: ONE },
        { source: SOURCE, target: TWO, omitted: true },
      ],
      {},
    ],
    [
      "translators' own segments (no source) are not compared",
      [
        { source: '', target: ONE },
        { source: '', target: TWO },
      ],
      {},
    ],
    [
      'sources without text (figures) are not compared',
      [
        { source: doc(fig('/a.jpg', '')), target: ONE },
        { source: doc(fig('/b.jpg', '')), target: TWO },
      ],
      {},
    ],
    [
      'different sources are not compared',
      [
        { source: SOURCE, target: ONE },
        { source: '疫情期间，医院增加了病床。', target: TWO },
      ],
      {},
    ],
  ])('%s', (_name, parts, expected) => {
    expect(messages(parts)).toEqual(expected);
  });

  test('a long translation is quoted cut short', () => {
    const long = 'During the epidemic the hospital added a great many beds, more than anyone had expected it could, in a week.';
    const [message] = messages([
      { source: SOURCE, target: ONE },
      { source: SOURCE, target: long },
    ]).s1!;
    expect(message).toMatch(/^inconsistent-translation: The same source is translated “During the epidemic .{40,80}…” elsewhere in the article\.$/);
  });
});

describe('checkConsistency against the memory', () => {
  const unit = (target: string, segmentId: string | null = null): ApprovedTranslation => ({ target, segmentId });

  test.each<[string, Row[], Record<string, ApprovedTranslation[]>, Record<string, string[]>]>([
    [
      'an approved unit that differs is a warning naming its translation',
      [{ source: SOURCE, target: TWO }],
      { [KEY]: [unit(ONE)] },
      { s1: [`memory-inconsistent: The memory's approved translation of this source is “${ONE}”.`] },
    ],
    [
      'found by the normalized source: a full-width source finds the half-width key',
      [{ source: 'ＡＩ２０２０大会', target: 'The AI 2020 summit' }],
      { AI2020大会: [unit('The AI2020 conference')] },
      { s1: ["memory-inconsistent: The memory's approved translation of this source is “The AI2020 conference”."] },
    ],
    ['an approved unit with the same translation is nothing', [{ source: SOURCE, target: ONE }], { [KEY]: [unit(` ${ONE}`)] }, {}],
    [
      "the segment's own unit is ignored (it may be an older confirmation of this very segment)",
      [{ source: SOURCE, target: TWO }],
      { [KEY]: [unit(ONE, 's1')] },
      {},
    ],
    [
      "another segment's unit of the same article counts",
      [{ source: SOURCE, target: TWO }],
      { [KEY]: [unit(ONE, 's9')] },
      { s1: [`memory-inconsistent: The memory's approved translation of this source is “${ONE}”.`] },
    ],
    ['agreeing with one of several approved translations is nothing', [{ source: SOURCE, target: TWO }], { [KEY]: [unit(ONE), unit(TWO)] }, {}],
    [
      'several approved translations, none used: all named, each once',
      [{ source: SOURCE, target: 'Beds were added.' }],
      { [KEY]: [unit(ONE), unit(TWO), unit(ONE)] },
      { s1: [`memory-inconsistent: The memory's approved translations of this source are “${ONE}” and “${TWO}”.`] },
    ],
    ['an omitted segment is not compared', [{ source: SOURCE, target: TWO, omitted: true }], { [KEY]: [unit(ONE)] }, {}],
    ['an empty translation is not compared', [{ source: SOURCE, target: '' }], { [KEY]: [unit(ONE)] }, {}],
    [
      'both checks on one segment: the article first, then the memory',
      [
        { source: SOURCE, target: ONE },
        { source: SOURCE, target: TWO },
      ],
      { [KEY]: [unit(ONE, 's1')] },
      {
        s1: [`inconsistent-translation: The same source is translated “${TWO}” elsewhere in the article.`],
        s2: [
          `inconsistent-translation: The same source is translated “${ONE}” elsewhere in the article.`,
          `memory-inconsistent: The memory's approved translation of this source is “${ONE}”.`,
        ],
      },
    ],
  ])('%s', (_name, parts, approved, expected) => {
    expect(messages(parts, approved)).toEqual(expected);
  });

  test('every issue is a warning on its segment', () => {
    const found = checkConsistency(
      rows([
        { source: SOURCE, target: ONE },
        { source: SOURCE, target: TWO },
      ]),
      {
        approvedTranslations: new Map([[KEY, [unit('Beds.')]]]),
      },
    );
    const all = [...found.values()].flat();
    expect(all).toHaveLength(4);
    for (const one of all) expect(one.severity).toBe('warning');
    expect(all.map((one) => one.segmentId)).toEqual(['s1', 's1', 's2', 's2']);
  });
});
