/**
 * Runs the real script as a child process against throwaway trees, because
 * what matters is the contract `npm test` relies on: exit code and the exact
 * violation lines.
 */
import { test, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'check-boundaries.mjs');

function withTree(files: Record<string, string>, run: (root: string) => void): void {
  const root = mkdtempSync(join(tmpdir(), 'duet-boundaries-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    run(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function check(root: string) {
  const result = spawnSync(process.execPath, [SCRIPT, root], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, lines: result.stderr.split('\n').filter((l) => l.includes(' imports ')) };
}

test('a clean tree passes and reports how many files it scanned', () => {
  withTree(
    {
      'shared/a.ts': `import { b } from './b';\nexport * from './b';\n`,
      'shared/b.ts': `// importing from '../server/x' in a comment is fine\nexport const b = 'import x from "../server/x"';\n`,
      'shared/testing/helpers.ts': `import { readFileSync } from 'node:fs';\nimport path from 'path';\n`,
      'shared/c.test.ts': `import { test } from 'vitest';\nimport { tmpdir } from 'node:os';\n`,
      'client/app.tsx': `import { b } from '../shared/b';\nexport const App = () => <p>Don't import '../server/x' here</p>;\n`,
      'server/s.ts': `import { b } from '../shared/b';\nimport { readFileSync } from 'node:fs';\nconst c = require('../client/whatever');\n`,
      'server/node_modules/pkg/index.js': `import '../../../client/x';\n`,
      'client/notes.md': `import '../server/x'\n`,
    },
    (root) => {
      const { status, stdout, lines } = check(root);
      expect(lines).toEqual([]);
      expect(status).toBe(0);
      expect(stdout.trim()).toBe('boundaries ok (6 files)');
    },
  );
});

test('each offending import is reported with file, line and rule, and the run fails', () => {
  withTree(
    {
      'shared/x.ts': [
        `import { api } from '../client/api';`,
        `import type { Db } from '../server/db';`,
        `export { handler } from '../server/handler';`,
        `const lazy = () => import('../client/lazy');`,
        `const old = require('../server/old');`,
        `import {`,
        `  join,`,
        `} from 'node:path';`,
        `import { readFile } from 'fs/promises';`,
        `import crypto from 'crypto';`,
        `import '../shared/./../server/side-effect';`,
        `import { ok } from './ok';`,
        `import * as Y from 'yjs';`,
      ].join('\n'),
      'shared/deep/y.mjs': `export * from '../../server/z.js';\n`,
      'client/main.tsx': `import { ok } from '../shared/ok';\nimport { db } from '../server/db';\nimport { readFileSync } from 'node:fs';\n`,
      'shared/ok.ts': `export const ok = 1;\n`,
    },
    (root) => {
      const { status, stdout, lines } = check(root);
      expect(status).toBe(1);
      expect(stdout).toBe('');
      const crossing = 'shared/ may not import client/ or server/';
      const builtin = 'shared/ may not import Node builtins (outside *.test.ts and shared/testing/)';
      // In scan order (shared/, client/, server/; files sorted), then source order.
      // client/ may name Node builtins: only shared/ has the builtin rule.
      expect(lines).toEqual([
        `shared/deep/y.mjs:1 imports '../../server/z.js' — ${crossing}`,
        `shared/x.ts:1 imports '../client/api' — ${crossing}`,
        `shared/x.ts:2 imports '../server/db' — ${crossing}`,
        `shared/x.ts:3 imports '../server/handler' — ${crossing}`,
        `shared/x.ts:4 imports '../client/lazy' — ${crossing}`,
        `shared/x.ts:5 imports '../server/old' — ${crossing}`,
        `shared/x.ts:8 imports 'node:path' — ${builtin}`,
        `shared/x.ts:9 imports 'fs/promises' — ${builtin}`,
        `shared/x.ts:10 imports 'crypto' — ${builtin}`,
        `shared/x.ts:11 imports '../shared/./../server/side-effect' — ${crossing}`,
        `client/main.tsx:2 imports '../server/db' — client/ may not import server/`,
      ]);
    },
  );
});

test('a missing folder is not an error', () => {
  withTree({ 'shared/only.ts': `export {};\n` }, (root) => {
    const { status, stdout } = check(root);
    expect(status).toBe(0);
    expect(stdout.trim()).toBe('boundaries ok (1 files)');
  });
});
