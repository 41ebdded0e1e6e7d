#!/usr/bin/env node
/**
 * Enforces the folder boundaries the architecture relies on:
 *
 *   - shared/ runs in both the browser and the server, so it may not reach
 *     into client/ or server/, and (outside tests and shared/testing/) may
 *     not use Node builtins, which would break the browser bundle.
 *   - client/ is bundled for the browser, so it may not import server/ code.
 *
 * TypeScript and Vite would only catch some of these, and late (a Node
 * builtin in shared/ type-checks fine because tsconfig loads @types/node for
 * everything). A dedicated check fails fast with one line per violation.
 *
 * Usage: node scripts/check-boundaries.mjs [root]   (root defaults to the repo)
 *
 * Deliberately dependency-free: it runs before anything else in `npm test`,
 * and a full TS parser would be overkill for finding import specifiers. A
 * small tokenizer is enough, and unlike a plain regex it does not trip over
 * the word "import" in comments or prose.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCANNED_DIRS = ['shared', 'client', 'server'];
// .mts/.cts/.jsx/.cjs are not used today, but skipping them would be an easy hole.
const SOURCE_FILE = /\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const TEST_FILE = /\.test\.[cm]?[jt]sx?$/;
const BUILTINS = new Set(builtinModules);

const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));

const files = SCANNED_DIRS.flatMap((dir) => listSourceFiles(join(root, dir)));
const violations = [];
for (const file of files) {
  const rel = toPosix(relative(root, file));
  for (const { spec, line } of findImports(readFileSync(file, 'utf8'))) {
    const reason = checkImport(rel, file, spec);
    if (reason) violations.push(`${rel}:${line} imports '${spec}' — ${reason}`);
  }
}

if (violations.length > 0) {
  for (const v of violations) console.error(v);
  console.error(`boundaries: ${violations.length} violation(s) in ${files.length} files`);
  process.exit(1);
}
console.log(`boundaries ok (${files.length} files)`);

/** Returns why `spec`, imported by `file` (root-relative `rel`), breaks a rule, or null. */
function checkImport(rel, file, spec) {
  const from = rel.split('/')[0];
  const to = targetFolder(file, spec);

  if (from === 'shared' && (to === 'client' || to === 'server')) {
    return 'shared/ may not import client/ or server/';
  }
  if (from === 'client' && to === 'server') {
    return 'client/ may not import server/';
  }
  // Tests and test helpers only ever run under Node, so they may use it.
  const nodeOnly = TEST_FILE.test(rel) || rel.startsWith('shared/testing/');
  if (from === 'shared' && !nodeOnly && isNodeBuiltin(spec)) {
    return 'shared/ may not import Node builtins (outside *.test.ts and shared/testing/)';
  }
  return null;
}

/**
 * The top-level folder (relative to root) a path specifier lands in, or null
 * for bare package specifiers. Only relative and absolute specifiers can
 * reach another folder: tsconfig defines no path aliases and Vite no
 * resolve.alias, so a bare `server/x` would mean an npm package.
 */
function targetFolder(file, spec) {
  if (!(spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..' || spec.startsWith('/'))) {
    return null;
  }
  const target = relative(root, resolve(dirname(file), spec));
  if (target === '' || target.startsWith('..')) return null;
  return target.split(sep)[0];
}

function isNodeBuiltin(spec) {
  if (spec.startsWith('node:')) return true;
  // builtinModules lists some subpaths (fs/promises) but not all, so also check the first segment.
  return BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0]);
}

function listSourceFiles(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    if (err.code === 'ENOENT') return []; // a folder that does not exist yet has nothing to violate
    throw err;
  }
  return entries
    .sort((a, b) => a.name.localeCompare(b.name)) // stable output order across file systems
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listSourceFiles(path);
      return entry.isFile() && SOURCE_FILE.test(entry.name) ? [path] : [];
    });
}

function toPosix(path) {
  return path.split(sep).join('/');
}

/**
 * Finds module specifiers in `import ... from 's'`, `import 's'`,
 * `export ... from 's'`, `import('s')` (including TS `typeof import('s')`)
 * and `require('s')`, with the 1-based line each specifier is on.
 */
function findImports(source) {
  const tokens = tokenize(source);
  // A Set because `export { a }` followed by an `import` is walked from both keywords.
  const found = new Set();
  const isString = (t) => t?.type === 'string';
  const is = (t, value) => (t?.type === 'punct' || t?.type === 'word') && t.value === value;

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'word') continue;
    // `obj.import(...)` / `obj.require(...)` are ordinary method calls.
    if (is(tokens[i - 1], '.')) continue;

    if ((t.value === 'import' || t.value === 'require') && is(tokens[i + 1], '(') && isString(tokens[i + 2])) {
      found.add(tokens[i + 2]);
    } else if (t.value === 'import' && isString(tokens[i + 1])) {
      found.add(tokens[i + 1]);
    } else if (t.value === 'import' || t.value === 'export') {
      const spec = fromClause(tokens, i + 1);
      if (spec) found.add(spec);
    }
  }
  return [...found].map((t) => ({ spec: t.value, line: t.line }));
}

