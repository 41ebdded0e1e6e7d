/**
 * The translation memory through the real server: a translator confirms a
 * segment over the websocket, the memory learns it after the relay, and any
 * member finds it again by lookup (exact, in context, fuzzy) and by
 * concordance. Real server, real SQLite file, real websocket clients.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { readSegment, segmentIds, setStatus, sideFragment } from '../../shared/article/article';
import { articleTypes, SEGMENT } from '../../shared/article/layout';
import { setMemoryMatch } from '../../shared/article/memory-match';
import type { ConcordanceResponse, MatchesResponse } from '../../shared/protocol/memory-api';
import { importSourceArticle, loadArticleDoc } from '../articles/article-service';
import { openDataFolder } from '../store/data-dir';
import { ProtocolClient, waitFor, waitForAsync } from '../testing/protocol-client';
import { startTestServer, type TestServer } from '../testing/test-server';

const SOURCE = ['阿里巴巴达摩院今天发布了新的研究成果。', '这项研究由三个实验室共同完成。', '去年公司营收3亿元。', '今天天气很好，我们去公园散步吧。'].join(
  '\n\n',
);
const TARGETS = [
  'Alibaba DAMO Academy released new research today.',
  'The research was done by three labs together.',
  'Last year the company had revenue of 300 million yuan.',
];

let server: TestServer;
let articleId: string;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function importChinese(text: string, title: string): Promise<string> {
  const folder = openDataFolder(server.dataDir);
  return importSourceArticle(folder.articles, { bytes: new TextEncoder().encode(text), filename: 'source.txt', title }).finally(() => folder.close());
}

async function connect(role: 'translator' | 'reviewer' | 'admin', id: string): Promise<ProtocolClient> {
  const client = new ProtocolClient({ baseUrl: server.baseUrl, articleId: id, token: server.accounts[role].token });
  cleanups.push(() => client.destroy());
  await waitFor(() => client.synced, 10_000, `${role} to sync`);
  return client;
}

async function api<T>(
  role: 'translator' | 'reviewer' | 'admin' | 'viewer',
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${server.accounts[role].token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

const lookup = (body: unknown, role: 'translator' | 'reviewer' | 'viewer' = 'translator') => api<MatchesResponse>(role, 'POST', '/api/memory/lookup', body);

/** Type a translation into a segment's empty target and confirm it. */
function translate(doc: Y.Doc, id: string, english: string, status: 'translated' | 'approved' = 'translated'): void {
  doc.transact(() => {
    const paragraph = sideFragment(doc, id, 'target').get(0) as Y.XmlElement;
    paragraph.insert(0, [new Y.XmlText(english)]);
    setStatus(doc, id, status, 'translator');
  });
}

beforeAll(async () => {
  server = await startTestServer();
  articleId = await importChinese(SOURCE, 'Damo article');
  const translator = new ProtocolClient({ baseUrl: server.baseUrl, articleId, token: server.accounts.translator.token });
  await waitFor(() => translator.synced, 10_000, 'the translator to sync');
  const ids = segmentIds(translator.doc);
  TARGETS.forEach((english, i) => translate(translator.doc, ids[i]!, english));
  await waitFor(() => translator.allSaved, 10_000, 'the translations to be saved');
  translator.destroy();
  // Derived after the relay: the memory has them once the derivation ran.
  await waitForAsync(
    async () => (await api<{ units: number }>('translator', 'GET', '/api/memory')).body.units === 3,
    10_000,
    'the memory to learn three units',
  );
});
afterAll(() => server?.close());

