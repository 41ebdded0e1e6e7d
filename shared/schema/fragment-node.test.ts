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
});
