/**
 * Markdown ⇄ model, one row per construct: each row's Markdown parses to the
 * row's block, and the block serializes back to exactly that Markdown.
 */
import { describe, expect, test } from 'vitest';
import type { Node as PMNode } from 'prosemirror-model';
import { parseMarkdownBlocks } from './parse-markdown';
import { serializeBlock } from './serialize-block';
import { a, br, code, em, fig, h, hr, li, p, quote, raw, rawInline, strong } from '../testing/builders';

function same(markdown: string, block: PMNode) {
  expect(parseMarkdownBlocks(markdown).map((node) => node.toJSON())).toEqual([block.toJSON()]);
  expect(serializeBlock(block)).toBe(markdown);
}

const rows: [string, string, PMNode][] = [
  ['a plain paragraph', 'Hello, world.', p('Hello, world.')],
  ['emphasis', 'a *word* here', p('a ', em('word'), ' here')],
  ['strong', 'a **word** here', p('a ', strong('word'), ' here')],
  ['strong and emphasis on the same text', '***both***', p(strong(em('both')))],
  ['a double space inside bold stays', '**data,  using CT**', p(strong('data,  using CT'))],
  ['inline code', 'run `npm test` now', p('run ', code('npm test'), ' now')],
  ['inline code holding a backtick', 'a ``x`y`` b', p('a ', code('x`y'), ' b')],
  ['an external link as HTML opening a new tab', '<a href="https://example.com/a?b=1" target="_blank">site</a>', p(a('https://example.com/a?b=1', 'site'))],
  ['a site-relative link as Markdown', '[Related](/articles/2020/02/16/Alibaba-DAMO)', p(a('/articles/2020/02/16/Alibaba-DAMO', 'Related'))],
  [
    'emphasis around a link and text',
    '*<a href="https://www.zhihu.com" target="_blank">知乎 (Zhihu)</a> is popular. -- the translator*',
    p(em(a('https://www.zhihu.com', '知乎 (Zhihu)'), ' is popular. -- the translator')),
  ],
  [
    'bold inside a sentence with a link after',
    'In a word: **mature AI** and <a href="https://x.org" target="_blank">more</a>.',
    p('In a word: ', strong('mature AI'), ' and ', a('https://x.org', 'more'), '.'),
  ],
  ['a heading', '## Help people find your project', h(2, 'Help people find your project')],
  ['a heading ending in a hash', '## Issue \\#', h(2, 'Issue #')],
  ['an ordered list item', '1. Install portable CT equipment', li({ ordered: true, number: 1 }, 'Install portable CT equipment')],
  ['an ordered item keeps its number', '2. Introduce mature AI', li({ ordered: true, number: 2 }, 'Introduce mature AI')],
  ['a bullet item', '- one thing', li({}, 'one thing')],
  ['a star bullet keeps its marker', '* another', li({ marker: '*' }, 'another')],
  ['a quote', '> Homebrew is provided free of charge.', quote(p('Homebrew is provided free of charge.'))],
  ['a quote of two paragraphs', '> first\n>\n> second', quote(p('first'), p('second'))],
  [
    'a figure with a caption',
    '<figure>\n  <img src="/assets/media/2020-02-23/x-01.jpg" alt="isolation ward"/>\n  <figcaption>Precious image from a phone</figcaption>\n</figure>',
    fig('/assets/media/2020-02-23/x-01.jpg', 'isolation ward', 'Precious image from a phone'),
  ],
  ['a figure without a caption', '<figure>\n  <img src="/assets/media/x-04.jpg" alt="Ali AI"/>\n</figure>', fig('/assets/media/x-04.jpg', 'Ali AI')],
  [
    'a caption with quotes and bold, written as HTML',
    '<figure>\n  <img src="/a.jpg" alt="CT"/>\n  <figcaption>"CT container" &amp; <strong>two</strong> donated</figcaption>\n</figure>',
    fig('/a.jpg', 'CT', '"CT container" & ', strong('two'), ' donated'),
  ],
  ['a rule', '---', hr()],
  [
    'a raw HTML block',
    '<div align="center">\n  <a href="https://opencollective.com/jekyll"><img src="/x.png"></a>\n</div>',
    raw('<div align="center">\n  <a href="https://opencollective.com/jekyll"><img src="/x.png"></a>\n</div>'),
  ],
  ['a double hyphen stays', '--', p('--')],
  ['an arithmetic star stays', '5000 * 300 = 1.5M', p('5000 * 300 = 1.5M')],
  ['a paragraph starting like an ordered list', '1986\\. A great year.', p('1986. A great year.')],
  ['a paragraph starting like a heading', '\\# not a heading', p('# not a heading')],
  ['a hash inside text stays', 'C# and #hashtag', p('C# and #hashtag')],
  ['a paragraph starting like a bullet', '\\- not a list', p('- not a list')],
  ['a paragraph starting with a plus', '\\+ not a list', p('+ not a list')],
  ['a paragraph starting like a quote', '\\> not a quote', p('> not a quote')],
  ['a paragraph that would be a rule', '\\---', p('---')],
  ['literal stars that would open emphasis', 'a \\*literal* star', p('a *literal* star')],
  ['intraword underscores stay', 'snake_case_name', p('snake_case_name')],
  ['literal underscores that would open emphasis', 'an \\_aside_ here', p('an _aside_ here')],
  ['brackets alone stay', '[not a link]', p('[not a link]')],
  ['brackets that would form a link', '\\[text](url)', p('[text](url)')],
  ['a literal tag', 'write \\<b> for bold', p('write <b> for bold')],
  // kramdown takes no \\& escape (it shows the backslash): a reference is written as &amp; itself.
  ['a literal entity', 'AT&T writes &amp;amp;', p('AT&T writes &amp;')],
  ['a backslash before punctuation', 'a \\\\* b', p('a \\* b')],
  ['kramdown attribute syntax at the start', '\\{: .class}', p('{: .class}')],
  ['kramdown maths', 'costs \\$\\$5', p('costs $$5')],
  ['Chinese full-width punctuation stays', '知乎：如何看待？“重点”（注）', p('知乎：如何看待？“重点”（注）')],
  ['bold next to CJK punctuation falls back to HTML', '这是<strong>“重点”</strong>内容', p('这是', strong('“重点”'), '内容')],
  ['a hard break', 'line one<br>line two', p('line one', br(), 'line two')],
  ['unknown inline HTML stays verbatim', 'H<sub>2</sub>O', p('H', rawInline('<sub>'), '2', rawInline('</sub>'), 'O')],
];

