/**
 * Aligning published work over the API, with the team's real files (the
 * Zhihu source and its published translation), a real server and its SQLite
 * file: the proposal covers every block of both, a corrected set of rows is
 * what the memory stores, and rows that do not fit the files, or a caller
 * who may not import, store nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AlignConfirmed, AlignmentProposal } from '../../shared/protocol/align-api';
import type { ConcordanceResponse, MemoryStats } from '../../shared/protocol/memory-api';
import type { Role } from '../../shared/protocol/roles';
import { FIXTURES, HAVE_FIXTURES, NO_FIXTURES_REASON, SEED_ARTICLE } from '../../shared/testing/fixtures';
import { startTestServer, type TestServer } from '../testing/test-server';

let server: TestServer;
beforeAll(async () => {
  if (HAVE_FIXTURES) server = await startTestServer();
});
afterAll(() => server?.close());

const files = () => ({
  source: { fileName: 'zhihu-372335557.html', content: readFileSync(join(FIXTURES, 'sources', 'zhihu-372335557.html'), 'utf8') },
  published: { fileName: '/home/me/site/_posts/2020-02-23-how-to-view-ali-damo-ai.md', content: readFileSync(SEED_ARTICLE, 'utf8') },
});

async function post<T>(role: Role, path: string, body: unknown): Promise<{ status: number; body: T & { error?: { code: string; message: string } } }> {
  const response = await server.as(role, path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as T & { error?: { code: string; message: string } } };
}

const stats = async () => (await (await server.as('admin', '/api/memory')).json()) as MemoryStats;
const search = async (text: string) =>
  (await (await server.as('admin', `/api/memory/search?q=${encodeURIComponent(text)}&side=source`)).json()) as ConcordanceResponse;

describe.skipIf(!HAVE_FIXTURES)(`aligning published work over the API (${HAVE_FIXTURES ? 'fixtures present' : NO_FIXTURES_REASON})`, () => {
  test('only an admin may align or confirm', async () => {
    for (const role of ['translator', 'reviewer', 'viewer'] as const) {
      expect((await post(role, '/api/memory/align', files())).status).toBe(403);
      expect((await post(role, '/api/memory/align/confirm', { ...files(), rows: [] })).status).toBe(403);
    }
    expect(await stats()).toEqual({ units: 0, imported: 0 });
  });

  test('the proposal holds every block of both files once, in order; confirmed with one row corrected, the memory has the corrected pairs', async () => {
    const proposed = await post<AlignmentProposal>('admin', '/api/memory/align', files());
    expect(proposed.status).toBe(200);
    const { chinese, english, rows } = proposed.body;
    expect([chinese.length, english.length]).toEqual([43, 51]);
    expect(rows.flatMap((row) => row.source)).toEqual(chinese.map((_, i) => i));
    expect(rows.flatMap((row) => row.target)).toEqual(english.map((_, i) => i));
    expect(rows.every((row) => row.confidence >= 0 && row.confidence <= 1)).toBe(true);
    expect(english[0]).toMatchObject({ type: 'paragraph' });

    // The person unpairs the row of "我报名参加了麻醉插管突击队…": it is not stored.
    const signedUp = rows.findIndex((row) => row.source.length === 1 && chinese[row.source[0]!]!.text.startsWith('我报名参加了麻醉插管突击队'));
    expect(signedUp).toBeGreaterThan(-1);
    const corrected = rows.flatMap(({ source, target }, n) =>
      n === signedUp
        ? [
            { source, target: [] },
            { source: [], target },
          ]
        : [{ source, target }],
    );
    const paired = rows.filter((row) => row.source.length > 0 && row.target.length > 0).length;

    const confirmed = await post<AlignConfirmed>('admin', '/api/memory/align/confirm', { ...files(), rows: corrected });
    expect(confirmed.status).toBe(200);
    const { added, skipped, untranslated, unchanged } = confirmed.body;
    expect(unchanged).toBe(0);
    expect(added + skipped + untranslated).toBe(paired - 1);
    expect(added).toBeGreaterThan(30);
    expect(await stats()).toEqual({ units: added, imported: added });
    expect((await search('我报名参加了麻醉插管突击队')).hits).toEqual([]);
    const [hit] = (await search('达摩院')).hits;
    expect(hit?.origin).toEqual({ kind: 'import', file: '2020-02-23-how-to-view-ali-damo-ai.md' });

    // The same again adds nothing.
    expect((await post<AlignConfirmed>('admin', '/api/memory/align/confirm', { ...files(), rows: corrected })).body).toMatchObject({
      added: 0,
      unchanged: added,
    });
  });

  test.each<[string, (rows: { source: number[]; target: number[] }[]) => unknown[], string]>([
    ['a block left out', (rows) => rows.slice(0, -1), 'English block 51 is in no row'],
    ['a block twice', (rows) => [...rows, { source: [], target: [50] }], 'out of order'],
    ['a block that is not there', (rows) => [...rows, { source: [43], target: [] }], 'there is no Chinese block 44'],
    ['an empty row', (rows) => [{ source: [], target: [] }, ...rows], 'row 1 has no block on either side'],
  ])('rows with %s are refused, naming it, and store nothing', async (_name, spoil, reason) => {
    const before = await stats();
    const { rows } = (await post<AlignmentProposal>('admin', '/api/memory/align', files())).body;
    const refused = await post<AlignConfirmed>('admin', '/api/memory/align/confirm', {
      ...files(),
      rows: spoil(rows.map(({ source, target }) => ({ source, target }))),
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error?.message).toContain(reason);
    expect(await stats()).toEqual(before);
  });

  test('bad files are refused with the reason', async () => {
    const { source, published } = files();
    const noFrontMatter = await post('admin', '/api/memory/align', { source, published: { fileName: 'post.md', content: '' } });
    expect(noFrontMatter.status).toBe(422);
    expect(noFrontMatter.body.error?.message).toContain('post.md');
    const badBase64 = await post('admin', '/api/memory/align', { source: { fileName: 'a.docx', contentBase64: 'not base64!' }, published });
    expect(badBase64.status).toBe(400);
    expect(badBase64.body.error?.message).toContain('source.contentBase64');
    const both = await post('admin', '/api/memory/align', { source: { ...source, contentBase64: 'AAAA' }, published });
    expect(both.status).toBe(400);
    const notRows = await post('admin', '/api/memory/align/confirm', { source, published, rows: [{ source: ['x'], target: [] }] });
    expect(notRows.status).toBe(400);
  });
});
