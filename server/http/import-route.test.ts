/** POST /api/articles/import on a real server with a real SQLite data folder: preview, create, roles and refusals. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '../testing/test-server';
import { FIXTURES, HAVE_FIXTURES, NO_FIXTURES_REASON } from '../../shared/testing/fixtures';
import { wordDocument } from '../../shared/import/testdata/word-document';
import { MAX_IMPORT_BYTES } from '../../shared/import/text-file';
import type { SourcePreview } from '../../shared/import/import-source';
import type { ArticleJson } from '../../shared/protocol/api';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const POST = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const importAs = (role: 'admin' | 'translator' | 'reviewer' | 'viewer', body: unknown) => server.as(role, '/api/articles/import', POST(body));
const articleCount = async () => ((await (await server.as('viewer', '/api/articles')).json()) as { articles: unknown[] }).articles.length;
const ZHIHU = join(FIXTURES, 'sources', 'zhihu-372335557.html');

describe.skipIf(!HAVE_FIXTURES)(`the Zhihu paste (${HAVE_FIXTURES ? 'present' : NO_FIXTURES_REASON})`, () => {
  test('previews as 43 segments with its metadata, storing nothing', async () => {
    const before = await articleCount();
    const res = await importAs('translator', { content: readFileSync(ZHIHU, 'utf8'), preview: true, sourceUrl: 'https://www.zhihu.com/question/372335557' });
    expect(res.status).toBe(200);
    const preview = (await res.json()) as SourcePreview;
    expect(preview.format).toBe('html');
    expect(preview.meta).toEqual({
      sourceTitle: '如何看待阿里达摩院研发的新冠肺炎 CT 影像 AI 诊断技术，平均识别不到 20 秒准确率达 96%？',
      sourceUrl: 'https://www.zhihu.com/question/372335557',
    });
    expect(preview.segments).toHaveLength(43);
    expect(preview.segments[12]).toMatchObject({
      type: 'figure',
      text: '来自隔离病房里一部污染手机的珍贵照片',
      block: { attrs: { src: 'https://pic1.zhimg.com/v2-5c1e0a7d3f2b9e8a4c6d0f1a2b3c4d5e_b.jpg' } },
    });
    expect(await articleCount()).toBe(before);
  });

  test('creates the article: 201 with its id, then the segments are there', async () => {
    const res = await importAs('translator', { content: readFileSync(ZHIHU, 'utf8'), filename: 'zhihu.html', title: 'How to view Ali DAMO AI' });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const article = (await (await server.as('viewer', `/api/articles/${id}`)).json()) as ArticleJson;
    expect(article.meta.frontMatter).toEqual({ title: 'How to view Ali DAMO AI' });
    expect(article.meta.sourceTitle).toMatch(/^如何看待阿里达摩院/);
    expect(article.segments).toHaveLength(43);
    expect(article.segments.every((segment) => segment.status === 'untranslated' && segment.target.text === '')).toBe(true);
  });
});

describe('POST /api/articles/import', () => {
  test('imports a Word document sent as base64', async () => {
    const contentBase64 = Buffer.from(await wordDocument()).toString('base64');
    const preview = (await (await importAs('admin', { contentBase64, filename: 'report.docx', preview: true })).json()) as SourcePreview;
    expect(preview.format).toBe('docx');
    expect(preview.segments.map((segment) => segment.type)).toEqual([
      'heading',
      'heading',
      'paragraph',
      'list_item',
      'list_item',
      'list_item',
      'list_item',
      'figure',
    ]);
    const created = await importAs('admin', {
      contentBase64: `data:application/vnd.openxmlformats-officedocument.wordprocessingml.document;base64,${contentBase64}`,
    });
    expect(created.status).toBe(201);
  });

  test('takes the format the user chose over detection', async () => {
    const preview = (await (await importAs('translator', { content: '见[官网](https://a.cn/)。', format: 'text', preview: true })).json()) as SourcePreview;
    expect(preview.segments).toEqual([
      { type: 'paragraph', text: '见[官网](https://a.cn/)。', block: { type: 'paragraph', content: [{ type: 'text', text: '见[官网](https://a.cn/)。' }] } },
    ]);
  });

  test('splits long paragraphs into sentences when asked', async () => {
    const sentences = [
      '以我院为例，800 张新冠病床，如果一周做三次 CT，就是 2400 人次。',
      '再加上其他临床检查，放射科平均每天要接待 400 人次，即使分三班，每班也要超过 100 个病人。',
      '这是一个可怕的工作量。',
    ];
    const preview = (await (
      await importAs('translator', { content: sentences.join(''), format: 'text', sentences: true, preview: true })
    ).json()) as SourcePreview;
    expect(preview.segments.map((segment) => segment.text)).toEqual(sentences);
  });

  test('reviewers and viewers may not import, even to preview', async () => {
    for (const role of ['reviewer', 'viewer'] as const) {
      const res = await importAs(role, { content: '正文', preview: true });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    }
  });

  test('signing in is required', async () => {
    const res = await fetch(`${server.baseUrl}/api/articles/import`, POST({ content: '正文' }));
    expect(res.status).toBe(401);
  });

  const refusals: [string, unknown, number, string, RegExp][] = [
    ['neither content nor contentBase64', { filename: 'a.html' }, 400, 'bad_request', /exactly one of "content".*"contentBase64"/],
    ['both content and contentBase64', { content: 'a', contentBase64: 'YQ==' }, 400, 'bad_request', /exactly one of/],
    ['content that is not a string', { content: 42 }, 400, 'bad_request', /"content" must be a string/],
    ['an unknown format', { content: '正文', format: 'pdf' }, 400, 'bad_request', /"format" must be one of html, markdown, text, docx/],
    ['invalid base64', { contentBase64: 'not base64!' }, 400, 'bad_request', /not valid base64/],
    ['preview that is not a boolean', { content: '正文', preview: 'yes' }, 400, 'bad_request', /"preview" must be true or false/],
    ['empty content', { content: '' }, 422, 'invalid_input', /is empty/],
    [
      'HTML that yields no text',
      { content: '<script>alert(1)</script><p hidden>隐藏</p>', filename: 'page.html' },
      422,
      'invalid_input',
      /page\.html has no text to import/,
    ],
    [
      'a binary file',
      { contentBase64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]).toString('base64'), filename: 'photo.png' },
      422,
      'invalid_input',
      /not a text file/,
    ],
    [
      'text that is not UTF-8',
      { contentBase64: Buffer.from([0x3c, 0x70, 0x3e, 0xe9]).toString('base64'), format: 'html' },
      422,
      'invalid_input',
      /not valid UTF-8/,
    ],
    ['a file over the limit', { content: 'a'.repeat(MAX_IMPORT_BYTES + 1), format: 'text' }, 413, 'too_large', /the limit is 5\.0 MiB/],
    ['a source URL that is not an address', { content: '正文', sourceUrl: 'javascript:alert(1)' }, 422, 'invalid_input', /http\(s\) address/],
  ];

  test.each(refusals)('refuses %s, storing nothing', async (_name, body, status, code, message) => {
    const before = await articleCount();
    const res = await importAs('admin', body);
    expect(res.status).toBe(status);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(await articleCount()).toBe(before);
  });
});
