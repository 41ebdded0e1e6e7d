/**
 * Short random ids for articles and segments. They only need to be unique
 * within one installation (articles) or one article (segments), and they appear
 * in URLs and CLI output, so they are short and case-insensitive.
 */
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export function newId(length = 10): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}
