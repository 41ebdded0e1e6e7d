/**
 * The linear writer: every optional escape of a block decided by local rules
 * read off CommonMark as micromark (the project's parser) implements it, in
 * one pass from the end of the block to its start, and a check, without
 * parsing, that the block's own `*`/`**` delimiters pair as meant. Its cost
 * is linear in the block's length whatever the block holds; serialize-block.ts
 * uses it for blocks too large or too full of syntax to re-parse once per
 * escape.
 *
 * The rules judge each escape as the re-parse strategy does: with everything
 * to its right already decided and everything to its left still escaped. So
 * for ordinary text they keep the same escapes (`a \*literal* star`,
 * `\[text](url)`, `1986\. A`); where a rule cannot tell cheaply whether the
 * parser would read syntax, it keeps the escape. What the rules rest on:
 *
 * - A backslash before a character that is not ASCII punctuation, `#` inside
 *   a line, `~` anywhere but a line's start, `!` not before a link's `[`, and
 *   `<` before anything that cannot begin a tag or an autolink are read as
 *   text by CommonMark.
 * - A link needs a `]` followed by `(` (a reference needs a definition, which
 *   a paragraph of its own does not have, and a definition needs a line
 *   starting with `[` and a `]:`): a `[` with no unescaped `](` after it and
 *   a `]` outside a link's text are text.
 * - A code span needs a closing backtick run of exactly its opener's length
 *   after it, counted in the characters as written (its closer is looked for
 *   there, where an escaped backtick is a backtick too): a run with no such
 *   run to its right is text.
 * - A run of `*` or `_` opens or closes only as its flanking allows (the
 *   characters beside it, classified as micromark does), and matches only a
 *   partner: a run with no possible partner is text.
 * - Line starts: list markers, quotes, headings, rules, fences and HTML
 *   blocks, each as CommonMark defines its first characters.
 *
 * An escape's own characters (`\` and the ASCII punctuation it escapes) are
 * punctuation either way, so how a delimiter run's neighbours are classified
 * does not depend on any escape decision: the decisions can be made in one
 * pass, and the emphasis check afterwards sees the final text.
 */
import type { DelimiterPiece, Piece } from './serialize-inline';

/** Typed text, markup, or characters an always-written escape puts there (`\`, `&amp;`). */
const TEXT = 0;
const MARKUP = 1;
const FIXED = 2;

/** micromark's character groups for flanking (micromark-util-classify-character). */
const OTHER = 0;
const WHITESPACE = 1;
const PUNCTUATION = 2;

const code = (char: string): number => char.charCodeAt(0);
const BACKSLASH = code('\\');
const STAR = code('*');
const UNDERSCORE = code('_');
const BACKTICK = code('`');
const OPEN_BRACKET = code('[');
const CLOSE_BRACKET = code(']');
const OPEN_PAREN = code('(');
const HASH = code('#');
const TILDE = code('~');
const DASH = code('-');
const SPACE = code(' ');
const TAB = code('\t');
const LINE_FEED = code('\n');
const COLON = code(':');

function classifySlowly(unit: number): number {
  // micromark classifies UTF-16 code units: half of a surrogate pair is neither space nor punctuation.
  const char = String.fromCharCode(unit);
  if (/\s/.test(char)) return WHITESPACE;
  if (/\p{P}|\p{S}/u.test(char)) return PUNCTUATION;
  return OTHER;
}

const ASCII_GROUPS = Uint8Array.from({ length: 0x80 }, (_, unit) => classifySlowly(unit));

function classify(unit: number | null): number {
  if (unit === null) return WHITESPACE; // the block's start or end
  return unit < 0x80 ? ASCII_GROUPS[unit]! : classifySlowly(unit);
}

