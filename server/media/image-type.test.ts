import { describe, expect, test } from 'vitest';
import { GIF_1PX, JPEG_1PX, pngImage, SVG_IMAGE, WEBP_1PX } from '../testing/images';
import { looksLikeSvg, sniffImageType } from './image-type';

describe('sniffImageType', () => {
  test.each([
    ['a PNG', pngImage(), 'image/png', 'png'],
    ['a JPEG', JPEG_1PX, 'image/jpeg', 'jpg'],
    ['a GIF', GIF_1PX, 'image/gif', 'gif'],
    ['a WebP', WEBP_1PX, 'image/webp', 'webp'],
  ])('knows %s by its bytes', (_name, bytes, type, extension) => expect(sniffImageType(bytes)).toEqual({ type, extension }));

  test.each([
    ['an SVG', SVG_IMAGE],
    ['text', Buffer.from('not an image at all')],
    ['HTML named .png', Buffer.from('<html><script>alert(1)</script></html>')],
    ['a PNG signature without its header chunk', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0, 0x78, 0x78, 0x78, 0x78])],
    ['a RIFF file that is no WebP', Buffer.from('RIFF\x10\x00\x00\x00WAVEfmt ')],
    ['nothing', Buffer.alloc(0)],
  ])('refuses %s', (_name, bytes) => expect(sniffImageType(bytes)).toBeNull());

  test('tells SVG apart, for the error message', () => {
    expect(looksLikeSvg(SVG_IMAGE)).toBe(true);
    expect(looksLikeSvg(Buffer.from('\uFEFF  <svg width="1"></svg>'))).toBe(true);
    expect(looksLikeSvg(Buffer.from('<html><svg></svg></html>'))).toBe(false);
    expect(looksLikeSvg(pngImage())).toBe(false);
  });
});
