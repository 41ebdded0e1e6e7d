/**
 * A site repository for publishing tests: `git init` in a temporary folder
 * (optionally with a bare remote), and helpers to read what was committed.
 * Git runs with its own identity here, never the machine user's.
 */
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const ENV = {
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('GIT_'))),
  GIT_AUTHOR_NAME: 'Site Owner',
  GIT_AUTHOR_EMAIL: 'owner@example.org',
  GIT_COMMITTER_NAME: 'Site Owner',
  GIT_COMMITTER_EMAIL: 'owner@example.org',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

export interface SiteRepo {
  /** The clone's work tree. */
  dir: string;
  /** A temporary folder beside it, for bare remotes and "outside" targets. */
  root: string;
  git(...args: string[]): string;
  /** Every file in the work tree (not .git), relative, sorted. */
  files(): string[];
  status(): string;
  remove(): void;
}

export function createSiteRepo(options: { initialCommit?: boolean } = {}): SiteRepo {
  const root = mkdtempSync(join(tmpdir(), 'duet-site-'));
  const dir = join(root, 'site');
  const run = (cwd: string, args: string[]) => execFileSync('git', ['-C', cwd, ...args], { env: ENV, encoding: 'utf8' });
  execFileSync('git', ['init', '-q', '-b', 'main', dir], { env: ENV });
  if (options.initialCommit ?? true) run(dir, ['commit', '-q', '--allow-empty', '-m', 'Start the site']);
  const walk = (folder: string): string[] =>
    readdirSync(folder).flatMap((name) => {
      const path = join(folder, name);
      if (name === '.git') return [];
      return lstatSync(path).isDirectory() ? walk(path) : [relative(dir, path)];
    });
  return {
    dir,
    root,
    git: (...args) => run(dir, args),
    files: () => walk(dir).sort(),
    status: () => run(dir, ['status', '--porcelain', '--untracked-files=all']),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** `git init --bare` beside the clone, added to it as a remote. */
export function addBareRemote(repo: SiteRepo, name: string): string {
  const bare = join(repo.root, `${name}.git`);
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', bare], { env: ENV });
  repo.git('remote', 'add', name, bare);
  return bare;
}

export function gitIn(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], { env: ENV, encoding: 'utf8' });
}
