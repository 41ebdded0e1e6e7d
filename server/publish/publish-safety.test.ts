/**
 * Publishing through the real server into a real git clone: who may, the
 * site configuration's checks, and every refusal (bad slugs and dates, paths
 * out of the repository through names or symlinks, uncommitted changes, QA
 * errors) writing nothing, so the clone stays clean and unchanged.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { segmentIds, setFrontMatterValue, setMeta, setSide, type ArticleMeta } from '../../shared/article/article';
import { doc as sideDoc, fig, p } from '../../shared/testing/builders';
import { normalizeForMatching } from '../../shared/text/normalize-for-matching';
import type { MemoryConsistency } from '../../shared/protocol/memory-api';
import { openDataFolder } from '../store/data-dir';
import { SqliteTranslationMemory } from '../memory/sqlite-memory';
import type { Role } from '../../shared/protocol/roles';
import type { JsonValue } from '../../shared/article/layout';
import { addBareRemote, createSiteRepo, gitIn, type SiteRepo } from '../testing/site-repo';
import { jpegImage } from '../testing/images';
import type { MediaItem } from '../media/media-store';
import { loadArticleDoc } from '../articles/article-service';
import { startTestServer, type TestServer } from '../testing/test-server';
import type { Publication } from './publications';

const ARTICLE = `---
title: "Ali AI"
date: 2020-02-23
categories: ['opinion']
image: /assets/media/2020-02-23/ali-ai-01.jpg
blurb: 'A blurb.'
translator: COVID-19 Readings
---

First paragraph.

Second paragraph.
`;

let server: TestServer;
let repo: SiteRepo;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  repo = createSiteRepo();
  await configure({ repo: repo.dir });
});
afterEach(() => repo.remove());

const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const configure = (site: Record<string, unknown>, role: Role = 'admin') => server.as(role, '/api/site', json('PUT', site));
const publish = (id: string, body: Record<string, unknown> = {}, role: Role = 'admin') => server.as(role, `/api/articles/${id}/publish`, json('POST', body));
const publications = async (id: string) =>
  ((await (await server.as('viewer', `/api/articles/${id}/publications`)).json()) as { publications: Publication[] }).publications;
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;
const admin = { name: 'admin', role: 'admin' as const };
let articles = 0;
/** A new article, titled "Ali AI <n>" so that each has a post path of its own. */
function newArticle(markdown = ARTICLE): { id: string; path: string } {
  const n = ++articles;
  return { id: server.importArticle(markdown.replace('title: "Ali AI"', `title: "Ali AI ${n}"`)), path: `_posts/2020-02-23-ali-ai-${n}.md` };
}

function change(id: string, edit: { meta?: Partial<Record<keyof ArticleMeta, string>>; frontMatter?: Record<string, JsonValue> }) {
  server.running.collab.changeArticle(id, admin, (doc, origin) => {
    for (const [key, value] of Object.entries(edit.meta ?? {})) setMeta(doc, key as 'slug', value, origin);
    for (const [key, value] of Object.entries(edit.frontMatter ?? {})) setFrontMatterValue(doc, key, value, origin);
  });
}

/** The clone exactly as it was: same files, same commit, nothing uncommitted. */
function expectUntouched(before: { files: string[]; head: string }) {
  expect(repo.files()).toEqual(before.files);
  expect(repo.git('rev-parse', 'HEAD')).toBe(before.head);
  expect(repo.status()).toBe('');
}
const snapshot = () => ({ files: repo.files(), head: repo.git('rev-parse', 'HEAD') });

