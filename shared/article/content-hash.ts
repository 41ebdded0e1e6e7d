/**
 * A stable fingerprint of a side's content. Export compares it with the hash
 * recorded at import to decide whether a block is unedited, so a collision would
 * silently write stale text: hence a cryptographic hash, not a quick one.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { sha256 } from './sha256';
import { encodeUtf8 } from 'lib0/string';
import { toBase64 } from 'lib0/buffer';

export function contentHash(doc: PMNode): string {
  return toBase64(sha256(encodeUtf8(JSON.stringify(doc.toJSON()))));
}
