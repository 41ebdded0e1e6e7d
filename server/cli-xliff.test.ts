/**
 * `duet xliff export` and `duet xliff import` against a real SQLite store in a
 * temporary data folder, with files from a real peer (translate-toolkit) where
 * the story is one a translator lives.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArticleJson } from '../shared/protocol/api';
import { duet } from './testing/cli-runner';
import { pomerge, poToXliff, translatePoEntry, xliffToPo } from './testing/translate-toolkit';

const root = mkdtempSync(join(tmpdir(), 'duet-cli-xliff-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;

/** A data folder holding one article of untranslated Chinese paragraphs (two by default). */
async function setUp(text = '第一段。\n\n第二段。\n') {
  const data = join(root, `data-${++folders}`);
  const source = join(root, `source-${folders}.txt`);
  writeFileSync(source, text);
  const imported = await duet('import', source, '--format', 'text', '--data', data);
  expect(imported.code).toBe(0);
  const id = imported.stdout.trim();
  const show = async () => JSON.parse((await duet('show', id, '--json', '--data', data)).stdout) as ArticleJson;
  return { data, id, show };
}

const fill = (xliff: string, id: string, target: string) =>
  xliff.replace(new RegExp(`(<trans-unit id="${id}"[\\s\\S]*?</source>)`), `$1\n        <target xml:lang="en">${target}</target>`);

