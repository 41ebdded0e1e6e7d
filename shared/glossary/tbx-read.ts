/**
 * A TBX file → glossary entries (docs/GLOSSARY.md, "Files"). Read: TBX 2008
 * (ISO 30042:2008, the `martif` form that TBX-Basic, memoQ, Trados and
 * translate-toolkit write), with terms in `tig` or `ntig/termGrp`, and TBX v3
 * (`tbx`, `conceptEntry`, `langSec`, `termSec`). Each concept entry gives one
 * glossary entry per Chinese term; its English terms are the translations,
 * their use read from `administrativeStatus` (or the older
 * `normativeAuthorization`): preferred, admitted (allowed), deprecated or
 * superseded (forbidden); a term without one is allowed. Notes and
 * definitions become the entry's note; `transacGrp` origination and
 * modification say who and when.
 *
 * Which language set is Chinese and which English: by its `xml:lang` (the
 * entry's, else the file's) when that names one of them, else by the terms'
 * script, and the report says how many entries were read so. Whatever is not
 * well-formed XML, or not TBX, refuses the whole file with the line and
 * reason; an entry without a Chinese or an English term is skipped and
 * counted.
 */
import { attr, childElements, parseXml, textContent, XML_NS, XmlSyntaxError, type XmlElement } from '../xliff/xml-tree';
import { isChinese, isEnglish, languageByScript } from '../text/language-tags';
import { MAX_GLOSSARY_BYTES, type TermTranslation, type TermUse } from '../protocol/glossary-api';
import { cleanTerm, EntryError, normalizeEntry, type ReadEntry } from './glossary-entry';
import { GlossaryFileError, type GlossaryReading } from './glossary-file';

/** TBX v3's namespace (TBX 2008 files have none). */
const TBX_V3_NS = 'urn:iso:std:iso:30042:ed-2';

const STATUS_USE: Record<string, TermUse> = {
  preferredterm: 'preferred',
  'preferredterm-admn-sts': 'preferred',
  admittedterm: 'allowed',
  'admittedterm-admn-sts': 'allowed',
  deprecatedterm: 'forbidden',
  'deprecatedterm-admn-sts': 'forbidden',
  supersededterm: 'forbidden',
  'supersededterm-admn-sts': 'forbidden',
};

/** One language set of a concept entry, as read. */
interface LanguageSet {
  lang: string | null;
  terms: { text: string; use: TermUse | null }[];
  notes: string[];
}

const lower = (element: XmlElement) => element.local.toLowerCase();
const named = (element: XmlElement, ...names: string[]) => childElements(element).filter((child) => names.includes(child.local));
const language = (element: XmlElement): string | null => {
  const lang = attr(element, 'lang', XML_NS)?.trim();
  return lang ? lang : null;
};

/** The elements under `element` (itself included) named one of `names`, not descending into those found. */
function findAll(element: XmlElement, names: readonly string[]): XmlElement[] {
  if (names.includes(element.local)) return [element];
  return childElements(element).flatMap((child) => findAll(child, names));
}

/** A term's use from its termNotes (or, in v3, its own children). */
function useOf(termHolder: XmlElement): TermUse | null {
  for (const note of findAll(termHolder, ['termNote'])) {
    const type = attr(note, 'type')?.toLowerCase();
    if (type !== 'administrativestatus' && type !== 'normativeauthorization') continue;
    const use = STATUS_USE[textContent(note).trim().toLowerCase()];
    if (use) return use;
  }
  return null;
}

const isCaseSensitive = (holder: XmlElement): boolean =>
  findAll(holder, ['admin', 'termNote', 'descrip']).some(
    (element) => attr(element, 'type') === 'x-duet-caseSensitive' && textContent(element).trim().toLowerCase() === 'yes',
  );

/** Entry-level notes and definitions (`note`, `descrip type="definition"`), outside the language sets. */
function notesOf(holder: XmlElement, skip: readonly string[]): string[] {
  const notes: string[] = [];
  for (const child of childElements(holder)) {
    if (skip.includes(child.local)) continue;
    if (child.local === 'note' || (child.local === 'descrip' && attr(child, 'type') === 'definition')) notes.push(textContent(child).trim());
    else if (child.local === 'descripGrp') notes.push(...notesOf(child, skip));
  }
  return notes.filter((note) => note !== '');
}

/** Who and when from `transacGrp`s: origination and modification. */
function transactions(holder: XmlElement): Pick<ReadEntry, 'createdBy' | 'createdAt' | 'changedBy' | 'changedAt'> {
  const found = { createdBy: null as string | null, createdAt: null as number | null, changedBy: null as string | null, changedAt: null as number | null };
  for (const group of named(holder, 'transacGrp')) {
    const kind = named(group, 'transac')[0];
    const type = kind ? textContent(kind).trim().toLowerCase() : '';
    const who = named(group, 'transacNote').find((note) => attr(note, 'type') === 'responsibility');
    const date = named(group, 'date')[0];
    const at = date ? parseTbxDate(textContent(date).trim()) : null;
    const by = who ? textContent(who).trim() || null : null;
    if (type === 'origination') Object.assign(found, { createdBy: by, createdAt: at });
    else if (type === 'modification') Object.assign(found, { changedBy: by, changedAt: at });
  }
  return found;
}

