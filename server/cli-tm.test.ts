/**
 * `duet tm import|export|lookup|search` against a real SQLite data folder,
 * with TMX from a real peer (translate-toolkit's po2tmx) and Duet's export
 * read back by translate-toolkit's own TMX reader.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArticleJson } from '../shared/protocol/api';
import type { ConcordanceResponse, TmMatch } from '../shared/protocol/memory-api';
import { duet } from './testing/cli-runner';
import { poToTmx, readTmxWithToolkit } from './testing/translate-toolkit';
import { memoryUnitCount } from './testing/memory-units';

const PAIRS = [
  ['阿里巴巴达摩院今天发布了新的研究成果。', 'Alibaba DAMO Academy released new research today.'],
  ['这项研究由三个实验室共同完成。', 'The research was done by three labs together.'],
  ['去年公司营收3亿元。', 'Last year the company had revenue of 300 million yuan.'],
] as const;

const PO = `msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
${PAIRS.map(([zh, en], i) => `\n#: unit-${i}\nmsgid "${zh}"\nmsgstr "${en}"\n`).join('')}
#: untranslated
msgid "还没有译文"
msgstr ""
`;

const root = mkdtempSync(join(tmpdir(), 'duet-cli-tm-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;

/** A fresh data folder and po2tmx's file of PAIRS in it. */
function setUp() {
  const data = join(root, `data-${++folders}`);
  const tmx = join(root, `memory-${folders}.tmx`);
  writeFileSync(tmx, poToTmx(PO));
  return { data, tmx };
}

const NOTES = [
  '3 translation units read.',
  `The header says srclang="en", but each unit's Chinese and English were found by its own variants' languages (zh-CN, en).`,
];