describe('who may publish and configure', () => {
  test.each<Role>(['translator', 'reviewer', 'viewer'])('a %s may not publish, nor see or set the site', async (role) => {
    const id = newArticle().id;
    const before = snapshot();
    expect((await publish(id, {}, role)).status).toBe(403);
    expect((await server.as(role, '/api/site')).status).toBe(403);
    expect((await configure({ repo: '/tmp' }, role)).status).toBe(403);
    expectUntouched(before);
    expect(await publications(id)).toEqual([]);
  });

  test('an admin publishes: the post is committed in their name', async () => {
    const { id, path } = newArticle();
    const res = await publish(id);
    expect(res.status).toBe(200);
    const { publication } = (await res.json()) as { publication: Publication };
    expect(publication).toMatchObject({
      path,
      url: `/articles/2020/02/23/${path.slice(18, -3)}`,
      committed: true,
      pushed: false,
      pushError: null,
      publishedBy: 'admin',
      overrideReason: null,
    });
    expect(repo.files()).toEqual([path]);
    expect(repo.git('show', `HEAD:${path}`)).toBe(ARTICLE.replace('"Ali AI"', `"Ali AI ${articles}"`));
    expect(repo.git('log', '-1', '--format=%an <%ae>|%cn <%ce>|%s')).toBe(
      `admin <admin@users.noreply.duet>|admin <admin@users.noreply.duet>|Publish "Ali AI ${articles}"\n`,
    );
    expect(repo.status()).toBe('');
  });
});

describe('the site configuration', () => {
  test('is read back with its defaults', async () => {
    const site = ((await (await server.as('admin', '/api/site')).json()) as { site: Record<string, unknown> }).site;
    expect(site).toEqual({
      repo: repo.dir,
      postsFolder: '_posts',
      mediaFolder: 'assets/media',
      fileNamePattern: ':year-:month-:day-:slug.md',
      permalinkPattern: '/articles/:year/:month/:day/:title',
      remote: null,
      branch: null,
    });
  });

  test.each<[string, Record<string, unknown>, RegExp]>([
    ['no repository', { repo: null }, /"repo".*is required/],
    ['a relative repository path', { repo: 'site' }, /must be absolute/],
    ['a missing repository', { repo: '/nonexistent/duet-site' }, /does not exist/],
    ['a folder that is not a git repository', { repo: '/' }, /not a git repository/],
    ['a posts folder outside the repository', { postsFolder: '../outside' }, /contains "\.\."/],
    ['an absolute posts folder', { postsFolder: '/etc' }, /absolute path/],
    ['a media folder inside .git', { mediaFolder: '.git/hooks' }, /inside \.git/],
    ['a file-name pattern with a folder', { fileNamePattern: ':year/:slug.md' }, /plain file name/],
    ['a file-name pattern without the slug', { fileNamePattern: ':year.md' }, /must contain :slug/],
    ['a remote the clone does not have', { remote: 'origin' }, /has no remote "origin"/],
    ['a remote that looks like an option', { remote: '--upload-pack=touch /tmp/x' }, /not a valid name/],
    ['a branch with ".."', { branch: 'main..x' }, /not a valid name/],
  ])('refuses %s, keeping the old one', async (_name, change, message) => {
    const before = await (await server.as('admin', '/api/site')).json();
    const res = await configure({ repo: repo.dir, ...change });
    expect([400, 422]).toContain(res.status);
    expect((await errorOf(res)).message).toMatch(message);
    expect(await (await server.as('admin', '/api/site')).json()).toEqual(before);
  });

  test('a folder inside the repository is not its top', async () => {
    mkdirSync(join(repo.dir, 'sub'));
    expect((await errorOf(await configure({ repo: join(repo.dir, 'sub') }))).message).toMatch(/configure its top folder/);
  });
});

