/**
 * Pre-translation and analysis through the real server: the memory fills an
 * article's untranslated segments in one step that a connected translator
 * sees live, a source imported through the API arrives with its exact
 * matches in, and the analysis counts the article's segments by match band.
 * Real server, real SQLite file, real websocket client.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { readSegment, segmentIds, setSide } from '../../shared/article/article';
import { memoryMatchOf } from '../../shared/article/memory-match';
import type { ArticleAnalysis, PretranslateSummary } from '../../shared/protocol/memory-api';
import { sideText } from '../../shared/qa/side-content';
import { doc, p, strong } from '../../shared/testing/builders';
import { importSourceArticle, loadArticleDoc } from '../articles/article-service';
import { openDataFolder } from '../store/data-dir';
import { ProtocolClient, waitFor } from '../testing/protocol-client';
import { startTestServer, type TestServer } from '../testing/test-server';
import { SqliteTranslationMemory } from './sqlite-memory';

const UNITS: [string, ReturnType<typeof doc>][] = [
  ['阿里巴巴达摩院今天发布了新的研究成果。', doc(p('Alibaba ', strong('DAMO Academy'), ' released new research today.'))],
  ['这项研究由三个实验室共同完成。', doc(p('The research was done by three labs together.'))],
  ['这篇文章的作者是一位老师。', doc(p('The author of this article is a teacher.'))],
];

let server: TestServer;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function importChinese(paragraphs: string[]): Promise<string> {
  const folder = openDataFolder(server.dataDir);
  try {
    return await importSourceArticle(folder.articles, { bytes: new TextEncoder().encode(paragraphs.join('\n\n')), filename: 'source.txt' });
  } finally {
    folder.close();
  }
}

async function api<T>(role: 'translator' | 'reviewer' | 'admin', method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${server.accounts[role].token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

beforeAll(async () => {
  server = await startTestServer();
  // The memory as a TMX import leaves it (a second connection to the server's database, as the CLI opens it).
  const folder = openDataFolder(server.dataDir);
  new SqliteTranslationMemory(folder.db).importUnits(
    UNITS.map(([source, target]) => ({ source: doc(p(source)), target, author: 'earlier', createdAt: 1, changedAt: 1, usedCount: 0 })),
    'earlier.tmx',
    Date.now(),
  );
  folder.close();
});
afterAll(() => server?.close());

const ARTICLE = [
  '阿里巴巴达摩院今天发布了新的研究成果。', // exact
  '这项研究由四个实验室共同完成。', // one number changed in 15 tokens: 93 %, the number substituted
  '阿里巴巴达摩院今天发布了新的研究成果。', // exact again (a repetition)
  '我的朋友昨晚在北京看了一场很长的电影。', // nothing
  '这篇文章的作者是一位老师。', // exact, but someone is typing in it
];

describe('pre-translation', () => {
  test('fills every untranslated segment with an exact match as draft, live, and leaves alone one a translator began', async () => {
    const id = await importChinese(ARTICLE);
    const translator = new ProtocolClient({ baseUrl: server.baseUrl, articleId: id, token: server.accounts.translator.token });
    cleanups.push(() => translator.destroy());
    await waitFor(() => translator.synced, 10_000, 'the translator to sync');
    const ids = segmentIds(translator.doc);
    // She is typing in the last one: it is hers, not the memory's.
    setSide(translator.doc, ids[4]!, 'target', doc(p('The writer')), 'translator');
    await waitFor(() => translator.allSaved, 10_000, 'her typing saved');

    const exact = await api<PretranslateSummary>('translator', 'POST', `/api/articles/${id}/pretranslate`, {});
    expect(exact).toEqual({ status: 200, body: { considered: 4, filled: 2 } });
    // Live: the connected translator has them without reloading.
    await waitFor(() => readSegment(translator.doc, ids[2]!).status === 'draft', 10_000, 'the fills to arrive');
    for (const index of [0, 2]) {
      const segment = readSegment(translator.doc, ids[index]!);
      expect(segment.target.eq(UNITS[0]![1])).toBe(true);
      expect(segment.status).toBe('draft');
      expect(memoryMatchOf(translator.doc, ids[index]!)).toMatchObject({ score: 100 });
    }
    expect(readSegment(translator.doc, ids[1]!).status).toBe('untranslated');
    expect(sideText(readSegment(translator.doc, ids[4]!).target)).toBe('The writer');

    // A lower threshold fills the fuzzy one too; what is filled already is not filled again.
    const fuzzy = await api<PretranslateSummary>('translator', 'POST', `/api/articles/${id}/pretranslate`, { threshold: 90 });
    expect(fuzzy.body).toEqual({ considered: 2, filled: 1 });
    await waitFor(() => readSegment(translator.doc, ids[1]!).status === 'draft', 10_000, 'the fuzzy fill');
    // It differs only in a number: the English comes with the number changed.
    expect(sideText(readSegment(translator.doc, ids[1]!).target)).toBe('The research was done by four labs together.');
    expect(memoryMatchOf(translator.doc, ids[1]!)?.score).toBe(93);
    expect(readSegment(translator.doc, ids[3]!).status).toBe('untranslated');
  });

  test('only for whoever may write targets; unknown articles and thresholds below the memory’s are refused', async () => {
    const id = await importChinese(ARTICLE.slice(0, 1));
    expect((await api('reviewer', 'POST', `/api/articles/${id}/pretranslate`, {})).status).toBe(403);
    expect((await api('translator', 'POST', '/api/articles/nope/pretranslate', {})).status).toBe(404);
    expect((await api('translator', 'POST', `/api/articles/${id}/pretranslate`, { threshold: 40 })).status).toBe(400);
    const folder = openDataFolder(server.dataDir);
    expect(readSegment(loadArticleDoc(folder.articles, id), segmentIds(loadArticleDoc(folder.articles, id))[0]!).status).toBe('untranslated');
    folder.close();
  });

  test('a source imported through the API arrives with its exact matches in, as draft', async () => {
    const imported = await api<{ id: string }>('translator', 'POST', '/api/articles/import', {
      content: ARTICLE.slice(0, 2).join('\n\n'),
      filename: 'new.txt',
    });
    expect(imported.status).toBe(201);
    const folder = openDataFolder(server.dataDir);
    const article = loadArticleDoc(folder.articles, imported.body.id);
    folder.close();
    const [first, second] = segmentIds(article).map((segmentId) => readSegment(article, segmentId));
    expect(first!.status).toBe('draft');
    expect(first!.target.eq(UNITS[0]![1])).toBe(true);
    expect(second!.status).toBe('untranslated');

    // Unless asked not to.
    const plain = await api<{ id: string }>('translator', 'POST', '/api/articles/import', { content: ARTICLE[0], filename: 'new.txt', pretranslate: false });
    const reopened = openDataFolder(server.dataDir);
    const untouched = loadArticleDoc(reopened.articles, plain.body.id);
    reopened.close();
    expect(readSegment(untouched, segmentIds(untouched)[0]!).status).toBe('untranslated');
  });
});

describe('analysis', () => {
  test('counts segments, Chinese characters and expected words per match band', async () => {
    const id = await importChinese(ARTICLE);
    const { status, body } = await api<ArticleAnalysis>('reviewer', 'GET', `/api/articles/${id}/analysis`);
    expect(status).toBe(200);
    const bands = Object.fromEntries(body.bands.map((band) => [band.band, band.segments]));
    expect(bands).toEqual({ '101': 0, repetitions: 1, '100': 2, '95-99': 0, '85-94': 1, '75-84': 0, none: 1 });
    const characters = ARTICLE.join('').match(/\p{Script=Han}/gu)!.length;
    expect(body.total).toEqual({ segments: 5, characters, words: body.bands.reduce((sum, band) => sum + band.words, 0) });
    expect(body.bands.find((band) => band.band === 'none')!.characters).toBe(18);
  });
});
