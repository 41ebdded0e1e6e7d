import { describe, expect, test } from 'vitest';
import { EditorState } from 'prosemirror-state';
import type { Node as PMNode } from 'prosemirror-model';
import { schema } from '../../shared/schema/schema';
import { doc, fig, p } from '../../shared/testing/builders';
import { placeImage } from './place-image';

const NEW = '/api/articles/abc/media/0123.png';
const placed = (side: PMNode, figureIndex: number | null = null) => placeImage(EditorState.create({ schema, doc: side }), NEW, figureIndex).doc;

describe('placeImage', () => {
  test('replaces the src of the figure dropped on, keeping its alt text and caption', () => {
    const side = doc(fig('https://pic1.zhimg.com/a.jpg', 'ward', 'A ward'), p('Text'), fig('https://pic1.zhimg.com/b.jpg', 'room', 'A room'));
    expect(placed(side, 1).toJSON()).toEqual(doc(fig('https://pic1.zhimg.com/a.jpg', 'ward', 'A ward'), p('Text'), fig(NEW, 'room', 'A room')).toJSON());
  });

  test('without a figure chosen, replaces the first one', () => {
    const side = doc(p('Text'), fig('https://pic1.zhimg.com/a.jpg', 'ward'), fig('/b.jpg', 'b'));
    expect(placed(side).toJSON()).toEqual(doc(p('Text'), fig(NEW, 'ward'), fig('/b.jpg', 'b')).toJSON());
  });

  test('a figure index that no longer exists falls back to the first figure', () => {
    expect(placed(doc(fig('/a.jpg', 'a')), 3).toJSON()).toEqual(doc(fig(NEW, 'a')).toJSON());
  });

  test('an empty target becomes the figure', () => {
    expect(placed(doc(p())).toJSON()).toEqual(doc(fig(NEW, '')).toJSON());
    expect(placed(doc()).toJSON()).toEqual(doc(fig(NEW, '')).toJSON());
  });

  test('a target with text and no figure gets the figure after its text', () => {
    expect(placed(doc(p('A caption-like paragraph.'))).toJSON()).toEqual(doc(p('A caption-like paragraph.'), fig(NEW, '')).toJSON());
  });
});
