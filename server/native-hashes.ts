/** Node's native SHA-256 for the fingerprints shared/ computes (see shared/article/sha256.ts). */
import { createHash } from 'node:crypto';
import { useSha256 } from '../shared/article/sha256';

export function useNativeHashes(): void {
  useSha256((bytes) => new Uint8Array(createHash('sha256').update(bytes).digest()));
}
