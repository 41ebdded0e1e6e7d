/** `duet xliff export` and `duet xliff import` against a real SQLite store in a temporary data folder. */
import { afterAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArticleJson } from '../shared/protocol/api';
import { duet } from './testing/cli-runner';

const root = mkdtempSync(join(tmpdir(), 'duet-cli-xliff-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;

/** A data folder holding one article of two untranslated Chinese paragraphs. */
async function setUp() {
  const data = join(root, `data-${++folders}`);
  const source = join(root, `source-${folders}.txt`);
  writeFileSync(source, '第一段。\n\n第二段。\n');
  const imported = await duet('import', source, '--format', 'text', '--data', data);
  expect(imported.code).toBe(0);
  const id = imported.stdout.trim();
  const show = async () => JSON.parse((await duet('show', id, '--json', '--data', data)).stdout) as ArticleJson;
  return { data, id, show };
}

const fill = (xliff: string, id: string, target: string) => xliff.replace(new RegExp(`(<trans-unit id="${id}"[\\s\\S]*?</source>)`), `$1\n        <target xml:lang="en">${target}</target>`);

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
    expect(result.stderr).toBe('duet xliff: the XLIFF file was not imported, nothing changed: the file is XLIFF 2.0; Duet reads XLIFF 1.1 and 1.2 (export XLIFF 1.2 from your tool)\n');
    expect(await show()).toEqual(before);

    const other = await duet('xliff', 'import', 'nope', bad, '--data', data);
    expect(other).toMatchObject({ code: 1, stderr: 'duet xliff: no article with id "nope"\n' });
    expect(await duet('xliff', 'import', id, join(data, 'missing.xlf'), '--data', data)).toMatchObject({ code: 1, stderr: expect.stringMatching(/no such file/) });
  });

  test('usage mistakes exit 2', async () => {
    expect((await duet('xliff')).code).toBe(2);
    expect((await duet('xliff', 'frob')).stderr).toMatch(/unknown xliff command "frob"/);
    expect((await duet('xliff', 'import', 'id-only')).code).toBe(2);
  });
});
