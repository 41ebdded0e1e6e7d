/**
 * What kind of image some bytes are, judged by the bytes alone: a file name
 * or a content type sent with them proves nothing. Only raster formats that
 * browsers show and cannot run are accepted; SVG is refused by name because
 * it is the one image format that carries scripts.
 */
import type { MediaExtension } from '../../shared/publish/media-url';

export interface ImageType {
  /** The content type to serve it with. */
  type: 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';
  extension: MediaExtension;
}

const ascii = (bytes: Uint8Array, start: number, end: number): string => String.fromCharCode(...bytes.subarray(start, end));
const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean => prefix.every((byte, i) => bytes[i] === byte);

/** The image type of `bytes`, or null when they are no PNG, JPEG, GIF or WebP. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  // PNG: the signature, then the IHDR chunk that must come first.
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) && ascii(bytes, 12, 16) === 'IHDR') return { type: 'image/png', extension: 'png' };
  // JPEG: start-of-image, then a marker.
  if (startsWith(bytes, [0xff, 0xd8, 0xff]) && bytes.length > 4) return { type: 'image/jpeg', extension: 'jpg' };
  // GIF: the version, then a logical screen descriptor (13 bytes in all).
  if ((ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') && bytes.length >= 13) return { type: 'image/gif', extension: 'gif' };
  // WebP: a RIFF container of type WEBP whose first chunk is a VP8 bitstream.
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP' && /^VP8[ LX]$/.test(ascii(bytes, 12, 16)))
    return { type: 'image/webp', extension: 'webp' };
  return null;
}

/** Does this look like an SVG (XML text with an <svg> element near the start)? Only to say why it is refused. */
export function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 4096))
    .replace(/^\uFEFF/, '')
    .trimStart();
  return /^<(\?xml|svg|!DOCTYPE svg|!--)/i.test(head) && /<svg[\s>]/i.test(head);
}
