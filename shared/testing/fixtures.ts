/**
 * Where the team's shared fixtures live for tests: `../shared/fixtures` beside
 * the repository. Tests that need them skip, saying why, when it is absent.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = resolve(REPO_ROOT, '..', 'shared', 'fixtures');
export const HAVE_FIXTURES = existsSync(FIXTURES);
export const NO_FIXTURES_REASON = `team fixtures not found at ${FIXTURES}`;

export const SEED_ARTICLE = join(FIXTURES, 'published', '2020-02-23-how-to-view-ali-damo-ai.md');
export const SEED_PAIRS = join(FIXTURES, 'sources', 'zhihu-372335557.pairs.json');

export const readFixture = (path: string): string => readFileSync(path, 'utf8');

/** Every published article fixture (Markdown files, not READMEs), as [name relative to published/, absolute path]. */
export function publishedFixtures(): [string, string][] {
  const root = join(FIXTURES, 'published');
  const out: [string, string][] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(md|markdown)$/.test(name) && name !== 'README.md') out.push([relative(root, path), path]);
    }
  };
  if (HAVE_FIXTURES) walk(root);
  return out;
}

export interface PairsFixture {
  frontMatter: string;
  pairs: {
    source: null | { kind: string; text?: string; src?: string; caption?: string; href?: string };
    target: string;
  }[];
}
