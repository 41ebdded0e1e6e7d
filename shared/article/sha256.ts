/**
 * SHA-256 for the fingerprints both sides compute (content-hash.ts, XLIFF's
 * side checksums). The browser uses lib0's JavaScript implementation: Web
 * Crypto's is asynchronous, and these are computed inside synchronous reads.
 * The server installs Node's native one at start (server/native-hashes.ts),
 * several times faster on long texts; both give the same bytes.
 */
import { digest } from 'lib0/hash/sha256';

export type Sha256 = (bytes: Uint8Array) => Uint8Array;

let implementation: Sha256 = digest;

export function sha256(bytes: Uint8Array): Uint8Array {
  return implementation(bytes);
}

/** Use another implementation of the same function (it must give the same bytes). */
export function useSha256(other: Sha256): void {
  implementation = other;
}

/** lib0's, whichever is in use: for checking that another implementation agrees. */
export const portableSha256: Sha256 = digest;
