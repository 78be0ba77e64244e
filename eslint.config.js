// ESLint flat config. Besides style, it enforces the layers of the house:
//
//   shared/            platform-neutral: no Node built-ins, no Electron, no DOM-only code,
//                      and no imports from electron/ or renderer/
//   electron/**        plain Node 20: never `electron`, never the renderer
//   electron/main/     the only places that may import `electron`
//   electron/preload/
//   and inside electron/, imports go one way only:
//     hosts (main/, preload/, hosts/)  →  backend/  →  domains/  →  adapters/  →  shared/
//   a domain's handlers may name the backend's types (type-only imports are erased).
//   renderer/          the browser: no Node built-ins, no `electron`, no backend modules
//
// test/lint-boundaries.test.ts proves each rule fires.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

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
const noRenderer = {
  group: ['**/renderer/**'],
  message: 'The backend never imports the renderer.',
};
// The layers of electron/, as import patterns (relative specifiers name the folder they cross into).
const HOSTS = ['**/hosts/**', '**/main/**', '**/preload/**'];
const upward = (folders, why, allowTypeImports = false) => ({
  group: folders,
  message: why,
  ...(allowTypeImports ? { allowTypeImports } : {}),
});
const noHosts = upward(HOSTS, 'Hosts sit on top: nothing below them imports a host.');
const noBackendCore = (allowTypeImports) =>
  upward(['**/backend/**'], 'Only hosts call the backend (through dispatch).', allowTypeImports);
const noDomains = upward(['**/domains/**'], 'Adapters know no domain: pass what they need in.');
const noBackend = {
  group: ['**/electron/**'],
  message: 'Reach the backend through the contract in shared/, never by import.',
};

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
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronPath],
          patterns: [...nodeBuiltinPatterns, noRenderer, noBackend],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronPath], patterns: [noRenderer] }],
    },
  },
  {
    files: ['electron/backend/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electronPath], patterns: [noRenderer, noHosts] },
      ],
    },
  },
  {
    // A seam before SQLite: statements are prepared only by the stores that own their tables
    // (files named *-store.ts or *-repository.ts) and by the database adapter.
    files: ['electron/**/*.ts'],
    ignores: ['**/*-store.ts', '**/*-repository.ts', 'electron/adapters/db/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='prepare']",
          message: 'SQL lives in the store that owns the table (a *-store.ts file); call it there.',
        },
      ],
    },
  },
  {
    // The CLI is a host like the others: it reaches the backend only through dispatch.
    files: ['electron/hosts/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronPath],
          patterns: [
            noRenderer,
            upward(
              ['**/domains/**', '**/adapters/**'],
              'The CLI reaches the backend only through dispatch (CliContext.call).',
            ),
          ],
        },
      ],
    },
  },
  {
    // Type-only imports of the backend are allowed, so this is typescript-eslint's variant.
    files: ['electron/domains/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [electronPath], patterns: [noRenderer, noHosts, noBackendCore(true)] },
      ],
    },
  },
  {
    files: ['electron/adapters/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronPath],
          patterns: [noRenderer, noHosts, noBackendCore(false), noDomains],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    ignores: ['electron/main/ipc-bridge.ts', 'electron/preload/preload.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [rawIpc], patterns: [noRenderer] }],
    },
  },
  {
    // The two wrappers that own IPC: one handler per contract call, one method per call.
    files: ['electron/main/ipc-bridge.ts', 'electron/preload/preload.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noRenderer] }],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electronPath], patterns: [...nodeBuiltinPatterns, noBackend] },
      ],
    },
  },
);