describe('the memory learns confirmed segments and offers them again', () => {
  test('an exact source is a 100 % match with its target, its author and its article', async () => {
    const { status, body } = await lookup({ source: '阿里巴巴达摩院今天发布了新的研究成果。' });
    expect(status).toBe(200);
    expect(body.matches).toHaveLength(1);
    const [match] = body.matches;
    expect(match).toMatchObject({ score: 100, targetText: TARGETS[0], status: 'translated', author: 'translator', numbersSubstituted: false });
    expect(match!.origin).toMatchObject({ kind: 'article', articleId, articleTitle: 'Damo article' });
    expect(match!.sourceDiff).toEqual([{ kind: 'same', text: '阿里巴巴达摩院今天发布了新的研究成果。' }]);
  });

  test('with the same neighbouring sources it is 101 % in context; full-width forms still match', async () => {
    const inContext = await lookup({
      source: '这项研究由三个实验室共同完成。',
      before: '阿里巴巴达摩院今天发布了新的研究成果。',
      after: '去年公司营收3亿元。',
    });
    expect(inContext.body.matches[0]?.score).toBe(101);
    const otherContext = await lookup({ source: '这项研究由三个实验室共同完成。', before: '别的句子。', after: null });
    expect(otherContext.body.matches[0]?.score).toBe(100);
    const fullWidth = await lookup({ source: '去年公司营收３亿元。' });
    expect(fullWidth.body.matches[0]?.score).toBe(100);
  });

  test('one character changed scores at least 90 % and ranks first, with the difference shown', async () => {
    const { body } = await lookup({ source: '阿里巴巴达摩院昨天发布了新的研究成果。' });
    expect(body.matches[0]?.score).toBeGreaterThanOrEqual(90);
    expect(body.matches[0]?.score).toBeLessThan(100);
    expect(body.matches[0]?.targetText).toBe(TARGETS[0]);
    const diff = body.matches[0]!.sourceDiff;
    expect(
      diff
        .filter((part) => part.kind === 'added')
        .map((part) => part.text)
        .join(''),
    ).toBe('今');
    expect(
      diff
        .filter((part) => part.kind === 'removed')
        .map((part) => part.text)
        .join(''),
    ).toBe('昨');
  });

  test('a source that differs only in a number is offered with the number written into the English', async () => {
    const { body } = await lookup({ source: '去年公司营收5亿元。' });
    expect(body.matches[0]).toMatchObject({ numbersSubstituted: true, targetText: 'Last year the company had revenue of 500 million yuan.' });
  });

  test('an unrelated sentence of the same length offers nothing at 70 %', async () => {
    const { body } = await lookup({ source: '我的朋友昨晚在北京看了一场很长的电影。' });
    expect(body.matches).toEqual([]);
  });

  test('a segment is not offered its own unit', async () => {
    const folder = openDataFolder(server.dataDir);
    const first = segmentIds(loadArticleDoc(folder.articles, articleId))[0]!;
    folder.close();
    const { body } = await lookup({ source: '阿里巴巴达摩院今天发布了新的研究成果。', exclude: { articleId, segmentId: first } });
    expect(body.matches).toEqual([]);
  });

  test('concordance finds a word on either side, with the hit marked', async () => {
    const chinese = await api<ConcordanceResponse>('reviewer', 'GET', `/api/memory/search?q=${encodeURIComponent('达摩院')}`);
    expect(chinese.status).toBe(200);
    expect(chinese.body.total).toBe(1);
    expect(chinese.body.hits[0]!.source.filter((part) => part.hit).map((part) => part.text)).toEqual(['达摩院']);
    const english = await api<ConcordanceResponse>('reviewer', 'GET', `/api/memory/search?q=labs&side=target`);
    expect(english.body.hits.map((hit) => hit.target.map((part) => part.text).join(''))).toEqual([TARGETS[1]]);
    const shortWord = await api<ConcordanceResponse>('reviewer', 'GET', `/api/memory/search?q=${encodeURIComponent('营收')}&side=source`);
    expect(shortWord.body.total).toBe(1);
    const nowhere = await api<ConcordanceResponse>('reviewer', 'GET', `/api/memory/search?q=labs&side=source`);
    expect(nowhere.body.total).toBe(0);
  });

  test('a confirmed segment confirmed again updates its unit, and approval ranks it above a translated one', async () => {
    const second = await importChinese('这项研究由三个实验室共同完成。', 'Second article');
    const translator = await connect('translator', second);
    const [only] = segmentIds(translator.doc);
    translate(translator.doc, only!, 'Three labs did this research together.', 'translated');
    await waitFor(() => translator.allSaved, 10_000, 'saved');
    await waitForAsync(async () => (await lookup({ source: '这项研究由三个实验室共同完成。' })).body.matches.length === 2, 10_000, 'two units for the source');
    const admin = await connect('admin', second);
    setStatus(admin.doc, only!, 'approved', 'admin');
    await waitFor(() => admin.allSaved, 10_000, 'approval saved');
    await waitForAsync(
      async () => (await lookup({ source: '这项研究由三个实验室共同完成。' })).body.matches[0]?.status === 'approved',
      10_000,
      'the approved unit first',
    );
    const { body } = await lookup({ source: '这项研究由三个实验室共同完成。' });
    expect(body.matches.map((match) => [match.targetText, match.status])).toEqual([
      ['Three labs did this research together.', 'approved'],
      [TARGETS[1], 'translated'],
    ]);
    expect((await api<{ units: number }>('translator', 'GET', '/api/memory')).body.units).toBe(4);
  });
});

