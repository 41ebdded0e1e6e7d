/**
 * Publishing an article into the site's repository, for the API and the CLI
 * alike. Everything that can be checked is checked before the first byte is
 * written (QA, names, paths, a clean clone); a failure after that puts every
 * file back as it was. Then exactly the post and its images are committed in
 * the publisher's name, with Co-authored-by trailers, and pushed when a
 * remote is configured: a push that fails leaves the commit, and says why.
 * See docs/PUBLISHING.md.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { articleTitle, readArticle } from '../../shared/article/article';
import { DuetError } from '../../shared/protocol/errors';
import { may } from '../../shared/permissions/permissions';
import { todayPostDate } from '../../shared/publish/post-date';
import { planPublication, PUBLISHED_QA, PublishPlanError, type PublicationPlan } from '../../shared/publish/publication-plan';
import { checkArticle, hasErrors, type QaIssue } from '../../shared/qa/qa';
import { loadArticleDoc } from '../articles/article-service';
import { noreplyEmail, type Accounts, type User } from '../auth/accounts';
import { MediaStore } from '../media/media-store';
import { approvedTranslationsFor } from '../memory/memory-consistency';
import type { TranslationMemory } from '../memory/translation-memory';
import type { Glossary } from '../glossary/glossary';
import { TermMatcher } from '../../shared/glossary/term-matcher';
import type { ArticleStore } from '../store/article-store';
import type { Db } from '../store/database';
import { coAuthors, historyAuthorsFromDb, type HistoryAuthors } from './contributors';
import { git, GitError } from './git';
import { Publications, type Publication, type PublishedMedia } from './publications';
import { fileInRepository, makeFolders, repositoryRoot } from './repo-paths';
import { SiteSettings, type SiteConfig } from './site-settings';

export interface PublishDeps {
  store: ArticleStore;
  db: Db;
  dataDir: string;
  accounts: Accounts;
  /** The translation memory, whose approved units QA holds the article's translations against (none: the article is checked against itself). */
  memory?: TranslationMemory;
  /** The team's glossary, whose terms QA checks the translation for (none: terms are not checked). */
  glossary?: Glossary;
  /** The authors of text and status changes (default: the review history's tables). */
  historyAuthors?: HistoryAuthors;
  now?: () => Date;
}

export interface PublishRequest {
  articleId: string;
  user: User;
  /** Publish despite QA errors (admins only), saying why; recorded with the publication and in the commit. */
  override?: { reason: string } | null;
  /** Move a republished post to the path its title, slug and date now give. */
  rename?: boolean;
}

export interface PublishResult {
  publication: Publication;
  /** On a republish: the path the post would now get, when it differs from the one kept. */
  newPostPath: string | null;
  /** QA's findings at publishing (warnings, and errors an override let through). */
  issues: QaIssue[];
}

export const MAX_OVERRIDE_REASON = 500;
const PUSH_TIMEOUT_MS = 120_000;

/** One publication at a time per repository: two would race for its index. */
const repositoryQueues = new Map<string, Promise<unknown>>();
function serialized<T>(key: string, run: () => Promise<T>): Promise<T> {
  const previous = repositoryQueues.get(key) ?? Promise.resolve();
  const next = previous.then(run, run);
  const settled = next.catch(() => undefined);
  repositoryQueues.set(key, settled);
  void settled.then(() => {
    if (repositoryQueues.get(key) === settled) repositoryQueues.delete(key);
  });
  return next;
}

