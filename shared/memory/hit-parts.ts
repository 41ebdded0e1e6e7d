/**
 * A text cut into the stretches that are a searched phrase and those that
 * are not, for a concordance result to show its hits. The phrase is found as
 * the memory's search finds it: ignoring case, and full-width against
 * half-width forms (`ＡＩ` finds `AI`).
 */
import type { HitPart } from '../protocol/memory-api';

/** Each code point folded on its own, with where it starts in the original. */
function folded(text: string): { chars: string[]; starts: number[] } {
  const chars: string[] = [];
  const starts: number[] = [];
  let at = 0;
  for (const char of text) {
    for (const piece of char.normalize('NFKC').toLowerCase()) {
      chars.push(piece);
      starts.push(at);
    }
    at += char.length;
  }
  starts.push(at);
  return { chars, starts };
}

export function highlightHits(text: string, phrase: string): HitPart[] {
  const needle = folded(phrase.trim()).chars;
  if (needle.length === 0 || text === '') return text === '' ? [] : [{ hit: false, text }];
  const { chars, starts } = folded(text);
  const parts: HitPart[] = [];
  let plainFrom = 0;
  for (let i = 0; i + needle.length <= chars.length;) {
    let matches = true;
    for (let j = 0; j < needle.length; j++) {
      if (chars[i + j] !== needle[j]) {
        matches = false;
        break;
      }
    }
    if (!matches) {
      i++;
      continue;
    }
    const start = starts[i]!;
    const end = starts[i + needle.length]!;
    if (start > plainFrom) parts.push({ hit: false, text: text.slice(plainFrom, start) });
    parts.push({ hit: true, text: text.slice(start, end) });
    plainFrom = end;
    i += needle.length;
  }
  if (plainFrom < text.length) parts.push({ hit: false, text: text.slice(plainFrom) });
  return parts;
}
