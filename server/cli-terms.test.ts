/**
 * `duet terms import|export|list` against a real SQLite data folder, with a
 * glossary from a real peer (translate-toolkit's csv2tbx, which labels the
 * Chinese side `en` and the English `xx`) and Duet's TBX export read back by
 * translate-toolkit's own TBX reader.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GlossaryEntry } from '../shared/protocol/glossary-api';
import { duet } from './testing/cli-runner';
import { csvToTbx, readTbxWithToolkit } from './testing/translate-toolkit';

const root = mkdtempSync(join(tmpdir(), 'duet-cli-terms-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;
const dataFolder = () => join(root, `data-${++folders}`);

/** The terms the published seed article names three ways, and two more. */
const CSV = `"source","target"
"达摩院","Alibaba DAMO Academy"
"人工智能","artificial intelligence"
"林楚勉","LIN Chumian"
`;

describe('duet terms', () => {
  test('imports csv2tbx’s file, telling the sides apart by script and saying so, and lists it', async () => {
    const data = dataFolder();
    const tbx = join(root, 'peer.tbx');
    const peer = csvToTbx(CSV);
    expect(peer).toContain('<langSet xml:lang="en"><tig><term>达摩院</term></tig></langSet>');
    writeFileSync(tbx, peer);

    const imported = await duet('terms', 'import', tbx, '--data', data);
    expect(imported).toEqual({
      code: 0,
      stdout:
        '3 added, 0 merged, 0 unchanged, 0 skipped\n3 entries: the language tags do not say Chinese and English; the sides were told apart by their script\n',
      stderr: '',
    });
    expect((await duet('terms', 'import', tbx, '--data', data)).stdout.split('\n')[0]).toBe('0 added, 0 merged, 3 unchanged, 0 skipped');

    const listed = await duet('terms', 'list', '--data', data);
    expect(listed.stdout).toBe('人工智能\tartificial intelligence\n林楚勉\tLIN Chumian\n达摩院\tAlibaba DAMO Academy\n');
    const json = JSON.parse((await duet('terms', 'list', '--json', '--data', data)).stdout) as GlossaryEntry[];
    expect(json.map((entry) => [entry.source, entry.status, entry.translations])).toContainEqual([
      '林楚勉',
      'approved',
      [{ text: 'LIN Chumian', use: 'preferred' }],
    ]);
  });

  test('exports TBX that translate-toolkit reads as the same terms, preferred first, and CSV that imports back unchanged', async () => {
    const data = dataFolder();
    const csv = join(root, 'team.csv');
    writeFileSync(
      csv,
      'chinese,english,use,note\n达摩院,Alibaba DAMO Academy,preferred,Not "Damo Academy"\n达摩院,Damo Academy,forbidden,\n人工智能,AI,allowed,\n人工智能,artificial intelligence,preferred,\n',
    );
    expect((await duet('terms', 'import', csv, '--data', data)).stdout).toBe('2 added, 0 merged, 0 unchanged, 0 skipped\n');

    const out = join(root, 'out.tbx');
    expect((await duet('terms', 'export', '--format', 'tbx', '--out', out, '--data', data)).code).toBe(0);
    expect(readTbxWithToolkit(readFileSync(out, 'utf8'))).toEqual([
      { source: '人工智能', target: 'artificial intelligence', notes: '' },
      { source: '达摩院', target: 'Alibaba DAMO Academy', notes: 'Not "Damo Academy"' },
    ]);

    const exported = await duet('terms', 'export', '--format', 'csv', '--data', data);
    writeFileSync(join(root, 'out.csv'), exported.stdout);
    expect((await duet('terms', 'import', join(root, 'out.csv'), '--data', data)).stdout).toBe('0 added, 0 merged, 2 unchanged, 0 skipped\n');
  });

  test('a bad file is refused whole with its line and reason; bad flags say how to call it', async () => {
    const data = dataFolder();
    const bad = join(root, 'bad.csv');
    writeFileSync(bad, 'chinese,english,use\n达摩院,DAMO,preferred\n人工智能,AI,sometimes\n');
    const refused = await duet('terms', 'import', bad, '--data', data);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('the CSV file was not imported, nothing stored: line 3: "sometimes" is not a use Duet knows');
    expect((await duet('terms', 'list', '--data', data)).stdout).toBe('');

    expect((await duet('terms', 'export', '--data', data)).stderr).toContain('terms export needs --format tbx or --format csv');
    expect((await duet('terms', 'import', bad, '--format', 'xls', '--data', data)).stderr).toContain('--format must be tbx or csv, not "xls"');
    expect((await duet('terms', 'merge', '--data', data)).stderr).toContain('unknown terms command "merge" (import, export or list)');
  });
});