const isAsciiPunctuation = (unit: number | null): boolean => unit !== null && /[!-/:-@[-`{-~]/.test(String.fromCharCode(unit));
/** After `<`: what can begin an HTML tag, comment, declaration, processing instruction or autolink (URI or email). */
const startsTagOrAutolink = (unit: number | null): boolean => unit !== null && /[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]/.test(String.fromCharCode(unit));
/** Where a list marker or an ordered-list number may end: a space, a tab, the line's end. */
const endsMarker = (unit: number | null): boolean => unit === null || unit === SPACE || unit === TAB || unit === LINE_FEED || unit === code('\r');

export interface BlockShape {
  /** A heading: its content may not end in what reads as a closing `#` sequence. */
  heading: boolean;
}

/**
 * The block as one unit per UTF-16 code unit (the syntax is ASCII, and
 * micromark classifies code units too), with what each one is, in typed
 * arrays: a block of 10,000 characters is a few hundred kilobytes at most.
 */
class Units {
  readonly codes: Uint16Array;
  readonly kind: Uint8Array;
  /** An optional escape stands before this text character: `keep` says whether it is written. */
  readonly optional: Uint8Array;
  /** An always-written backslash stands before this text character. */
  readonly literal: Uint8Array;
  /** The first unit of a line of paragraph text. */
  readonly lineStart: Uint8Array;
  /** Index into `delimiters` for the characters of a delimiter piece, else -1. */
  readonly delimiter: Int32Array;
  readonly keep: Uint8Array;
  readonly delimiters: DelimiterPiece[] = [];

  constructor(pieces: Piece[]) {
    // An optional escape always stands before text; were one to stand before anything else, it is written.
    const stray = (i: number) => {
      const next = pieces[i + 1];
      return next === undefined || typeof next !== 'object' || !('text' in next);
    };
    /** The characters piece i writes here: its text, or an escape that is always written. */
    const charsOf = (i: number): string => {
      const piece = pieces[i]!;
      if (typeof piece === 'string') return piece;
      if ('text' in piece) return piece.text;
      if ('delimiter' in piece) return piece.delimiter;
      if ('escape' in piece && (!piece.optional || stray(i))) return piece.escape;
      return '';
    };
    let n = 0;
    for (let i = 0; i < pieces.length; i++) n += charsOf(i).length;
    this.codes = new Uint16Array(n);
    this.kind = new Uint8Array(n);
    this.optional = new Uint8Array(n);
    this.literal = new Uint8Array(n);
    this.lineStart = new Uint8Array(n);
    this.delimiter = new Int32Array(n);
    this.keep = new Uint8Array(n);

    // The code units are written piece by piece: joining many short strings first costs more than this whole pass.
    let at = 0;
    let optional = false;
    let literal = false;
    let lineStart = false;
    const put = (chars: string, kind: number, delimiter = -1) => {
      if (chars.length === 0) return;
      for (let k = 0; k < chars.length; k++) {
        this.codes[at + k] = chars.charCodeAt(k);
        this.kind[at + k] = kind;
        this.delimiter[at + k] = delimiter;
      }
      if (kind === TEXT && optional) this.optional[at] = 1;
      if (kind === TEXT && literal) this.literal[at] = 1;
      if (lineStart) this.lineStart[at] = 1;
      optional = literal = lineStart = false;
      at += chars.length;
    };
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      if (typeof piece === 'string') put(piece, MARKUP);
      else if ('text' in piece) put(piece.text, TEXT);
      else if ('delimiter' in piece) put(piece.delimiter, MARKUP, this.delimiters.push(piece) - 1);
      else if ('lineStart' in piece) lineStart = true;
      else if (piece.optional && !stray(i)) optional = true;
      else {
        put(piece.escape, FIXED);
        if (piece.escape === '\\') literal = true;
      }
    }
  }

  get length(): number {
    return this.codes.length;
  }

  /** The first code unit unit `i` writes (its escape, when kept), or null past the end. */
  firstOut(i: number): number | null {
    if (i >= this.codes.length) return null;
    return this.optional[i] && this.keep[i] ? BACKSLASH : this.codes[i]!;
  }

  /** The last code unit unit `i` writes (an escape comes before its character), or null before the start. */
  lastOut(i: number): number | null {
    return i < 0 ? null : this.codes[i]!;
  }

  /** A character of a `*` or `**` delimiter (not of a link's, whose destination may hold a `*`). */
  isEmphasisDelimiter(i: number): boolean {
    const d = this.delimiter[i]!;
    return d >= 0 && this.delimiters[d]!.mark !== 'link';
  }

  render(): string {
    // The source with a backslash before each kept escape, built as code units and decoded in chunks
    // (String.fromCharCode keeps any lone surrogate as it is; a joined array of one-character slices is slower).
    const n = this.codes.length;
    let kept = 0;
    for (let i = 0; i < n; i++) kept += this.keep[i]! & this.optional[i]!;
    const out = new Uint16Array(n + kept);
    for (let i = 0, at = 0; i < n; i++) {
      if (this.optional[i] && this.keep[i]) out[at++] = BACKSLASH;
      out[at++] = this.codes[i]!;
    }
    const chunks: string[] = [];
    for (let i = 0; i < out.length; i += 8192) chunks.push(String.fromCharCode(...out.subarray(i, i + 8192)));
    return chunks.join('');
  }
}

