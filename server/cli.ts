/**
 * `duet`: the command-line face of Duet. Each command opens the store in the
 * data folder, does one thing, and closes it. Errors are one line on stderr
 * and a non-zero exit; nothing is stored when a command fails.
 */
import { useNativeHashes } from './native-hashes';
import { readFileSync, writeFileSync } from 'node:fs';
import type * as Y from 'yjs';
import { basename, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { translatedShare } from '../shared/article/progress';
import { decodeTextFile } from '../shared/import/text-file';
import { detectFormat, extensionOf, hasFrontMatter, SOURCE_FORMATS } from '../shared/import/source-format';
import { DuetError } from '../shared/protocol/errors';
import { importReport } from '../shared/xliff/import-report';
import { isRole, ROLES } from '../shared/protocol/roles';
import { may } from '../shared/permissions/permissions';
import { Accounts, checkEmail, type User } from './auth/accounts';
import { exportArticle, importPublished, importSourceArticle, listArticles, showArticle } from './articles/article-service';
import { exportXliff, importXliffToStore } from './articles/xliff-service';
import { openDataFolder, resolveDataDir, type DataFolder } from './store/data-dir';
import { Publisher } from './publish/publisher';
import { SiteSettings, type SiteConfig } from './publish/site-settings';
import type { ArticleStore } from './store/article-store';
import { SqliteTranslationMemory } from './memory/sqlite-memory';
import { exportMemoryTmx, importMemoryTmx, tmxImportReport } from './memory/tmx-service';
import { pretranslateNewArticle } from './memory/pretranslate';
import { alignFiles, alignImportReport, alignmentJson, alignmentLines, importAlignment } from './memory/align-service';
import { duetVersion } from './paths';
import type { UnitOrigin } from '../shared/protocol/memory-api';
import { MAX_TMX_BYTES } from '../shared/memory/tmx';
import { MAX_GLOSSARY_BYTES, type GlossaryEntry, type GlossaryFormat } from '../shared/protocol/glossary-api';
import { SqliteGlossary } from './glossary/sqlite-glossary';
import { exportGlossary, glossaryImportReport, importGlossaryFile } from './glossary/glossary-files';

const USAGE = `usage: duet <command> [options]

  import FILE [--title TITLE]    import a published front-matter Markdown file; prints the new id
         [--format FORMAT]       or a Chinese source: FORMAT is published, html, markdown, text
                                 or docx. Without it: .docx, .html/.htm, .txt by name; .md or
                                 .markdown with front matter is published; else by its content
         [--no-pretranslate]     a source's segments the memory has exact matches for are filled
                                 as draft (said on stderr) unless this is given
  list                           list articles: id, title, segments, progress
  show ID --json                 print an article as JSON
  export ID [--out FILE]         write the article as house-style Markdown (stdout by default)
  xliff export ID [--out FILE]   write the article as XLIFF 1.2 for another CAT tool
  xliff import ID FILE           apply an XLIFF 1.2 or 1.1 file's targets and statuses, whole or
                                 not at all; an empty target changes nothing, and every translation
                                 it would erase is listed
        [--overwrite]            the file wins where Duet changed too, and an empty target erases
                                 where the file's state confirms it (docs/XLIFF.md)
        [--dry-run] [--by NAME]  report what it would do, changing nothing; NAME is recorded as the editor
  tm import FILE.tmx             add a TMX file's units to the translation memory, whole or not at
                                 all; prints how many were added, unchanged and skipped
  tm export [--out FILE]         write the whole memory as TMX 1.4b (stdout by default)
  tm lookup TEXT [--json]        the memory's matches for a Chinese source, best first
         [--threshold N]         the least fuzzy score offered (default 70)
  tm search TEXT [--json]        units whose Chinese or English holds TEXT (concordance)
         [--side source|target|both]
  terms import FILE              add a glossary file's entries (TBX or CSV, told by its name or
         [--format tbx|csv]      content) to the glossary, whole or not at all; a term already
                                 there gets the file's new translations
  terms export --format tbx|csv  write the whole glossary as TBX-Basic or CSV (stdout by default)
         [--out FILE]
  terms list [--json]            the glossary: each term, its preferred translation, the others
  align SOURCE PUBLISHED         pair the blocks of a Chinese source (.html, .md, .txt, .docx) with
         [--json]                those of its published front-matter Markdown translation; prints
         [--into-tm]             the pairs (or JSON); --into-tm stores the 1-1, 1-2 and 2-1 pairs
                                 in the translation memory, their origin the published file's name
  serve [--port N] [--host H]    run the Duet server; behind a reverse proxy that sets
                                 X-Forwarded-For, DUET_TRUST_PROXY=1 counts sign-in attempts
                                 by the address in it (docs/SECURITY.md)
  user add NAME --role ROLE      add an account (ROLE: admin, translator, reviewer or viewer);
         [--email E]             prints its password and API token, shown only this once; E is
                                 the email of commits it publishes (else NAME@users.noreply.duet)
  user list                      list accounts: name, role, date created
  user remove NAME               remove an account with its sessions and tokens
  user role NAME --role ROLE     give an account another role
                                 (a running server on the same data folder applies both at once)

  site set --repo PATH           configure the site's local git clone (see docs/PUBLISHING.md):
         [--posts _posts] [--media assets/media] [--file-name :year-:month-:day-:slug.md]
         [--permalink /articles/:year/:month/:day/:title] [--remote NAME] [--branch NAME]
  site show                      print the site's configuration
  publish ID [--as NAME]         commit the article into the site's repository (and push), as NAME
         [--override REASON]     (default: the only admin); publish despite QA errors, saying why
         [--rename]              move a republished post to the path its title now gives

  --data DIR                     the data folder (default: $DUET_DATA, else ./data)`;

class UsageError extends Error {}

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

type Options = ParseArgsConfig['options'];

function parse(args: string[], options: Options, positionals: number) {
  const common: Options = { data: { type: 'string' }, help: { type: 'boolean', short: 'h' } };
  let parsed;
  try {
    parsed = parseArgs({ args, options: { ...common, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.positionals.length !== positionals) {
    throw new UsageError(`expected ${positionals} argument${positionals === 1 ? '' : 's'}, got ${parsed.positionals.length}`);
  }
  return parsed as { values: Record<string, string | boolean | undefined>; positionals: string[] };
}

function withStore<T>(dataFlag: unknown, run: (store: ArticleStore) => T): T {
  const folder = openDataFolder(resolveDataDir(typeof dataFlag === 'string' ? dataFlag : undefined));
  try {
    return run(folder.articles);
  } finally {
    folder.close();
  }
}

async function withAccounts<T>(dataFlag: unknown, run: (accounts: Accounts) => T | Promise<T>): Promise<T> {
  const folder = openDataFolder(resolveDataDir(typeof dataFlag === 'string' ? dataFlag : undefined));
  try {
    return await run(new Accounts(folder.db));
  } finally {
    folder.close();
  }
}

const userCommands: Record<string, (args: string[], io: Io) => number | Promise<number>> = {
  async add(args, io) {
    const { values, positionals } = parse(args, { role: { type: 'string' }, email: { type: 'string' } }, 1);
    const roles = ROLES.join(', ');
    if (values.role === undefined) throw new UsageError(`user add needs --role (one of ${roles})`);
    if (!isRole(values.role)) throw new UsageError(`--role must be one of ${roles}, not "${String(values.role)}"`);
    const role = values.role;
    const email = typeof values.email === 'string' ? values.email : null;
    if (email !== null) checkEmail(email);
    const created = await withAccounts(values.data, async (accounts) => {
      const added = await accounts.addUser(positionals[0]!, role);
      if (email !== null) accounts.setEmail(added.user.id, email);
      return added;
    });
    io.stdout(`password: ${created.password}\ntoken: ${created.apiToken}\n`);
    return 0;
  },

  async list(args, io) {
    const { values } = parse(args, {}, 0);
    const users = await withAccounts(values.data, (accounts) => accounts.listUsers());
    io.stdout(users.map((user) => `${user.name}\t${user.role}\t${user.createdAt.slice(0, 10)}\n`).join(''));
    return 0;
  },

  async remove(args) {
    const { values, positionals } = parse(args, {}, 1);
    await withAccounts(values.data, (accounts) => accounts.removeUser(positionals[0]!));
    return 0;
  },

  async role(args) {
    const { values, positionals } = parse(args, { role: { type: 'string' } }, 1);
    const roles = ROLES.join(', ');
    if (values.role === undefined) throw new UsageError(`user role needs --role (one of ${roles})`);
    if (!isRole(values.role)) throw new UsageError(`--role must be one of ${roles}, not "${String(values.role)}"`);
    const role = values.role;
    await withAccounts(values.data, (accounts) => accounts.setRole(positionals[0]!, role));
    return 0;
  },
};

function readInputBytes(path: string): Uint8Array {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : String(code);
    throw new DuetError('invalid_input', `cannot read ${path}: ${reason}`);
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

const IMPORT_FORMATS = ['published', ...SOURCE_FORMATS] as const;
type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * Without --format: Jekyll only publishes files with front matter, so a .md
 * with front matter is a published article (as `duet import` always read it);
 * any other file is a Chinese source, known by its name or else its content.
 */
function defaultImportFormat(path: string, bytes: Uint8Array): ImportFormat {
  const extension = extensionOf(path);
  if (extension === 'md' || extension === 'markdown') return hasFrontMatter(decodeTextFile(bytes, path)) ? 'published' : detectFormat(bytes);
  return detectFormat(bytes, path);
}

const commands: Record<string, (args: string[], io: Io) => number | Promise<number>> = {
  async import(args, io) {
    const { values, positionals } = parse(args, { title: { type: 'string' }, format: { type: 'string' }, 'no-pretranslate': { type: 'boolean' } }, 1);
    const given = values.format;
    if (given !== undefined && !(IMPORT_FORMATS as readonly unknown[]).includes(given)) {
      throw new UsageError(`--format must be one of ${IMPORT_FORMATS.join(', ')}, not "${String(given)}"`);
    }
    const path = positionals[0]!;
    const bytes = readInputBytes(path);
    const format = (given as ImportFormat | undefined) ?? defaultImportFormat(path, bytes);
    const title = typeof values.title === 'string' ? values.title : undefined;
    let id: string;
    if (format === 'published') {
      const text = decodeTextFile(bytes, path);
      id = withStore(values.data, (store) => importPublished(store, text, title != null ? { title } : {}));
    } else {
      // As an import in the browser: untranslated segments the memory has exact matches for are filled, as draft (docs/MEMORY.md).
      let filled = 0;
      const folder = openDataFolder(resolveDataDir(typeof values.data === 'string' ? values.data : undefined));
      try {
        const memory = new SqliteTranslationMemory(folder.db);
        const fill = values['no-pretranslate'] ? undefined : (doc: Y.Doc, origin: unknown) => (filled = pretranslateNewArticle(doc, memory, null, origin));
        id = await importSourceArticle(folder.articles, { bytes, filename: path, format, ...(title != null ? { title } : {}), ...(fill ? { fill } : {}) });
      } finally {
        folder.close();
      }
      if (filled > 0) io.stderr(`${filled} segment${filled === 1 ? '' : 's'} filled from the translation memory, as draft\n`);
    }
    io.stdout(`${id}\n`);
    return 0;
  },

  list(args, io) {
    const { values } = parse(args, {}, 0);
    const articles = withStore(values.data, listArticles);
    const rows = articles.map((article) => {
      const share = Math.round(translatedShare(article.progress) * 100);
      const counts = Object.entries(article.progress)
        .filter(([, n]) => n > 0)
        .map(([status, n]) => `${n} ${status}`)
        .join(', ');
      return [article.id, article.title || '(untitled)', `${article.segmentCount} segments`, `${share}% translated (${counts || 'empty'})`];
    });
    io.stdout(rows.map((row) => `${row.join('\t')}\n`).join(''));
    return 0;
  },

  show(args, io) {
    const { values, positionals } = parse(args, { json: { type: 'boolean' } }, 1);
    if (!values.json) throw new UsageError('show prints JSON: add --json');
    const article = withStore(values.data, (store) => showArticle(store, positionals[0]!));
    io.stdout(`${JSON.stringify(article, null, 2)}\n`);
    return 0;
  },

  export(args, io) {
    const { values, positionals } = parse(args, { out: { type: 'string' } }, 1);
    const markdown = withStore(values.data, (store) => exportArticle(store, positionals[0]!));
    if (typeof values.out === 'string') writeFileSync(values.out, markdown);
    else io.stdout(markdown);
    return 0;
  },

  async serve(args, io) {
    const { values } = parse(args, { port: { type: 'string' }, host: { type: 'string' } }, 0);
    const port = values.port === undefined ? undefined : Number(values.port);
    if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535))
      throw new UsageError(`--port must be a port number, not "${String(values.port)}"`);
    const { runServer } = await import('./main');
    await runServer({
      dataDir: resolveDataDir(typeof values.data === 'string' ? values.data : undefined),
      ...(port !== undefined ? { port } : {}),
      ...(typeof values.host === 'string' ? { host: values.host } : {}),
      // Only behind a reverse proxy that sets X-Forwarded-For; anyone can send the header to Duet directly.
      trustProxy: process.env.DUET_TRUST_PROXY === '1',
      log: (line) => io.stderr(`${line}\n`),
    });
    return 0;
  },

  xliff(args, io) {
    const [sub, ...rest] = args;
    if (sub === 'export') {
      const { values, positionals } = parse(rest, { out: { type: 'string' } }, 1);
      const { xliff } = withStore(values.data, (store) => exportXliff(store, positionals[0]!));
      if (typeof values.out === 'string') writeFileSync(values.out, xliff);
      else io.stdout(xliff);
      return 0;
    }
    if (sub === 'import') {
      const { values, positionals } = parse(rest, { overwrite: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, by: { type: 'string' } }, 2);
      const xml = decodeTextFile(readInputBytes(positionals[1]!), positionals[1]);
      const by = typeof values.by === 'string' ? values.by : null;
      const options = { overwrite: values.overwrite === true, dryRun: values['dry-run'] === true };
      const summary = withStore(values.data, (store) => importXliffToStore(store, positionals[0]!, xml, by, options));
      io.stdout(
        importReport(summary)
          .map((line) => `${line}\n`)
          .join(''),
      );
      return 0;
    }
    throw new UsageError(sub === undefined ? 'xliff needs export or import' : `unknown xliff command "${sub}" (export or import)`);
  },

  tm(args, io) {
    const [sub, ...rest] = args;
    const command = sub !== undefined && Object.hasOwn(tmCommands, sub) ? tmCommands[sub] : undefined;
    if (!command)
      throw new UsageError(sub === undefined ? 'tm needs import, export, lookup or search' : `unknown tm command "${sub}" (import, export, lookup or search)`);
    return command(rest, io);
  },

  terms(args, io) {
    const [sub, ...rest] = args;
    const command = sub !== undefined && Object.hasOwn(termsCommands, sub) ? termsCommands[sub] : undefined;
    if (!command) throw new UsageError(sub === undefined ? 'terms needs import, export or list' : `unknown terms command "${sub}" (import, export or list)`);
    return command(rest, io);
  },

  async align(args, io) {
    const { values, positionals } = parse(args, { json: { type: 'boolean' }, 'into-tm': { type: 'boolean' } }, 2);
    const [sourcePath, publishedPath] = positionals as [string, string];
    const article = await alignFiles({
      source: { bytes: readInputBytes(sourcePath), name: sourcePath },
      published: { bytes: readInputBytes(publishedPath), name: publishedPath },
    });
    const summary = values['into-tm'] ? withMemory(values.data, (memory) => importAlignment(memory, article, basename(publishedPath), Date.now())) : null;
    if (values.json) {
      io.stdout(`${JSON.stringify({ ...alignmentJson(article), ...(summary ? { imported: summary } : {}) }, null, 2)}\n`);
      return 0;
    }
    io.stdout([...alignmentLines(article), ...(summary ? alignImportReport(summary) : [])].map((line) => `${line}\n`).join(''));
    return 0;
  },

  async site(args, io) {
    const [sub, ...rest] = args;
    if (sub === 'set') {
      const flags = {
        repo: 'repo',
        posts: 'postsFolder',
        media: 'mediaFolder',
        'file-name': 'fileNamePattern',
        permalink: 'permalinkPattern',
        remote: 'remote',
        branch: 'branch',
      } as const;
      const { values } = parse(rest, Object.fromEntries(Object.keys(flags).map((flag) => [flag, { type: 'string' as const }])), 0);
      if (values.repo === undefined) throw new UsageError("site set needs --repo PATH (the site's local git clone)");
      const input = Object.fromEntries(Object.entries(flags).map(([flag, key]) => [key, values[flag]]));
      const site = await withDataFolder(values.data, (folder) => new SiteSettings(folder.db).set({ ...input, repo: resolve(String(values.repo)) }));
      io.stdout(siteText(site));
      return 0;
    }
    if (sub === 'show') {
      const { values } = parse(rest, {}, 0);
      const site = await withDataFolder(values.data, (folder) => new SiteSettings(folder.db).get());
      io.stdout(site ? siteText(site) : 'no site is configured (duet site set --repo PATH)\n');
      return 0;
    }
    throw new UsageError(sub === undefined ? 'site needs set or show' : `unknown site command "${sub}" (set or show)`);
  },

  async publish(args, io) {
    const { values, positionals } = parse(args, { as: { type: 'string' }, override: { type: 'string' }, rename: { type: 'boolean' } }, 1);
    const result = await withDataFolder(values.data, async (folder) => {
      const accounts = new Accounts(folder.db);
      const user = publishingUser(accounts, typeof values.as === 'string' ? values.as : undefined);
      const memory = new SqliteTranslationMemory(folder.db);
      const glossary = new SqliteGlossary(folder.db);
      const publisher = new Publisher({ store: folder.articles, db: folder.db, dataDir: folder.dir, accounts, memory, glossary });
      return publisher.publish({
        articleId: positionals[0]!,
        user,
        override: typeof values.override === 'string' ? { reason: values.override } : null,
        rename: values.rename === true,
      });
    });
    const { publication, newPostPath } = result;
    io.stdout(`${publication.committed ? 'committed' : 'unchanged since the last publication:'} ${publication.commit.slice(0, 12)} ${publication.path}\n`);
    if (newPostPath) io.stdout(`the title, slug or date now give ${newPostPath}; the post stays at ${publication.path} (publish with --rename to move it)\n`);
    if (publication.pushError) {
      io.stderr(`duet publish: the commit is made, but the push failed: ${publication.pushError}\n`);
      return 1;
    }
    if (publication.pushed) io.stdout('pushed\n');
    return 0;
  },

  user(args, io) {
    const [sub, ...rest] = args;
    // hasOwn, so "toString" and friends are unknown commands rather than Object methods.
    const command = sub !== undefined && Object.hasOwn(userCommands, sub) ? userCommands[sub] : undefined;
    if (!command) {
      throw new UsageError(sub === undefined ? 'user needs add, list or remove' : `unknown user command "${sub}" (add, list or remove)`);
    }
    return command(rest, io);
  },
};

function withMemory<T>(dataFlag: unknown, run: (memory: SqliteTranslationMemory) => T): T {
  const folder = openDataFolder(resolveDataDir(typeof dataFlag === 'string' ? dataFlag : undefined));
  try {
    return run(new SqliteTranslationMemory(folder.db));
  } finally {
    folder.close();
  }
}

/** A memory's or a glossary's file as text: UTF-8 (with or without a BOM), up to `limit` bytes (far more than an article's import allows). */
function readLargeTextFile(path: string, limit: number): string {
  const bytes = readInputBytes(path);
  if (bytes.byteLength > limit)
    throw new DuetError('too_large', `${path} is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MiB; the limit is ${limit / 1024 / 1024} MiB`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DuetError('invalid_input', `${path} is not valid UTF-8 text`);
  }
}

const originText = (origin: UnitOrigin) => (origin.kind === 'article' ? origin.articleTitle || origin.articleId : origin.file);

const tmCommands: Record<string, (args: string[], io: Io) => number> = {
  import(args, io) {
    const { values, positionals } = parse(args, {}, 1);
    const path = positionals[0]!;
    const text = readLargeTextFile(path, MAX_TMX_BYTES);
    const summary = withMemory(values.data, (memory) => importMemoryTmx(memory, text, basename(path), Date.now()));
    io.stdout(
      tmxImportReport(summary)
        .map((line) => `${line}\n`)
        .join(''),
    );
    return 0;
  },

  export(args, io) {
    const { values } = parse(args, { out: { type: 'string' } }, 0);
    const tmx = withMemory(values.data, (memory) => exportMemoryTmx(memory, duetVersion()));
    if (typeof values.out === 'string') writeFileSync(values.out, tmx);
    else io.stdout(tmx);
    return 0;
  },

  lookup(args, io) {
    const { values, positionals } = parse(args, { json: { type: 'boolean' }, threshold: { type: 'string' } }, 1);
    const threshold = values.threshold === undefined ? undefined : Number(values.threshold);
    if (threshold !== undefined && (!Number.isInteger(threshold) || threshold < 1 || threshold > 100))
      throw new UsageError(`--threshold must be a whole number from 1 to 100, not "${String(values.threshold)}"`);
    const matches = withMemory(values.data, (memory) => memory.lookup({ source: positionals[0]!, ...(threshold === undefined ? {} : { threshold }) }));
    if (values.json) io.stdout(`${JSON.stringify(matches, null, 2)}\n`);
    else io.stdout(matches.map((match) => `${match.score}%  ${match.targetText}  (${match.status}, ${originText(match.origin)})\n`).join(''));
    return 0;
  },

  search(args, io) {
    const { values, positionals } = parse(args, { json: { type: 'boolean' }, side: { type: 'string' } }, 1);
    const side = values.side ?? 'both';
    if (side !== 'source' && side !== 'target' && side !== 'both') throw new UsageError(`--side must be source, target or both, not "${String(side)}"`);
    const found = withMemory(values.data, (memory) => memory.search(positionals[0]!, side, SEARCH_LIMIT));
    if (values.json) {
      io.stdout(`${JSON.stringify(found, null, 2)}\n`);
      return 0;
    }
    const joined = (parts: { text: string }[]) => parts.map((part) => part.text).join('');
    io.stdout(found.hits.map((hit) => `${joined(hit.source)}  ${joined(hit.target)}  (${hit.status}, ${originText(hit.origin)})\n`).join(''));
    if (found.total > found.hits.length) io.stdout(`(${found.hits.length} of ${found.total} shown)\n`);
    return 0;
  },
};

/** At most this many concordance hits are printed. */
const SEARCH_LIMIT = 50;

function glossaryFormatFlag(value: unknown): GlossaryFormat | undefined {
  if (value === undefined) return undefined;
  if (value === 'tbx' || value === 'csv') return value;
  throw new UsageError(`--format must be tbx or csv, not "${String(value)}"`);
}

const termsCommands: Record<string, (args: string[], io: Io) => number> = {
  import(args, io) {
    const { values, positionals } = parse(args, { format: { type: 'string' } }, 1);
    const path = positionals[0]!;
    const format = glossaryFormatFlag(values.format);
    const text = readLargeTextFile(path, MAX_GLOSSARY_BYTES);
    const summary = withGlossary(values.data, (glossary) => importGlossaryFile(glossary, text, basename(path), format, Date.now()));
    io.stdout(
      glossaryImportReport(summary)
        .map((line) => `${line}\n`)
        .join(''),
    );
    return 0;
  },

  export(args, io) {
    const { values } = parse(args, { out: { type: 'string' }, format: { type: 'string' } }, 0);
    const format = glossaryFormatFlag(values.format);
    if (format === undefined) throw new UsageError('terms export needs --format tbx or --format csv');
    const file = withGlossary(values.data, (glossary) => exportGlossary(glossary, format, duetVersion()));
    if (typeof values.out === 'string') writeFileSync(values.out, file);
    else io.stdout(file);
    return 0;
  },

  list(args, io) {
    const { values } = parse(args, { json: { type: 'boolean' } }, 0);
    const entries = withGlossary(values.data, (glossary) => [...glossary.all()]);
    if (values.json) {
      io.stdout(`${JSON.stringify(entries, null, 2)}\n`);
      return 0;
    }
    const uses = (entry: GlossaryEntry) =>
      entry.translations.map((translation) =>
        translation.use === 'preferred' ? translation.text : translation.use === 'forbidden' ? `not: ${translation.text}` : `also: ${translation.text}`,
      );
    io.stdout(entries.map((entry) => `${entry.source}\t${uses(entry).join('; ')}${entry.status === 'proposed' ? '\t(proposed)' : ''}\n`).join(''));
    return 0;
  },
};

function withGlossary<T>(dataFlag: unknown, run: (glossary: SqliteGlossary) => T): T {
  const folder = openDataFolder(resolveDataDir(typeof dataFlag === 'string' ? dataFlag : undefined));
  try {
    return run(new SqliteGlossary(folder.db));
  } finally {
    folder.close();
  }
}

async function withDataFolder<T>(dataFlag: unknown, run: (folder: DataFolder) => T | Promise<T>): Promise<T> {
  const folder = openDataFolder(resolveDataDir(typeof dataFlag === 'string' ? dataFlag : undefined));
  try {
    return await run(folder);
  } finally {
    folder.close();
  }
}

function siteText(site: SiteConfig): string {
  const rows: [string, string | null][] = [
    ['repo', site.repo],
    ['posts', site.postsFolder],
    ['media', site.mediaFolder],
    ['file-name', site.fileNamePattern],
    ['permalink', site.permalinkPattern],
    ['remote', site.remote],
    ['branch', site.branch],
  ];
  return rows.map(([key, value]) => `${key}\t${value ?? '(none)'}\n`).join('');
}

/** The account a CLI publication is made as: --as NAME, else the only account allowed to publish. */
function publishingUser(accounts: Accounts, name: string | undefined): User {
  const users = accounts.listUsers();
  if (name !== undefined) {
    const user = users.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    if (!user) throw new DuetError('not_found', `no user named "${name}"`);
    return user;
  }
  const publishers = users.filter((user) => may(user, 'article.publish'));
  if (publishers.length === 1) return publishers[0]!;
  throw new UsageError(
    publishers.length === 0
      ? 'no account may publish: add an admin first'
      : `say who publishes with --as NAME (one of ${publishers.map((user) => user.name).join(', ')})`,
  );
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  useNativeHashes();
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`duet: unknown command "${name}" (try: duet help)\n`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  try {
    return await command(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`duet ${name}: ${error.message} (try: duet help)\n`);
      return 2;
    }
    if (error instanceof DuetError) {
      io.stderr(`duet ${name}: ${error.message}\n`);
      return 1;
    }
    io.stderr(`duet ${name}: unexpected error: ${(error as Error).message ?? String(error)}\n`);
    return 1;
  }
}
