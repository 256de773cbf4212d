// Lint with zero warnings. The layer rules of docs/architecture.md are enforced here, not remembered:
// renderer/ never imports Node, Electron, database clients or electron/; shared/ stays pure.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'http',
  'https',
  'net',
  'crypto',
  'stream',
  'url',
  'util',
  'worker_threads',
  'zlib',
];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description', 'ts-ignore': true, 'ts-nocheck': true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.name='eval']", message: 'No eval: the CSP forbids it and so do we.' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'renderer/ reaches the main side only through the typed API (shared/api).' },
            { group: ['**/electron/**', '../electron/*', '../../electron/*'], message: 'renderer/ may not import electron/ code; use the typed API.' },
            { group: nodeBuiltins, message: 'renderer/ runs in Chromium: no Node modules.' },
            { group: ['mongodb', '@influxdata/*', '@duckdb/*'], message: 'Database clients live in the main process.' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*', '@xyflow/*', 'zustand', 'zustand/*'], message: 'shared/ is pure: no React.' },
            { group: ['electron', 'electron/*'], message: 'shared/ is pure: no Electron.' },
            { group: nodeBuiltins, message: 'shared/ is pure: no Node modules.' },
            { group: ['mongodb', '@influxdata/*', '@duckdb/*'], message: 'shared/ is pure: no database clients.' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ depends on nothing but itself.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts', 'scripts/**/*.{js,mjs,ts}', 'bench/**/*.ts', 'e2e/**/*.ts', '*.config.{ts,js}', 'bin/**/*.cjs', 'build/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['bin/**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**'], message: 'electron/ never imports the renderer.' }] }],
    },
  },
);
