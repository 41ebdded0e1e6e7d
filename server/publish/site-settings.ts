/**
 * The site this installation publishes to: a local clone of its git
 * repository, where posts and images go in it, how they are named, and
 * where to push. One per installation, in the `settings` table as JSON.
 */
import { DuetError } from '../../shared/protocol/errors';
import { DEFAULT_SITE_LAYOUT, type SiteLayout } from '../../shared/publish/publication-plan';
import { fileNamePatternProblem, permalinkPatternProblem } from '../../shared/publish/site-patterns';
import { folderProblem } from '../../shared/publish/untrusted-names';
import type { Db } from '../store/database';
import { git } from './git';
import { repositoryRoot } from './repo-paths';

export interface SiteConfig extends SiteLayout {
  /** Absolute path of the local clone. */
  repo: string;
  /** A remote of that clone to push to after each commit; null: do not push. */
  remote: string | null;
  /** The branch to push to; null: the branch checked out. */
  branch: string | null;
}

/** What an admin sends: only `repo` is required. */
export type SiteInput = Partial<Record<keyof SiteConfig, unknown>>;

const SETTINGS_KEY = 'site';
const REF_NAME = /^[A-Za-z0-9_][A-Za-z0-9._/-]{0,99}$/;

function refProblem(value: string, what: string): string | null {
  if (!REF_NAME.test(value) || value.includes('..') || value.includes('//') || value.endsWith('/') || value.endsWith('.lock') || value.endsWith('.')) {
    return `${what} ${JSON.stringify(value)} is not a valid name (letters, digits, ".", "_", "-", "/")`;
  }
  return null;
}

function optionalString(input: SiteInput, key: keyof SiteConfig): string | undefined {
  const value = input[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new DuetError('bad_request', `"${key}" must be a string`);
  return value;
}

/** Check everything an admin sent against the text rules and the disk; the checked configuration. */
export async function checkSiteInput(input: SiteInput): Promise<SiteConfig> {
  const repo = optionalString(input, 'repo');
  if (repo === undefined) throw new DuetError('bad_request', '"repo" (the path of the site\'s local git clone) is required');
  const config: SiteConfig = {
    repo,
    postsFolder: optionalString(input, 'postsFolder') ?? DEFAULT_SITE_LAYOUT.postsFolder,
    mediaFolder: optionalString(input, 'mediaFolder') ?? DEFAULT_SITE_LAYOUT.mediaFolder,
    fileNamePattern: optionalString(input, 'fileNamePattern') ?? DEFAULT_SITE_LAYOUT.fileNamePattern,
    permalinkPattern: optionalString(input, 'permalinkPattern') ?? DEFAULT_SITE_LAYOUT.permalinkPattern,
    remote: optionalString(input, 'remote') ?? null,
    branch: optionalString(input, 'branch') ?? null,
  };
  const problem =
    folderProblem(config.postsFolder) ??
    folderProblem(config.mediaFolder) ??
    fileNamePatternProblem(config.fileNamePattern) ??
    permalinkPatternProblem(config.permalinkPattern) ??
    (config.remote !== null ? refProblem(config.remote, 'the remote') : null) ??
    (config.branch !== null ? refProblem(config.branch, 'the branch') : null);
  if (problem) throw new DuetError('invalid_input', problem);
  const root = await repositoryRoot(repo);
  if (config.remote !== null) {
    const remotes = (await git(root, ['remote'])).split('\n').filter(Boolean);
    if (!remotes.includes(config.remote))
      throw new DuetError('invalid_input', `the repository has no remote "${config.remote}" (it has ${remotes.length ? remotes.join(', ') : 'none'})`);
  }
  return config;
}

export class SiteSettings {
  private readonly statements;

  constructor(
    db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.statements = {
      get: db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?'),
      put: db.prepare<[string, string, string]>(
        'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
      ),
    };
  }

  /** The configured site, or null before an admin set one. */
  get(): SiteConfig | null {
    const row = this.statements.get.get(SETTINGS_KEY);
    return row ? ({ ...DEFAULT_SITE_LAYOUT, remote: null, branch: null, ...(JSON.parse(row.value) as Partial<SiteConfig>) } as SiteConfig) : null;
  }

  /** The site, or a clear error saying how to configure it. */
  require(): SiteConfig {
    const site = this.get();
    if (!site) throw new DuetError('conflict', 'no site is configured: an admin sets one with PUT /api/site or `duet site set --repo PATH`');
    return site;
  }

  /** Check and store a new configuration (replacing the old one whole). */
  async set(input: SiteInput): Promise<SiteConfig> {
    const config = await checkSiteInput(input);
    this.statements.put.run(SETTINGS_KEY, JSON.stringify(config), this.now().toISOString());
    return config;
  }
}