/** ISO 8601 as TBX writes it: a date, or a date and time (UTC unless it says otherwise); anything else is no date. */
export function parseTbxDate(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) return null;
  const iso = text.length === 10 ? `${text}T00:00:00Z` : /(?:Z|[+-]\d{2}:?\d{2})$/.test(text) ? text : `${text}Z`;
  const at = Date.parse(iso.replace(' ', 'T'));
  return Number.isNaN(at) ? null : at;
}

function languageSets(entry: XmlElement): LanguageSet[] {
  return findAll(entry, ['langSet', 'langSec']).map((set) => ({
    lang: language(set),
    terms: findAll(set, ['tig', 'ntig', 'termSec']).flatMap((holder) => {
      const term = findAll(holder, ['term'])[0];
      if (!term) return [];
      const text = cleanTerm(textContent(term));
      return text === '' ? [] : [{ text, use: useOf(holder) }];
    }),
    notes: notesOf(set, ['tig', 'ntig', 'termSec']),
  }));
}

export function readTbx(text: string): GlossaryReading {
  if (new TextEncoder().encode(text).byteLength > MAX_GLOSSARY_BYTES)
    throw new GlossaryFileError(`the file is larger than ${MAX_GLOSSARY_BYTES / 1024 / 1024} MB`, null, true);
  let root: XmlElement;
  try {
    root = parseXml(text.replace(/^\uFEFF/, ''), { doctype: 'martif' });
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new GlossaryFileError(`not well-formed XML: ${error.reason}`, error.line);
    throw error;
  }
  const v3 = root.local === 'tbx';
  if (lower(root) !== 'martif' && !v3) throw new GlossaryFileError(`not a TBX file: its root element is <${root.local}>, not <martif> or <tbx>`, root.line);
  if (v3 && root.uri !== TBX_V3_NS && root.uri !== '') throw new GlossaryFileError(`not a TBX file: <tbx> in the namespace "${root.uri}"`, root.line);
  const body = findAll(root, ['body'])[0];
  if (!body) throw new GlossaryFileError('the file has no <body>', root.line);
  const fileLang = language(root);

  const entries: ReadEntry[] = [];
  let skipped = 0;
  let byScript = 0;
  let extraPreferred = 0;
  for (const entry of findAll(body, ['termEntry', 'conceptEntry'])) {
    const chinese: LanguageSet[] = [];
    const english: LanguageSet[] = [];
    let guessed = false;
    for (const set of languageSets(entry)) {
      const lang = set.lang ?? fileLang;
      const tagged = lang === null ? null : isChinese(lang) ? 'chinese' : isEnglish(lang) ? 'english' : null;
      const script = languageByScript(set.terms.map((term) => term.text));
      // No tag for either language, or one the terms' script contradicts (Chinese tagged en): the script decides.
      const side = tagged !== null && (script === null || script === tagged) ? tagged : script;
      if (side !== tagged) guessed = true;
      if (side === 'chinese') chinese.push(set);
      else if (side === 'english') english.push(set);
    }
    const chineseTerms = chinese.flatMap((set) => set.terms).filter((term) => term.use !== 'forbidden');
    const translations: TermTranslation[] = english.flatMap((set) => set.terms.map((term) => ({ text: term.text, use: term.use ?? 'allowed' })));
    if (chineseTerms.length === 0 || translations.length === 0) {
      skipped++;
      continue;
    }
    if (guessed) byScript++;
    const note = [...notesOf(entry, ['langSet', 'langSec']), ...chinese.flatMap((set) => set.notes), ...english.flatMap((set) => set.notes)].join('\n');
    const when = transactions(entry);
    const caseSensitive = isCaseSensitive(entry);
    if (translations.filter((translation) => translation.use === 'preferred').length > 1) extraPreferred++;
    for (const term of chineseTerms) {
      try {
        entries.push({ ...normalizeEntry({ source: term.text, translations, note, caseSensitive }, { extraPreferred: 'allow' }), ...when });
      } catch (error) {
        if (!(error instanceof EntryError)) throw error;
        throw new GlossaryFileError(error.message, entry.line);
      }
    }
  }
  if (entries.length === 0 && skipped === 0) throw new GlossaryFileError('the file holds no term entries', body.line);
  const notes: string[] = [];
  if (byScript > 0)
    notes.push(
      `${byScript} ${byScript === 1 ? 'entry' : 'entries'}: the language tags do not say Chinese and English; the sides were told apart by their script`,
    );
  if (extraPreferred > 0)
    notes.push(
      `${extraPreferred} ${extraPreferred === 1 ? 'entry marks' : 'entries mark'} several English terms preferred: the first is, the others are allowed`,
    );
  if (skipped > 0) notes.push(`${skipped} ${skipped === 1 ? 'entry' : 'entries'} without a Chinese or an English term left out`);
  return { entries, skipped, notes };
}
