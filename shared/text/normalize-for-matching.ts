/**
 * Two texts that are the same sentence typed differently compare equal
 * through this: the translation memory's key for a source, and the QA
 * consistency check's grouping. Its own folder, because both the memory
 * (shared/memory) and QA (shared/qa) use it, and the memory uses QA.
 */

/** NFKC (full-width ASCII to half-width, half-width katakana to full), runs of whitespace as one space, trimmed. */
export function normalizeForMatching(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}
