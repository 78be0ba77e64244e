// ESLint flat config. Besides style, it enforces the layers of the house:
//
//   lint/layers.js     the one table of who may import whom (layers and domains); the rule
//                      `layers/imports` is generated from it, for every file under electron/,
//                      shared/ and renderer/
//   shared/            platform-neutral: no Node built-ins, no Electron, no DOM-only code
//   electron/**        plain Node: never `electron` (but in main/ and preload/), never React
//   renderer/          the browser: no Node built-ins, no `electron`
//   SQL                statements, transactions and pragmas only in electron/storage/ and
//                      electron/adapters/db/
//
// test/lint-boundaries.test.ts proves each rule fires.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { layersPlugin } from './lint/layer-rule.js';

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
// An exact match on the specifier: a glob such as `net` would also catch a local `../net`.
const nodeBuiltinPatterns = [
  {
    regex: `^(node:.*|(${nodeBuiltins.map(escape).join('|')})(/.*)?)$`,
    message: 'Node built-ins are not available in this layer.',
  },
];
const rawIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Raw IPC lives only in electron/main/ipc-bridge.ts and electron/preload/preload.ts.',
};
const electronPath = {
  name: 'electron',
  message: 'Only electron/main/ and electron/preload/ may import electron.',
};
// SQLite is reached only through storage: no statement, transaction or pragma elsewhere, by
// name or computed (`db['prepare']`).
const DB_METHODS = 'prepare|exec|transaction|pragma|backup|serialize|loadExtension';
const sqlOutsideStorage = [
  {
    selector: `CallExpression[callee.property.name=/^(${DB_METHODS})$/]:not([callee.object.regex])`,
    message:
      'SQL lives in electron/storage/ (the store that owns the table); ask the Storage there.',
  },
  {
    selector: `MemberExpression[computed=true][property.value=/^(${DB_METHODS})$/]`,
    message: 'A computed database method is still SQL: it lives in electron/storage/.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'release/',
      'test-results/',
      'playwright-report/',
      'artifacts/',
      'build/',
      'tools/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // Tests break records on purpose to prove the validator catches it.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Who may import whom: generated from the one table, lint/layers.js.
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    plugins: { layers: layersPlugin },
    rules: { 'layers/imports': 'error' },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { paths: [electronPath], patterns: nodeBuiltinPatterns }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronPath] }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/storage/**', 'electron/adapters/db/**'],
    rules: { 'no-restricted-syntax': ['error', ...sqlOutsideStorage] },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    ignores: ['electron/main/ipc-bridge.ts', 'electron/preload/preload.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [rawIpc] }],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { paths: [electronPath], patterns: nodeBuiltinPatterns }],
    },
  },
);
