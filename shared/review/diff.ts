/**
 * A readable diff of two versions of a segment's text (its Markdown), word by
 * word, for the history panel. Whitespace and line breaks are tokens too, so
 * the equal and deleted parts spell the old text exactly and the equal and
 * inserted parts the new one.
 */
import { diffWordsWithSpace } from 'diff';

export interface DiffPart {
  kind: 'equal' | 'insert' | 'delete';
  text: string;
}

export function diffText(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  // A run of changes, with the bare spaces between them, reads as one replacement: "quick" → "slow red".
  let deleted = '';
  let inserted = '';
  let gap = '';
  const flush = (equal: string) => {
    if (deleted !== '') parts.push({ kind: 'delete', text: deleted });
    if (inserted !== '') parts.push({ kind: 'insert', text: inserted });
    deleted = inserted = '';
    const text = gap + equal;
    gap = '';
    if (text === '') return;
    const last = parts[parts.length - 1];
    if (last?.kind === 'equal') last.text += text;
    else parts.push({ kind: 'equal', text });
  };
  for (const change of diffWordsWithSpace(before, after)) {
    if (change.added || change.removed) {
      if (gap !== '') {
        deleted += gap;
        inserted += gap;
        gap = '';
      }
      if (change.added) inserted += change.value;
      else deleted += change.value;
    } else if (/^[ \t]+$/.test(change.value) && (deleted !== '' || inserted !== '')) {
      gap += change.value;
    } else {
      flush(change.value);
    }
  }
  flush('');
  return parts;
}
