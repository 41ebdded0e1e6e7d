/**
 * The whole path, through the real server: a Zhihu page imported, translated
 * and reviewed over the websocket as the editor does it (targets, the
 * translators' own segments, metadata, uploaded images, a review thread),
 * published into a fresh git repository: the committed post is the published
 * seed article byte for byte, in the publisher's name with every other
 * contributor credited; editing one paragraph and publishing again changes
 * only that paragraph's line.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readArticle, segmentIds, setFrontMatterValue, setMeta, setSide, setStatus } from '../../shared/article/article';
import { insertTranslatorSegment } from '../../shared/article/structure';
import { parseFrontMatter } from '../../shared/markdown/front-matter';
import { parseMarkdownBlocks } from '../../shared/markdown/parse-markdown';
import { openThread, reply } from '../../shared/review/threads';
import { schema } from '../../shared/schema/schema';
import { FIXTURES, HAVE_FIXTURES, NO_FIXTURES_REASON, readFixture, SEED_ARTICLE, SEED_PAIRS, type PairsFixture } from '../../shared/testing/fixtures';
import { Accounts } from '../auth/accounts';
import type { MediaItem } from '../media/media-store';
import { openDataFolder } from '../store/data-dir';
import { jpegImage } from '../testing/images';
import { ClientPool, type ProtocolClient, waitFor } from '../testing/protocol-client';
import { createSiteRepo, type SiteRepo } from '../testing/site-repo';
import { startTestServer, type TestServer } from '../testing/test-server';
import type { Publication } from './publications';

const SOURCE_KIND: Record<string, string> = { heading: 'heading', paragraph: 'paragraph', 'list-item': 'list_item', figure: 'figure', rule: 'horizontal_rule' };
const EDITED_FROM = 'I signed up for an anesthesia intubation commando and had been in the Union Hospital West Campus for more than a week.';
const EDITED_TO = 'I volunteered for an anesthesia intubation team and had been at the Union Hospital West Campus for more than a week.';

let server: TestServer;
let repo: SiteRepo;
const pool = new ClientPool(() => server);

beforeAll(async () => {
  server = await startTestServer();
  repo = createSiteRepo({ initialCommit: false });
  const folder = openDataFolder(server.dataDir);
  try {
    const accounts = new Accounts(folder.db);
    for (const user of accounts.listUsers()) if (user.name !== 'reviewer') accounts.setEmail(user.id, `${user.name}@example.org`);
  } finally {
    folder.close();
  }
});
afterAll(async () => {
  pool.destroyAll();
  await server.close();
  repo.remove();
});

const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const connect = (role: 'translator' | 'reviewer', id: string): Promise<ProtocolClient> => pool.connect(role, id);

async function saved(client: ProtocolClient) {
  await waitFor(() => client.allSaved, 20_000, 'the server to store every change');
  expect(client.denials).toEqual([]);
}

const sideOf = (markdown: string) => schema.nodes.doc!.create(null, parseMarkdownBlocks(markdown));
const withSrc = (side: ReturnType<typeof sideOf>, src: string) =>
  schema.nodes.doc!.create(null, [side.firstChild!.type.create({ ...side.firstChild!.attrs, src }, side.firstChild!.content)]);

describe.skipIf(!HAVE_FIXTURES)(`publishing the Zhihu article (${HAVE_FIXTURES ? 'present' : NO_FIXTURES_REASON})`, () => {
  let articleId: string;
  let images: Buffer[];
  let first: Publication;

  test('import, translate, review, publish: the committed post is the published article', async () => {
    const fixture = JSON.parse(readFixture(SEED_PAIRS)) as PairsFixture;
    const html = readFileSync(join(FIXTURES, 'sources', 'zhihu-372335557.html'), 'utf8');
    const imported = await server.as(
      'translator',
      '/api/articles/import',
      json('POST', { content: html, sourceUrl: 'https://www.zhihu.com/question/372335557' }),
    );
    expect(imported.status).toBe(201);
    articleId = ((await imported.json()) as { id: string }).id;

    // The four photos, uploaded as the figures' images.
    images = [1, 2, 3, 4].map((n) => jpegImage(n));
    const urls: string[] = [];
    for (const [n, bytes] of images.entries()) {
      const res = await server.as('translator', `/api/articles/${articleId}/media?filename=photo-${n + 1}.jpg`, {
        method: 'POST',
        headers: { 'content-type': 'image/jpeg' },
        body: new Uint8Array(bytes),
      });
      expect(res.status).toBe(201);
      urls.push(((await res.json()) as { media: MediaItem }).media.url);
    }

    // The translator: every target, the translators' own segments, the metadata (no cover image: it defaults to the first figure).
    const translator = await connect('translator', articleId);
    const doc = translator.doc;
    const sourceIds = segmentIds(doc);
    expect(sourceIds).toHaveLength(fixture.pairs.filter((pair) => pair.source).length);
    let next = 0;
    let previous: string | null = null;
    let figures = 0;
    for (const pair of fixture.pairs) {
      let id: string;
      if (pair.source) {
        id = sourceIds[next++]!;
        expect(readArticle(doc).segments.find((segment) => segment.id === id)!.source.firstChild!.type.name).toBe(SOURCE_KIND[pair.source.kind]);
      } else {
        id = previous ? insertTranslatorSegment(doc, previous, 'after') : insertTranslatorSegment(doc, sourceIds[0]!, 'before');
      }
      let target = sideOf(pair.target);
      if (target.firstChild?.type.name === 'figure') target = withSrc(target, urls[figures++]!);
      setSide(doc, id, 'target', target, 'translator');
      setStatus(doc, id, 'translated', 'translator');
      previous = id;
    }
    expect(figures).toBe(4);
    for (const { key, value } of parseFrontMatter(`${fixture.frontMatter}\n`)) if (key !== 'image') setFrontMatterValue(doc, key, value);
    setMeta(doc, 'slug', 'how-to-view-ali-damo-ai');
    const question = openThread(doc, { segmentId: sourceIds[10]!, text: 'Is "old pa" right for 老爷子?' }, 'translator');
    await saved(translator);

    // The reviewer: a reply, then every segment approved.
    const reviewer = await connect('reviewer', articleId);
    await waitFor(() => segmentIds(reviewer.doc).length === fixture.pairs.length, 10_000, 'the translation to arrive');
    reply(reviewer.doc, question, 'Keep it: the author writes it so.', 'reviewer');
    reviewer.doc.transact(() => {
      for (const id of segmentIds(reviewer.doc)) setStatus(reviewer.doc, id, 'approved', 'reviewer');
    });
    await saved(reviewer);

    expect((await server.as('admin', '/api/site', json('PUT', { repo: repo.dir }))).status).toBe(200);
    const res = await server.as('admin', `/api/articles/${articleId}/publish`, json('POST', {}));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { publication: Publication; issues: { severity: string }[] };
    first = body.publication;
    expect(body.issues.filter((found) => found.severity === 'error')).toEqual([]);
    expect(first).toMatchObject({
      path: '_posts/2020-02-23-how-to-view-ali-damo-ai.md',
      url: '/articles/2020/02/23/how-to-view-ali-damo-ai',
      committed: true,
      publishedBy: 'admin',
      coAuthors: ['reviewer', 'translator'],
      media: [1, 2, 3, 4].map((n, i) => ({ path: `assets/media/2020-02-23/how-to-view-ali-damo-ai-0${n}.jpg`, src: urls[i] })),
    });

    // Byte for byte, read from the commit itself.
    const committed = execFileSync('git', ['-C', repo.dir, 'show', `HEAD:${first.path}`]);
    expect(committed.equals(readFileSync(SEED_ARTICLE))).toBe(true);
    expect(repo.git('show', '--name-only', '--format=', 'HEAD').split('\n').filter(Boolean).sort()).toEqual(
      [first.path, ...first.media.map((item) => item.path)].sort(),
    );
    for (const [i, item] of first.media.entries()) expect(execFileSync('git', ['-C', repo.dir, 'show', `HEAD:${item.path}`]).equals(images[i]!)).toBe(true);
    expect(repo.status()).toBe('');
  });

  test('the commit is the publisher’s, crediting the translator and the reviewer', () => {
    expect(repo.git('log', '-1', '--format=%an <%ae>|%cn <%ce>')).toBe('admin <admin@example.org>|admin <admin@example.org>\n');
    expect(repo.git('log', '-1', '--format=%B')).toBe(
      [
        'Publish "How to View Ali Damo Academy\'s COVID-19 CT Scan AI Diagnosis Technology, Which Could Recognize It in 20 Seconds with An Accuracy of 96%?"',
        '',
        `_posts/2020-02-23-how-to-view-ali-damo-ai.md (Duet article ${articleId})`,
        '',
        'Co-authored-by: reviewer <reviewer@users.noreply.duet>',
        'Co-authored-by: translator <translator@example.org>',
        '',
        '',
      ].join('\n'),
    );
    expect(repo.git('log', '-1', '--format=%(trailers:key=Co-authored-by,valueonly)')).toBe(
      'reviewer <reviewer@users.noreply.duet>\ntranslator <translator@example.org>\n\n',
    );
  });

  test('editing one paragraph and publishing again changes only its line', async () => {
    const translator = pool.clients[0]!;
    const id = readArticle(translator.doc).segments.find((segment) => segment.target.textContent === EDITED_FROM)!.id;
    setSide(translator.doc, id, 'target', sideOf(EDITED_TO), 'translator');
    await saved(translator);

    const res = await server.as('admin', `/api/articles/${articleId}/publish`, json('POST', {}));
    expect(res.status).toBe(200);
    const { publication } = (await res.json()) as { publication: Publication };
    expect(publication).toMatchObject({ path: first.path, committed: true });
    expect(publication.commit).not.toBe(first.commit);

    expect(repo.git('diff', '--numstat', 'HEAD~1', 'HEAD')).toBe(`1\t1\t${first.path}\n`);
    const changed = repo
      .git('diff', '-U0', 'HEAD~1', 'HEAD')
      .split('\n')
      .filter((line) => /^[-+](?![-+]{2} )/.test(line));
    expect(changed).toEqual([`-${EDITED_FROM}`, `+${EDITED_TO}`]);
    expect(repo.git('log', '-1', '--format=%s')).toMatch(/^Update "How to View Ali Damo Academy's/);

    const list = ((await (await server.as('viewer', `/api/articles/${articleId}/publications`)).json()) as { publications: Publication[] }).publications;
    expect(list.map((item) => item.commit)).toEqual([publication.commit, first.commit]);
  });

  test('publishing with nothing changed makes no commit', async () => {
    const head = repo.git('rev-parse', 'HEAD').trim();
    const res = await server.as('admin', `/api/articles/${articleId}/publish`, json('POST', {}));
    const { publication } = (await res.json()) as { publication: Publication };
    expect(publication).toMatchObject({ committed: false, commit: head });
    expect(repo.git('rev-parse', 'HEAD').trim()).toBe(head);
  });
});
