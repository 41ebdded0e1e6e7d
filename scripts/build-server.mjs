#!/usr/bin/env node
/**
 * `npm run build:server`: bundles the server (server/cli.ts and everything it
 * imports from server/ and shared/) into dist/server/duet.mjs with esbuild, so
 * production runs compiled JavaScript rather than TypeScript through tsx.
 *
 * npm packages stay external (`packages: 'external'`): they load from
 * node_modules as they would from the source, better-sqlite3's native module
 * included. Only Duet's own code is bundled, which takes a fraction of a second.
 *
 * Beside the bundle, dist/server/inputs.json lists the files it was built from
 * with their modification time and size: bin/duet.mjs compares them at start
 * and rebuilds when one changed (see there). It is written last, so a bundle
 * without it (an interrupted build) counts as stale.
 *
 * The files are written to a temporary name and renamed into place: several
 * processes may find the bundle stale at once (tests start many servers) and
 * rebuild together, and none may import a half-written file.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = join(ROOT, 'dist', 'server');
export const BUNDLE = join(OUT_DIR, 'duet.mjs');
export const INPUTS = join(OUT_DIR, 'inputs.json');
// How far a file's modification time may lag Date.now() (see staleReason).
const CLOCK_MARGIN_MS = 50;
const ENTRY = join(ROOT, 'server', 'cli.ts');
// Not in esbuild's inputs but shaping the output: this script's options, and tsconfig.json,
// which esbuild reads for how to compile TypeScript.
const ALSO_INPUTS = [fileURLToPath(import.meta.url), join(ROOT, 'tsconfig.json')];

/** Builds the bundle; returns how long it took (ms) and how many files went in. */
export async function buildServer() {
  const started = performance.now();
  const startedAt = Date.now();
  // Imported here, not at the top: bin/duet.mjs imports this file's constants on every start,
  // and only needs esbuild when it rebuilds.
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [ENTRY],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    // The sources' file names in the source map, relative to it, for stack traces (node --enable-source-maps).
    sourceRoot: '',
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  mkdirSync(OUT_DIR, { recursive: true });
  // The map before the bundle, so a bundle in place always has its map.
  const maps = result.outputFiles.filter((file) => file.path.endsWith('.map'));
  for (const file of [...maps, ...result.outputFiles.filter((file) => !maps.includes(file))]) {
    writeAtomically(file.path, file.contents);
  }

  const files = [...Object.keys(result.metafile.inputs).map((input) => resolve(ROOT, input)), ...ALSO_INPUTS];
  const inputs = {};
  for (const file of files) {
    const { mtimeMs, size } = statSync(file);
    inputs[toPosix(relative(ROOT, file))] = [mtimeMs, size];
  }
  writeAtomically(INPUTS, JSON.stringify({ startedAt, finishedAt: Date.now(), inputs }, null, 1) + '\n');
  return { ms: performance.now() - started, files: files.length };
}

/**
 * Why the bundle needs building, or null when it is up to date: it or its list of inputs is
 * missing, or an input's modification time or size differs from when it was built (an edit,
 * a checkout, a deleted file). Cheap: one read and a stat per input, about 1 ms.
 */
export function staleReason() {
  let startedAt, finishedAt, recorded;
  try {
    ({ startedAt, finishedAt, inputs: recorded } = JSON.parse(readFileSync(INPUTS, 'utf8')));
    statSync(BUNDLE);
  } catch {
    return 'no build yet';
  }
  for (const [file, [mtimeMs, size]] of Object.entries(recorded)) {
    let now;
    try {
      now = statSync(join(ROOT, file));
    } catch {
      return `${file} is gone`;
    }
    if (now.mtimeMs !== mtimeMs || now.size !== size) return `${file} changed`;
    // Changed while the build ran (after esbuild read it, before its time was recorded): the
    // times match but the bundle may hold the old text. File times come from a coarse clock
    // that can lag Date.now() by a few ms, hence the margin; at worst one needless rebuild.
    // (A time after the build, from a skewed clock, is not "during": it must not rebuild forever.)
    if (mtimeMs >= startedAt - CLOCK_MARGIN_MS && mtimeMs <= finishedAt + CLOCK_MARGIN_MS) {
      return `${file} changed during the last build`;
    }
  }
  return null;
}

function writeAtomically(path, contents) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

const toPosix = (path) => path.split(sep).join('/');

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { ms, files } = await buildServer();
  console.log(`server built: ${toPosix(relative(ROOT, BUNDLE))} from ${files} files in ${Math.round(ms)} ms`);
}
