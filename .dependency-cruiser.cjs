/**
 * The folder boundaries the architecture relies on, checked by
 * dependency-cruiser (`npm run check:boundaries`):
 *
 *   - shared/ runs in both the browser and the server: it may not reach into
 *     client/ or server/, and (outside tests and shared/testing/) may not use
 *     Node builtins, which would break the browser bundle. TypeScript would not
 *     say so: tsconfig loads @types/node for everything.
 *   - client/ is bundled for the browser: it may not import server/ code.
 *   - No import cycles between files: a cycle means a concept sits in the
 *     wrong place. Cycles between folders are the other config's rule
 *     (.dependency-cruiser.folders.cjs), checked without the tests.
 *
 * Type-only imports count like any other (tsPreCompilationDeps): a type is a
 * dependency on the concept that defines it, erased or not.
 */

/** Test files (also in .dependency-cruiser.folders.cjs, which leaves them out). */
const TESTS = '\\.test\\.[cm]?[jt]sx?$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'shared-not-to-client-or-server',
      comment: 'shared/ runs in the browser and on the server: it cannot depend on either side.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(client|server)/' },
    },
    {
      name: 'client-not-to-server',
      comment: 'client/ is bundled for the browser: server code would not run there (and would leak into the bundle).',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^server/' },
    },
    {
      name: 'shared-not-to-node-builtins',
      comment: 'shared/ is bundled for the browser too; only its tests and shared/testing/ run under Node alone.',
      severity: 'error',
      from: { path: '^shared/', pathNot: [TESTS, '^shared/testing/'] },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-file-cycles',
      comment: 'Two modules that import each other (directly or around a loop) hold a concept in the wrong place.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import the checker cannot resolve is one it cannot judge: fix the import, or teach the resolver (tsconfig).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
