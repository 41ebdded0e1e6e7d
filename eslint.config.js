/**
 * Lint rules for every TypeScript file (npm run lint, part of npm test).
 * typescript-eslint's recommended rules, the React hooks rules for the client,
 * two type-aware rules about promises (a forgotten promise on the server is an
 * unhandled rejection, and a promise-returning handler where a void one is
 * expected swallows errors), and one rule of Duet's own: no member whose name
 * starts with one `_`, which is how JavaScript libraries mark their private
 * parts (Yjs's `_item`, y-websocket's `_updateHandler`): a minor release may
 * change them without notice. Two underscores are Duet's own page globals
 * (`window.__duetEarly`, the benchmark's `window.__bench`), which are allowed.
 * Formatting is Prettier's (npm run format:check).
 */
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench/results/**', 'test-results/**', 'client/public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // TypeScript checks names itself; ESLint's own check does not know types or globals from lib.dom.
      'no-undef': 'off',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[computed=false][property.name=/^_[^_]/]',
          message: "A member starting with '_' is a library's private part: use its public API.",
        },
        {
          selector: 'MemberExpression[computed=true][property.value=/^_[^_]/]',
          message: "A member starting with '_' is a library's private part: use its public API.",
        },
      ],
    },
  },
  {
    files: ['client/**/*.{ts,tsx}', 'bench/editor/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // CommonJS files (dependency-cruiser's configs) load with require().
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
