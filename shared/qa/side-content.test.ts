import { describe, expect, test } from 'vitest';
import { a, br, doc, em, fig, h, hr, li, p, quote, raw, rawInline, strong } from '../testing/builders';
import { boldRuns, describeSide, figures, links, listItems, sideText, textPieces } from './side-content';

describe('side content', () => {
  test('sideText: one line per text block, raw markup as its text, captions included', () => {
    const side = doc(
      h(1, 'Title'),
      p('a', br(), 'b ', rawInline('<sup>1</sup>')),
      quote(p('q')),
      fig('/x.jpg', 'alt', 'Caption'),
      hr(),
      raw('<div class="x">raw <b>text</b></div>'),
    );
    expect(sideText(side)).toBe('Title\na\nb  1 \nq\nCaption\n raw  text  ');
  });

  test('links: one per run of the same address, across other marks', () => {
    const side = doc(p(a('https://a', 'one ', strong('two')), ' and ', a('https://b', 'three')), p(em(a('https://a', 'four'))));
    expect(links(side)).toEqual([
      { href: 'https://a', text: 'one two' },
      { href: 'https://b', text: 'three' },
      { href: 'https://a', text: 'four' },
    ]);
    expect(links(doc(p(a('https://a', 'x'), a('https://b', 'y'))))).toHaveLength(2);
  });

  test('boldRuns: maximal bold passages, blank ones ignored', () => {
    expect(boldRuns(doc(p(strong('a ', em('b')), ' c ', strong('d')), p(strong(' '))))).toEqual(['a b', 'd']);
  });

  test('figures and list items, inside quotes too', () => {
    const side = doc(fig('/a.jpg', ''), li({}, 'x'), li({ ordered: true, number: 2 }, 'y'), p('z'));
    expect(figures(side)).toHaveLength(1);
    expect(listItems(side).map((item) => item.textContent)).toEqual(['x', 'y']);
  });

  test('textPieces: linked and unlinked text apart, image descriptions and raw anchors included', () => {
    const side = doc(p('See ', em(a('https://z', '知乎')), ' now'), fig('/a.jpg', 'desc', 'cap'), p(rawInline('<a href="https://x">链接</a> 后')));
    expect(textPieces(side)).toEqual([
      { text: 'See ', linked: false },
      { text: '知乎', linked: true },
      { text: ' now', linked: false },
      { text: 'desc', linked: false },
      { text: 'cap', linked: false },
      { text: '链接', linked: true },
      { text: ' 后', linked: false },
    ]);
  });

  test.each([
    [doc(p('题主是一名学生')), '«题主是一名学生»'],
    [doc(fig('/a.jpg', '')), 'a figure'],
    [doc(hr()), 'a horizontal rule'],
    [doc(), 'nothing'],
  ])('describeSide %#', (side, described) => expect(describeSide(side, (text) => `«${text}»`)).toBe(described));
});
