import { describe, expect, test } from 'vitest';
import type { Node as PMNode } from 'prosemirror-model';
import type { JsonValue } from '../article/layout';
import { a, code, doc, fig, p, raw, rawInline, strong } from '../testing/builders';
import { checkFrontMatterLiquid, checkLiquid, findLiquid } from './check-liquid';
import { segment } from './testing';

describe('findLiquid', () => {
  test.each<[string, string[]]>([
    ['{{ page.title }}', ['{{ page.title }}']],
    ['{% include x.html %}', ['{% include x.html %}']],
    ['a {{ b', ['{{ b']],
    ['{% raw %}{{ kept }}{% endraw %}', []],
    ['{%- raw -%}{{ kept }}{%- endraw -%} then {{ not }}', ['{{ not }}']],
    ['{ single } braces and %', []],
    ['', []],
  ])('%j', (text, found) => expect(findLiquid(text)).toEqual(found));
});

describe('checkLiquid', () => {
  const checks = (target: PMNode) => checkLiquid(segment({ source: '原文', target })).map((found) => `${found.check}:${found.severity}`);
  test.each<[string, PMNode, string[]]>([
    ['plain text', doc(p('A template uses braces { like this }.')), []],
    ['an output tag', doc(p('Write {{ name }} here')), ['liquid-in-text:warning']],
    ['a tag', doc(p('{% if x %}')), ['liquid-in-text:warning']],
    ['braces split by bold', doc(p('{', strong('{ name }}'))), ['liquid-in-text:warning']],
    ['in code', doc(p(code('{{ x }}'))), ['liquid-in-text:warning']],
    ['in an image description', doc(fig('/assets/a.jpg', '{{ alt }}')), ['liquid-in-text:warning']],
    ['typed raw tags are text too', doc(p('{% raw %}{{ name }}{% endraw %}')), ['liquid-in-text:warning']],
    // Written into the post as they stand: these would run.
    ['in a link address (written with its braces as references)', doc(p(a('https://x.cn/{{id}}', 'link'))), ['liquid-in-text:warning']],
    ['in raw HTML', doc(raw('<div data-x="{% x %}"></div>')), ['liquid-in-markup:error']],
    ['in raw inline markup', doc(p(rawInline('<sup>{{ n }}</sup>'))), ['liquid-in-markup:error']],
    ['raw markup wrapped in raw', doc(raw('{% raw %}<div>{{ x }}</div>{% endraw %}')), []],
  ])('%s', (_name, target, expected) => expect(checks(target)).toEqual(expected));

  test('names the code', () => {
    expect(checkLiquid(segment({ target: 'Write {{ name }} here' }, 'seg-2'))).toEqual([
      {
        check: 'liquid-in-text',
        severity: 'warning',
        segmentId: 'seg-2',
        message: 'The translation contains “{{ name }}”, which looks like Liquid template code; it is published as typed, not run.',
      },
    ]);
  });
});

describe('checkFrontMatterLiquid', () => {
  test.each<[string, JsonValue, string[]]>([
    ['text', 'How to view AI', []],
    ['a title with Liquid', 'Hello {{ site.title }}', ['title']],
    ['a list with Liquid', ['a', '{% x %}'], ['title']],
    ['a number', 3, []],
  ])('%s', (_name, value, keys) => expect(checkFrontMatterLiquid([{ key: 'title', value }]).map((found) => found.frontMatterKey)).toEqual(keys));

  test('is a warning naming the key and the code', () => {
    expect(checkFrontMatterLiquid([{ key: 'blurb', value: 'See {{ page.url }}' }])).toEqual([
      {
        check: 'liquid-in-front-matter',
        severity: 'warning',
        frontMatterKey: 'blurb',
        message: 'The blurb contains “{{ page.url }}”, which looks like Liquid template code and may show as code on the site.',
      },
    ]);
  });
});
