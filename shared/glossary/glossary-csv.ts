/**
 * Glossaries as CSV (docs/GLOSSARY.md, "Files"): the spreadsheet a team
 * already keeps, and what Duet writes for one.
 *
 * Duet writes one row per translation, `chinese,english,use,note,case_sensitive`
 * (the note and case only on an entry's first row), UTF-8 with a byte-order
 * mark and CRLF, as spreadsheets expect. A cell that a spreadsheet would run
 * as a formula (`=`, `+`, `-`, `@` first) is written with a `'` before it, and
 * read back without: a term is text, never a formula.
 *
 * Read: comma, semicolon or tab separated (told by the first line). With a
 * header, columns by name (`chinese`/`zh`/`source`/`term`, `english`/`en`/
 * `target`/`translation`, `use`/`status`, `note`/`comment`/`definition`,
 * `case_sensitive`); without one, the column of Chinese script is the term,
 * the next of Latin script its translation, a third the note. Either way a
 * Chinese column holding English (translate-toolkit's `source,target` written
 * the other way round, say) is told apart by script, and the report says so.
 * Rows of the same Chinese term are one entry.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { isChinese, isEnglish, languageByScript } from '../text/language-tags';
import { MAX_GLOSSARY_BYTES, type GlossaryEntry, type TermTranslation, type TermUse } from '../protocol/glossary-api';
import { cleanTerm, EntryError, normalizeEntry, termKey, type ReadEntry } from './glossary-entry';
import { GlossaryFileError, type GlossaryReading } from './glossary-file';

type Column = 'chinese' | 'english' | 'use' | 'note' | 'case';

const HEADERS: Record<string, Column> = {
  chinese: 'chinese',
  source: 'chinese',
  term: 'chinese',
  'source term': 'chinese',
  中文: 'chinese',
  english: 'english',
  target: 'english',
  translation: 'english',
  'target term': 'english',
  英文: 'english',
  use: 'use',
  status: 'use',
  usage: 'use',
  note: 'note',
  notes: 'note',
  comment: 'note',
  comments: 'note',
  definition: 'note',
  description: 'note',
  case_sensitive: 'case',
  'case sensitive': 'case',
  'case-sensitive': 'case',
};

const USES: Record<string, TermUse> = {
  preferred: 'preferred',
  allowed: 'allowed',
  admitted: 'allowed',
  forbidden: 'forbidden',
  deprecated: 'forbidden',
  superseded: 'forbidden',
};

/** What a spreadsheet would take for a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

function columnOfHeader(cell: string): Column | null {
  const name = cell.trim().toLowerCase();
  if (Object.hasOwn(HEADERS, name)) return HEADERS[name]!;
  if (isChinese(name)) return 'chinese';
  if (isEnglish(name)) return 'english';
  return null;
}

/** The separator the first line uses most, outside quotes. */
function delimiterOf(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ',';
  for (const [char, count] of counts) if (count > counts.get(best)!) best = char;
  return best;
}

const unguard = (cell: string): string => (cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell);

