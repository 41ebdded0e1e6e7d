import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import { doc, p, strong } from '../testing/builders';
import { readFragment } from './fragment-node';

function fragmentOf(build: (fragment: Y.XmlFragment) => void): Y.XmlFragment {
  const ydoc = new Y.Doc();
  const fragment = ydoc.getXmlFragment('side');
  build(fragment);
  return fragment;
}

describe('readFragment', () => {
  test('reads content that fits the schema', () => {
    const fragment = new Y.Doc().getXmlFragment('side');
    prosemirrorToYXmlFragment(doc(p('Hello ', strong('world'))), fragment);
    const reading = readFragment(fragment);
    expect(reading.ok && reading.node.textContent).toBe('Hello world');
  });

  test.each([
    ['an unknown node', (f: Y.XmlFragment) => f.insert(0, [new Y.XmlElement('script')])],
    ['text directly in the document', (f: Y.XmlFragment) => f.insert(0, [new Y.XmlText('loose')])],
    [
      'an unknown mark',
      (f: Y.XmlFragment) => {
        const paragraph = new Y.XmlElement('paragraph');
        f.insert(0, [paragraph]);
        const text = new Y.XmlText();
        paragraph.insert(0, [text]);
        text.insert(0, 'x', { blink: {} });
      },
    ],
    [
      'a figure inside a paragraph',
      (f: Y.XmlFragment) => {
        const paragraph = new Y.XmlElement('paragraph');
        f.insert(0, [paragraph]);
        paragraph.insert(0, [new Y.XmlElement('figure')]);
      },
    ],
  ])('refuses %s, and leaves the fragment as it was', (_, build) => {
    const fragment = fragmentOf(build);
    const before = fragment.toJSON();
    expect(readFragment(fragment).ok).toBe(false);
    expect(fragment.toJSON()).toBe(before);
  });

  const element =
    (name: string, attrs: Record<string, unknown>, text = 'x') =>
    (f: Y.XmlFragment) => {
      const node = new Y.XmlElement(name);
      for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value as string);
      node.insert(0, [new Y.XmlText(text)]);
      f.insert(0, [node]);
    };
  const markedText = (marks: Record<string, unknown>) => (f: Y.XmlFragment) => {
    const paragraph = new Y.XmlElement('paragraph');
    f.insert(0, [paragraph]);
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    text.insert(0, 'x', marks);
  };

  test.each([
    ['a heading of level 7', element('heading', { level: 7 }), "heading's level must be a whole number from 1 to 6, not 7"],
    ['a heading of level 0', element('heading', { level: 0 }), "heading's level"],
    ['a heading of level 1.5', element('heading', { level: 1.5 }), "heading's level"],
    ['a list marker that opens a new line', element('list_item', { ordered: false, marker: '\n# x' }), "list_item's marker"],
    ['a bullet marker after a number', element('list_item', { ordered: true, number: 2, marker: '-' }), "list_item's marker"],
    ['a list number that is not a number', element('list_item', { ordered: true, number: 'abc', marker: '.' }), "list_item's number"],
    ['a list number of ten digits', element('list_item', { ordered: true, number: 1e10, marker: '.' }), "list_item's number"],
    ['a figure whose title is not text', element('figure', { src: '/a.png', alt: '', title: 5 }), "figure's title"],
    ['an attribute a node does not have', element('paragraph', { onclick: 'x' }), 'a paragraph has no attribute "onclick"'],
    ['a code mark with an attribute', markedText({ code: { backticks: '```' } }), 'a code mark has no attribute "backticks"'],
    ['a link whose title is not text', markedText({ link: { href: '/a', title: { x: 1 } } }), "link's title"],
  ])('refuses %s, saying which attribute', (_, build, problem) => {
    const fragment = fragmentOf(build);
    const before = fragment.toJSON();
    const reading = readFragment(fragment);
    expect(reading.ok ? null : reading.problem).toContain(problem);
    expect(fragment.toJSON()).toBe(before);
  });

  test.each([
    ['a heading of level 6', element('heading', { level: 6 })],
    ['an ordered item numbered 0 with a parenthesis', element('list_item', { ordered: true, number: 0, marker: ')' })],
    ['a bullet item with a plus', element('list_item', { ordered: false, number: null, marker: '+' })],
    ['a link with a title', markedText({ link: { href: '/a', title: 'A' } })],
  ])('reads %s', (_, build) => {
    expect(readFragment(fragmentOf(build)).ok).toBe(true);
  });
});
