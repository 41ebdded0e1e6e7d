/** The server's native SHA-256 gives exactly the bytes of the browser's (lib0's), so fingerprints agree across sides. */
import { afterEach, expect, test } from 'vitest';
import { portableSha256, sha256, useSha256 } from '../shared/article/sha256';
import { useNativeHashes } from './native-hashes';

afterEach(() => useSha256(portableSha256));

test('native and portable SHA-256 agree, from empty to long multi-byte text', () => {
  const inputs = ['', 'a', '翻译记忆 translation memory', 'x'.repeat(100_000), '\u{1F600}'.repeat(1000)].map((text) => new TextEncoder().encode(text));
  const portable = inputs.map((bytes) => Buffer.from(portableSha256(bytes)).toString('hex'));
  useNativeHashes();
  expect(sha256).not.toBe(portableSha256);
  expect(inputs.map((bytes) => Buffer.from(sha256(bytes)).toString('hex'))).toEqual(portable);
  // The known digest of "abc".
  expect(Buffer.from(sha256(new TextEncoder().encode('abc'))).toString('hex')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});
