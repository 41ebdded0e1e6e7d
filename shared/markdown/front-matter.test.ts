/**
 * Front matter read as Jekyll reads it (YAML 1.1) and written in the site's
 * style: values that need quoting get it, nothing else does.
 */
import { describe, expect, test } from 'vitest';
import { FrontMatterError, parseFrontMatter, serializeFrontMatter } from './front-matter';
import type { JsonValue } from '../article/layout';

const one = (key: string, value: JsonValue) => serializeFrontMatter([{ key, value }]);

describe('writing values in the house style', () => {
  const rows: [string, string, JsonValue, string][] = [
    ['a title is always double-quoted', 'title', 'Plain title', 'title: "Plain title"\n'],
    ['a title with an apostrophe', 'title', "Ali Damo Academy's AI", 'title: "Ali Damo Academy\'s AI"\n'],
    ['a title with double quotes', 'title', 'He said "no"', 'title: "He said \\"no\\""\n'],
    ['a blurb is always single-quoted', 'blurb', 'A summary.', "blurb: 'A summary.'\n"],
    ["a blurb's apostrophe is doubled", 'blurb', "It's here", "blurb: 'It''s here'\n"],
    ['a date stays bare', 'date', '2020-02-23', 'date: 2020-02-23\n'],
    ['categories are a flow list of single-quoted names', 'categories', ['opinion', 'covid'], "categories: ['opinion', 'covid']\n"],
    ['a plain string stays plain', 'translator', 'COVID-19 Readings', 'translator: COVID-19 Readings\n'],
    ['a path stays plain', 'image', '/assets/media/2020-02-23/x-01.jpg', 'image: /assets/media/2020-02-23/x-01.jpg\n'],
    ['": " is quoted', 'subtitle', 'Part one: the start', "subtitle: 'Part one: the start'\n"],
    ['" #" is quoted', 'subtitle', 'number #1', "subtitle: 'number #1'\n"],
    ['"yes" is quoted (Jekyll would read true)', 'flag', 'yes', "flag: 'yes'\n"],
    ['"on" is quoted', 'flag', 'on', "flag: 'on'\n"],
    ['a real boolean is bare', 'published', true, 'published: true\n'],
    ['a number is bare', 'order', 9, 'order: 9\n'],
    ['a date-like string in another key is quoted', 'subtitle', '2020-02-23', "subtitle: '2020-02-23'\n"],
    ['a leading quote is quoted', 'subtitle', "'quoted' start", 'subtitle: "\'quoted\' start"\n'],
    ['Chinese full-width punctuation stays plain', 'sourceTitle', '知乎：如何看待？（一）', 'sourceTitle: 知乎：如何看待？（一）\n'],
  ];
  test.each(rows)('%s', (_name, key, value, yaml) => {
    expect(one(key, value)).toBe(yaml);
    expect(parseFrontMatter(yaml)).toEqual([{ key, value }]);
  });
});

describe('reading front matter as Jekyll does', () => {
  test('yes and on are booleans, dates stay as written', () => {
    expect(parseFrontMatter('a: yes\nb: on\ndate: 2020-02-23\nwhen: "2016-06-03 13:21:02 -0700"\n')).toEqual([
      { key: 'a', value: true },
      { key: 'b', value: true },
      { key: 'date', value: '2020-02-23' },
      { key: 'when', value: '2016-06-03 13:21:02 -0700' },
    ]);
  });

  test('keys keep their file order', () => {
    expect(parseFrontMatter('z: 1\na: 2\nm: 3\n').map((entry) => entry.key)).toEqual(['z', 'a', 'm']);
  });

  test.each([
    ['a list instead of a mapping', '- a\n- b\n'],
    ['an unclosed quote', 'title: "open\n'],
    ['a duplicated key', 'a: 1\na: 2\n'],
    ['bad indentation', 'a: 1\n  b: 2\n c: 3\n'],
  ])('refuses %s', (_name, yaml) => {
    expect(() => parseFrontMatter(yaml)).toThrow(FrontMatterError);
  });
});

describe('editing existing front matter', () => {
  const original = 'title: \'Jekyll 3.1.4 "Stability Sam" Released\'\ndate: "2016-05-18 10:46:30 -0700" # quoted\nauthor: parkr\ncategories: [release]\n';

  test('unchanged entries give back the original text', () => {
    expect(serializeFrontMatter(parseFrontMatter(original), original)).toBe(original);
  });

  test('changing one value keeps every other line as it was', () => {
    const entries = parseFrontMatter(original).map((entry) => (entry.key === 'author' ? { ...entry, value: 'benbalter' } : entry));
    expect(serializeFrontMatter(entries, original)).toBe(original.replace('author: parkr', 'author: benbalter'));
  });

  test('a new key goes last in the house style; a removed key disappears', () => {
    const entries = parseFrontMatter(original).filter((entry) => entry.key !== 'author');
    entries.push({ key: 'blurb', value: 'Short' });
    expect(serializeFrontMatter(entries, original)).toBe(original.replace('author: parkr\n', '') + "blurb: 'Short'\n");
  });
});
