import { describe, expect, test } from 'vitest';
import type { FrontMatterEntry } from '../article/article';
import type { JsonValue } from '../article/layout';
import { serializeFrontMatter } from '../markdown/front-matter';
import { checkDate, checkFrontMatter, checkRequiredFrontMatter, checkYamlMeaning, checkYamlText, isJekyllDate } from './check-front-matter';

const SEED: FrontMatterEntry[] = [
  {
    key: 'title',
    value: "How to View Ali Damo Academy's COVID-19 CT Scan AI Diagnosis Technology, Which Could Recognize It in 20 Seconds with An Accuracy of 96%?",
  },
  { key: 'date', value: '2020-02-23' },
  { key: 'categories', value: ['opinion'] },
  { key: 'image', value: '/assets/media/2020-02-23/how-to-view-ali-damo-ai-01.jpg' },
  { key: 'blurb', value: 'OP (original poster) is a student of radiology.' },
  { key: 'translator', value: 'COVID-19 Readings' },
];
const tags = (issues: { check: string; severity: string; frontMatterKey?: string }[]) =>
  issues.map((found) => `${found.check}:${found.severity}:${found.frontMatterKey ?? ''}`);
const withValue = (key: string, value: JsonValue): FrontMatterEntry[] => SEED.map((entry) => (entry.key === key ? { key, value } : entry));

describe('checkRequiredFrontMatter', () => {
  test('the house style is satisfied by the seed', () => expect(checkRequiredFrontMatter(SEED)).toEqual([]));

  test.each<[string, FrontMatterEntry[], string[]]>([
    ['no blurb', SEED.filter((entry) => entry.key !== 'blurb'), ['front-matter-required:error:blurb']],
    ['an empty title', withValue('title', ''), ['front-matter-required:error:title']],
    ['a blank translator', withValue('translator', '   '), ['front-matter-required:error:translator']],
    ['no categories in the list', withValue('categories', []), ['front-matter-required:error:categories']],
    ['an empty category', withValue('categories', ['']), ['front-matter-required:error:categories']],
    ['a null image', withValue('image', null), ['front-matter-required:error:image']],
    ['nothing at all', [], ['title', 'date', 'categories', 'image', 'blurb', 'translator'].map((key) => `front-matter-required:error:${key}`)],
  ])('%s', (_name, entries, expected) => expect(tags(checkRequiredFrontMatter(entries))).toEqual(expected));

  test('takes the installation’s list of required keys', () => {
    expect(tags(checkRequiredFrontMatter(SEED, ['title', 'author']))).toEqual(['front-matter-required:error:author']);
    expect(checkRequiredFrontMatter([], [])).toEqual([]);
  });

  test('says which key is missing or empty', () => {
    expect(checkRequiredFrontMatter([{ key: 'title', value: '' }], ['title', 'blurb']).map((found) => found.message)).toEqual([
      'The title is empty; the site needs one.',
      'The metadata has no blurb; the site needs one.',
    ]);
  });
});

describe('checkDate', () => {
  test.each(['2020-02-23', '2020-2-3', '2020-02-23 10:30', '2020-02-23 10:30:00 +0800', '2020-02-23T10:30:00Z', '2020-02-29'])('%j is a date', (value) =>
    expect(isJekyllDate(value)).toBe(true),
  );
  test.each(['23/02/2020', 'Feb 23, 2020', '2020-02-30', '2019-02-29', '2020-13-01', '2020-02-23 25:00', '20200223', 'yesterday', ''])(
    '%j is not a date the site can read',
    (value) => expect(isJekyllDate(value)).toBe(false),
  );

  test.each<[JsonValue, string[]]>([
    ['2020-02-23', []],
    ['2020-02-30', ['front-matter-date:error:date']],
    ['Feb 23, 2020', ['front-matter-date:error:date']],
    [20200223, ['front-matter-date:error:date']],
    ['', []], // the required-keys check reports it
  ])('date: %j', (value, expected) => expect(tags(checkDate(withValue('date', value)))).toEqual(expected));

  test('says how to write it', () => {
    expect(checkDate(withValue('date', '23/02/2020'))[0]!.message).toBe(
      'The date “23/02/2020” is not one the site can read; write it as YYYY-MM-DD, such as 2020-02-23.',
    );
  });
});

