/**
 * A file's bytes sent in a JSON body as base64 (a Word document, which is not
 * text). Strict: a typo must not import garbage. A `data:…;base64,` prefix,
 * as the browser's FileReader gives, is allowed.
 */
import { DuetError } from '../../shared/protocol/errors';

export function decodeBase64(text: string, field = 'contentBase64'): Uint8Array {
  const value = text.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '');
  if (value.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) throw new DuetError('bad_request', `"${field}" is not valid base64`);
  const buffer = Buffer.from(value, 'base64');
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
