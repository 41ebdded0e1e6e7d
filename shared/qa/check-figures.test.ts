import { describe, expect, test } from 'vitest';
import type { Node as PMNode } from 'prosemirror-model';
import { doc, fig, p } from '../testing/builders';
import { checkCoverImage, checkFigures } from './check-figures';
import type { QaContext } from './options';
import { segment } from './testing';

const checks = (target: PMNode, context: QaContext = {}) =>
  checkFigures(segment({ source: doc(fig('https://pic1.zhimg.com/a.jpg', '')), target }), context).map((found) => `${found.check}:${found.severity}`);

describe('checkFigures', () => {
  test.each<[string, PMNode, string[]]>([
    ['a published image', doc(fig('/assets/media/2020-02-23/how-to-view-ali-damo-ai-01.jpg', 'isolation ward', 'Precious image')), []],
    ['an image stored with the article', doc(fig('/api/articles/abc123/media/photo-1.jpg', 'ward')), []],
    ['no image', doc(fig('', 'ward', 'Caption')), ['figure-no-image:error']],
    ['a blank image address', doc(fig('  ', 'ward')), ['figure-no-image:error']],
    ['a remote image', doc(fig('https://pic1.zhimg.com/v2-5c1e_b.jpg', 'ward')), ['figure-remote-image:error']],
    ['a protocol-relative image', doc(fig('//pic1.zhimg.com/v2-5c1e_b.jpg', 'ward')), ['figure-remote-image:error']],
    ['an http image', doc(fig('http://example.com/a.png', 'ward')), ['figure-remote-image:error']],
    ['an embedded image', doc(fig('data:image/png;base64,iVBORw0KGgo=', 'ward')), ['figure-remote-image:error']],
    ['a relative image', doc(fig('images/a.png', 'ward')), ['figure-remote-image:error']],
    ['no description', doc(fig('/assets/media/a.jpg', '', 'Caption')), ['figure-empty-alt:warning']],
    ['a blank description', doc(fig('/assets/media/a.jpg', ' ')), ['figure-empty-alt:warning']],
    ['nothing at all', doc(fig('', '')), ['figure-no-image:error', 'figure-empty-alt:warning']],
    ['no figure', doc(p('Text')), []],
    ['two figures, one remote', doc(fig('/assets/a.jpg', 'a'), fig('https://x.cn/b.jpg', 'b')), ['figure-remote-image:error']],
  ])('%s', (_name, target, expected) => expect(checks(target)).toEqual(expected));

  test('takes the installation’s idea of a stored image', () => {
    const target = doc(fig('https://cdn.example.org/media/a.jpg', 'a'));
    expect(checks(target, { localImagePrefixes: ['https://cdn.example.org/'] })).toEqual([]);
    expect(checks(target, { isStoredImage: (src) => src.endsWith('.jpg') })).toEqual([]);
    expect(checks(doc(fig('/assets/a.jpg', 'a')), { localImagePrefixes: ['/media/'] })).toEqual(['figure-remote-image:error']);
  });

  test('names the figure by its caption, and the remote address', () => {
    const found = checkFigures(segment({ target: doc(fig('https://pic1.zhimg.com/a.jpg', '', 'Precious image from a phone')) }, 'seg-7'));
    expect(found).toEqual([
      {
        check: 'figure-remote-image',
        severity: 'error',
        segmentId: 'seg-7',
        message:
          'The figure “Precious image from a phone” still points to the remote image https://pic1.zhimg.com/a.jpg; upload the image so it is stored with the article.',
      },
      {
        check: 'figure-empty-alt',
        severity: 'warning',
        segmentId: 'seg-7',
        message: 'The figure “Precious image from a phone” has no image description (alt text) for readers who cannot see it.',
      },
    ]);
    expect(checkFigures(segment({ target: doc(fig('', 'a'), fig('', 'b')) })).map((f) => f.message)).toEqual([
      'Figure 1 of this row has no image; upload one or remove the figure.',
      'Figure 2 of this row has no image; upload one or remove the figure.',
    ]);
  });
});

describe('checkCoverImage', () => {
  test.each([
    ['/assets/media/2020-02-23/how-to-view-ali-damo-ai-01.jpg', []],
    ['', []],
    ['https://pic1.zhimg.com/a.jpg', ['cover-image-remote:warning']],
  ])('image: %j', (image, expected) =>
    expect(checkCoverImage([{ key: 'image', value: image }]).map((found) => `${found.check}:${found.severity}`)).toEqual(expected),
  );

  test('names the key and the address', () => {
    expect(checkCoverImage([{ key: 'image', value: 'https://pic1.zhimg.com/a.jpg' }])).toEqual([
      {
        check: 'cover-image-remote',
        severity: 'warning',
        frontMatterKey: 'image',
        message: "The cover image https://pic1.zhimg.com/a.jpg is not stored with the article; use one of the article's own images.",
      },
    ]);
  });
});