describe('inserting a match', () => {
  test('is recorded on the segment for the reviewer, counts a use, and only writers may do either', async () => {
    const id = await importChinese('这项研究由三个实验室共同完成。', 'Third article');
    const translator = await connect('translator', id);
    const [only] = segmentIds(translator.doc);
    const { body } = await lookup({ source: '这项研究由三个实验室共同完成。' });
    const match = body.matches[0]!;
    setMemoryMatch(translator.doc, only!, { unitId: match.unitId, score: match.score });
    await waitFor(() => translator.allSaved, 10_000, 'the note saved');
    expect(translator.denials).toEqual([]);
    const folder = openDataFolder(server.dataDir);
    expect(articleTypes(loadArticleDoc(folder.articles, id)).segments.get(only!)?.get(SEGMENT.memoryMatch)).toEqual({
      unitId: match.unitId,
      score: match.score,
    });
    folder.close();

    const used = await api<{ usedCount: number }>('translator', 'POST', `/api/memory/units/${match.unitId}/used`);
    expect(used).toEqual({ status: 200, body: { ok: true, usedCount: 1 } });
    expect((await lookup({ source: '这项研究由三个实验室共同完成。' })).body.matches[0]?.usedCount).toBe(1);
    expect((await api('reviewer', 'POST', `/api/memory/units/${match.unitId}/used`)).status).toBe(403);
    expect((await api('translator', 'POST', '/api/memory/units/999999/used')).status).toBe(404);

    // A reviewer may not say a target was filled; a note of the wrong shape is refused for anyone.
    const reviewer = await connect('reviewer', id);
    setMemoryMatch(reviewer.doc, only!, { unitId: match.unitId, score: 50 });
    await waitFor(() => reviewer.denials.length > 0, 10_000, "the reviewer's note refused");
    articleTypes(translator.doc).segments.get(only!)!.set(SEGMENT.memoryMatch, { unitId: 'x', score: 500 });
    await waitFor(() => translator.denials.length > 0, 10_000, 'the malformed note refused');
    expect(readSegment(translator.doc, only!).id).toBe(only);
  });
});

describe('bad input', () => {
  test('a lookup without a source, or with the wrong types, is a 400 and changes nothing', async () => {
    expect((await lookup({})).status).toBe(400);
    expect((await lookup({ source: 42 })).status).toBe(400);
    expect((await lookup({ source: '你好', threshold: 0 })).status).toBe(400);
    expect((await api('translator', 'GET', '/api/memory/search')).status).toBe(400);
    expect((await api('translator', 'POST', '/api/memory/units/abc/used')).status).toBe(400);
  });

  test('a source far beyond any segment is refused with too_large', async () => {
    expect((await lookup({ source: '长'.repeat(30_000) })).status).toBe(413);
  });
});
