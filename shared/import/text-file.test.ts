import { describe, expect, test } from 'vitest';
import { decodeTextFile, MAX_IMPORT_BYTES } from './text-file';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('reading an imported file', () => {
  test('UTF-8 text comes back unchanged, byte-order mark included', () => {
    expect(decodeTextFile(bytes('\uFEFF知乎：title\n'))).toBe('\uFEFF知乎：title\n');
  });

  test.each([
    ['an empty file', new Uint8Array(), /is empty/],
    ['white space only', bytes(' \n\t\n'), /only white space/],
    ['a binary file', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), /not a text file/],
    ['Latin-1 text', new Uint8Array([0x63, 0x61, 0x66, 0xe9]), /not valid UTF-8/],
    ['a file over the limit', new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61), /the limit is 5\.0 MiB/],
  ])('refuses %s', (_name, input, message) => {
    expect(() => decodeTextFile(input, 'post.md')).toThrow(message);
  });
});
