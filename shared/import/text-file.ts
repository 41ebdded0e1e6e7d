/**
 * Bytes from a file or an upload → text, refusing what is not a UTF-8 text
 * file before anything is parsed or stored.
 */
import { DuetError } from '../protocol/errors';

/** The largest file Duet imports: far beyond any article (the seed is 19 KB), small enough to parse at once. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export function decodeTextFile(bytes: Uint8Array, name = 'the file'): string {
  if (bytes.byteLength === 0) throw new DuetError('invalid_input', `${name} is empty`);
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new DuetError('too_large', `${name} is ${formatBytes(bytes.byteLength)}; the limit is ${formatBytes(MAX_IMPORT_BYTES)}`);
  }
  if (bytes.includes(0)) throw new DuetError('invalid_input', `${name} is not a text file (it contains NUL bytes)`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new DuetError('invalid_input', `${name} is not valid UTF-8 text`);
  }
  if (text.trim() === '') throw new DuetError('invalid_input', `${name} holds only white space`);
  return text;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}
