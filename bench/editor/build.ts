/**
 * What the editor benchmark runs in the browser: Duet's built client
 * (dist/client, rebuilt with `npx vite build` when missing or older than its
 * sources), the probe script (an IIFE put into every page) and the baseline
 * page (bundled into a temporary folder). Vite bundles both of ours, as it
 * bundles Duet's client: same bundler, same minifier.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'vite';
import { REPO_ROOT } from '../lib/server-process';

export const CLIENT_DIST = join(REPO_ROOT, 'dist', 'client');
const HERE = join(REPO_ROOT, 'bench', 'editor');

/** Files the client bundle is built from (tests excluded): client/, shared/ and the Vite config. */
function bundleSources(): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return walk(path);
      return /\.test\.tsx?$/.test(entry.name) ? [] : [path];
    });
  return [...walk(join(REPO_ROOT, 'client')), ...walk(join(REPO_ROOT, 'shared')), join(REPO_ROOT, 'vite.config.ts')];
}

/** Why dist/client needs building, or null when it is current. */
export function clientBuildReason(): string | null {
  const index = join(CLIENT_DIST, 'index.html');
  if (!existsSync(index)) return `${relative(REPO_ROOT, index)} is missing`;
  const built = statSync(index).mtimeMs;
  const newer = bundleSources().find((file) => statSync(file).mtimeMs > built);
  return newer ? `${relative(REPO_ROOT, newer)} is newer than the build` : null;
}

/** `npx vite build` (the project's own build, into dist/client), unless it is current; returns what it did. */
export async function ensureClientBuilt(log: (line: string) => void): Promise<string> {
  const reason = clientBuildReason();
  if (!reason) return 'dist/client is current';
  log(`Building the client (npx vite build): ${reason}…`);
  const started = performance.now();
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('npx', ['vite', 'build'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`npx vite build failed (exit ${code}):\n${output.join('')}`);
  return `built dist/client in ${((performance.now() - started) / 1000).toFixed(1)} s (${reason})`;
}

/** The probe as one classic script, for addInitScript. */
export async function buildProbe(outDir: string): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: HERE,
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      lib: { entry: join(HERE, 'probe.ts'), formats: ['iife'], name: 'duetBenchProbe', fileName: () => 'probe.js' },
    },
  });
  return readFileSync(join(outDir, 'probe.js'), 'utf8');
}

/** The baseline page (index.html + its bundle) into `outDir`. */
export async function buildBaseline(outDir: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: join(HERE, 'baseline'),
    base: '/',
    build: { outDir, emptyOutDir: true, minify: true },
  });
}