/** Whether a run of `*` or `_` with these neighbours can open and close (micromark's attention tokenizer). */
function flanking(marker: number, before: number, after: number): { canOpen: boolean; canClose: boolean } {
  const open = after === OTHER || (after === PUNCTUATION && before !== OTHER);
  const close = before === OTHER || (before === PUNCTUATION && after !== OTHER);
  if (marker === STAR) return { canOpen: open, canClose: close };
  return { canOpen: open && (before !== OTHER || !close), canClose: close && (after !== OTHER || !open) };
}

/**
 * The block written with the linear rules, or null when its own `*`/`**`
 * delimiters would not pair as meant (the caller then writes emphasis as
 * HTML, as the re-parse strategy falls back to).
 */
export function writeWithLinearRules(pieces: Piece[], shape: BlockShape): string | null {
  const units = new Units(pieces);
  decideEscapes(units, shape);
  return emphasisPairsAsMeant(units) ? units.render() : null;
}

function decideEscapes(units: Units, shape: BlockShape): void {
  const { codes, kind, optional, literal, lineStart, delimiter, keep, delimiters } = units;
  const n = units.length;

  // Left to right: what encloses each unit as meant, and what markup stands to its left.
  const inSpan = new Uint8Array(n); // inside a Markdown `*`/`**` span
  const inLink = new Uint8Array(n); // inside a site link's text
  const markupStarLeft = new Uint8Array(n); // a `*` of markup other than a delimiter (raw HTML, a code span) to the left
  const markupUnderscoreLeft = new Uint8Array(n);
  {
    let spans = 0;
    let link = 0;
    let star = 0;
    let underscore = 0;
    for (let i = 0; i < n; i++) {
      const d = delimiter[i]!;
      if (d >= 0 && (i === 0 || delimiter[i - 1] !== d)) {
        const piece = delimiters[d]!;
        if (piece.mark === 'link') link = piece.open ? 1 : 0;
        else spans += piece.open ? 1 : -1;
      }
      inSpan[i] = spans > 0 ? 1 : 0;
      inLink[i] = link;
      markupStarLeft[i] = star;
      markupUnderscoreLeft[i] = underscore;
      if (kind[i] === MARKUP && codes[i] === STAR && !units.isEmphasisDelimiter(i)) star = 1;
      if (kind[i] === MARKUP && codes[i] === UNDERSCORE) underscore = 1;
    }
  }

  // Right to left, each decision made with everything to its right final.
  let starCloserRight = false; // an unescaped `*` run that can close
  let underscoreCloserRight = false;
  // Lengths of the backtick runs to the right in the written characters, escapes included: a code span
  // looks for its closer there, where `\`` before a fence is a backtick joining the fence's run.
  const backtickRunsRight = new Set<number>();
  let backticksAtEdge = 0; // the run touching what is decided so far, not yet ended
  let linkCloserRight = false; // an unescaped text `]` right before `(`
  let labelEndRight = false; // a `]` right before `:`, as a link reference definition's label ends
  let onlyHashesRight = true;

  const endRun = () => {
    if (backticksAtEdge > 0) backtickRunsRight.add(backticksAtEdge);
    backticksAtEdge = 0;
  };
  const after = (j: number) => {
    const unit = codes[j]!;
    // Unit j writes its escape (if kept), then its character; right to left, the character comes first.
    if (unit === BACKTICK) backticksAtEdge++;
    else endRun();
    if (optional[j] && keep[j]) endRun();
    if (unit === CLOSE_BRACKET) {
      if (units.firstOut(j + 1) === COLON) labelEndRight = true;
      if (kind[j] === TEXT && !literal[j] && !(optional[j] && keep[j]) && units.firstOut(j + 1) === OPEN_PAREN) linkCloserRight = true;
    }
    onlyHashesRight &&= unit === HASH;
  };

  /** Where the run of units like `end` (same character, `alike` in kind) ending at `end` starts, not crossing a line start. */
  const runStart = (end: number, alike: (j: number) => boolean): number => {
    let start = end;
    while (start > 0 && !lineStart[start] && codes[start - 1] === codes[end] && alike(start - 1)) start--;
    return start;
  };
  const isOptionalText = (j: number) => kind[j] === TEXT && optional[j] === 1;
  const isMarkup = (j: number) => kind[j] === MARKUP;

  for (let i = n - 1; i >= 0; i--) {
    const unit = codes[i]!;
    const isRunChar = unit === STAR || unit === UNDERSCORE || unit === BACKTICK;

    if (isRunChar && isOptionalText(i)) {
      const start = runStart(i, isOptionalText);
      const keepRun = unit === BACKTICK ? decideBacktickRun(start, i) : decideEmphasisRun(start, i, unit);
      if (keepRun) for (let j = start; j <= i; j++) keep[j] = 1; // (a loop: most runs are one character, and fill() costs a call into the runtime)
      for (let j = i; j >= start; j--) after(j);
      i = start;
      continue;
    }

    if (isRunChar && kind[i] === MARKUP) {
      const start = runStart(i, isMarkup);
      if (unit === UNDERSCORE) underscoreCloserRight = true;
      else if (unit === STAR && !units.isEmphasisDelimiter(i)) starCloserRight = true;
      else if (unit === STAR) starCloserRight ||= flanking(STAR, classify(units.lastOut(start - 1)), classify(units.firstOut(i + 1))).canClose;
      for (let j = i; j >= start; j--) after(j);
      i = start;
      continue;
    }

    if (isOptionalText(i) && decideOne(i)) keep[i] = 1;
    after(i);
  }

  function decideBacktickRun(start: number, end: number): boolean {
    const length = end - start + 1;
    // Beside markup backticks (a code span's fence) the run would be longer than it looks; at a line's start three open a fence.
    return (
      (start > 0 && codes[start - 1] === BACKTICK) ||
      (end + 1 < n && codes[end + 1] === BACKTICK) ||
      (lineStart[start] === 1 && length >= 3) ||
      backtickRunsRight.has(length)
    );
  }

  function besideMarkup(j: number, marker: number): boolean {
    return j >= 0 && j < n && codes[j] === marker && kind[j] !== TEXT;
  }

  function decideEmphasisRun(start: number, end: number, marker: number): boolean {
    // Beside a markup `*` (a delimiter) the run would join it; at a line's start it may be a list marker or a rule.
    if (besideMarkup(start - 1, marker) || besideMarkup(end + 1, marker) || lineStart[start]) return true;
    const { canOpen, canClose } = flanking(marker, classify(units.lastOut(start - 1)), classify(units.firstOut(end + 1)));
    // To its left, as the re-parse strategy judges it, text is still escaped: only markup can open.
    const star = marker === STAR;
    const openerLeft = star ? inSpan[start] === 1 || markupStarLeft[start] === 1 : markupUnderscoreLeft[start] === 1;
    const keepRun = (canOpen && (star ? starCloserRight : underscoreCloserRight)) || (canClose && openerLeft);
    if (!keepRun && canClose) {
      if (star) starCloserRight = true;
      else underscoreCloserRight = true;
    }
    return keepRun;
  }

  /** The end of the run of text units holding `unit` that starts at `i`. */
  function textRunEnd(i: number, unit: number): number {
    let end = i;
    while (end + 1 < n && codes[end + 1] === unit && kind[end + 1] === TEXT) end++;
    return end;
  }

  function decideOne(i: number): boolean {
    const next = units.firstOut(i + 1);
    switch (String.fromCharCode(codes[i]!)) {
      case '\\':
        return isAsciiPunctuation(next);
      case '#': {
        if (!lineStart[i]) return shape.heading && onlyHashesRight; // a heading's closing sequence
        const end = textRunEnd(i, HASH);
        return end - i < 6 && endsMarker(units.firstOut(end + 1)); // an ATX heading's opening: 1–6 `#`, then a space or nothing
      }
      case '~':
        return lineStart[i] === 1 && textRunEnd(i, TILDE) - i >= 2; // a fence
      case '!':
        return kind[i + 1] === MARKUP && codes[i + 1] === OPEN_BRACKET; // an image, out of a link
      case '<':
        return startsTagOrAutolink(next);
      case ']':
        return inLink[i] === 1;
      case '[':
        return inLink[i] === 1 || linkCloserRight || (lineStart[i] === 1 && labelEndRight); // a link, or a link reference definition
      case '-':
        return endsMarker(next) || thematicBreak(i);
      case '+':
      case '.':
      case ')':
        return endsMarker(next); // a list marker, or an ordered list's number
      case '=':
        return false; // a setext underline needs a paragraph line above it, and a block starts after a blank line
      default:
        return true; // `>` (a quote) and anything no rule covers
    }
  }

  /** A line of only `-`, spaces and tabs, three `-` at least: a thematic break. */
  function thematicBreak(i: number): boolean {
    let dashes = 0;
    for (let j = i; j < n && !(kind[j] !== TEXT && codes[j] === LINE_FEED); j++) {
      if (kind[j] !== TEXT || (j > i && optional[j])) return false;
      if (codes[j] === DASH) dashes++;
      else if (codes[j] !== SPACE && codes[j] !== TAB) return false;
    }
    return dashes >= 3;
  }
}