export function readGlossaryCsv(text: string): GlossaryReading {
  if (new TextEncoder().encode(text).byteLength > MAX_GLOSSARY_BYTES)
    throw new GlossaryFileError(`the file is larger than ${MAX_GLOSSARY_BYTES / 1024 / 1024} MB`, null, true);
  const body = text.replace(/^\uFEFF/, '');
  let rows: string[][];
  try {
    // relax_quotes: a hand-written file's quote inside an unquoted cell (`Not "Damo"`) is text, as spreadsheets read it.
    rows = parse(body, { delimiter: delimiterOf(body), relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    if (error instanceof CsvError)
      throw new GlossaryFileError(
        `not a CSV file Duet reads: ${error.message.replace(/^Invalid [^:]*: /, '')}`,
        (error as CsvError & { lines?: number }).lines ?? null,
      );
    throw error;
  }
  rows = rows.map((row) => row.map(unguard)).filter((row) => row.some((cell) => cell.trim() !== ''));
  if (rows.length === 0) throw new GlossaryFileError('the file is empty');

  const notes: string[] = [];
  const headerColumns = rows[0]!.map(columnOfHeader);
  const hasHeader = headerColumns.includes('chinese') || headerColumns.includes('english');
  const data = hasHeader ? rows.slice(1) : rows;
  const firstLine = hasHeader ? 2 : 1;
  const width = Math.max(...rows.map((row) => row.length));
  const script = (index: number) => languageByScript(data.map((row) => row[index] ?? ''));

  let chineseColumn: number;
  let englishColumn: number;
  let useColumn = -1;
  let noteColumn = -1;
  let caseColumn = -1;
  if (hasHeader) {
    chineseColumn = headerColumns.indexOf('chinese');
    englishColumn = headerColumns.indexOf('english');
    useColumn = headerColumns.indexOf('use');
    noteColumn = headerColumns.indexOf('note');
    caseColumn = headerColumns.indexOf('case');
    if (chineseColumn < 0 || englishColumn < 0) {
      const missing = chineseColumn < 0 ? 'Chinese' : 'English';
      throw new GlossaryFileError(
        `the header names no ${missing} column (${missing === 'Chinese' ? '"chinese", "zh", "source" or "term"' : '"english", "en", "target" or "translation"'})`,
        1,
      );
    }
    if (script(chineseColumn) === 'english' && script(englishColumn) === 'chinese') {
      [chineseColumn, englishColumn] = [englishColumn, chineseColumn];
      notes.push(`the column headed "${rows[0]![chineseColumn]}" holds Chinese and "${rows[0]![englishColumn]}" English: read by their script`);
    }
  } else {
    const scripts = Array.from({ length: width }, (_, index) => script(index));
    chineseColumn = scripts.indexOf('chinese');
    // Term and translation side by side, as translate-toolkit's `comment,source,target` has them: the Latin column after the Chinese one, else before it.
    const latin = scripts.flatMap((found, index) => (found === 'english' ? [index] : []));
    englishColumn = latin.find((index) => index > chineseColumn) ?? latin[latin.length - 1] ?? -1;
    if (chineseColumn < 0 || englishColumn < 0) throw new GlossaryFileError('no header, and no column of Chinese terms beside one of English ones', 1);
    noteColumn = Array.from({ length: width }, (_, index) => index).find((index) => index !== chineseColumn && index !== englishColumn) ?? -1;
    notes.push(
      `no header: column ${chineseColumn + 1} read as the Chinese terms, ${englishColumn + 1} as the English${noteColumn >= 0 ? `, ${noteColumn + 1} as notes` : ''}`,
    );
  }

  // Rows of one Chinese term, in the order the terms first appear.
  const grouped = new Map<string, { source: string; translations: TermTranslation[]; notes: string[]; caseSensitive: boolean; line: number }>();
  let skipped = 0;
  data.forEach((row, index) => {
    const source = cleanTerm(row[chineseColumn] ?? '');
    const english = cleanTerm(row[englishColumn] ?? '');
    if (source === '' || english === '') {
      skipped++;
      return;
    }
    const line = firstLine + index;
    const useCell = (useColumn >= 0 ? (row[useColumn] ?? '') : '').trim().toLowerCase();
    if (useCell !== '' && !Object.hasOwn(USES, useCell))
      throw new GlossaryFileError(`"${useCell}" is not a use Duet knows (preferred, allowed or forbidden)`, line);
    const key = termKey(source);
    let group = grouped.get(key);
    if (!group) grouped.set(key, (group = { source, translations: [], notes: [], caseSensitive: false, line }));
    group.translations.push({ text: english, use: useCell === '' ? 'allowed' : USES[useCell]! });
    const note = noteColumn >= 0 ? (row[noteColumn] ?? '').trim() : '';
    if (note !== '' && !group.notes.includes(note)) group.notes.push(note);
    if (caseColumn >= 0 && /^(?:yes|true|1|y)$/i.test((row[caseColumn] ?? '').trim())) group.caseSensitive = true;
  });

  const entries: ReadEntry[] = [];
  for (const group of grouped.values()) {
    try {
      const content = normalizeEntry(
        { source: group.source, translations: group.translations, note: group.notes.join('\n'), caseSensitive: group.caseSensitive },
        { extraPreferred: 'allow' },
      );
      entries.push({ ...content, createdBy: null, createdAt: null, changedBy: null, changedAt: null });
    } catch (error) {
      if (error instanceof EntryError) throw new GlossaryFileError(error.message, group.line);
      throw error;
    }
  }
  if (skipped > 0) notes.push(`${skipped} ${skipped === 1 ? 'row' : 'rows'} without a Chinese or an English term left out`);
  return { entries, skipped, notes };
}

const guard = (cell: string): string => (FORMULA_START.test(cell) ? `'${cell}` : cell);

/** `entries` as Duet's CSV: a header, then one row per translation. */
export function writeGlossaryCsv(entries: Iterable<GlossaryEntry>): string {
  const rows: string[][] = [['chinese', 'english', 'use', 'note', 'case_sensitive']];
  for (const entry of entries) {
    entry.translations.forEach((translation, index) => {
      const first = index === 0;
      rows.push([entry.source, translation.text, translation.use, first ? entry.note : '', first && entry.caseSensitive ? 'yes' : ''].map(guard));
    });
  }
  // A line break inside a cell is quoted too (csv-stringify quotes only the record delimiter, CRLF, by itself).
  return `\uFEFF${stringify(rows, { record_delimiter: 'windows', quoted_match: /[\r\n]/ })}`;
}