describe('refusals write nothing', () => {
  test.each<[string, Parameters<typeof change>[1], RegExp]>([
    ['a slug with ".."', { meta: { slug: '..' } }, /contains "\.\."/],
    ['a slug climbing out of the posts folder', { meta: { slug: '../../../etc/cron.d/x' } }, /contains "\.\."/],
    ['a slug with a slash', { meta: { slug: 'a/b' } }, /contains a slash/],
    ['a slug with a backslash', { meta: { slug: 'a\\b' } }, /contains a slash/],
    ['an absolute slug', { meta: { slug: '/tmp/evil' } }, /absolute path/],
    ['a slug with a control character', { meta: { slug: 'evil\nslug' } }, /control character/],
    ['an empty front-matter slug', { frontMatter: { slug: ' ', title: '如何看待' } }, /set a slug/],
    ['a slug that is too long', { meta: { slug: 'x'.repeat(101) } }, /limit is 100/],
    ['a slug starting with a dot', { meta: { slug: '.htaccess' } }, /starts with "\."/],
    ['a date that is no day', { frontMatter: { date: '2020-02-30' } }, /not a day of the calendar/],
  ])('%s', async (_name, edit, message) => {
    const id = newArticle().id;
    change(id, edit);
    const before = snapshot();
    const res = await publish(id);
    expect(res.status).toBe(422);
    expect((await errorOf(res)).message).toMatch(message);
    expectUntouched(before);
    expect(await publications(id)).toEqual([]);
  });

  test('a posts folder that is a symlink out of the repository', async () => {
    const outside = join(repo.root, 'outside');
    mkdirSync(outside);
    symlinkSync(outside, join(repo.dir, '_posts'));
    repo.git('add', '_posts');
    repo.git('commit', '-q', '-m', 'Link the posts away');
    const before = snapshot();
    const res = await publish(newArticle().id);
    expect(res.status).toBe(422);
    expect((await errorOf(res)).message).toMatch(/_posts is a symbolic link/);
    expectUntouched(before);
    expect(readdirSync(outside)).toEqual([]);
  });

  test('a post file that is a symlink', async () => {
    mkdirSync(join(repo.dir, '_posts'));
    const { id, path } = newArticle();
    symlinkSync('/etc/hostname', join(repo.dir, path));
    repo.git('add', '_posts');
    repo.git('commit', '-q', '-m', 'A link where the post goes');
    const before = snapshot();
    const res = await publish(id);
    expect((await errorOf(res)).message).toMatch(/is a symbolic link/);
    expectUntouched(before);
  });

  test('an untracked file in the clone', async () => {
    writeFileSync(join(repo.dir, 'notes.txt'), 'draft\n');
    const before = { files: repo.files(), head: repo.git('rev-parse', 'HEAD') };
    const res = await publish(newArticle().id);
    expect(res.status).toBe(409);
    expect((await errorOf(res)).message).toMatch(/has uncommitted changes \(\?\? notes\.txt\): commit or discard them first/);
    expect(repo.files()).toEqual(before.files);
    expect(repo.git('rev-parse', 'HEAD')).toBe(before.head);
    expect(repo.status()).toBe('?? notes.txt\n');
  });

  test('a modified tracked file in the clone', async () => {
    writeFileSync(join(repo.dir, 'index.md'), 'home\n');
    repo.git('add', 'index.md');
    repo.git('commit', '-q', '-m', 'Home');
    writeFileSync(join(repo.dir, 'index.md'), 'home, edited\n');
    const res = await publish(newArticle().id);
    expect((await errorOf(res)).message).toMatch(/uncommitted changes \( M index\.md\)/);
    expect(repo.files()).toEqual(['index.md']);
  });

  test("a post of the site's that Duet did not write", async () => {
    mkdirSync(join(repo.dir, '_posts'));
    const { id, path } = newArticle();
    writeFileSync(join(repo.dir, path), 'someone else\n');
    repo.git('add', '_posts');
    repo.git('commit', '-q', '-m', 'Another post');
    const before = snapshot();
    const res = await publish(id);
    expect(res.status).toBe(409);
    expect((await errorOf(res)).message).toMatch(/already exists in the repository and is not this article's/);
    expectUntouched(before);
  });

  test("another article's post", async () => {
    const { id } = newArticle();
    expect((await publish(id)).status).toBe(200);
    const before = snapshot();
    // Another article with the same title and date: the same path.
    const res = await publish(
      server.importArticle(`---\ntitle: "Ali AI ${articles}"\ndate: 2020-02-23\ncategories: ['x']\nimage: /a.jpg\nblurb: 'b'\ntranslator: t\n---\n\nText.\n`),
    );
    expect((await errorOf(res)).message).toMatch(/is the post of article \w+; set another slug/);
    expectUntouched(before);
  });

  test('a posts folder the repository ignores', async () => {
    writeFileSync(join(repo.dir, '.gitignore'), '_posts/\n');
    repo.git('add', '.gitignore');
    repo.git('commit', '-q', '-m', 'Ignore posts');
    const before = snapshot();
    const { id, path } = newArticle();
    const res = await publish(id);
    expect((await errorOf(res)).message).toContain(`ignores ${path}`);
    expectUntouched(before);
  });

  test('no site configured', async () => {
    // A fresh server: its data folder has no site yet.
    const fresh = await startTestServer();
    try {
      const id = fresh.importArticle(ARTICLE);
      const res = await fresh.as('admin', `/api/articles/${id}/publish`, json('POST', {}));
      expect(res.status).toBe(409);
      expect((await errorOf(res)).message).toMatch(/no site is configured/);
    } finally {
      await fresh.close();
    }
  });

  test('an unknown article', async () => {
    expect((await publish('nosucharticle')).status).toBe(404);
  });
});

describe('QA before publishing', () => {
  const UNFINISHED = ARTICLE.replace('Second paragraph.', 'Second paragraph, 还没翻译。');

  test('errors refuse publishing', async () => {
    const id = newArticle(UNFINISHED).id;
    const before = snapshot();
    const res = await publish(id);
    expect(res.status).toBe(409);
    expect((await errorOf(res)).message).toMatch(/^QA found 1 error: .*Fix them, or an admin publishes with an override and a reason\.$/);
    expectUntouched(before);
  });

  test.each<[string, unknown, number, RegExp]>([
    ['an empty reason', { reason: '  ' }, 400, /needs a reason/],
    ['no reason', {}, 400, /"override\.reason" must be a string/],
    ['a reason that is not text', { reason: 42 }, 400, /must be a string/],
    ['a reason too long', { reason: 'x'.repeat(501) }, 400, /over 500 characters/],
  ])('an override with %s is refused', async (_name, override, status, message) => {
    const id = newArticle(UNFINISHED).id;
    const res = await publish(id, { override });
    expect(res.status).toBe(status);
    expect((await errorOf(res)).message).toMatch(message);
  });

  test("an admin's override with a reason publishes, and the reason is recorded", async () => {
    const id = newArticle(UNFINISHED).id;
    const res = await publish(id, { override: { reason: 'The Chinese phrase is\nquoted on purpose.' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { publication: Publication; issues: { check: string; severity: string }[] };
    expect(body.publication.overrideReason).toBe('The Chinese phrase is quoted on purpose.');
    expect(body.issues.filter((found) => found.severity === 'error').map((found) => found.check)).toEqual(['chinese-text']);
    expect(repo.git('log', '-1', '--format=%B')).toContain('Published despite QA errors: The Chinese phrase is quoted on purpose.\n');
    expect((await publications(id))[0]!.overrideReason).toBe('The Chinese phrase is quoted on purpose.');
  });
});

describe('consistency before publishing', () => {
  const SOURCE = '疫情期间，医院增加了床位。';

  /** A new article whose two paragraphs ("First paragraph.", "Second paragraph.") translate the same source. */
  function repeatedSource(): { id: string; segments: string[] } {
    const { id } = newArticle();
    const segments = segmentIds(loadArticleDoc(server.running.store, id));
    server.running.collab.changeArticle(id, admin, (doc, origin) => {
      for (const segment of segments) setSide(doc, segment, 'source', sideDoc(p(SOURCE)), 'admin', origin);
    });
    return { id, segments };
  }

  /** Approved units, written as the memory recorder writes them (a second connection to the server's database). */
  function approve(units: { articleId: string; segmentId: string; target: string }[]) {
    const folder = openDataFolder(server.dataDir);
    try {
      const memory = new SqliteTranslationMemory(folder.db);
      for (const unit of units) {
        memory.confirm({
          ...unit,
          articleTitle: 'Ali AI',
          source: sideDoc(p(SOURCE)),
          target: sideDoc(p(unit.target)),
          before: null,
          after: null,
          status: 'approved',
          author: 'reviewer',
          at: Date.now(),
        });
      }
    } finally {
      folder.close();
    }
  }

  test('the same source translated two ways, and against the approved memory: warnings in the result, and it publishes', async () => {
    const { id, segments } = repeatedSource();
    const elsewhere = newArticle().id;
    const elsewhereSegment = segmentIds(loadArticleDoc(server.running.store, elsewhere))[0]!;
    // Another article's approved unit, and the first segment's own (which is not held against it).
    approve([
      { articleId: elsewhere, segmentId: elsewhereSegment, target: 'During the epidemic, the hospital added beds.' },
      { articleId: id, segmentId: segments[0]!, target: 'First paragraph.' },
    ]);

    const consistency = await server.as('viewer', `/api/articles/${id}/memory-consistency`);
    expect(consistency.status).toBe(200);
    expect(((await consistency.json()) as MemoryConsistency).approved).toEqual([
      {
        sourceKey: normalizeForMatching(SOURCE),
        translations: expect.arrayContaining([
          { target: 'During the epidemic, the hospital added beds.', segmentId: null },
          { target: 'First paragraph.', segmentId: segments[0] },
        ]),
      },
    ]);

    const res = await publish(id);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { issues: { check: string; severity: string; segmentId?: string; message: string }[] };
    const consistent = body.issues.filter((found) => found.check === 'inconsistent-translation' || found.check === 'memory-inconsistent');
    expect(consistent).toEqual([
      {
        check: 'inconsistent-translation',
        severity: 'warning',
        segmentId: segments[0],
        message: 'The same source is translated “Second paragraph.” elsewhere in the article.',
      },
      {
        check: 'memory-inconsistent',
        severity: 'warning',
        segmentId: segments[0],
        message: "The memory's approved translation of this source is “During the epidemic, the hospital added beds.”.",
      },
      {
        check: 'inconsistent-translation',
        severity: 'warning',
        segmentId: segments[1],
        message: 'The same source is translated “First paragraph.” elsewhere in the article.',
      },
      {
        check: 'memory-inconsistent',
        severity: 'warning',
        segmentId: segments[1],
        message: expect.stringMatching(/^The memory's approved translations of this source are “.*” and “.*”\.$/),
      },
    ]);
    expect(consistent[3]!.message).toContain('“First paragraph.”');
  });

  test('the consistency route: an unknown article is a 404, and signing in is needed', async () => {
    expect((await server.as('viewer', '/api/articles/nosucharticle/memory-consistency')).status).toBe(404);
    expect((await fetch(`${server.baseUrl}/api/articles/${newArticle().id}/memory-consistency`)).status).toBe(401);
  });
});

describe('the glossary before publishing', () => {
  test('a variant the glossary forbids refuses publishing, naming the term to use; with the team’s term it publishes', async () => {
    const added = await server.as(
      'translator',
      '/api/glossary',
      json('POST', {
        source: '达摩院',
        translations: [
          { text: 'Alibaba DAMO Academy', use: 'preferred' },
          { text: 'Ali Damo Academy', use: 'forbidden' },
        ],
      }),
    );
    expect(added.status).toBe(201);
    const { id } = newArticle();
    const segment = segmentIds(loadArticleDoc(server.running.store, id))[0]!;
    const translate = (target: string) =>
      server.running.collab.changeArticle(id, admin, (doc, origin) => {
        setSide(doc, segment, 'source', sideDoc(p('阿里达摩院发布了报告。')), 'admin', origin);
        setSide(doc, segment, 'target', sideDoc(p(target)), 'admin', origin);
      });

    translate('Ali Damo Academy published a report.');
    const before = snapshot();
    const refused = await publish(id);
    expect(refused.status).toBe(409);
    expect((await errorOf(refused)).message).toContain('QA found 1 error: The glossary forbids “Ali Damo Academy” for “达摩院”: use “Alibaba DAMO Academy”.');
    expectUntouched(before);

    translate('Alibaba DAMO Academy published a report.');
    const published = await publish(id);
    expect(published.status).toBe(200);
    const { issues } = (await published.json()) as { issues: { check: string }[] };
    expect(issues.filter((found) => found.check.startsWith('term-'))).toEqual([]);
  });
});

describe('pushing', () => {
  test('to a configured remote: the commit arrives on its branch', async () => {
    const bare = addBareRemote(repo, 'origin');
    expect((await configure({ repo: repo.dir, remote: 'origin', branch: 'main' })).status).toBe(200);
    const res = await publish(newArticle().id);
    const { publication } = (await res.json()) as { publication: Publication };
    expect(publication).toMatchObject({ committed: true, pushed: true, pushError: null });
    expect(gitIn(bare, 'rev-parse', 'main').trim()).toBe(publication.commit);
  });

  test('to a broken remote: the commit stays, and the failure is reported', async () => {
    repo.git('remote', 'add', 'broken', join(repo.root, 'no-such-remote.git'));
    expect((await configure({ repo: repo.dir, remote: 'broken' })).status).toBe(200);
    const { id, path } = newArticle();
    const res = await publish(id);
    expect(res.status).toBe(200);
    const { publication } = (await res.json()) as { publication: Publication };
    expect(publication).toMatchObject({ committed: true, pushed: false, path });
    expect(publication.pushError).toMatch(/no-such-remote\.git.*(does not appear to be a git repository|not found)/i);
    expect(repo.git('rev-parse', 'HEAD').trim()).toBe(publication.commit);
    expect(repo.git('log', '-1', '--format=%s')).toMatch(/^Publish "Ali AI \d+"/);
    expect(repo.status()).toBe('');
    expect((await publications(id))[0]).toMatchObject({ pushed: false, pushError: publication.pushError });
  });
});

describe('republishing', () => {
  test('a new title keeps the old path and says so; rename moves the post', async () => {
    const { id, path } = newArticle();
    expect((await publish(id)).status).toBe(200);
    change(id, { frontMatter: { title: 'A Better Title' } });
    const kept = (await (await publish(id)).json()) as { publication: Publication; newPostPath: string | null };
    expect(kept.publication.path).toBe(path);
    expect(kept.newPostPath).toBe('_posts/2020-02-23-a-better-title.md');
    expect(repo.files()).toEqual([path]);

    const moved = (await (await publish(id, { rename: true })).json()) as { publication: Publication; newPostPath: string | null };
    expect(moved).toMatchObject({ publication: { path: '_posts/2020-02-23-a-better-title.md', committed: true }, newPostPath: null });
    expect(repo.files()).toEqual(['_posts/2020-02-23-a-better-title.md']);
    expect(repo.git('show', '--name-status', '--format=', 'HEAD')).toMatch(/^R\d+\t/);
    expect(repo.status()).toBe('');
  });

  test('writes stored images under their site names and removes those no longer used', async () => {
    const { id, path } = newArticle();
    const upload = async (seed: number) => {
      const res = await server.as('translator', `/api/articles/${id}/media`, { method: 'POST', body: new Uint8Array(jpegImage(seed)) });
      return ((await res.json()) as { media: MediaItem }).media.url;
    };
    const [one, two] = [await upload(100), await upload(101)];
    const figureSegment = segmentIds(loadArticleDoc(server.running.store, id))[1]!;
    const setFigures = (srcs: string[]) =>
      server.running.collab.changeArticle(id, admin, (doc, origin) =>
        setSide(doc, figureSegment, 'target', sideDoc(...srcs.map((src, i) => fig(src, `photo ${i + 1}`))), 'admin', origin),
      );
    setFigures([one!, two!]);
    const first = (await (await publish(id)).json()) as { publication: Publication };
    const short = path.slice(18, -3);
    expect(first.publication.media.map((item) => item.path)).toEqual([`assets/media/2020-02-23/${short}-01.jpg`, `assets/media/2020-02-23/${short}-02.jpg`]);
    expect(repo.files()).toEqual([path, ...first.publication.media.map((item) => item.path)].sort());
    expect(repo.git('show', `HEAD:${path}`)).toContain(`<img src="/assets/media/2020-02-23/${short}-02.jpg" alt="photo 2"/>`);

    setFigures([two!]);
    const second = (await (await publish(id)).json()) as { publication: Publication };
    expect(second.publication.media.map((item) => item.path)).toEqual([`assets/media/2020-02-23/${short}-01.jpg`]);
    expect(repo.files()).toEqual([path, `assets/media/2020-02-23/${short}-01.jpg`].sort());
    expect(repo.status()).toBe('');
  });
});
