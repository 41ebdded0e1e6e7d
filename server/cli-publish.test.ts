/** `duet site set | show`, `duet publish` and `duet user add --email`, in-process against a real data folder and a real git clone. */
import { afterAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Accounts } from './auth/accounts';
import { openDataFolder } from './store/data-dir';
import { duet } from './testing/cli-runner';
import { addBareRemote, createSiteRepo, type SiteRepo } from './testing/site-repo';

const root = mkdtempSync(join(tmpdir(), 'duet-cli-publish-'));
const repos: SiteRepo[] = [];
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  for (const repo of repos) repo.remove();
});
let folders = 0;
const newDataDir = () => join(root, `data-${++folders}`);
const newRepo = () => {
  const repo = createSiteRepo();
  repos.push(repo);
  return repo;
};

const ARTICLE = `---
title: "Hello World"
date: 2021-03-04
categories: ['news']
image: /assets/media/x.jpg
blurb: 'Hello.'
translator: T
---

Hello, world.
`;

async function importArticle(data: string, markdown = ARTICLE): Promise<string> {
  const file = join(root, `article-${++folders}.md`);
  writeFileSync(file, markdown);
  const result = await duet('import', file, '--data', data);
  expect(result.code).toBe(0);
  return result.stdout.trim();
}

describe('duet user add --email', () => {
  test('records the email that commits use', async () => {
    const data = newDataDir();
    expect((await duet('user', 'add', 'ada', '--role', 'admin', '--email', 'ada@example.org', '--data', data)).code).toBe(0);
    const folder = openDataFolder(data);
    try {
      expect(new Accounts(folder.db).emailOf('ADA')).toBe('ada@example.org');
    } finally {
      folder.close();
    }
  });

  test('refuses an address git could not use, adding nobody', async () => {
    const data = newDataDir();
    const result = await duet('user', 'add', 'ada', '--role', 'admin', '--email', 'Ada <ada@example.org>', '--data', data);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/is not an email address/);
    expect((await duet('user', 'list', '--data', data)).stdout).toBe('');
  });
});

describe('duet site', () => {
  test('show says when nothing is configured; set checks and stores, show prints it', async () => {
    const data = newDataDir();
    const repo = newRepo();
    expect((await duet('site', 'show', '--data', data)).stdout).toMatch(/no site is configured/);
    addBareRemote(repo, 'origin');
    const set = await duet('site', 'set', '--repo', repo.dir, '--posts', 'content/_posts', '--remote', 'origin', '--branch', 'main', '--data', data);
    expect(set.stderr).toBe('');
    const shown = (await duet('site', 'show', '--data', data)).stdout;
    expect(shown).toBe(set.stdout);
    expect(shown).toBe(
      `repo\t${repo.dir}\nposts\tcontent/_posts\nmedia\tassets/media\nfile-name\t:year-:month-:day-:slug.md\npermalink\t/articles/:year/:month/:day/:title\nremote\torigin\nbranch\tmain\n`,
    );
  });

  test.each([
    [['--posts', '../outside'], /contains "\.\."/],
    [['--media', '/var/www'], /absolute path/],
    [['--remote', 'nowhere'], /has no remote "nowhere"/],
  ])('set refuses %j', async (flags, message) => {
    const data = newDataDir();
    const repo = newRepo();
    const result = await duet('site', 'set', '--repo', repo.dir, ...flags, '--data', data);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect((await duet('site', 'show', '--data', data)).stdout).toMatch(/no site is configured/);
  });

  test('set needs --repo', async () => {
    const result = await duet('site', 'set', '--data', newDataDir());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/needs --repo/);
  });
});

describe('duet publish', () => {
  test('commits as the only admin and says where', async () => {
    const data = newDataDir();
    const repo = newRepo();
    await duet('user', 'add', 'ada', '--role', 'admin', '--email', 'ada@example.org', '--data', data);
    await duet('user', 'add', 'tom', '--role', 'translator', '--data', data);
    await duet('site', 'set', '--repo', repo.dir, '--data', data);
    const id = await importArticle(data);
    const result = await duet('publish', id, '--data', data);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const head = repo.git('rev-parse', 'HEAD').trim();
    expect(result.stdout).toBe(`committed ${head.slice(0, 12)} _posts/2021-03-04-hello-world.md\n`);
    expect(repo.git('show', 'HEAD:_posts/2021-03-04-hello-world.md')).toBe(ARTICLE);
    expect(repo.git('log', '-1', '--format=%an <%ae>')).toBe('ada <ada@example.org>\n');
  });

  test('refuses QA errors unless overridden with a reason', async () => {
    const data = newDataDir();
    const repo = newRepo();
    await duet('user', 'add', 'ada', '--role', 'admin', '--data', data);
    await duet('site', 'set', '--repo', repo.dir, '--data', data);
    const id = await importArticle(data, ARTICLE.replace('Hello, world.', 'Hello, 世界.'));
    const refused = await duet('publish', id, '--data', data);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^duet publish: QA found 1 error/);
    expect(repo.files()).toEqual([]);
    const published = await duet('publish', id, '--override', 'A name kept in Chinese', '--data', data);
    expect(published.code).toBe(0);
    expect(repo.git('log', '-1', '--format=%B')).toContain('Published despite QA errors: A name kept in Chinese');
  });

  test('asks who publishes when several admins could', async () => {
    const data = newDataDir();
    const repo = newRepo();
    await duet('user', 'add', 'ada', '--role', 'admin', '--data', data);
    await duet('user', 'add', 'bob', '--role', 'admin', '--data', data);
    await duet('site', 'set', '--repo', repo.dir, '--data', data);
    const id = await importArticle(data);
    const asked = await duet('publish', id, '--data', data);
    expect(asked.code).toBe(2);
    expect(asked.stderr).toMatch(/say who publishes with --as NAME \(one of ada, bob\)/);
    expect((await duet('publish', id, '--as', 'bob', '--data', data)).code).toBe(0);
    expect(repo.git('log', '-1', '--format=%an')).toBe('bob\n');
  });

  test('a translator may not publish', async () => {
    const data = newDataDir();
    const repo = newRepo();
    await duet('user', 'add', 'tom', '--role', 'translator', '--data', data);
    await duet('site', 'set', '--repo', repo.dir, '--data', data);
    const result = await duet('publish', await importArticle(data), '--as', 'tom', '--data', data);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/a translator may not publish/);
  });

  test('a failed push exits 1 but keeps the commit', async () => {
    const data = newDataDir();
    const repo = newRepo();
    repo.git('remote', 'add', 'origin', join(repo.root, 'gone.git'));
    await duet('user', 'add', 'ada', '--role', 'admin', '--data', data);
    await duet('site', 'set', '--repo', repo.dir, '--remote', 'origin', '--data', data);
    const result = await duet('publish', await importArticle(data), '--data', data);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^committed [0-9a-f]{12} _posts\/2021-03-04-hello-world\.md\n$/);
    expect(result.stderr).toMatch(/^duet publish: the commit is made, but the push failed: .*gone\.git/);
    expect(repo.files()).toEqual(['_posts/2021-03-04-hello-world.md']);
  });
});