describe('duet xliff', () => {
  test('exports to a file or stdout, and imports a file back', async () => {
    const { data, id, show } = await setUp();
    const out = join(data, 'article.xlf');
    expect(await duet('xliff', 'export', id, '--out', out, '--data', data)).toEqual({ code: 0, stdout: '', stderr: '' });
    const xliff = readFileSync(out, 'utf8');
    expect((await duet('xliff', 'export', id, '--data', data)).stdout).toBe(xliff);

    const [first] = (await show()).segments;
    const back = join(data, 'back.xlf');
    writeFileSync(back, fill(xliff, first!.id, 'The first paragraph.'));
    const imported = await duet('xliff', 'import', id, back, '--by', 'omegat', '--data', data);
    expect(imported).toEqual({ code: 0, stdout: '1 segment updated (1 target, 1 status), 0 unchanged, 1 skipped\n', stderr: '' });
    expect((await show()).segments.map((segment) => [segment.target.text, segment.status])).toEqual([
      ['The first paragraph.', 'translated'],
      ['', 'untranslated'],
    ]);
  });

  test('a file that cannot be applied is one line on stderr, exit 1, and nothing stored', async () => {
    const { data, id, show } = await setUp();
    const xliff = (await duet('xliff', 'export', id, '--data', data)).stdout;
    const [first] = (await show()).segments;
    const bad = join(data, 'bad.xlf');
    writeFileSync(bad, fill(xliff, first!.id, 'Text').replace('version="1.2"', 'version="2.0"'));
    const before = await show();
    const result = await duet('xliff', 'import', id, bad, '--data', data);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'duet xliff: the XLIFF file was not imported, nothing changed: the file is XLIFF 2.0; Duet reads XLIFF 1.1 and 1.2 (export XLIFF 1.2 from your tool)\n',
    );
    expect(await show()).toEqual(before);

    const other = await duet('xliff', 'import', 'nope', bad, '--data', data);
    expect(other).toMatchObject({ code: 1, stderr: 'duet xliff: no article with id "nope"\n' });
    expect(await duet('xliff', 'import', id, join(data, 'missing.xlf'), '--data', data)).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/no such file/),
    });
  });

  test("pomerge's empty target keeps the translation it would erase, and the report names it", async () => {
    const { data, id, show } = await setUp();
    const [first, second] = (await show()).segments.map((segment) => segment.id);
    const exported = (await duet('xliff', 'export', id, '--data', data)).stdout;
    // A translator takes the file to a PO editor and translates the second paragraph…
    const po = translatePoEntry(xliffToPo(exported), second!, 'The second paragraph.');
    // …while the first is translated in Duet.
    const duetFile = join(data, 'duet.xlf');
    writeFileSync(duetFile, fill(exported, first!, 'The first paragraph.'));
    expect((await duet('xliff', 'import', id, duetFile, '--data', data)).code).toBe(0);
    // The PO is merged into a fresh export, with pomerge's defaults: its blank entry empties the first target.
    const merged = pomerge((await duet('xliff', 'export', id, '--data', data)).stdout, po);
    expect(merged).toMatch(new RegExp(`<trans-unit id="${first}"[^>]*>\\s*<source[^>]*>[^<]*</source>\\s*<target xml:lang="en" state="translated"></target>`));
    const file = join(data, 'merged.xlf');
    writeFileSync(file, merged);

    const report = [
      '1 segment updated (1 target, 1 status), 0 unchanged, 1 skipped',
      "1 translation kept where the file's target is empty (empty means not translated; it erases only with overwrite and a state the other tool set to confirm it):",
      `  ${first}  "The first paragraph."`,
      '',
    ].join('\n');
    expect(await duet('xliff', 'import', id, file, '--data', data)).toEqual({ code: 0, stdout: report, stderr: '' });
    expect((await show()).segments.map((segment) => [segment.target.text, segment.status])).toEqual([
      ['The first paragraph.', 'translated'],
      ['The second paragraph.', 'translated'],
    ]);
    // Not even --overwrite erases it: the state on that empty target is the one Duet exported, not the tool's word.
    const again = await duet('xliff', 'import', id, file, '--overwrite', '--data', data);
    expect(again.stdout).toContain(`  ${first}  "The first paragraph."`);
    expect((await show()).segments[0]!.target.text).toBe('The first paragraph.');
  });

  test("po2xliff's XLIFF 1.1 is read: units find their segments by the PO entry's location", async () => {
    const { data, id, show } = await setUp('第一段。\n\n第二段。\n\n第三段。\n');
    const [first, second, third] = (await show()).segments.map((segment) => segment.id);
    let po = xliffToPo((await duet('xliff', 'export', id, '--data', data)).stdout);
    po = translatePoEntry(po, first!, 'One.');
    po = translatePoEntry(po, third!, 'Three.');
    const xliff11 = poToXliff(po);
    expect(xliff11).toContain('<xliff xmlns="urn:oasis:names:tc:xliff:document:1.1" version="1.1">');
    const file = join(data, 'from-po.xlf');
    writeFileSync(file, xliff11);

    const result = await duet('xliff', 'import', id, file, '--by', 'poedit', '--data', data);
    expect(result).toEqual({
      code: 0,
      stdout: `2 segments updated (2 targets, 2 statuses), 0 unchanged, 2 skipped\n1 empty target left as not translated: ${second}\n`,
      stderr: '',
    });
    expect((await show()).segments.map((segment) => [segment.target.text, segment.status])).toEqual([
      ['One.', 'translated'],
      ['', 'untranslated'],
      ['Three.', 'translated'],
    ]);
  });

  test('--dry-run reports what the import would do and stores nothing', async () => {
    const { data, id, show } = await setUp();
    const [first] = (await show()).segments;
    const file = join(data, 'filled.xlf');
    writeFileSync(file, fill((await duet('xliff', 'export', id, '--data', data)).stdout, first!.id, 'The first paragraph.'));
    const before = await show();
    expect(await duet('xliff', 'import', id, file, '--dry-run', '--data', data)).toEqual({
      code: 0,
      stdout: 'dry run, nothing changed: 1 segment would be updated (1 target, 1 status), 0 unchanged, 1 skipped\n',
      stderr: '',
    });
    expect(await show()).toEqual(before);
  });

  test('usage mistakes exit 2', async () => {
    expect((await duet('xliff')).code).toBe(2);
    expect((await duet('xliff', 'frob')).stderr).toMatch(/unknown xliff command "frob"/);
    expect((await duet('xliff', 'import', 'id-only')).code).toBe(2);
  });
});
