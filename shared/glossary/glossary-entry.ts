/**
 * The rules of a glossary entry, one home for them: what a person's input or
 * an imported file's entry becomes before it is stored, and how an imported
 * entry for a Chinese term the glossary already has is merged into it.
 *
 * An entry says which translation to use: exactly one is preferred whenever
 * any is not forbidden (the first allowed one when the input named none). The
 * same text is not both allowed and forbidden. Translations are kept in the
 * order a reader wants them: preferred, allowed, forbidden.
 */
import { normalizeForMatching } from '../text/normalize-for-matching';
import { MAX_NOTE_CHARS, MAX_TERM_CHARS, MAX_TRANSLATIONS, type TermTranslation, type TermUse } from '../protocol/glossary-api';

/** An entry's content, without who stored it when. */
export interface EntryContent {
  source: string;
  translations: TermTranslation[];
  note: string;
  caseSensitive: boolean;
}

/** An entry as a file brings it: its content, and who made and changed it when, where the file says. */
export interface ReadEntry extends EntryContent {
  createdBy: string | null;
  createdAt: number | null;
  changedBy: string | null;
  changedAt: number | null;
}

/** Input a glossary cannot hold; the message says why, for a person. */
export class EntryError extends Error {}

const USE_ORDER: Record<TermUse, number> = { preferred: 0, allowed: 1, forbidden: 2 };

// C0/C1 controls other than tab and line breaks: nothing a term is written with, and trouble in every file format.
const CONTROLS = /[^\P{Cc}\t\n\r]/gu;

/** A term as stored: controls dropped, white space runs as one space, trimmed (NFC, so one term has one spelling). */
export function cleanTerm(text: string): string {
  return text.normalize('NFC').replace(CONTROLS, '').replace(/\s+/gu, ' ').trim();
}

/** What finds an entry by its Chinese term: the same term typed in full-width or half-width forms is one term. */
export const termKey = (source: string): string => normalizeForMatching(source);

export interface NormalizeOptions {
  /**
   * Files are read leniently where a person is not: a second preferred
   * translation becomes allowed instead of refusing the entry (TBX files mark
   * synonyms preferred alike).
   */
  extraPreferred?: 'refuse' | 'allow';
}

/** `input` as an entry is stored, or EntryError saying what is wrong with it. */
export function normalizeEntry(
  input: { source: string; translations: readonly TermTranslation[]; note?: string; caseSensitive?: boolean },
  options: NormalizeOptions = {},
): EntryContent {
  const source = cleanTerm(input.source);
  if (source === '') throw new EntryError('the Chinese term is empty');
  if (source.length > MAX_TERM_CHARS) throw new EntryError(`the Chinese term is longer than ${MAX_TERM_CHARS} characters`);
  const byText = new Map<string, TermTranslation>();
  for (const translation of input.translations) {
    const text = cleanTerm(translation.text);
    if (text === '') continue;
    if (text.length > MAX_TERM_CHARS) throw new EntryError(`the translation "${text.slice(0, 40)}…" is longer than ${MAX_TERM_CHARS} characters`);
    const earlier = byText.get(text);
    if (earlier === undefined) {
      byText.set(text, { text, use: translation.use });
      continue;
    }
    if ((earlier.use === 'forbidden') !== (translation.use === 'forbidden')) throw new EntryError(`"${text}" is both allowed and forbidden`);
    if (translation.use === 'preferred') earlier.use = 'preferred';
  }
  const translations = [...byText.values()];
  if (translations.length === 0) throw new EntryError(`"${source}" has no English translation`);
  if (translations.length > MAX_TRANSLATIONS) throw new EntryError(`"${source}" has more than ${MAX_TRANSLATIONS} translations`);
  const preferred = translations.filter((translation) => translation.use === 'preferred');
  if (preferred.length > 1) {
    if (options.extraPreferred !== 'allow') throw new EntryError(`only one translation of "${source}" can be preferred`);
    for (const extra of preferred.slice(1)) extra.use = 'allowed';
  }
  if (preferred.length === 0) {
    const first = translations.find((translation) => translation.use === 'allowed');
    if (first) first.use = 'preferred';
  }
  const note = (input.note ?? '').replace(CONTROLS, '').trim();
  if (note.length > MAX_NOTE_CHARS) throw new EntryError(`the note is longer than ${MAX_NOTE_CHARS} characters`);
  // A stable sort: translations of one use keep the order they were given in.
  translations.sort((a, b) => USE_ORDER[a.use] - USE_ORDER[b.use]);
  return { source, translations, note, caseSensitive: input.caseSensitive ?? false };
}

/**
 * `existing` with what `incoming` (an imported entry for the same Chinese
 * term) adds, or null when it adds nothing. What the team decided stands: a
 * translation already there keeps its use, a new preferred one is allowed
 * when the entry has a preferred one, and a note is taken only where there
 * was none.
 */
export function mergeEntry(existing: EntryContent, incoming: EntryContent): EntryContent | null {
  const known = new Set(existing.translations.map((translation) => translation.text));
  const hasPreferred = existing.translations.some((translation) => translation.use === 'preferred');
  const added = incoming.translations
    .filter((translation) => !known.has(translation.text))
    .map((translation): TermTranslation => (translation.use === 'preferred' && hasPreferred ? { ...translation, use: 'allowed' } : translation));
  const note = existing.note === '' ? incoming.note : existing.note;
  if (added.length === 0 && note === existing.note) return null;
  const translations = [...existing.translations, ...added].slice(0, MAX_TRANSLATIONS);
  // Normalized again: an entry that held only forbidden variants gets its preferred translation here.
  return normalizeEntry({ ...existing, translations, note }, { extraPreferred: 'allow' });
}