/**
 * Walks an import/export clause (`type { a, b as c }`, `* as ns`, `def, {x}`)
 * and returns the string token after its `from`, or null as soon as a token
 * appears that cannot be part of such a clause (e.g. `export const x = ...`).
 */
function fromClause(tokens, start) {
  for (let i = start; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'word' && t.value === 'from' && tokens[i + 1]?.type === 'string') return tokens[i + 1];
    const clauseToken = t.type === 'word' || (t.type === 'punct' && '{},*'.includes(t.value));
    if (!clauseToken) return null;
  }
  return null;
}

/**
 * A deliberately small JS/TS tokenizer: words, string literals and single
 * punctuation characters, with comments dropped. Template literals count as
 * strings only when they have no `${`, which is all an import can use.
 * Regex literals are recognised by the usual "previous token" heuristic so a
 * `/` or quote inside them cannot derail the scan. JSX text is tokenized as
 * if it were code; that is harmless because quotes end at the line's end and
 * the clause walker bails on the first `<`.
 */
function tokenize(src) {
  const tokens = [];
  let i = 0;
  let line = 1;
  const n = src.length;
  // Keywords after which a `/` starts a regex rather than a division.
  const beforeRegex = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

  const regexAllowed = () => {
    const prev = tokens[tokens.length - 1];
    if (!prev) return true;
    if (prev.type === 'word') return beforeRegex.has(prev.value);
    if (prev.type === 'string' || prev.type === 'regex') return false;
    return !')]}'.includes(prev.value);
  };

  while (i < n) {
    const c = src[i];
    if (c === '\n') { line++; i++; continue; }
    if (c === ' ' || c === '\t' || c === '\r') { i++; continue; }

    if (c === '/' && src[i + 1] === '/') {
      while (i < n && src[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end === -1 ? n : end + 2;
      for (; i < stop; i++) if (src[i] === '\n') line++;
      continue;
    }
    if (c === '"' || c === "'") {
      const startLine = line;
      let value = '';
      i++;
      // Quoted strings cannot span lines, so stopping at a newline limits the
      // damage from an apostrophe in JSX text to that one line.
      while (i < n && src[i] !== c && src[i] !== '\n') {
        if (src[i] === '\\' && i + 1 < n) {
          if (src[i + 1] === '\n') line++;
          value += src[i + 1];
          i += 2;
        } else {
          value += src[i++];
        }
      }
      if (src[i] === c) i++;
      tokens.push({ type: 'string', value, line: startLine });
      continue;
    }
    if (c === '`') {
      const startLine = line;
      let value = '';
      let interpolated = false;
      let depth = 0; // brace depth inside ${ ... }
      i++;
      while (i < n) {
        const d = src[i];
        if (d === '\n') line++;
        if (depth === 0) {
          if (d === '`') { i++; break; }
          if (d === '\\') {
            if (src[i + 1] === '\n') line++;
            value += src[i + 1] ?? '';
            i += 2;
            continue;
          }
          if (d === '$' && src[i + 1] === '{') { interpolated = true; depth = 1; i += 2; continue; }
          value += d;
        } else if (d === '{') depth++;
        else if (d === '}') depth--;
        i++;
      }
      tokens.push(interpolated ? { type: 'punct', value: '`', line: startLine } : { type: 'string', value, line: startLine });
      continue;
    }
    if (c === '/' && regexAllowed()) {
      let inClass = false;
      i++;
      while (i < n && src[i] !== '\n') {
        const d = src[i];
        if (d === '\\') { i += 2; continue; }
        if (d === '[') inClass = true;
        else if (d === ']') inClass = false;
        else if (d === '/' && !inClass) { i++; break; }
        i++;
      }
      while (i < n && /[a-z]/i.test(src[i])) i++; // flags
      tokens.push({ type: 'regex', value: '', line });
      continue;
    }
    if (/[\p{L}\p{Nl}$_]/u.test(c)) {
      let j = i + 1;
      while (j < n && /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}$_]/u.test(src[j])) j++;
      tokens.push({ type: 'word', value: src.slice(i, j), line });
      i = j;
      continue;
    }
    if (/[0-9]/.test(c)) {
      // Numbers matter only so that `1 / 2` is not read as a regex.
      let j = i + 1;
      while (j < n && /[0-9a-zA-Z_.]/.test(src[j])) j++;
      tokens.push({ type: 'word', value: src.slice(i, j), line });
      i = j;
      continue;
    }
    tokens.push({ type: 'punct', value: c, line });
    i++;
  }
  return tokens;
}
