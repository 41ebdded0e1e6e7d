/**
 * The `duet` command against a real SQLite store in a temporary data folder:
 * in-process for the many fixture round trips, and as a real child process for
 * what only the binary shows (exit codes, stderr, `npx`-style invocation).
 */
import { afterAll, describe, expect, test } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleCount, duet } from './testing/cli-runner';
import { HAVE_FIXTURES, NO_FIXTURES_REASON, publishedFixtures, readFixture, REPO_ROOT, SEED_ARTICLE } from '../shared/testing/fixtures';

const root = mkdtempSync(join(tmpdir(), 'duet-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;
const newDataDir = () => join(root, `data-${++folders}`);

describe.skipIf(!HAVE_FIXTURES)(`duet import then duet export (${HAVE_FIXTURES ? 'fixtures present' : NO_FIXTURES_REASON})`, () => {
  test.each(publishedFixtures())('reproduces %s byte for byte through SQLite', async (_name, path) => {
    const data = newDataDir();
    const imported = await duet('import', path, '--data', data);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^[0-9a-z]{10}\n$/);
    const id = imported.stdout.trim();
    const out = join(data, 'out.md');
    expect((await duet('export', id, '--out', out, '--data', data)).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFixture(path));
    // And to stdout, after the store has been closed and opened again.
    expect((await duet('export', id, '--data', data)).stdout).toBe(readFixture(path));
  });
});

describe.skipIf(!HAVE_FIXTURES)('listing and showing', () => {
  test('list shows id, title, segment count and progress; show --json the segments', async () => {
    const data = newDataDir();
    const id = (await duet('import', SEED_ARTICLE, '--data', data, '--title', 'Damo AI, revised')).stdout.trim();
    const list = await duet('list', '--data', data);
    expect(list.stdout).toBe(`${id}\tDamo AI, revised\t51 segments\t100% translated (51 translated)\n`);

    const shown = JSON.parse((await duet('show', id, '--json', '--data', data)).stdout);
    expect(shown.id).toBe(id);
    expect(Object.keys(shown.meta.frontMatter)).toEqual(['title', 'date', 'categories', 'image', 'blurb', 'translator']);
    expect(shown.meta.frontMatter.title).toBe('Damo AI, revised');
    expect(shown.segments).toHaveLength(51);
    const figure = shown.segments.find((segment: { target: { markdown: string } }) => segment.target.markdown.startsWith('<figure>'));
    expect(figure.target.text).toBe('Precious image from a contaminated cell phone in an isolation ward');
    expect(shown.segments[0].target.markdown).toMatch(/^\*<a href="https:\/\/www\.zhihu\.com\/question\/372335557" target="_blank">/);

    const exported = (await duet('export', id, '--data', data)).stdout;
    expect(exported).toBe(readFixture(SEED_ARTICLE).replace(/^title: .*$/m, 'title: "Damo AI, revised"'));
  });
});

describe('bad input: one line on stderr, a non-zero exit, nothing stored', () => {
  const cases: [string, () => string, RegExp][] = [
    ['a missing file', () => join(root, 'missing.md'), /cannot read .*missing\.md: no such file/],
    ['a binary file', () => write('photo.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13])), /not a text file/],
    ['a non-UTF-8 file', () => write('latin1.md', Buffer.from('title: caf\xe9\n', 'latin1')), /not valid UTF-8/],
    ['an empty file', () => write('empty.md', ''), /is empty/],
    ['malformed front matter', () => write('bad-yaml.md', '---\ntitle: "unclosed\ndate: 2020-02-23\n---\n\nBody\n'), /malformed front matter/],
    ['front matter that never closes', () => write('open.md', '---\ntitle: x\n\nBody\n'), /no closing "---" line/],
    ['front matter that is a list', () => write('list.md', '---\n- a\n- b\n---\n\nBody\n'), /malformed front matter/],
  ];
  function write(name: string, content: string | Buffer): string {
    const path = join(root, name);
    writeFileSync(path, content);
    return path;
  }

  test.each(cases)('%s', async (_name, file, message) => {
    const data = newDataDir();
    const result = await duet('import', file(), '--data', data);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(articleCount(data)).toBe(0);
  });

  test('an unknown id', async () => {
    const data = newDataDir();
    for (const args of [
      ['show', 'nope', '--json'],
      ['export', 'nope'],
    ]) {
      const result = await duet(...args, '--data', data);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`duet ${args[0]}: no article with id "nope"\n`);
    }
  });

  test('unknown commands and options are usage errors', async () => {
    expect((await duet('frobnicate')).code).toBe(2);
    expect((await duet('list', '--colour')).stderr).toMatch(/Unknown option '--colour'/);
    expect((await duet('export')).code).toBe(2);
  });
});

describe('the duet binary', () => {
  test('runs as `npx duet` from the repository, with the data folder from DUET_DATA', () => {
    const data = newDataDir();
    const env = { ...process.env, DUET_DATA: data };
    const id = HAVE_FIXTURES ? execFileSync('npx', ['duet', 'import', SEED_ARTICLE], { cwd: REPO_ROOT, env, encoding: 'utf8' }).trim() : null;
    const list = execFileSync('npx', ['duet', 'list'], { cwd: REPO_ROOT, env, encoding: 'utf8' });
    if (id) expect(list).toContain(id);
    else expect(list).toBe('');
  });

  test('exits non-zero with one line on stderr for an unknown id', () => {
    const result = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'duet.mjs'), 'export', 'nope', '--data', newDataDir()], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('duet export: no article with id "nope"\n');
  });
});
