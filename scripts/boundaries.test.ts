/**
 * The boundary rules (.dependency-cruiser.cjs and .dependency-cruiser.folders.cjs)
 * run by the real dependency-cruiser against throwaway trees, as
 * `npm run check:boundaries` runs them: what matters is which imports each
 * rule catches, and that a clean tree passes.
 */
import { test, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const DEPCRUISE = join(REPO, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const CONFIGS = ['.dependency-cruiser.cjs', '.dependency-cruiser.folders.cjs'].map((name) => join(REPO, name));
const TSCONFIG = JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', jsx: 'react-jsx', allowJs: true } });

function withTree(files: Record<string, string>, run: (root: string) => void): void {
  const root = mkdtempSync(join(tmpdir(), 'duet-boundaries-'));
  try {
    for (const [path, text] of Object.entries({ 'tsconfig.json': TSCONFIG, ...files })) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    run(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Each rule broken, as "rule: from → to" (cycles: the module or folder where each is reported, and the next). */
function violations(root: string): string[] {
  return CONFIGS.flatMap((config) => {
    const result = spawnSync(process.execPath, [DEPCRUISE, 'client', 'server', 'shared', '--config', config, '--output-type', 'json'], {
      cwd: root,
      encoding: 'utf8',
    });
    if (result.status === null || !result.stdout) throw new Error(`dependency-cruiser did not run: ${result.stderr}`);
    const { summary } = JSON.parse(result.stdout) as { summary: { violations: { rule: { name: string }; from: string; to: string }[] } };
    return summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
  }).sort();
}

test('a clean tree passes: shared/ used from both sides, Node builtins in tests and test helpers, a subfolder used by its folder', () => {
  withTree(
    {
      'shared/a.ts': `import { b } from './b';\nexport * from './b';\n`,
      'shared/b.ts': `// importing from '../server/s' in a comment is fine\nexport const b = 'import x from "../server/s"';\n`,
      'shared/testing/helpers.ts': `import { readFileSync } from 'node:fs';\nimport path from 'path';\nimport { b } from '../b';\n`,
      'shared/c.test.ts': `import { tmpdir } from 'node:os';\nimport '../shared/testing/helpers';\n`,
      'client/app.tsx': `import { b } from '../shared/b';\nimport { row } from './editor/row/row';\nexport const App = () => <p>Don't import '../server/s' here {b}{row}</p>;\n`,
      'client/editor/row/row.ts': `import { b } from '../../../shared/b';\nexport const row = b;\n`,
      'server/s.ts': `import { b } from '../shared/b';\nimport { readFileSync } from 'node:fs';\nexport const s = b;\n`,
    },
    (root) => expect(violations(root)).toEqual([]),
  );
});

test('imports across a boundary are caught, type-only ones, re-exports, dynamic imports and subfolders included', () => {
  withTree(
    {
      'shared/x.ts': [
        `import { api } from '../client/api';`,
        `import type { Db } from '../server/db';`,
        `export { handler } from '../server/handler';`,
        `const lazy = () => import('../client/lazy');`,
        `import { join } from 'node:path';`,
        `import { readFile } from 'fs/promises';`,
      ].join('\n'),
      'shared/deep/y.ts': `export * from '../../server/db';\n`,
      'shared/testing/z.ts': `import '../../server/db';\n`,
      'client/main.tsx': `import { db } from '../server/db';\nimport { readFileSync } from 'node:fs';\n`,
      'client/api.ts': `export const api = 1;\n`,
      'client/lazy.ts': `export const lazy = 1;\n`,
      'server/db.ts': `export type Db = number;\nexport const db = 1;\n`,
      'server/handler.ts': `export const handler = 1;\n`,
    },
    (root) =>
      expect(violations(root)).toEqual([
        // client/ may name Node builtins: only shared/ has that rule.
        'client-not-to-server: client/main.tsx → server/db.ts',
        'shared-not-to-client-or-server: shared/deep/y.ts → server/db.ts',
        'shared-not-to-client-or-server: shared/testing/z.ts → server/db.ts',
        'shared-not-to-client-or-server: shared/x.ts → client/api.ts',
        'shared-not-to-client-or-server: shared/x.ts → client/lazy.ts',
        'shared-not-to-client-or-server: shared/x.ts → server/db.ts',
        'shared-not-to-client-or-server: shared/x.ts → server/handler.ts',
        'shared-not-to-node-builtins: shared/x.ts → fs/promises',
        'shared-not-to-node-builtins: shared/x.ts → path', // named by the module, node: or not
      ]),
  );
});

test('cycles are caught between files (type-only imports too) and between folders, subfolders counted in their folder', () => {
  withTree(
    {
      // Files: a ↔ b, one side only a type.
      'shared/a.ts': `import type { B } from './b';\nexport type A = B | 1;\n`,
      'shared/b.ts': `import { type A } from './a';\nexport type B = A | 2;\n`,
      // Folders: editor → media → editor, each file importing a different one (no file cycle).
      'client/editor/row.ts': `import { upload } from '../media/upload';\nexport const row = upload;\n`,
      'client/editor/origins.ts': `export const ORIGIN = 1;\n`,
      'client/media/upload.ts': `export const upload = 1;\n`,
      'client/media/place.ts': `import { ORIGIN } from '../editor/origins';\nexport const place = ORIGIN;\n`,
      // A subfolder counts in its folder: client/page's row uses review, whose thread list uses a file directly in client/page.
      'client/page/Page.tsx': `import { Row } from './row/Row';\nexport const Page = Row;\n`,
      'client/page/reveal.ts': `export const reveal = 1;\n`,
      'client/page/row/Row.tsx': `import { Threads } from '../../review/Threads';\nexport const Row = Threads;\n`,
      'client/review/Threads.tsx': `export const Threads = 1;\n`,
      'client/review/jump.ts': `import { reveal } from '../page/reveal';\nexport const jump = reveal;\n`,
      // Tests may use test helpers that are built on the folder they test.
      'server/testing/helpers.ts': `import { store } from '../store/store';\nexport const helper = store;\n`,
      'server/store/store.ts': `export const store = 1;\n`,
      'server/store/store.test.ts': `import { helper } from '../testing/helpers';\n`,
    },
    (root) =>
      expect(violations(root)).toEqual([
        // Each cycle once, from where it was found first.
        'no-file-cycles: shared/a.ts → shared/b.ts',
        'no-folder-cycles: client/editor → client/media',
        'no-folder-cycles: client/media → client/editor',
        'no-folder-cycles: client/page → client/review',
        'no-folder-cycles: client/review → client/page',
      ]),
  );
});
