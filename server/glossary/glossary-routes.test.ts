/**
 * The glossary over the API, on a real server and its SQLite file: who may
 * add, propose, accept, change and delete entries; bad input refused with
 * nothing changed; a file imported whole or not at all, by admins only; the
 * export in either format.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { GlossaryEntry, GlossaryImportSummary } from '../../shared/protocol/glossary-api';
import type { Role } from '../../shared/protocol/roles';
import { startTestServer, type TestServer } from '../testing/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

type Answer<T> = { status: number; body: T & { error?: { code: string; message: string } } };

async function call<T>(role: Role, method: string, path: string, body?: unknown): Promise<Answer<T>> {
  const response = await server.as(role, path, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Answer<T>['body'] };
}

const entry = (source: string, english: string) => ({ source, translations: [{ text: english, use: 'preferred' }] });
const all = async () => (await call<{ entries: GlossaryEntry[]; total: number }>('viewer', 'GET', '/api/glossary')).body;

describe('the glossary over the API', () => {
  test('a translator adds an entry for the team; a reviewer proposes one, which only a translator or an admin accepts; a viewer only reads', async () => {
    const added = await call<GlossaryEntry>('translator', 'POST', '/api/glossary', { ...entry('达摩院', 'Alibaba DAMO Academy'), note: 'The site’s choice' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ source: '达摩院', status: 'approved', createdBy: server.accounts.translator.name, note: 'The site’s choice' });

    const proposed = await call<GlossaryEntry>('reviewer', 'POST', '/api/glossary', entry('林楚勉', 'LIN Chumian'));
    expect(proposed.body.status).toBe('proposed');
    expect((await call('reviewer', 'POST', '/api/glossary', { ...entry('人工智能', 'AI'), status: 'approved' })).status).toBe(403);
    // The reviewer revises their own proposal but cannot accept it, nor touch the team's entry.
    expect((await call<GlossaryEntry>('reviewer', 'PUT', `/api/glossary/${proposed.body.id}`, entry('林楚勉', 'Lin Chumian'))).body.translations).toEqual([
      { text: 'Lin Chumian', use: 'preferred' },
    ]);
    expect((await call('reviewer', 'PUT', `/api/glossary/${proposed.body.id}`, { ...entry('林楚勉', 'Lin Chumian'), status: 'approved' })).status).toBe(403);
    expect((await call('reviewer', 'PUT', `/api/glossary/${added.body.id}`, entry('达摩院', 'Damo'))).status).toBe(403);
    expect((await call('reviewer', 'DELETE', `/api/glossary/${added.body.id}`)).status).toBe(403);
    // The translator accepts it, in the site's style.
    const accepted = await call<GlossaryEntry>('translator', 'PUT', `/api/glossary/${proposed.body.id}`, {
      ...entry('林楚勉', 'LIN Chumian'),
      status: 'approved',
    });
    expect(accepted.body).toMatchObject({ status: 'approved', createdBy: server.accounts.reviewer.name, changedBy: server.accounts.translator.name });

    expect((await call('viewer', 'POST', '/api/glossary', entry('人工智能', 'AI'))).status).toBe(403);
    expect((await call('viewer', 'DELETE', `/api/glossary/${added.body.id}`)).status).toBe(403);
    expect((await all()).entries.map((found) => [found.source, found.translations[0]!.text])).toEqual([
      ['林楚勉', 'LIN Chumian'],
      ['达摩院', 'Alibaba DAMO Academy'],
    ]);

    const search = await call<{ entries: GlossaryEntry[] }>('viewer', 'GET', `/api/glossary?q=${encodeURIComponent('damo')}`);
    expect(search.body.entries.map((found) => found.source)).toEqual(['达摩院']);
    expect((await call('admin', 'DELETE', `/api/glossary/${added.body.id}`)).status).toBe(200);
    expect((await call('admin', 'GET', `/api/glossary/${added.body.id}`)).status).toBe(404);
    expect((await call('admin', 'DELETE', `/api/glossary/${added.body.id}`)).status).toBe(404);
    expect((await call('admin', 'DELETE', `/api/glossary/${proposed.body.id}`)).status).toBe(200);
  });

  test.each([
    [{ source: '', translations: [{ text: 'x', use: 'preferred' }] }, 422, 'the Chinese term is empty'],
    [{ source: '达摩院', translations: [] }, 422, 'has no English translation'],
    [
      {
        source: '达摩院',
        translations: [
          { text: 'A', use: 'preferred' },
          { text: 'B', use: 'preferred' },
        ],
      },
      422,
      'only one translation',
    ],
    [{ source: '达摩院', translations: [{ text: 'A', use: 'sometimes' }] }, 400, ''],
    [{ source: '达'.repeat(201), translations: [{ text: 'A', use: 'preferred' }] }, 413, ''],
  ])('refuses %j with %i, storing nothing', async (body, status, message) => {
    const answer = await call('translator', 'POST', '/api/glossary', body);
    expect(answer.status).toBe(status);
    expect(answer.body.error?.message).toContain(message);
    expect((await all()).total).toBe(0);
  });

  test('an admin imports a CSV and a TBX file, whole or not at all; the glossary goes out as TBX or CSV to every member', async () => {
    const csv = { fileName: 'C:\\terms\\team.csv', content: 'chinese,english,use\n达摩院,Alibaba DAMO Academy,preferred\n达摩院,Damo Academy,forbidden\n' };
    expect((await call('translator', 'POST', '/api/glossary/import', csv)).status).toBe(403);
    const imported = await call<GlossaryImportSummary>('admin', 'POST', '/api/glossary/import', csv);
    expect(imported.body).toEqual({ added: 1, merged: 0, unchanged: 0, skipped: 0, notes: [] });

    const broken = { fileName: 'broken.tbx', content: '<martif><text><body><termEntry></body></text></martif>' };
    const refused = await call('admin', 'POST', '/api/glossary/import', broken);
    expect(refused.status).toBe(422);
    expect(refused.body.error?.message).toMatch(/^the TBX file was not imported, nothing stored: line 1: not well-formed XML/);
    expect((await all()).total).toBe(1);

    const tbx = await server.as('reviewer', '/api/glossary/export?format=tbx');
    expect(tbx.headers.get('content-type')).toBe('application/x-tbx; charset=utf-8');
    expect(tbx.headers.get('content-disposition')).toBe('attachment; filename="duet-glossary.tbx"');
    const text = await tbx.text();
    expect(text).toContain('<term>Damo Academy</term>\n            <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>');
    // Imported again, the export changes nothing.
    expect((await call<GlossaryImportSummary>('admin', 'POST', '/api/glossary/import', { fileName: 'again.tbx', content: text })).body).toMatchObject({
      added: 0,
      unchanged: 1,
    });

    const csvOut = await server.as('viewer', '/api/glossary/export?format=csv');
    // Read as bytes: the byte-order mark a spreadsheet needs is what fetch's text() would drop.
    expect(Buffer.from(await csvOut.arrayBuffer()).toString('utf8')).toBe(
      '\uFEFFchinese,english,use,note,case_sensitive\r\n达摩院,Alibaba DAMO Academy,preferred,,\r\n达摩院,Damo Academy,forbidden,,\r\n',
    );
    expect((await server.as('viewer', '/api/glossary/export?format=docx')).status).toBe(400);
  });
});