describe('checkYamlText: what the site reads from the front matter as written', () => {
  test.each<[string, string, FrontMatterEntry[], string[]]>([
    [
      'the seed as published',
      `title: "How to View"\ndate: 2020-02-23\ncategories: ['opinion']\ntranslator: COVID-19 Readings\n`,
      [
        { key: 'title', value: 'How to View' },
        { key: 'date', value: '2020-02-23' },
        { key: 'categories', value: ['opinion'] },
        { key: 'translator', value: 'COVID-19 Readings' },
      ],
      [],
    ],
    ['yes, unquoted', 'title: yes\n', [{ key: 'title', value: 'yes' }], ['front-matter-yaml:error:title']],
    ['On, unquoted', 'translator: On\n', [{ key: 'translator', value: 'On' }], ['front-matter-yaml:error:translator']],
    ['no, quoted', "title: 'no'\n", [{ key: 'title', value: 'no' }], []],
    ['a number', 'title: 2020\n', [{ key: 'title', value: '2020' }], ['front-matter-yaml:error:title']],
    ['a colon and a space', 'title: Wuhan: a diary\n', [{ key: 'title', value: 'Wuhan: a diary' }], ['front-matter-yaml:error:']],
    ['a comment', 'blurb: Read this #covid\n', [{ key: 'blurb', value: 'Read this #covid' }], ['front-matter-yaml:error:blurb']],
    ['a leading asterisk', 'blurb: *Note*\n', [{ key: 'blurb', value: '*Note*' }], ['front-matter-yaml:error:']],
    ['a leading bracket', 'blurb: [1] is a footnote\n', [{ key: 'blurb', value: '[1] is a footnote' }], ['front-matter-yaml:error:']],
    ['a leading @', 'translator: @someone\n', [{ key: 'translator', value: '@someone' }], ['front-matter-yaml:error:']],
    ['a date on another key', 'updated: 2020-03-01\n', [{ key: 'updated', value: '2020-03-01' }], ['front-matter-ambiguous:warning:updated']],
    [
      'a key lost',
      'title: a\n',
      [
        { key: 'title', value: 'a' },
        { key: 'blurb', value: 'b' },
      ],
      ['front-matter-yaml:error:blurb'],
    ],
  ])('%s', (_name, yaml, entries, expected) => expect(tags(checkYamlText(yaml, entries))).toEqual(expected));

  test('says what the site would read instead', () => {
    expect(checkYamlText('title: yes\n', [{ key: 'title', value: 'yes' }])[0]!.message).toBe(
      'The site would read the title as yes (a yes/no value), not as the text “yes”.',
    );
    expect(checkYamlText('title: 2020\n', [{ key: 'title', value: '2020' }])[0]!.message).toBe(
      'The site would read the title as the number 2020, not as the text “2020”.',
    );
    expect(checkYamlText('title: Wuhan: a diary\n', [{ key: 'title', value: 'Wuhan: a diary' }])[0]!.message).toMatch(
      /^The site could not read the metadata: .+\.$/,
    );
  });
});

describe('checkYamlMeaning: the front matter as publishing writes it', () => {
  const article = (frontMatter: FrontMatterEntry[], frontMatterYaml?: string) => ({
    frontMatter,
    importedFile: frontMatterYaml != null ? { frontMatterYaml } : {},
  });

  test.each<[string, JsonValue]>([
    ['title', 'yes'],
    ['title', 'No'],
    ['translator', 'on'],
    ['title', 'Wuhan: a diary'],
    ['blurb', "It's #1: *really* [sic] @home & more"],
    ['blurb', '- a list? no'],
    ['blurb', '> quote | pipe % percent'],
    ['blurb', 'ends with a colon:'],
    ['title', '2020-02-23'],
    ['title', '2020'],
    ['title', '1:30'],
    ['title', '~'],
    ['title', 'null'],
    ['title', ' padded '],
    ['title', 'line\nbreak'],
    ['title', '"quoted" and \\ backslash'],
    ['title', '知乎：如何看待？'],
    ['categories', ['opinion', 'yes', '2020']],
    ['extra', { nested: 'yes', n: 1 }],
    ['published', false],
    ['weight', 3],
  ])('the writer keeps %s = %j as meant', (key, value) => {
    const entries = SEED.some((entry) => entry.key === key) ? withValue(key, value) : [...SEED, { key, value }];
    expect(checkYamlMeaning(article(entries)).filter((found) => found.check === 'front-matter-yaml')).toEqual([]);
  });

  test('the seed, published and edited, reads back as meant', () => {
    const published = serializeFrontMatter(SEED);
    expect(checkYamlMeaning(article(SEED, published))).toEqual([]);
    expect(checkYamlMeaning(article(withValue('title', 'Yes: a title'), published))).toEqual([]);
  });

  test('an imported date-like value on another key is read as a date', () => {
    expect(tags(checkYamlMeaning(article([{ key: 'updated', value: '2020-03-01' }], 'updated: 2020-03-01\n')))).toEqual([
      'front-matter-ambiguous:warning:updated',
    ]);
  });

  test.each<[string, JsonValue, string[]]>([
    ['published', 'false', ['front-matter-ambiguous:warning:published']],
    ['comments', 'yes', ['front-matter-ambiguous:warning:comments']],
    ['title', 'No', []],
    ['translator', 'On', []],
    ['comments', true, []],
    ['categories', 'covid opinion', ['front-matter-ambiguous:warning:categories']],
    ['categories', 'opinion', []],
  ])('%s = %j may not mean what was meant', (key, value, expected) => expect(tags(checkYamlMeaning(article([{ key, value }])))).toEqual(expected));

  test('says why', () => {
    expect(checkYamlMeaning(article([{ key: 'published', value: 'false' }]))[0]!.message).toBe(
      'The “published” field is the text “false”, which the site treats as text (and so as true), not as a yes/no value.',
    );
    expect(checkYamlMeaning(article([{ key: 'categories', value: 'covid opinion' }]))[0]!.message).toBe(
      'The categories “covid opinion” will be split at spaces into 2 categories (“covid”, “opinion”).',
    );
  });
});

describe('checkFrontMatter', () => {
  test('the seed has nothing to report', () => expect(checkFrontMatter({ frontMatter: SEED, importedFile: {} })).toEqual([]));
  test('reports every kind of problem', () =>
    expect(tags(checkFrontMatter({ frontMatter: withValue('date', 'tomorrow').filter((entry) => entry.key !== 'image'), importedFile: {} }))).toEqual([
      'front-matter-required:error:image',
      'front-matter-date:error:date',
    ]));
});
