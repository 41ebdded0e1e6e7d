/**
 * The site's own build, for the stories that publish: Debian's `jekyll`
 * (4.3; .ci/run installs it) over a site repository set up the way a strict
 * site is, with a secret in its configuration and a file to include, so a
 * post that ran Liquid would show it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SiteRepo } from '../../server/testing/site-repo';

export const JEKYLL = '/usr/bin/jekyll';

/** What the site would print if a post ran its Liquid. */
export const SITE_SECRETS = { title: 'SITE-TITLE-LEAKED', apiKey: 'SECRET-API-KEY-LEAKED', included: 'INCLUDED-FILE-LEAKED' };

/** Make `repo` a strict Jekyll site (committed, so publishing finds a clean tree). */
export function makeStrictSite(repo: SiteRepo): void {
  if (!existsSync(JEKYLL)) throw new Error(`The publishing stories build the site with ${JEKYLL}; install it with \`apt-get install jekyll\` (.ci/run does).`);
  const file = (path: string, text: string) => {
    mkdirSync(join(repo.dir, path, '..'), { recursive: true });
    writeFileSync(join(repo.dir, path), text);
  };
  file(
    '_config.yml',
    [
      `title: ${SITE_SECRETS.title}`,
      `secret_api_key: ${SITE_SECRETS.apiKey}`,
      'markdown: kramdown',
      'strict_front_matter: true',
      'liquid:',
      '  error_mode: strict',
      '  strict_filters: true',
      'defaults:',
      '  - scope: { path: "", type: posts }',
      '    values: { layout: post }',
      '',
    ].join('\n'),
  );
  file(
    '_layouts/post.html',
    '<!doctype html>\n<html><head><meta charset="utf-8"><title>{{ page.title }}</title></head>\n<body><h1 id="page-title">{{ page.title }}</h1><p id="blurb">{{ page.blurb }}</p>\n<main>{{ content }}</main></body></html>\n',
  );
  file('_includes/secrets.txt', `${SITE_SECRETS.included}\n`);
  repo.git('add', '-A');
  repo.git('commit', '-q', '-m', 'A strict Jekyll site');
}

/** Build the site into a folder of its own (exit status 0, or it throws with Jekyll's output); returns the HTML of the page `<slug>.html`, wherever the site's permalinks put it. */
export function buildPost(repo: SiteRepo, slug: string): string {
  const out = mkdtempSync(join(tmpdir(), 'duet-jekyll-'));
  try {
    try {
      execFileSync(JEKYLL, ['build', '--source', repo.dir, '--destination', out, '--quiet'], {
        encoding: 'utf8',
        stdio: 'pipe',
        env: { ...process.env, JEKYLL_ENV: 'production' },
      });
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string; message: string };
      throw new Error(`jekyll build failed: ${failed.stderr || failed.stdout || failed.message}`, { cause: error });
    }
    const page = findFile(out, `${slug}.html`);
    if (!page) throw new Error(`jekyll built no ${slug}.html`);
    return readFileSync(page, 'utf8');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function findFile(folder: string, name: string): string | null {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      const found = findFile(path, name);
      if (found) return found;
    } else if (entry.name === name) return path;
  }
  return null;
}
