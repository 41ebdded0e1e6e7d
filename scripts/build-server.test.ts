/**
 * The built server as production runs it: the real `duet` command (bin/duet.mjs)
 * as a child process. Which modules it loads is seen through Node's module
 * hooks (registered with --import), so the test knows it ran the bundle in
 * dist/server and no TypeScript, rather than trusting a flag the code sets.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { findRepoRoot, REPO_ROOT } from '../server/paths';

const DUET = join(REPO_ROOT, 'bin', 'duet.mjs');
const BUNDLE = join(REPO_ROOT, 'dist', 'server', 'duet.mjs');
const INPUTS = join(REPO_ROOT, 'dist', 'server', 'inputs.json');
const CLIENT_INDEX = join(REPO_ROOT, 'dist', 'client', 'index.html');

// Logs every module URL Node loads to $LOADED_LOG, and refuses TypeScript and tsx outright.
const HOOKS = `
import { appendFileSync } from 'node:fs';
const typescript = (url) => /\\.[cm]?tsx?$/.test(new URL(url).pathname) || url.includes('/node_modules/tsx/');
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (typescript(resolved.url)) throw new Error('TypeScript at run time: ' + resolved.url);
  return resolved;
}
export async function load(url, context, next) {
  appendFileSync(process.env.LOADED_LOG, url + '\\n');
  return next(url, context);
}
`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'duet-built-'));
  writeFileSync(join(dir, 'hooks.mjs'), HOOKS);
  writeFileSync(join(dir, 'observe.mjs'), `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const observed = () => ['--import', pathToFileURL(join(dir, 'observe.mjs')).href];
const loaded = () => readFileSync(join(dir, 'loaded.log'), 'utf8').split('\n').filter(Boolean);
const env = () => ({ ...process.env, LOADED_LOG: join(dir, 'loaded.log') });

/** `duet help`: cheap, and like every command it first rebuilds a stale bundle. */
const duetHelp = () => spawnSync(process.execPath, [DUET, 'help'], { encoding: 'utf8' });

describe('the built duet command', () => {
  test('serves from the bundle in dist/server, with no TypeScript loaded', async () => {
    expect(duetHelp().status).toBe(0);
    const child = spawn(process.execPath, [...observed(), DUET, 'serve', '--port', '0', '--data', join(dir, 'data')], {
      env: env(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const port = await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`did not start:\n${output}`)), 20_000);
        child.stderr.on('data', () => {
          const match = /Duet is running at http:\/\/[^:]+:(\d+)/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(Number(match[1]));
          }
        });
        void exited.then(() => reject(new Error(`exited while starting:\n${output}`)));
      });

      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(await health.json()).toEqual({ ok: true });
      // The built client is found from the bundle's place (dist/server/), one folder deeper than the source's.
      const page = await fetch(`http://127.0.0.1:${port}/`);
      if (existsSync(CLIENT_INDEX)) {
        expect(page.status).toBe(200);
        expect(await page.text()).toBe(readFileSync(CLIENT_INDEX, 'utf8'));
      }

      const urls = loaded();
      expect(urls).toContain(pathToFileURL(BUNDLE).href);
      const ours = urls.filter((url) => url.startsWith(pathToFileURL(REPO_ROOT).href) && !url.includes('/node_modules/'));
      expect(ours).toEqual([pathToFileURL(DUET).href, pathToFileURL(join(REPO_ROOT, 'scripts', 'build-server.mjs')).href, pathToFileURL(BUNDLE).href]);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output).toContain('SIGTERM: shutting down');
  });

  test('rebuilds before running when a file it was built from changed', () => {
    expect(duetHelp().status).toBe(0);
    const before = JSON.parse(readFileSync(INPUTS, 'utf8'));
    // As if server/paths.ts had been edited since: its recorded time is no longer the file's.
    const edited = structuredClone(before);
    edited.inputs['server/paths.ts'][0] -= 1000;
    writeFileSync(INPUTS, JSON.stringify(edited));

    const result = spawnSync(process.execPath, [DUET, 'list', '--data', join(dir, 'data')], { encoding: 'utf8' });
    expect(result).toMatchObject({ status: 0, stdout: '', stderr: '' });
    const after = JSON.parse(readFileSync(INPUTS, 'utf8'));
    expect(after.startedAt).toBeGreaterThan(before.finishedAt);
    const source = statSync(join(REPO_ROOT, 'server', 'paths.ts'));
    expect(after.inputs['server/paths.ts']).toEqual([source.mtimeMs, source.size]);
    expect(statSync(BUNDLE).mtimeMs).toBeGreaterThanOrEqual(after.startedAt - 50);
  });

  test('builds when there is no bundle list yet, and not again when nothing changed', () => {
    rmSync(INPUTS, { force: true });
    expect(duetHelp().status).toBe(0);
    const built = readFileSync(INPUTS, 'utf8');
    expect(duetHelp().status).toBe(0);
    expect(readFileSync(INPUTS, 'utf8')).toBe(built);
  });
});

test('the repository root is found from the source and from the bundle alike', () => {
  expect(findRepoRoot(join(REPO_ROOT, 'server'))).toBe(REPO_ROOT);
  expect(findRepoRoot(join(REPO_ROOT, 'dist', 'server'))).toBe(REPO_ROOT);
  expect(() => findRepoRoot(tmpdir())).toThrow(/package\.json not found/);
});
