/** GET /api/articles/:id/preview and /bilingual on a real server with a real SQLite data folder. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import type { Element } from 'hast';
import { startTestServer, type TestServer } from '../testing/test-server';
import { HAVE_FIXTURES, NO_FIXTURES_REASON, readFixture, SEED_ARTICLE } from '../../shared/testing/fixtures';
import type { ArticlePreview } from '../../shared/export/preview-html';
import { downloadName } from './export-routes';
import { createArticle } from '../../shared/article/article';
import { newId } from '../../shared/article/ids';
import { doc, fig } from '../../shared/testing/builders';
import { openDataFolder } from '../store/data-dir';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const HOSTILE = [
  '---',
  'title: "Tricky <script>alert(1)</script>"',
  'date: 2024-05-01',
  '---',
  '',
  'Fine text.',
  '',
  '<img src="x" onerror="alert(1)">',
  '',
  '<a href="javascript:alert(2)" target="_blank">click</a>',
  '',
].join('\n');

const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

describe.skipIf(!HAVE_FIXTURES)(`the seed article (${HAVE_FIXTURES ? 'present' : NO_FIXTURES_REASON})`, () => {
  let id: string;
  beforeAll(() => {
    id = server.importArticle(readFixture(SEED_ARTICLE));
  });

  test('previews as the exported Markdown and its HTML, figures and links included', async () => {
    const res = await server.as('viewer', `/api/articles/${id}/preview`);
    expect(res.status).toBe(200);
    const preview = (await res.json()) as ArticlePreview;
    expect(preview.markdown).toBe(readFixture(SEED_ARTICLE));
    const tree = fromHtml(preview.html, { fragment: true });
    expect(selectAll('header.post-header h1', tree)).toHaveLength(1);
    expect((selectAll('figure img', tree) as Element[]).map((img) => img.properties.alt)).toEqual(
      expect.arrayContaining(['isolation ward', 'sleeping radiologist', 'CT container']),
    );
    expect((selectAll('a[target="_blank"]', tree) as Element[])[0]?.properties.href).toBe('https://www.zhihu.com/question/372335557');
  });

  test('gives the bilingual copy as an HTML download with a row per segment', async () => {
    const [article, res] = await Promise.all([
      server.as('viewer', `/api/articles/${id}`).then((r) => r.json() as Promise<{ segments: unknown[] }>),
      server.as('viewer', `/api/articles/${id}/bilingual`),
    ]);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="how-to-view-ali-damo-academy-s-covid-19-ct-scan-ai-diagnosis-bilingual.html"');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const rows = selectAll('table.segments tbody tr', fromHtml(await res.text()));
    expect(rows).toHaveLength(article.segments.length);
  });

  test('gives the Markdown copy with ?format=md', async () => {
    const res = await server.as('reviewer', `/api/articles/${id}/bilingual?format=md`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/-bilingual\.md"$/);
    expect(await res.text()).toMatch(/^# How to View Ali Damo Academy's/);
  });
});

describe('images in the preview', () => {
  const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

  test('an image stored with the article shows; an address naming no stored image is marked missing', async () => {
    const id = newId();
    const stored = `/api/articles/${id}/media/${createHash('sha256').update(PNG).digest('hex')}.png`;
    const unknown = `/api/articles/${id}/media/${'0'.repeat(64)}.png`;
    const ydoc = new Y.Doc();
    createArticle(ydoc, { segments: [{ target: doc(fig(stored, 'stored')) }, { target: doc(fig(unknown, 'unknown')) }] });
    const folder = openDataFolder(server.dataDir);
    try {
      folder.articles.create(id, Y.encodeStateAsUpdate(ydoc));
    } finally {
      folder.close();
    }
    const upload = await server.as('translator', `/api/articles/${id}/media?filename=a.png`, {
      method: 'POST',
      headers: { 'content-type': 'image/png' },
      body: PNG,
    });
    expect(upload.status).toBe(201);
    const preview = (await (await server.as('viewer', `/api/articles/${id}/preview`)).json()) as ArticlePreview;
    const images = (selectAll('img', fromHtml(preview.html, { fragment: true })) as Element[]).map((img) => [
      img.properties.alt,
      img.properties.src,
      img.properties.className ?? null,
    ]);
    expect(images).toEqual([
      ['stored', stored, null],
      ['unknown', unknown, ['preview-missing-image']],
    ]);
  });
});

describe('hostile content', () => {
  test('stays inert in the preview and in the bilingual copy', async () => {
    const id = server.importArticle(HOSTILE);
    const preview = (await (await server.as('translator', `/api/articles/${id}/preview`)).json()) as ArticlePreview;
    const bilingual = await (await server.as('translator', `/api/articles/${id}/bilingual`)).text();
    for (const html of [preview.html, bilingual]) {
      const tree = fromHtml(html);
      expect(selectAll('script', tree)).toEqual([]);
      const attributes = (selectAll('*', tree) as Element[]).flatMap((node) =>
        Object.entries(node.properties).map(([name, value]) => `${name}=${String(value)}`),
      );
      expect(attributes.filter((entry) => /^on|javascript:/i.test(entry))).toEqual([]);
    }
    expect(preview.html).toContain('Fine text.');
  });
});

describe('refusals', () => {
  test('an unknown article is not found', async () => {
    for (const path of ['/api/articles/nope/preview', '/api/articles/nope/bilingual']) {
      const res = await server.as('viewer', path);
      expect(res.status).toBe(404);
      expect(await errorCode(res)).toBe('not_found');
    }
  });

  test('an unknown format is a bad request', async () => {
    const id = server.importArticle('Text.\n');
    const res = await server.as('viewer', `/api/articles/${id}/bilingual?format=docx`);
    expect(res.status).toBe(400);
    expect(await errorCode(res)).toBe('bad_request');
  });

  test('signing in is required', async () => {
    const id = server.importArticle('Text.\n');
    for (const path of [`/api/articles/${id}/preview`, `/api/articles/${id}/bilingual`]) {
      const res = await fetch(`${server.baseUrl}${path}`);
      expect(res.status).toBe(401);
    }
  });
});

describe('downloadName', () => {
  test.each([
    ['How to View Ali’s AI?', 'abc', 'how-to-view-ali-s-ai-bilingual.html'],
    ['如何看待', 'abc123', 'abc123-bilingual.html'],
    ['', '../etc', 'etc-bilingual.html'],
    ['Café "quoted"\r\nname', 'x', 'cafe-quoted-name-bilingual.html'],
  ])('%j (id %s) → %s', (title, id, name) => expect(downloadName(title, id, '-bilingual.html')).toBe(name));
});
