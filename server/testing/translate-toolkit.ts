/**
 * translate-toolkit (Debian's package; .ci/run installs it) as a real peer for
 * the XLIFF, TMX and TBX tests: the files it writes are the ones Duet must read, and
 * its readers read Duet's files, not our guess at either. Each call runs one of
 * its converters (or its own TMX reader) on text in a folder of its own and
 * returns what it wrote.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = '/usr/bin';

const missing = (what: string) =>
  new Error(
    `Duet's XLIFF, TMX and TBX tests check its files with translate-toolkit's ${what}; install it with \`apt-get install translate-toolkit\` (.ci/run does).`,
  );

function run(
  command: 'xliff2po' | 'po2xliff' | 'pomerge' | 'po2tmx' | 'csv2tbx',
  inputs: Record<string, string>,
  args: (dir: string) => string[],
  output: string,
): string {
  const tool = join(BIN, command);
  if (!existsSync(tool)) throw missing(command);
  const dir = mkdtempSync(join(tmpdir(), 'duet-ttk-'));
  try {
    for (const [name, text] of Object.entries(inputs)) writeFileSync(join(dir, name), text);
    try {
      execFileSync(tool, ['--progress=none', ...args(dir)], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string; message: string };
      throw new Error(`${command} failed: ${failed.stderr || failed.stdout || failed.message}`, { cause: error });
    }
    // The converters report some errors on stderr and still exit 0, writing nothing.
    if (!existsSync(join(dir, output))) throw new Error(`${command} wrote no ${output}`);
    return readFileSync(join(dir, output), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `xliff2po`: an XLIFF file as a PO file, one entry per trans-unit, its id as the entry's `#:` location. */
export const xliffToPo = (xliff: string): string =>
  run('xliff2po', { 'article.xlf': xliff }, (dir) => [join(dir, 'article.xlf'), join(dir, 'article.po')], 'article.po');

/** `po2xliff`: a PO file as the XLIFF 1.1 translate-toolkit writes. */
export const poToXliff = (po: string): string =>
  run('po2xliff', { 'article.po': po }, (dir) => [join(dir, 'article.po'), join(dir, 'article.xlf')], 'article.xlf');

/**
 * `pomerge -t TEMPLATE -i PO`: the PO's translations merged into the XLIFF
 * template, with pomerge's defaults (a blank msgstr empties the template's
 * target: `--mergeblanks=yes`).
 */
export const pomerge = (template: string, po: string): string =>
  run(
    'pomerge',
    { 'template.xlf': template, 'article.po': po },
    (dir) => ['-t', join(dir, 'template.xlf'), '-i', join(dir, 'article.po'), '-o', join(dir, 'merged.xlf')],
    'merged.xlf',
  );

/** Translate one PO entry, found by its `#:` location (the trans-unit id), as a translator in a PO editor would. */
export function translatePoEntry(po: string, location: string, msgstr: string): string {
  const entry = new RegExp(`(#: ${location}\\nmsgid "(?:[^"\\\\]|\\\\.)*"\\n)msgstr ""`);
  if (!entry.test(po)) throw new Error(`no untranslated PO entry at ${location}`);
  return po.replace(entry, (_all, head: string) => `${head}msgstr ${JSON.stringify(msgstr)}`);
}

/**
 * `po2tmx`: a PO file (Chinese msgid, English msgstr) as the TMX 1.4 translate-toolkit writes, its units' variants zh-CN and en;
 * `comments: 'others'` carries the translators' comments as notes.
 */
export const poToTmx = (po: string, options: { comments?: 'none' | 'others' } = {}): string =>
  run(
    'po2tmx',
    { 'memory.po': po },
    (dir) => ['-l', 'en', '--source-language=zh-CN', `--comments=${options.comments ?? 'none'}`, join(dir, 'memory.po'), join(dir, 'memory.tmx')],
    'memory.tmx',
  );

/**
 * Debian's Python, which has translate-toolkit's modules (the `python3` on a
 * developer's PATH may be another one without them).
 */
const PYTHON = '/usr/bin/python3';

/** `csv2tbx`: a CSV glossary (`source,target` columns) as the TBX translate-toolkit writes: the source's langSet `en`, the target's `xx`. */
export const csvToTbx = (csv: string): string =>
  run('csv2tbx', { 'glossary.csv': csv }, (dir) => [join(dir, 'glossary.csv'), join(dir, 'glossary.tbx')], 'glossary.tbx');

/** translate-toolkit's storage module for each format it reads back for the tests. */
const READERS = { tmx: 'TMX', tbx: 'TBX' } as const;

/** translate-toolkit's own reader (`translate.storage.tmx` or `.tbx`) on `text`: each unit's source, target and notes as it sees them, plain text. */
function readWithToolkit(kind: keyof typeof READERS, text: string): { source: string; target: string; notes: string }[] {
  const module = `/usr/lib/python3/dist-packages/translate/storage/${kind}.py`;
  if (!existsSync(PYTHON) || !existsSync(module)) throw missing(`${READERS[kind]} reader (translate.storage.${kind})`);
  const script = [
    'import json, sys',
    `from translate.storage import ${kind}`,
    `store = ${kind}.${kind}file.parsefile(sys.argv[1])`,
    'print(json.dumps([{"source": unit.source, "target": unit.target, "notes": unit.getnotes()} for unit in store.units]))',
  ].join('\n');
  const dir = mkdtempSync(join(tmpdir(), 'duet-ttk-'));
  try {
    const file = join(dir, `file.${kind}`);
    writeFileSync(file, text);
    let out: string;
    try {
      out = execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      const failed = error as { stderr?: string; message: string };
      throw new Error(`translate-toolkit's ${READERS[kind]} reader failed: ${failed.stderr || failed.message}`, { cause: error });
    }
    return JSON.parse(out) as { source: string; target: string; notes: string }[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** translate-toolkit's TMX reader on `tmx`. */
export const readTmxWithToolkit = (tmx: string) => readWithToolkit('tmx', tmx);

/** translate-toolkit's TBX reader on `tbx`: a term entry's source is its first language set's term, its target the second's. */
export const readTbxWithToolkit = (tbx: string) => readWithToolkit('tbx', tbx);