describe('Markdown ⇄ model', () => {
  test.each(rows)('%s', (_name, markdown, block) => same(markdown, block));
});

/**
 * Typed text that the site's own engines would read as something else: Jekyll
 * runs Liquid over the post, then kramdown (not CommonMark) reads it. Each is
 * written so both our parser and the site read it back as the same text; the
 * site's side is checked against the real Jekyll build in
 * e2e/typed-text-is-published-as-text.test.ts.
 */
const siteEngineRows: [string, string, PMNode][] = [
  ['a Liquid output tag', 'Show &#123;{ site.title }} here', p('Show {{ site.title }} here')],
  ['a Liquid tag, unclosed', 'Then &#123;% include secrets.txt and &#123;{ unclosed', p('Then {% include secrets.txt and {{ unclosed')],
  ['Liquid across a bold boundary needs nothing: the delimiter parts it', '{**{ x }}**', p('{', strong('{ x }}'))],
  [
    'Liquid in code becomes HTML code with character references',
    'run <code>&#123;&#123; site&#46;title &#125;&#125;</code> now',
    p('run ', code('{{ site.title }}'), ' now'),
  ],
  ['a pipe (kramdown reads a line with one as a table row)', 'Pros \\| cons', p('Pros | cons')],
  ['an attribute list anywhere', '*x*\\{: .cls} and \\{:: comment}', p(em('x'), '{: .cls} and {:: comment}')],
  ['a footnote marker', 'Footnote\\[^1] here', p('Footnote[^1] here')],
  ['an abbreviation definition', '\\*[HTML]: Hyper Text', p('*[HTML]: Hyper Text')],
  ['a definition line', '\\: a definition?', p(': a definition?')],
  ['a literal script tag', 'Script \\<script>alert(1)\\</script> after', p('Script <script>alert(1)</script> after')],
  ['a named reference', 'write &amp;copy; for ©', p('write &copy; for ©')],
  ['a bare ampersand stays', 'AT&T and R&D', p('AT&T and R&D')],
  ['Liquid in a heading', '## Head &#123;{ x }} \\| y', h(2, 'Head {{ x }} | y')],
  [
    "Liquid in a site link's address is written as an HTML link, its braces as references",
    'See <a href="/search?q=&#123;{ site.key }}">this</a>.',
    p('See ', a('/search?q={{ site.key }}', 'this'), '.'),
  ],
  [
    'Liquid in an image description and its caption',
    '<figure>\n  <img src="/a.png" alt="alt &#123;{ site.title }}"/>\n  <figcaption>Caption &#123;% include x %} &lt;b&gt;</figcaption>\n</figure>',
    fig('/a.png', 'alt {{ site.title }}', 'Caption {% include x %} <b>'),
  ],
];

describe("typed text the site's engines would otherwise run or read as structure", () => {
  test.each(siteEngineRows)('%s', (_name, markdown, block) => same(markdown, block));

  test('a link to a javascript: address is written as its text alone, and read as its text alone', () => {
    expect(serializeBlock(p('Click ', a('javascript:alert(1)', 'here'), '.'))).toBe('Click here.');
    expect(serializeBlock(p(a(' JavaScript:alert(1)', 'x')))).toBe('x');
    expect(parseMarkdownBlocks('[here](javascript:alert(1))')[0]!.toJSON()).toEqual(p('here').toJSON());
    expect(parseMarkdownBlocks('<a href="javascript:alert(1)">here</a>')[0]!.toJSON()).toEqual(p('here').toJSON());
  });
});

describe('reading other Markdown styles', () => {
  const reads: [string, string, PMNode][] = [
    ['underscore emphasis', '_word_', p(em('word'))],
    ['underscore strong', '__word__', p(strong('word'))],
    ['a hard-wrapped paragraph reads as one line', 'one\ntwo\nthree', p('one two three')],
    ['an autolink', '<https://jekyllrb.com>', p(a('https://jekyllrb.com', 'https://jekyllrb.com'))],
    ['a reference link', '[Jekyll][1]\n\n[1]: https://jekyllrb.com', p(a('https://jekyllrb.com', 'Jekyll'))],
    ['a lone image becomes a figure', '![Cartography README](/assets/images/x.jpg)', fig('/assets/images/x.jpg', 'Cartography README')],
    ['a setext heading', 'Title\n=====', h(1, 'Title')],
    ['a fenced code block stays verbatim', '```\ncode\n```', raw('```\ncode\n```')],
  ];
  test.each(reads)('%s', (_name, markdown, block) => {
    expect(parseMarkdownBlocks(markdown)[0]!.toJSON()).toEqual(block.toJSON());
  });

  test('edited blocks are written in the house style', () => {
    expect(serializeBlock(p(em('word'), ' and ', strong('more')))).toBe('*word* and **more**');
    expect(serializeBlock(p(strong('bold '), 'text'))).toBe('**bold** text');
  });
});
