/**
 * Finding the glossary's terms: its Chinese terms in a source, and an entry's
 * English in a translation.
 *
 * In a source, all terms at once with Aho–Corasick (modern-ahocorasick's
 * TextMatcher: built once from the glossary, one pass over the text whatever
 * its size, NFKC and case folded, ranges in the original text). Chinese needs
 * no word segmentation for this: a term is found where its characters are.
 * Of overlapping terms the leftmost wins, and of those starting together the
 * longest (`人工智能` over `人工`), as a reader takes them.
 *
 * In a translation, one entry's English at a time: as whole words (`AI` is not
 * in "said"), case aside unless the entry is case-sensitive, white space runs
 * as one space, and an English plural or possessive ending allowed (`labs`,
 * `lab's` for `lab`), as a term base's "fuzzy" term matching in memoQ allows.
 *
 * Only approved entries are matched: a proposal is not the team's yet.
 */
import TextMatcher from 'modern-ahocorasick/text';
import type { GlossaryEntry } from '../protocol/glossary-api';

export interface TermHit {
  entry: GlossaryEntry;
  /** Where the term is in the source (UTF-16 offsets, `end` exclusive). */
  start: number;
  end: number;
}

export class TermMatcher {
  private readonly matcher: TextMatcher<GlossaryEntry> | null;
  readonly entries: readonly GlossaryEntry[];

  constructor(entries: readonly GlossaryEntry[]) {
    this.entries = entries.filter((entry) => entry.status === 'approved');
    this.matcher =
      this.entries.length === 0
        ? null
        : new TextMatcher(
            this.entries.map((entry) => ({ pattern: entry.source, data: entry })),
            { normalization: 'NFKC', caseFold: true },
          );
  }

  /** The glossary's terms in `source`, in order, none overlapping. */
  find(source: string): TermHit[] {
    if (this.matcher === null || source === '') return [];
    return this.matcher.search(source, { strategy: 'leftmost-longest' }).map((hit) => ({ entry: hit.data!, start: hit.start, end: hit.end }));
  }
}

const fold = (text: string, caseSensitive: boolean) => {
  const flat = text.normalize('NFKC').replace(/\s+/gu, ' ');
  return caseSensitive ? flat : flat.toLowerCase();
};

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** What may follow an English term and still be it: a plural or a possessive. */
const ENDING = /^(?:s|es|'s|’s|')?/u;

/**
 * Where `term` occurs in `english` as whole words: [start, end) ranges in
 * `english` folded (NFKC, white space runs as one space, lower case unless
 * `caseSensitive`), an ending included.
 */
export function findTranslation(english: string, term: string, caseSensitive: boolean): [number, number][] {
  const text = fold(english, caseSensitive);
  const wanted = fold(term, caseSensitive).trim();
  if (wanted === '') return [];
  const found: [number, number][] = [];
  for (let at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + 1)) {
    const before = text[at - 1];
    let end = at + wanted.length;
    end += ENDING.exec(text.slice(end))![0].length;
    const after = text[end];
    // A term that starts or ends with a word character must start or end a word there.
    if (WORD_CHAR.test(wanted[0]!) && before !== undefined && WORD_CHAR.test(before)) continue;
    if (WORD_CHAR.test(wanted[wanted.length - 1]!) && after !== undefined && WORD_CHAR.test(after)) continue;
    found.push([at, end]);
  }
  return found;
}
