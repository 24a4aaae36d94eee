// The layers of DESIGN.md, enforced: what each folder may import.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';
import globals from 'globals';

const nodeBuiltins = [...builtinModules.filter((m) => !m.startsWith('_')), ...builtinModules.map((m) => `node:${m}`)];
const restrict = (paths, patterns, why) => ({
  'no-restricted-imports': ['error', { paths: paths.map((name) => ({ name, message: why })), patterns: patterns.length ? [{ group: patterns, message: why }] : [] }],
});
// DESIGN.md "Composition": only the launcher knows the sandbox exists (and only the Electron entry
// reaches into the launcher, for a demo build); a production package carries none of it.
const SANDBOX = ['**/sandbox', '**/sandbox/**'];
const LAUNCHER = ['**/launcher', '**/launcher/**'];
const notTheLauncher = 'and no sandbox/ or launcher/: only electron/launcher/ starts the sandbox and hands the kiosk plain URLs';
const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'HTMLElement'].map((name) => ({
  name,
  message: 'no DOM here: this code runs in Node',
}));

export default tseslint.config(
  { ignores: ['out/**', 'release/**', 'dist-check/**', 'node_modules/**', 'test/artifacts/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(['electron', ...nodeBuiltins], ['**/electron/**', '**/sandbox/**', 'node:*'], 'renderer/ runs in the page: no electron, no Node, no main-process code'),
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      ...restrict(['react', 'react-dom', 'zustand', '@vladmandic/human'], ['**/renderer/**', 'react/*', 'react-dom/*', ...SANDBOX, ...LAUNCHER], `electron/ is the main process: no React, no DOM, no renderer code, ${notTheLauncher}`),
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
  {
    // The Electron entry may load the launcher's demo wiring, in a demo build only (electron.vite.config.ts).
    files: ['electron/main/index.ts'],
    rules: {
      ...restrict(['react', 'react-dom', 'zustand', '@vladmandic/human'], ['**/renderer/**', 'react/*', 'react-dom/*', ...SANDBOX], 'the Electron entry: no React, no renderer code, no sandbox/ (the launcher\'s demo wiring starts it)'),
    },
  },
  {
    files: ['electron/settlement/**/*.ts', 'electron/core/**/*.ts', 'electron/bridge/**/*.ts'],
    rules: {
      ...restrict(['electron', 'react', 'react-dom', 'zustand'], ['**/renderer/**', '**/main/**', ...SANDBOX, ...LAUNCHER], `this code runs under plain Node too: no electron import, ${notTheLauncher}`),
    },
  },
  {
    files: ['electron/launcher/**/*.ts'],
    rules: {
      ...restrict(['electron', 'react', 'react-dom', 'zustand'], ['**/renderer/**', '**/main/**'], 'the launcher runs under plain Node: no electron import'),
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      ...restrict(['electron', 'react', 'react-dom', 'zustand', 'axios', ...nodeBuiltins], ['**/electron/**', '**/renderer/**', '**/sandbox/**', 'node:*'], 'shared/ is imported by both processes: nothing environment-specific'),
      'no-restricted-globals': ['error', ...domGlobals, { name: 'process', message: 'no process in shared/' }],
    },
  },
  {
    files: ['sandbox/**/*.ts'],
    rules: {
      ...restrict(['electron', 'react', 'react-dom', 'zustand'], ['**/electron/**', '**/renderer/**'], 'sandbox/ stands in for the outside world: it imports only itself and shared/'),
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}', '*.config.{js,ts,mjs}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs', globals: globals.node } },
  { files: ['**/*.mjs'], languageOptions: { globals: globals.node } },
);
