/**
 * Where the team's shared fixtures live for tests: `../shared/fixtures` beside
 * the repository ($DUET_FIXTURES overrides it). Suites that need them skip,
 * saying why, when the folder is absent on a developer's machine; under CI
 * (CI=true) they run and fail instead, so a missing folder cannot turn CI green.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = process.env.DUET_FIXTURES ? resolve(process.env.DUET_FIXTURES) : resolve(REPO_ROOT, '..', 'shared', 'fixtures');
const FIXTURES_PRESENT = existsSync(FIXTURES);
const FIXTURES_REQUIRED = /^(1|true)$/i.test(process.env.CI ?? '');
export const NO_FIXTURES_REASON = `team fixtures not found at ${FIXTURES}`;
/** Whether the suites that need the fixtures run: they are there, or CI requires them (and the suites then fail, loudly). */
export const HAVE_FIXTURES = FIXTURES_PRESENT || FIXTURES_REQUIRED;

function requireFixtures(): void {
  if (!FIXTURES_PRESENT) throw new Error(`${NO_FIXTURES_REASON}: CI=true requires them (they are the team's folder ../shared beside the repository)`);
}

export const SEED_ARTICLE = join(FIXTURES, 'published', '2020-02-23-how-to-view-ali-damo-ai.md');
export const SEED_PAIRS = join(FIXTURES, 'sources', 'zhihu-372335557.pairs.json');

export function readFixture(path: string): string {
  requireFixtures();
  return readFileSync(path, 'utf8');
}

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
  if (HAVE_FIXTURES) {
    requireFixtures();
    walk(root);
  }
  return out;
}

export interface PairsFixture {
  frontMatter: string;
  pairs: {
    source: null | { kind: string; text?: string; src?: string; caption?: string; href?: string };
    target: string;
  }[];
}
