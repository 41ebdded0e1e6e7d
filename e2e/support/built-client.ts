/**
 * The e2e tests drive the built client that Duet serves from dist/client, so
 * they are only as current as the last `npm run build`. Fail early and say
 * so, instead of letting a missing or stale build show up as a puzzling UI failure.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '../../shared/testing/fixtures';

export const CLIENT_DIST = join(REPO_ROOT, 'dist', 'client');
const CLIENT_SRC = join(REPO_ROOT, 'client');

export function requireBuiltClient(): void {
  const index = join(CLIENT_DIST, 'index.html');
  if (!existsSync(index)) {
    throw new Error(`The e2e tests need the built client, and ${relative(REPO_ROOT, index)} is missing: run \`npm run build\` first (\`npm test\` does).`);
  }
  // Only client/ is compared: it is what these tests look at, and shared/ changes
  // under other people's hands often enough that checking it would fail runs spuriously.
  const built = statSync(index).mtimeMs;
  const newer = sourceFiles(CLIENT_SRC).find((file) => statSync(file).mtimeMs > built);
  if (newer) {
    throw new Error(`The built client is older than ${relative(REPO_ROOT, newer)}: run \`npm run build\` so the e2e tests see your change.`);
  }
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    // Tests are not part of the bundle, so editing one does not make the build stale.
    return /\.test\.tsx?$/.test(entry.name) ? [] : [path];
  });
}
