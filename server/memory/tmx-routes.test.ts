/**
 * TMX over the API (docs/MEMORY.md, "TMX"): an admin imports translate-toolkit's
 * po2tmx file into the memory and downloads the whole memory as TMX; nobody
 * else may do either, and a file Duet does not read stores nothing. Real
 * server, real SQLite file, real translate-toolkit.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readTmx } from '../../shared/memory/tmx';
import type { MatchesResponse, MemoryStats, TmxImportResponse } from '../../shared/protocol/memory-api';
import type { Role } from '../../shared/protocol/roles';
import { startTestServer, type TestServer } from '../testing/test-server';
import { poToTmx } from '../testing/translate-toolkit';

const PAIRS = [
  ['阿里巴巴达摩院今天发布了新的研究成果。', 'Alibaba DAMO Academy released new research today.'],
  ['这项研究由三个实验室共同完成。', 'The research was done by three labs together.'],
] as const;

const PO = `msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
${PAIRS.map(([zh, en], i) => `\n#: unit-${i}\nmsgid "${zh}"\nmsgstr "${en}"\n`).join('')}`;

let server: TestServer;
let tmx: string;

beforeAll(async () => {
  server = await startTestServer();
  tmx = poToTmx(PO);
});
afterAll(() => server?.close());

async function upload(role: Role, body: unknown): Promise<{ status: number; body: TmxImportResponse & { error?: { code: string; message: string } } }> {
  const response = await server.as(role, '/api/memory/tmx', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as TmxImportResponse & { error?: { code: string; message: string } } };
}

const stats = async () => (await (await server.as('translator', '/api/memory')).json()) as MemoryStats;

describe('TMX over the API', () => {
  test('a translator may neither import nor export the memory', async () => {
    expect((await upload('translator', { fileName: 'memory.tmx', tmx })).status).toBe(403);
    expect((await upload('reviewer', { fileName: 'memory.tmx', tmx })).status).toBe(403);
    expect((await server.as('translator', '/api/memory/tmx')).status).toBe(403);
    expect((await server.as('viewer', '/api/memory/tmx')).status).toBe(403);
    expect(await stats()).toEqual({ units: 0, imported: 0 });
  });

  test('an admin imports po2tmx’s file; its units are offered to everyone; a second import adds nothing', async () => {
    const first = await upload('admin', { fileName: 'C:\\exports\\memory.tmx', tmx });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      added: 2,
      unchanged: 0,
      skipped: 0,
      notes: [
        '2 translation units read.',
        `The header says srclang="en", but each unit's Chinese and English were found by its own variants' languages (zh-CN, en).`,
      ],
    });
    expect(await stats()).toEqual({ units: 2, imported: 2 });

    const response = await server.as('translator', '/api/memory/lookup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ source: PAIRS[0][0] }),
    });
    const { matches } = (await response.json()) as MatchesResponse;
    expect(matches.map((match) => [match.score, match.targetText, match.status, match.origin])).toEqual([
      [100, PAIRS[0][1], 'imported', { kind: 'import', file: 'memory.tmx' }],
    ]);

    expect((await upload('admin', { fileName: 'memory.tmx', tmx })).body).toMatchObject({ added: 0, unchanged: 2, skipped: 0 });
    expect(await stats()).toEqual({ units: 2, imported: 2 });
  });

  test('a file Duet does not read is refused with its line and reason, and nothing is stored', async () => {
    const before = await stats();
    const truncated = tmx.slice(0, tmx.indexOf('</tu>'));
    const refused = await upload('admin', { fileName: 'broken.tmx', tmx: truncated });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toEqual({
      code: 'invalid_input',
      message: `the TMX file was not imported, nothing stored: line ${truncated.split('\n').length}: the file is not well-formed XML: unclosed tag: tu`,
    });
    const notTmx = await upload('admin', { fileName: 'page.tmx', tmx: '<html><body></body></html>' });
    expect(notTmx.body.error?.message).toBe('the TMX file was not imported, nothing stored: line 1: the file is not TMX: its root element is <html>');
    expect(await stats()).toEqual(before);
  });

  test('a body that is not the schema’s is a 400; a file over the limit a 413', async () => {
    expect((await upload('admin', { fileName: 'memory.tmx' })).status).toBe(400);
    expect((await upload('admin', { fileName: '', tmx })).status).toBe(400);
    expect((await upload('admin', { fileName: 'memory.tmx', tmx: 42 })).status).toBe(400);
    // Over MAX_TMX_BYTES in UTF-8 though not in characters: readTmx's own limit answers.
    const huge = await upload('admin', { fileName: 'huge.tmx', tmx: '长'.repeat(22 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(huge.body.error?.code).toBe('too_large');
  });

  test('an admin downloads the memory as a TMX file that reads back with its units', async () => {
    const response = await server.as('admin', '/api/memory/tmx');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-tmx+xml; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="duet-memory.tmx"');
    const text = await response.text();
    expect(text).toMatch(/creationtool="Duet" creationtoolversion="\d+\.\d+\.\d+"/);
    const reading = readTmx(text);
    expect(reading.units.map((unit) => [unit.source.textContent, unit.target.textContent, unit.props])).toEqual(
      PAIRS.map(([zh, en]) => [zh, en, { 'x-duet-status': 'imported' }]),
    );
  });
});
