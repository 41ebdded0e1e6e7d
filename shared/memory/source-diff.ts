/**
 * What a fuzzy match's source has that the current source has not, and the
 * other way round, for the translator to see what to change in the offered
 * translation: `diffSources(current, matched)` in parts of the ORIGINAL texts.
 *
 * The diff is token-wise (see match-text.ts: a Chinese character, a Latin
 * word or a number is one token), compared by normalized token text with
 * `diffArrays` from the `diff` package, so `ＡＩ` and `AI` count as the same
 * token. The parts cover both texts exactly, whitespace and anything between
 * tokens included: the `same` and `added` parts joined spell `matched`, the
 * `same` and `removed` parts joined spell `current`. Where equal tokens are
 * written differently (full width in one, half width in the other, other
 * spacing), the two writings are a `removed` and an `added` part, since one
 * `same` text cannot spell both.
 */
import { diffArrays } from 'diff';
import { matchTokens, type MatchToken } from './match-text';

export interface DiffPart {
  /** `same`: in both sources; `added`: in the matched source only; `removed`: in the current source only. */
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** A token's text in the original with what stands between it and the token before. */
interface Piece {
  gap: string;
  body: string;
}

/** Each token's piece of `text`, and what follows the last token. */
function pieces(text: string, tokens: readonly MatchToken[]): { pieces: Piece[]; tail: string } {
  const out: Piece[] = [];
  let at = 0;
  for (const token of tokens) {
    // Tokens from one compatibility character (`㍿`) share its place: the first takes it.
    const start = Math.max(at, token.start);
    const end = Math.max(start, token.end);
    out.push({ gap: text.slice(at, start), body: text.slice(start, end) });
    at = end;
  }
  return { pieces: out, tail: text.slice(at) };
}

const leadingSpace = (text: string): number => /^\s*/u.exec(text)![0].length;
const trailingSpace = (text: string): number => /\s*$/u.exec(text)![0].length;

/** Collects parts, joining neighbours of one kind and writing each run of changes as its removed text, then its added text. */
class Parts {
  private readonly done: DiffPart[] = [];
  private removed = '';
  private added = '';

  same(text: string): void {
    if (text === '') return;
    this.flush();
    this.push('same', text);
  }

  remove(text: string): void {
    this.removed += text;
  }

  add(text: string): void {
    this.added += text;
  }

  /** Text both sources have at this place, written the same or not. */
  both(current: string, matched: string): void {
    if (current === matched) this.same(current);
    else {
      this.remove(current);
      this.add(matched);
    }
  }

  result(): DiffPart[] {
    this.flush();
    return this.done;
  }

  private flush(): void {
    const { removed, added } = this;
    this.removed = this.added = '';
    if (removed === '' || added === '') {
      this.push('removed', removed);
      this.push('added', added);
      return;
    }
    // The spaces both sides of a replacement have ("CT" → "MRI" between spaces) are no part of it.
    const before = Math.min(leadingSpace(removed), leadingSpace(added));
    const after = Math.min(trailingSpace(removed.slice(before)), trailingSpace(added.slice(before)));
    const lead = removed.slice(0, before);
    const trail = removed.slice(removed.length - after);
    if (lead !== added.slice(0, before) || trail !== added.slice(added.length - after)) {
      this.push('removed', removed);
      this.push('added', added);
      return;
    }
    this.push('same', lead);
    this.push('removed', removed.slice(before, removed.length - after));
    this.push('added', added.slice(before, added.length - after));
    this.push('same', trail);
  }

  private push(kind: DiffPart['kind'], text: string): void {
    if (text === '') return;
    const last = this.done[this.done.length - 1];
    if (last?.kind === kind) last.text += text;
    else this.done.push({ kind, text });
  }
}

/**
 * The matched source as parts against the current one: `same` (in both),
 * `added` (in the matched source only), `removed` (in the current source
 * only), in the order of the texts, no part empty.
 */
export function diffSources(current: string, matched: string): DiffPart[] {
  const currentTokens = matchTokens(current);
  const matchedTokens = matchTokens(matched);
  const ours = pieces(current, currentTokens);
  const theirs = pieces(matched, matchedTokens);
  const parts = new Parts();
  let i = 0; // next token of the current source
  let j = 0; // next token of the matched source
  for (const change of diffArrays(currentTokens, matchedTokens, { comparator: (a, b) => a.text === b.text })) {
    for (let k = 0; k < change.count; k++) {
      if (change.removed) {
        const piece = ours.pieces[i++]!;
        parts.remove(piece.gap + piece.body);
      } else if (change.added) {
        const piece = theirs.pieces[j++]!;
        parts.add(piece.gap + piece.body);
      } else {
        const mine = ours.pieces[i++]!;
        const other = theirs.pieces[j++]!;
        parts.both(mine.gap, other.gap);
        parts.both(mine.body, other.body);
      }
    }
  }
  parts.both(ours.tail, theirs.tail);
  return parts.result();
}