/** One line, no control characters: text that goes into a commit message. */
const oneLine = (text: string, max: number) => {
  const flat = text
    // eslint-disable-next-line no-control-regex -- control characters are what this removes or refuses
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

function checkOverride(request: PublishRequest): string | null {
  if (request.override == null) return null;
  if (!may(request.user, 'publish.override')) throw new DuetError('forbidden', 'only an admin may publish despite QA errors');
  const reason = typeof request.override.reason === 'string' ? oneLine(request.override.reason, MAX_OVERRIDE_REASON + 1) : '';
  if (reason === '') throw new DuetError('bad_request', 'an override needs a reason: say why the article is published despite QA errors');
  if (reason.length > MAX_OVERRIDE_REASON) throw new DuetError('bad_request', `the override reason is over ${MAX_OVERRIDE_REASON} characters`);
  return reason;
}

function refuseQa(errors: QaIssue[]): DuetError {
  const shown = errors
    .slice(0, 3)
    .map((found) => found.message)
    .join(' ');
  const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : '';
  return new DuetError(
    'conflict',
    `QA found ${errors.length} error${errors.length === 1 ? '' : 's'}: ${shown}${more} Fix them, or an admin publishes with an override and a reason.`,
  );
}

/** The email commits use for an account: its own, else `<name>@users.noreply.duet`. */
const emailFor = (accounts: Accounts, name: string): string => accounts.emailOf(name) ?? noreplyEmail(name);

function commitMessage(plan: PublicationPlan, title: string, articleId: string, republish: boolean, overrideReason: string | null, trailers: string[]): string {
  const lines = [`${republish ? 'Update' : 'Publish'} "${oneLine(title, 200)}"`, '', `${plan.postPath} (Duet article ${articleId})`];
  if (overrideReason) lines.push('', `Published despite QA errors: ${overrideReason}`);
  if (trailers.length > 0) lines.push('', ...trailers.map((trailer) => `Co-authored-by: ${trailer}`));
  return `${lines.join('\n')}\n`;
}

interface Write {
  path: string;
  absolute: string;
  bytes: Buffer;
  /** The file's bytes before, or null when it did not exist. */
  before: Buffer | null;
}

function writeAtomically(absolute: string, bytes: Buffer): void {
  const temporary = join(dirname(absolute), `.duet-${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, absolute);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** Is the path tracked by git (so `git rm` applies)? */
async function tracked(root: string, path: string): Promise<boolean> {
  return (await git(root, ['ls-files', '--', path])).trim() !== '';
}

async function ignoredPaths(root: string, paths: string[]): Promise<string[]> {
  try {
    return (await git(root, ['check-ignore', '--', ...paths])).split('\n').filter(Boolean);
  } catch (error) {
    if (error instanceof GitError && error.exitCode === 1) return []; // none ignored
    throw error;
  }
}

export class Publisher {
  readonly settings: SiteSettings;
  readonly publications: Publications;
  private readonly media: MediaStore;
  private readonly now: () => Date;
  private readonly historyAuthors: HistoryAuthors;

  constructor(private readonly deps: PublishDeps) {
    this.historyAuthors = deps.historyAuthors ?? historyAuthorsFromDb(deps.db);
    this.settings = new SiteSettings(deps.db);
    this.publications = new Publications(deps.db);
    this.media = new MediaStore(deps.db, deps.dataDir);
    this.now = deps.now ?? (() => new Date());
  }

  async publish(request: PublishRequest): Promise<PublishResult> {
    if (!may(request.user, 'article.publish')) throw new DuetError('forbidden', `a ${request.user.role} may not publish`);
    if (!this.deps.store.has(request.articleId)) throw new DuetError('not_found', `no article with id "${request.articleId}"`);
    const overrideReason = checkOverride(request);
    const site = this.settings.require();
    return serialized(site.repo, () => this.publishLocked(request, site, overrideReason));
  }

  private async publishLocked(request: PublishRequest, site: SiteConfig, overrideReason: string | null): Promise<PublishResult> {
    const { articleId, user } = request;
    const doc = loadArticleDoc(this.deps.store, articleId);
    const article = readArticle(doc);
    const previous = this.publications.latest(articleId);

    let plan: PublicationPlan;
    try {
      plan = planPublication(article, { layout: site, today: todayPostDate(this.now()), previousPostPath: request.rename ? null : (previous?.path ?? null) });
    } catch (error) {
      if (error instanceof PublishPlanError) throw new DuetError('invalid_input', `cannot publish: ${error.message}`);
      throw error;
    }

    const approvedTranslations = this.deps.memory ? approvedTranslationsFor(this.deps.memory, articleId, plan.article.segments) : undefined;
    const terms = this.deps.glossary ? new TermMatcher([...this.deps.glossary.all()]) : undefined;
    const issues = checkArticle(plan.article, { ...PUBLISHED_QA, approvedTranslations, ...(terms ? { terms } : {}) });
    const errors = issues.filter((found) => found.severity === 'error');
    if (hasErrors(issues) && overrideReason === null) throw refuseQa(errors);

    const images = plan.media.map((planned) => {
      const found = this.media.read(planned.ref.articleId, planned.ref.name);
      if (!found) throw new DuetError('invalid_input', `cannot publish: the image ${planned.src} is not stored (upload it again)`);
      return { planned, bytes: found.bytes };
    });

    const root = await repositoryRoot(site.repo);
    const status = (await git(root, ['status', '--porcelain', '--untracked-files=all'])).trimEnd();
    if (status !== '') {
      const lines = status.split('\n');
      throw new DuetError(
        'conflict',
        `the clone at ${site.repo} has uncommitted changes (${lines.slice(0, 3).join('; ')}${lines.length > 3 ? '; …' : ''}): commit or discard them first`,
      );
    }

    // The post must be this article's own: never overwrite another post.
    const owners = this.publications.articlesAt(plan.postPath).filter((id) => id !== articleId);
    if (owners.length > 0) throw new DuetError('conflict', `cannot publish: ${plan.postPath} is the post of article ${owners[0]}; set another slug`);
    const previousMedia = new Set((previous?.media ?? []).map((item) => item.path));
    const writes: Write[] = [];
    const toWrite = [
      { path: plan.postPath, bytes: Buffer.from(plan.markdown, 'utf8'), ours: previous?.path === plan.postPath },
      ...images.map(({ planned, bytes }) => ({ path: planned.repoPath, bytes, ours: previousMedia.has(planned.repoPath) })),
    ];
    for (const file of toWrite) {
      const absolute = fileInRepository(root, file.path);
      const before = existsSync(absolute) ? readFileSync(absolute) : null;
      if (before && !file.ours && !before.equals(file.bytes)) {
        throw new DuetError('conflict', `cannot publish: ${file.path} already exists in the repository and is not this article's`);
      }
      writes.push({ path: file.path, absolute, bytes: file.bytes, before });
    }
    const written = new Set(writes.map((write) => write.path));
    const stale: string[] = [];
    for (const path of previousMedia) {
      if (written.has(path)) continue;
      const absolute = fileInRepository(root, path);
      if (existsSync(absolute) && (await tracked(root, path))) stale.push(path);
    }
    if (request.rename && previous && previous.path !== plan.postPath) {
      const absolute = fileInRepository(root, previous.path);
      if (existsSync(absolute) && (await tracked(root, previous.path))) stale.push(previous.path);
    }
    const ignored = await ignoredPaths(root, [...written]);
    if (ignored.length > 0) throw new DuetError('conflict', `cannot publish: the repository ignores ${ignored.join(', ')} (.gitignore)`);

    const trailers = coAuthors(doc, articleId, user.name, this.historyAuthors);
    let commit: string;
    let committed = false;
    try {
      for (const write of writes) {
        makeFolders(root, write.path);
        fileInRepository(root, write.path); // again, now the folders exist
        if (!write.before?.equals(write.bytes)) writeAtomically(write.absolute, write.bytes);
      }
      await git(root, ['add', '--', ...written]);
      if (stale.length > 0) await git(root, ['rm', '-q', '--', ...stale]);
      const staged = (await git(root, ['diff', '--cached', '--name-only'])).trim() !== '';
      if (staged) {
        const [name, email] = [user.name, emailFor(this.deps.accounts, user.name)];
        const credits = trailers.map((trailer) => `${trailer} <${emailFor(this.deps.accounts, trailer)}>`);
        const message = commitMessage(plan, articleTitle(article), articleId, previous !== null, overrideReason, credits);
        await git(root, ['commit', '-q', '--no-verify', '-m', message], {
          env: { GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: email },
        });
        committed = true;
      }
      commit = (await git(root, ['rev-parse', 'HEAD'])).trim();
    } catch (error) {
      if (!committed) await this.rollback(root, writes, stale);
      throw error instanceof GitError ? new DuetError('internal', `publishing failed and nothing was committed: ${error.message}`) : error;
    }

    let pushed = false;
    let pushError: string | null = null;
    if (site.remote) {
      try {
        await git(root, ['push', '-q', site.remote, site.branch ? `HEAD:refs/heads/${site.branch}` : 'HEAD'], { timeoutMs: PUSH_TIMEOUT_MS });
        pushed = true;
      } catch (error) {
        pushError = oneLine(error instanceof GitError ? error.stderr || error.message : (error as Error).message, 1000);
      }
    }

    const media: PublishedMedia[] = plan.media.map((planned) => ({ path: planned.repoPath, src: planned.src }));
    const publication = this.publications.record({
      articleId,
      path: plan.postPath,
      url: plan.permalink,
      commit,
      committed,
      pushed,
      pushError,
      media,
      coAuthors: trailers,
      publishedBy: user.name,
      publishedAt: this.now().toISOString(),
      overrideReason,
    });
    return { publication, newPostPath: plan.newPostPath, issues };
  }

  /** Put every file back as it was before this publication began, and unstage them. */
  private async rollback(root: string, writes: Write[], stale: string[]): Promise<void> {
    const paths = [...writes.map((write) => write.path), ...stale];
    try {
      await git(root, ['reset', '-q', '--', ...paths]);
    } catch {
      // An unborn branch has nothing to reset to; the index is removed below with the files.
      await git(root, ['rm', '-q', '--cached', '--ignore-unmatch', '--', ...paths]).catch(() => undefined);
    }
    for (const write of writes) {
      if (write.before) writeAtomically(write.absolute, write.before);
      else rmSync(write.absolute, { force: true });
    }
    if (stale.length > 0) await git(root, ['checkout', '--', ...stale]).catch(() => undefined);
  }

  list(articleId: string): Publication[] {
    if (!this.deps.store.has(articleId)) throw new DuetError('not_found', `no article with id "${articleId}"`);
    return this.publications.list(articleId);
  }
}