/**
 * Whether the block's `*`/`**` delimiters, once written, pair as they were
 * meant: micromark's attention resolution (micromark-core-commonmark
 * attention.js) run over the delimiter runs alone, each link's text apart (a
 * link resolves its own emphasis), and the emphasis and strong that result
 * compared, between every two runs, with what the marks say. Typed text takes
 * no part: the escape rules leave no run of it that could pair.
 */
function emphasisPairsAsMeant(units: Units): boolean {
  const { codes, kind, delimiter, delimiters } = units;
  const n = units.length;
  interface Run {
    scope: number;
    length: number;
    canOpen: boolean;
    canClose: boolean;
    /** What the marks say this run opens and closes. */
    meant: { em: number; strong: number };
    /** What the resolution makes of it. */
    got: { em: number; strong: number };
  }
  const runs: Run[] = [];
  let links = 0;
  let scope = 0; // 0 outside links, else the link's number: each link's text resolves its emphasis apart
  for (let i = 0; i < n; i++) {
    const d = delimiter[i]!;
    // (Indices are checked before use: reading an array at -1 sends V8 down a slow path, every unit.)
    const piece = d >= 0 ? delimiters[d] : undefined;
    if (piece?.mark === 'link' && (i === 0 || delimiter[i - 1] !== d)) scope = piece.open ? ++links : 0;
    if (!(kind[i] === MARKUP && codes[i] === STAR && units.isEmphasisDelimiter(i))) continue;
    let start = i;
    while (start > 0 && kind[start - 1] === MARKUP && codes[start - 1] === STAR) start--;
    let end = i;
    while (end + 1 < n && kind[end + 1] === MARKUP && codes[end + 1] === STAR) end++;
    const meant = { em: 0, strong: 0 };
    for (let j = start; j <= end; j++) {
      if (!units.isEmphasisDelimiter(j)) return false; // a delimiter beside other markup `*`: not the run the marks meant
      if (j === start || delimiter[j - 1] !== delimiter[j]) {
        const at = delimiters[delimiter[j]!]!;
        meant[at.mark as 'em' | 'strong'] += at.open ? 1 : -1;
      }
    }
    const { canOpen, canClose } = flanking(STAR, classify(units.lastOut(start - 1)), classify(units.firstOut(end + 1)));
    runs.push({ scope, length: end - start + 1, canOpen, canClose, meant, got: { em: 0, strong: 0 } });
    i = end;
  }
  if (runs.length === 0) return true;

  // Resolution, scope by scope. micromark walks back from each closer to the nearest opener it may use;
  // the openers between the two are then text. A budget of steps keeps a pathological block linear.
  let steps = 8 * runs.length + 1024;
  const scopes = new Map<number, Run[]>();
  for (const run of runs) {
    const list = scopes.get(run.scope);
    if (list) list.push(run);
    else scopes.set(run.scope, [run]);
  }
  for (const list of scopes.values()) {
    const remaining = new Map<Run, number>(list.map((run) => [run, run.length]));
    const openers: Run[] = [];
    for (const closer of list) {
      if (closer.canClose) {
        while (remaining.get(closer)! > 0) {
          let found = -1;
          for (let j = openers.length - 1; j >= 0; j--) {
            if (--steps < 0) return false;
            const opener = openers[j]!;
            const open = remaining.get(opener)!;
            const close = remaining.get(closer)!;
            // The rule of three, on the sizes left (as micromark has it).
            if ((opener.canClose || closer.canOpen) && close % 3 !== 0 && (open + close) % 3 === 0) continue;
            found = j;
            break;
          }
          if (found < 0) break;
          const opener = openers[found]!;
          const use = remaining.get(opener)! > 1 && remaining.get(closer)! > 1 ? 2 : 1;
          remaining.set(opener, remaining.get(opener)! - use);
          remaining.set(closer, remaining.get(closer)! - use);
          const mark = use === 2 ? 'strong' : 'em';
          opener.got[mark]++;
          closer.got[mark]--;
          openers.length = remaining.get(opener)! > 0 ? found + 1 : found;
        }
      }
      if (closer.canOpen && remaining.get(closer)! > 0) openers.push(closer);
    }
    // A delimiter left over is written as a literal `*`: not what the marks say.
    for (const left of remaining.values()) if (left > 0) return false;
  }

  // Between every two runs, the same emphasis and strong as meant.
  const meant = { em: 0, strong: 0 };
  const got = { em: 0, strong: 0 };
  for (const run of runs) {
    meant.em += run.meant.em;
    meant.strong += run.meant.strong;
    got.em += run.got.em;
    got.strong += run.got.strong;
    if (meant.em > 0 !== got.em > 0 || meant.strong > 0 !== got.strong > 0) return false;
  }
  return true;
}