describe('duet tm', () => {
  test('imports po2tmx’s file, and looks its units up exactly, as lines or as JSON', async () => {
    const { data, tmx } = setUp();
    expect(await duet('tm', 'import', tmx, '--data', data)).toEqual({
      code: 0,
      stdout: ['3 added, 0 unchanged, 0 skipped', ...NOTES, ''].join('\n'),
      stderr: '',
    });
    expect(memoryUnitCount(data)).toBe(3);

    const name = tmx.split('/').pop()!;
    expect(await duet('tm', 'lookup', PAIRS[0][0], '--data', data)).toEqual({ code: 0, stdout: `100%  ${PAIRS[0][1]}  (imported, ${name})\n`, stderr: '' });

    const json = await duet('tm', 'lookup', PAIRS[1][0], '--json', '--data', data);
    expect(json.code).toBe(0);
    const matches = JSON.parse(json.stdout) as TmMatch[];
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ score: 100, targetText: PAIRS[1][1], status: 'imported', origin: { kind: 'import', file: name } });

    // One character changed: a fuzzy match, offered at the default threshold and not above its score.
    const fuzzy = await duet('tm', 'lookup', '阿里巴巴达摩院昨天发布了新的研究成果。', '--json', '--data', data);
    const [best] = JSON.parse(fuzzy.stdout) as TmMatch[];
    expect(best?.score).toBeGreaterThanOrEqual(90);
    expect(best?.score).toBeLessThan(100);
    expect(await duet('tm', 'lookup', '阿里巴巴达摩院昨天发布了新的研究成果。', '--threshold', '100', '--data', data)).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
    expect((await duet('tm', 'lookup', 'x', '--threshold', '0', '--data', data)).code).toBe(2);
  });

  test('searches either side', async () => {
    const { data, tmx } = setUp();
    await duet('tm', 'import', tmx, '--data', data);
    const english = await duet('tm', 'search', 'labs', '--side', 'target', '--json', '--data', data);
    const found = JSON.parse(english.stdout) as ConcordanceResponse;
    expect(found.total).toBe(1);
    expect(found.hits[0]!.source.map((part) => part.text).join('')).toBe(PAIRS[1][0]);
    expect((await duet('tm', 'search', 'labs', '--side', 'source', '--data', data)).stdout).toBe('');
    expect((await duet('tm', 'search', '营收', '--data', data)).stdout).toBe(`${PAIRS[2][0]}  ${PAIRS[2][1]}  (imported, memory-${folders}.tmx)\n`);
    expect((await duet('tm', 'search', 'labs', '--side', 'neither', '--data', data)).code).toBe(2);
  });

  test('exports a TMX file that translate-toolkit reads back with the same units', async () => {
    const { data, tmx } = setUp();
    await duet('tm', 'import', tmx, '--data', data);
    const out = join(root, `export-${folders}.tmx`);
    expect(await duet('tm', 'export', '--out', out, '--data', data)).toEqual({ code: 0, stdout: '', stderr: '' });
    const written = readFileSync(out, 'utf8');
    expect(written).toContain('creationtool="Duet"');
    expect(written).toContain('<prop type="x-duet-status">imported</prop>');
    expect(readTmxWithToolkit(written)).toEqual(PAIRS.map(([source, target]) => ({ source, target, notes: '' })));
    expect((await duet('tm', 'export', '--data', data)).stdout).toBe(written);
  });

  test('a truncated file is refused with its line, and nothing is stored', async () => {
    const { data, tmx } = setUp();
    const text = readFileSync(tmx, 'utf8');
    await duet('tm', 'import', tmx, '--data', data);
    const before = memoryUnitCount(data);
    // Cut after the second unit's end: those units are well-formed, the file is not (its body and tmx never close).
    const bad = join(root, 'truncated.tmx');
    writeFileSync(bad, text.slice(0, text.indexOf('</tu>', text.indexOf('</tu>') + 1)));
    const other = setUp();
    const refused = await duet('tm', 'import', bad, '--data', other.data);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    // saxes finds the unclosed <tu> where the text ends: the file's last line.
    const lastLine = readFileSync(bad, 'utf8').split('\n').length;
    expect(refused.stderr).toBe(
      `duet tm: the TMX file was not imported, nothing stored: line ${lastLine}: the file is not well-formed XML: unclosed tag: tu\n`,
    );
    expect(memoryUnitCount(other.data)).toBe(0);
    expect((await duet('tm', 'import', bad, '--data', data)).code).toBe(1);
    expect(memoryUnitCount(data)).toBe(before);
    expect(await duet('tm', 'import', join(root, 'missing.tmx'), '--data', data)).toMatchObject({ code: 1, stderr: expect.stringMatching(/no such file/) });
  });

  test('importing the same file twice adds nothing the second time', async () => {
    const { data, tmx } = setUp();
    expect((await duet('tm', 'import', tmx, '--data', data)).stdout).toMatch(/^3 added, 0 unchanged, 0 skipped\n/);
    expect((await duet('tm', 'import', tmx, '--data', data)).stdout).toMatch(/^0 added, 3 unchanged, 0 skipped\n/);
    expect(memoryUnitCount(data)).toBe(3);
  });

  test('the usage lists the tm commands', async () => {
    expect((await duet('help')).stdout).toMatch(/tm import FILE\.tmx[\s\S]*tm export[\s\S]*tm lookup TEXT[\s\S]*tm search TEXT/);
    expect((await duet('tm', '--data', root)).code).toBe(2);
  });
  test('fills an imported source from the memory, as draft, unless asked not to', async () => {
    const { data, tmx } = setUp();
    expect((await duet('tm', 'import', tmx, '--data', data)).code).toBe(0);
    const source = join(root, `source-${folders}.txt`);
    writeFileSync(source, `${PAIRS[0][0]}\n\n一段记忆里没有的话。\n\n${PAIRS[2][0]}\n`);

    const filled = await duet('import', source, '--data', data);
    expect(filled).toMatchObject({ code: 0, stderr: '2 segments filled from the translation memory, as draft\n' });
    const article = JSON.parse((await duet('show', filled.stdout.trim(), '--json', '--data', data)).stdout) as ArticleJson;
    expect(article.segments.map((segment) => [segment.status, segment.target.text])).toEqual([
      ['draft', PAIRS[0][1]],
      ['untranslated', ''],
      ['draft', PAIRS[2][1]],
    ]);

    const left = await duet('import', source, '--no-pretranslate', '--data', data);
    expect(left).toMatchObject({ code: 0, stderr: '' });
    const untouched = JSON.parse((await duet('show', left.stdout.trim(), '--json', '--data', data)).stdout) as ArticleJson;
    expect(untouched.segments.map((segment) => segment.status)).toEqual(['untranslated', 'untranslated', 'untranslated']);
  });
});
