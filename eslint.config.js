// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

/** Import boundaries from DESIGN §3, one block per folder. */
const nodeBuiltins = { group: ['node:*'], message: 'This layer runs without Node: no node:* imports.' }

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use string unions.' }],
      'vue/multi-word-component-names': 'off',
    },
  },
  {
    files: ['electron/tools/**/*.{cjs,mjs,js}'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            { group: ['electron', 'electron/*'], message: 'shared/ is pure: no electron.' },
            {
              group: ['**/electron/**', '**/renderer/**', '@renderer/*'],
              message: 'shared/ imports only shared/.',
            },
            {
              group: ['vue', 'pinia', 'naive-ui', 'better-sqlite3', 'ws', '@azure/*'],
              message: 'shared/ is pure.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            { group: ['electron', 'electron/*'], message: 'The renderer never imports electron.' },
            {
              group: ['**/electron/**'],
              message: 'The renderer talks to core only through src/api/client.ts.',
            },
            { group: ['better-sqlite3', 'ws', '@azure/*'], message: 'Node-only package in the renderer.' },
          ],
        },
      ],
    },
  },
  {
    // Components and views reach data through stores, never through the API client (DESIGN §3).
    files: ['renderer/src/views/**', 'renderer/src/components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            { group: ['electron', 'electron/*'], message: 'The renderer never imports electron.' },
            {
              group: ['**/electron/**'],
              message: 'The renderer talks to core only through src/api/client.ts.',
            },
            {
              group: ['**/api/client', '@renderer/api/client'],
              message: 'Components call stores, not the client.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**', 'electron/browser-host/**', 'electron/cli/**', 'electron/demo-tenant/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message: 'Core is host-agnostic: inject Electron capabilities.',
            },
            { group: ['**/renderer/**', '@renderer/*'], message: 'Node code never imports the renderer.' },
            {
              group: ['**/electron/main/**', '**/main/**'],
              message: 'Only the Electron host imports electron/main.',
            },
          ],
        },
      ],
    },
  },
  {
    // The demo tenant decides outcomes from its own table; it must never ask the rules under test.
    files: ['electron/demo-tenant/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'Core is host-agnostic.' },
            {
              group: ['**/eligibility', '**/eligibility/**', '@shared/eligibility*'],
              message: 'The demo tenant must not use shared/eligibility.',
            },
            {
              group: ['**/core/**'],
              message: 'The demo tenant stands alone: it plays Microsoft, not the app.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  prettier,
)
