/**
 * Where the repository is, for files the server reads from it (the built client in
 * dist/client). Found by walking up from this module to Duet's package.json rather than
 * by a fixed number of `..`: this code runs both from its source (server/, through tsx
 * in development and tests) and from the bundle (dist/server/duet.mjs, in production),
 * one folder deeper.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'duet') return dir;
    if (dirname(dir) === dir) throw new Error(`Duet's package.json not found above ${from}`);
  }
}

export const REPO_ROOT = findRepoRoot(dirname(fileURLToPath(import.meta.url)));

/** Duet's version, from its package.json (what its TMX files name as the creating tool's version). */
export function duetVersion(): string {
  const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof version === 'string' ? version : 'unknown';
}
