/**
 * GET and POST /api/articles/:id/xliff on a real server with a real SQLite
 * data folder; the empty targets come from a real peer, translate-toolkit.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readArticle } from '../../shared/article/article';
import type { ArticleJson } from '../../shared/protocol/api';
import type { Role } from '../../shared/protocol/roles';
import { MAX_XLIFF_BYTES } from '../../shared/xliff/read-xliff';
import { segmentsFromXliff } from '../../shared/xliff/rebuild-xliff';
import { ProtocolClient, waitFor } from '../testing/protocol-client';
import { pomerge, translatePoEntry, xliffToPo } from '../testing/translate-toolkit';
import { startTestServer, type TestServer } from '../testing/test-server';
import type { XliffImportSummary as XliffImportResponse } from '../../shared/protocol/xliff-api';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const POST = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

/** A new article of three untranslated Chinese paragraphs (or of `content` in `format`); returns its id. */
async function newArticle(content = '第一段：<b>粗体</b>与“引号”。\n\n第二段。\n\n第三段。\n', format = 'text'): Promise<string> {
  // A fresh article for each story: earlier stories' confirmed segments are in the memory, and must not fill this one.
  const res = await server.as('admin', '/api/articles/import', POST({ content, format, title: 'A <Test> & "Title"', pretranslate: false }));
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const show = async (id: string) => (await (await server.as('viewer', `/api/articles/${id}`)).json()) as ArticleJson;
const download = async (id: string, role: Role = 'viewer') => (await server.as(role, `/api/articles/${id}/xliff`)).text();
const upload = (id: string, role: Role, content: unknown, extra: Record<string, unknown> = {}) =>
  server.as(role, `/api/articles/${id}/xliff`, POST({ content, ...extra }));

/** Give a unit a target, as a CAT tool would (an untranslated unit has none yet). */
function fillUnit(xliff: string, id: string, target: string, state?: string): string {
  return xliff.replace(
    new RegExp(`(<trans-unit id="${id}"[\\s\\S]*?</source>)(\\s*<target[^>]*>[\\s\\S]*?</target>)?`),
    (_all, head: string) => `${head}\n        <target xml:lang="en"${state ? ` state="${state}"` : ''}>${target}</target>`,
  );
}

describe('GET /api/articles/:id/xliff', () => {
  test('downloads the article as XLIFF 1.2, one trans-unit per segment', async () => {
    const id = await newArticle();
    const res = await server.as('viewer', `/api/articles/${id}/xliff`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-xliff+xml; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="a-test-title.xlf"');
    const xliff = await res.text();
    expect(xliff).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<xliff version="1\.2" xmlns="urn:oasis:names:tc:xliff:document:1\.2"/);
    expect(xliff).toContain(`duet:article="${id}"`);
    const article = await show(id);
    expect(segmentsFromXliff(xliff).segments.map((segment) => segment.id)).toEqual(article.segments.map((segment) => segment.id));
    expect(xliff).toContain('<source xml:lang="zh-CN">第一段：&lt;b&gt;粗体&lt;/b&gt;与“引号”。</source>');
  });

  test('an unknown article is 404, and signing in is required', async () => {
    expect((await server.as('viewer', '/api/articles/nope/xliff')).status).toBe(404);
    expect((await fetch(`${server.baseUrl}/api/articles/nope/xliff`)).status).toBe(401);
  });
});

describe('POST /api/articles/:id/xliff', () => {
  test("applies a translator's file and everyone with the article open sees it live", async () => {
    const id = await newArticle();
    const [first, second] = (await show(id)).segments.map((segment) => segment.id);
    const reader = new ProtocolClient({ baseUrl: server.baseUrl, articleId: id, token: server.accounts.viewer.token });
    try {
      await waitFor(() => reader.synced);
      let xliff = await download(id);
      xliff = fillUnit(xliff, first!, 'First: &lt;b&gt;bold&lt;/b&gt; and “quotes”.');
      xliff = fillUnit(xliff, second!, 'Second, roughly', 'needs-review-translation');
      const res = await upload(id, 'translator', xliff);
      expect(res.status).toBe(200);
      expect((await res.json()) as XliffImportResponse).toEqual({
        updated: 2,
        targets: 2,
        statuses: 2,
        unchanged: 0,
        skipped: [expect.objectContaining({ reason: 'no target' })],
        erasures: [],
        dryRun: false,
      });

      const article = await show(id);
      expect(article.segments.map((segment) => [segment.target.text, segment.status])).toEqual([
        ['First: <b>bold</b> and “quotes”.', 'translated'],
        ['Second, roughly', 'draft'],
        ['', 'untranslated'],
      ]);
      await waitFor(() => readArticle(reader.doc).segments[1]?.status === 'draft', 10_000, 'the import to reach an open editor');
      expect(readArticle(reader.doc).segments[0]!.changedBy).toBe('translator');
    } finally {
      reader.destroy();
    }
  });

  test('reviewers and viewers may not import', async () => {
    const id = await newArticle();
    const first = (await show(id)).segments[0]!.id;
    const xliff = fillUnit(await download(id), first, 'Sneaky', 'translated');
    const before = await show(id);
    for (const role of ['reviewer', 'viewer'] as const) {
      const res = await upload(id, role, xliff);
      expect(res.status).toBe(403);
      expect((await errorOf(res)).code).toBe('forbidden');
    }
    expect(await show(id)).toEqual(before);
  });

  test('a translator may not approve through a file; an admin may', async () => {
    const id = await newArticle();
    const first = (await show(id)).segments[0]!.id;
    const xliff = fillUnit(await download(id), first, 'Approved text', 'final');
    const refused = await upload(id, 'translator', xliff);
    expect(refused.status).toBe(422);
    expect((await errorOf(refused)).message).toMatch(/a translator may not set a segment to approved/);
    expect((await show(id)).segments[0]!.status).toBe('untranslated');
    expect((await upload(id, 'admin', xliff)).status).toBe(200);
    expect((await show(id)).segments[0]!.status).toBe('approved');
  });

  test('a conflict is 409 and changes nothing; with overwrite the file wins', async () => {
    const id = await newArticle();
    const first = (await show(id)).segments[0]!.id;
    const exported = await download(id);
    expect((await upload(id, 'translator', fillUnit(exported, first, 'Written in Duet', 'translated'))).status).toBe(200);
    const fromTool = fillUnit(exported, first, 'Written in the tool', 'translated');
    const conflict = await upload(id, 'translator', fromTool);
    expect(conflict.status).toBe(409);
    expect((await errorOf(conflict)).message).toMatch(/changed both in Duet and in the file/);
    expect((await show(id)).segments[0]!.target.text).toBe('Written in Duet');
    expect((await upload(id, 'translator', fromTool, { overwrite: true })).status).toBe(200);
    expect((await show(id)).segments[0]!.target.text).toBe('Written in the tool');
  });

  const refusals: [string, (xliff: string, id: string) => unknown, number, string, RegExp][] = [
    ['malformed XML', (x) => x.replace('</body>', ''), 422, 'invalid_input', /not well-formed XML/],
    [
      'XLIFF 2.0',
      (x) => x.replace('version="1.2"', 'version="2.0"'),
      422,
      'invalid_input',
      /XLIFF 2\.0; Duet reads XLIFF 1\.1 and 1\.2 \(export XLIFF 1\.2 from your tool\)/,
    ],
    ['XLIFF 1.0', (x) => x.replace('version="1.2"', 'version="1.0"'), 422, 'invalid_input', /the file is XLIFF 1\.0; Duet reads XLIFF 1\.1 and 1\.2$/],
    [
      'an unknown trans-unit id',
      (x) => fillUnit(x, '[a-z0-9]+', 'text').replace(/<trans-unit id="[a-z0-9]+"/, '<trans-unit id="ghost"'),
      422,
      'invalid_input',
      /trans-unit "ghost".*no segment with this id/,
    ],
    ["another article's file", (x) => x.replace(/duet:article="[^"]*"/, 'duet:article="elsewhere"'), 422, 'invalid_input', /exported from article "elsewhere"/],
    ['a file over the limit', (x) => x.replace('</xliff>', `<!--${'x'.repeat(MAX_XLIFF_BYTES)}--></xliff>`), 413, 'too_large', /over the limit/],
    ['no content', () => undefined, 400, 'bad_request', /"content" is required/],
    ['content that is not a string', () => 42, 400, 'bad_request', /"content" must be a string/],
  ];

  test.each(refusals)('refuses %s, changing nothing', async (_name, corrupt, status, code, message) => {
    const id = await newArticle();
    const first = (await show(id)).segments[0]!.id;
    // Every refused file also holds a valid change, which must not be applied either.
    const content = corrupt(fillUnit(await download(id), first, 'A valid change', 'translated'), id);
    const before = await show(id);
    const res = await upload(id, 'admin', content);
    expect(res.status).toBe(status);
    const error = await errorOf(res);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(await show(id)).toEqual(before);
  });

  test('"overwrite" and "dryRun" must be booleans, and an unknown article is 404', async () => {
    const id = await newArticle();
    expect((await upload(id, 'translator', await download(id), { overwrite: 'yes' })).status).toBe(400);
    const dryRun = await upload(id, 'translator', await download(id), { dryRun: 1 });
    expect(dryRun.status).toBe(400);
    expect((await errorOf(dryRun)).message).toBe('"dryRun" must be true or false');
    expect((await upload('nope', 'translator', '<xliff/>')).status).toBe(404);
  });

  describe('empty targets, as translate-toolkit writes them', () => {
    const FIGURES = [
      '<p>见<a href="https://a.cn/">官网</a>。</p>',
      ...[1, 2, 3].map((n) => `<figure><img src="https://a.cn/${n}.jpg" alt="图${n}"><figcaption>图${n}：病房</figcaption></figure>`),
    ].join('\n');

    test('three figures merged back untranslated stay untranslated, with no caption made up', async () => {
      const id = await newArticle(FIGURES, 'html');
      const exported = await download(id);
      // Nothing translated in the PO: pomerge writes an empty <target></target> into every unit.
      const merged = pomerge(exported, xliffToPo(exported));
      expect(merged.match(/<target><\/target>/g)).toHaveLength(4);
      const before = await show(id);
      const res = await upload(id, 'translator', merged);
      expect(res.status).toBe(200);
      const summary = (await res.json()) as XliffImportResponse;
      expect(summary).toMatchObject({ updated: 0, targets: 0, statuses: 0, erasures: [] });
      expect(summary.skipped.map((unit) => unit.reason)).toEqual(Array(4).fill('empty target: not translated'));
      expect(await show(id)).toEqual(before);
      expect(before.segments.map((segment) => segment.status)).toEqual(Array(4).fill('untranslated'));
    });

    test('an empty target that would erase a translation is reported and kept; with overwrite and a state the tool set, it erases, live', async () => {
      const id = await newArticle();
      const [first, second] = (await show(id)).segments.map((segment) => segment.id);
      const old = await download(id);
      expect((await upload(id, 'translator', fillUnit(old, first!, 'Translated in Duet', 'translated'))).status).toBe(200);
      const merged = pomerge(await download(id), translatePoEntry(xliffToPo(old), second!, 'Second, from the PO'));

      const kept = await upload(id, 'translator', merged, { overwrite: true });
      expect(kept.status).toBe(200);
      expect(((await kept.json()) as XliffImportResponse).erasures).toEqual([{ unit: first, segment: first, text: 'Translated in Duet', erased: false }]);
      expect((await show(id)).segments.map((segment) => [segment.target.text, segment.status])).toEqual([
        ['Translated in Duet', 'translated'],
        ['Second, from the PO', 'translated'],
        ['', 'untranslated'],
      ]);

      // A reviewer in the other tool signs the empty target off: the file now says the empty target is meant.
      const confirmed = merged.replace(
        new RegExp(`(<trans-unit id="${first}"[\\s\\S]*?<target xml:lang="en" state=)"translated"></target>`),
        '$1"signed-off"></target>',
      );
      expect(confirmed).not.toBe(merged);
      const withoutOverwrite = await upload(id, 'translator', confirmed);
      expect(((await withoutOverwrite.json()) as XliffImportResponse).erasures).toEqual([expect.objectContaining({ unit: first, erased: false })]);
      expect((await show(id)).segments[0]!.target.text).toBe('Translated in Duet');

      const reader = new ProtocolClient({ baseUrl: server.baseUrl, articleId: id, token: server.accounts.viewer.token });
      try {
        await waitFor(() => reader.synced);
        const dryRun = await upload(id, 'translator', confirmed, { overwrite: true, dryRun: true });
        expect((await dryRun.json()) as XliffImportResponse).toMatchObject({
          dryRun: true,
          updated: 1,
          erasures: [{ unit: first, text: 'Translated in Duet', erased: true }],
        });
        expect((await show(id)).segments[0]!.target.text).toBe('Translated in Duet');

        const erased = await upload(id, 'translator', confirmed, { overwrite: true });
        expect((await erased.json()) as XliffImportResponse).toMatchObject({
          dryRun: false,
          updated: 1,
          targets: 1,
          statuses: 1,
          erasures: [{ unit: first, erased: true }],
        });
        expect((await show(id)).segments[0]).toMatchObject({ status: 'untranslated', target: { text: '' } });
        await waitFor(() => readArticle(reader.doc).segments[0]?.status === 'untranslated', 10_000, 'the erasure to reach an open editor');
      } finally {
        reader.destroy();
      }
    });
  });
});
