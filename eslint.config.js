// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import prettier from 'eslint-config-prettier'
import globals from 'globals'
import { builtinModules } from 'node:module'

/**
 * Import boundaries from DESIGN §3. Every block's list is built from the constants below (flat config
 * REPLACES a rule's options per matching block instead of merging them, so a block that restricts one
 * more thing must repeat its parent's list — hence one source for all of them). Dynamic `import()`
 * and `require()` are not seen by no-restricted-imports; `restrictedSyntax()` covers them.
 * tests/unit/lint/boundaries.test.ts lints small in-memory files and expects each rule to fire.
 */
const builtins = builtinModules.filter((name) => !name.startsWith('_'))
const nodeBuiltinPatterns = [...new Set([...builtins, ...builtins.map((name) => name.split('/')[0])])]
const pattern = (group, message) => ({ group, message })

const NO_NODE = pattern(
  ['node:*', ...nodeBuiltinPatterns, ...nodeBuiltinPatterns.map((name) => `${name}/*`)],
  'This layer runs without Node: no Node built-in modules (with or without node:).',
)
const NO_ELECTRON = pattern(
  ['electron', 'electron/*'],
  'No electron here: inject Electron capabilities (DESIGN §1).',
)
const NODE_PACKAGES = ['better-sqlite3', 'ws', '@azure/*', 'electron-updater', 'keytar']
const NO_NODE_PACKAGES = pattern(NODE_PACKAGES, 'Node-only package: not in this layer.')
const NO_UI_PACKAGES = pattern(
  ['vue', 'vue/*', 'pinia', 'naive-ui', 'vue-*', '@vueuse/*'],
  'shared/ is pure: no UI packages.',
)
const NO_RENDERER = pattern(['**/renderer/**', '@renderer/*'], 'Node code never imports the renderer.')
const NO_ELECTRON_TREE = pattern(
  ['**/electron/**'],
  'The renderer talks to core only through src/api/client.ts.',
)
const NO_MAIN = pattern(
  ['**/electron/main/**', '**/main/**'],
  'Only the Electron host imports electron/main.',
)
const NO_CLIENT = pattern(
  ['**/api/client', '@renderer/api/client'],
  'Components call stores, not the client.',
)
const NO_ELIGIBILITY = pattern(
  ['**/eligibility', '**/eligibility/**', '@shared/eligibility*'],
  'The demo tenant must not use shared/eligibility.',
)
const NO_APP_CODE = pattern(
  ['**/core', '**/core/**', '**/cli/**', '**/browser-host/**', '**/preload/**', '**/tools/**'],
  'The demo tenant stands alone: it plays Microsoft, not the app (no core, not even through a re-export).',
)

/** Dynamic `import('x')` and `require('x')` of modules matching `regex` (a string, for esquery). */
const dynamicImport = (regex, message) => [
  { selector: `ImportExpression[source.value=/${regex}/]`, message },
  { selector: `CallExpression[callee.name='require'][arguments.0.value=/${regex}/]`, message },
]
const NO_ENUMS = { selector: 'TSEnumDeclaration', message: 'Use string unions.' }
const builtinRegex = `^(node:|(${builtins.map((name) => name.replace(/[/]/g, '\\/')).join('|')})(\\/|$))`
const DYNAMIC_NODE = dynamicImport(builtinRegex, 'No Node built-ins in this layer, not even dynamically.')
const DYNAMIC_ELECTRON = dynamicImport('^electron(\\/|$)', 'No electron here, not even dynamically.')
const WINDOW_HELPDESK = [
  "MemberExpression[object.name='window'][property.name='helpdesk']",
  "MemberExpression[object.name='globalThis'][property.name='helpdesk']",
].map((selector) => ({ selector, message: 'Only src/api/client.ts touches window.helpdesk (DESIGN §1).' }))

const restrictedImports = (...patterns) => ['error', { patterns }]
const restrictedSyntax = (...selectors) => ['error', NO_ENUMS, ...selectors.flat()]

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
      'no-restricted-syntax': restrictedSyntax(),
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
      'no-restricted-imports': restrictedImports(
        NO_NODE,
        NO_ELECTRON,
        pattern(['**/electron/**', '**/renderer/**', '@renderer/*'], 'shared/ imports only shared/.'),
        NO_UI_PACKAGES,
        NO_NODE_PACKAGES,
      ),
      'no-restricted-syntax': restrictedSyntax(DYNAMIC_NODE, DYNAMIC_ELECTRON),
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrictedImports(NO_NODE, NO_ELECTRON, NO_ELECTRON_TREE, NO_NODE_PACKAGES),
      'no-restricted-syntax': restrictedSyntax(DYNAMIC_NODE, DYNAMIC_ELECTRON, WINDOW_HELPDESK),
    },
  },
  {
    // The one door: the client may touch window.helpdesk (the other renderer rules still hold).
    files: ['renderer/src/api/client.ts'],
    rules: { 'no-restricted-syntax': restrictedSyntax(DYNAMIC_NODE, DYNAMIC_ELECTRON) },
  },
  {
    // Components and views reach data through stores, never through the API client (DESIGN §3).
    files: ['renderer/src/views/**', 'renderer/src/components/**'],
    rules: {
      'no-restricted-imports': restrictedImports(
        NO_NODE,
        NO_ELECTRON,
        NO_ELECTRON_TREE,
        NO_NODE_PACKAGES,
        NO_CLIENT,
      ),
    },
  },
  {
    // Sandboxed CommonJS preload: only `electron` and the zod-free channel list (DESIGN §4).
    files: ['electron/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!electron$|@shared/api/channels$|(\\.\\./)+(\\.\\./)*shared/api/channels$).*',
              message: 'The preload imports only electron and shared/api/channels.',
            },
          ],
        },
      ],
      'no-restricted-syntax': restrictedSyntax(DYNAMIC_NODE, {
        selector: 'ImportExpression',
        message: 'The preload loads nothing at run time.',
      }),
    },
  },
  {
    files: ['electron/core/**', 'electron/browser-host/**', 'electron/cli/**'],
    rules: {
      'no-restricted-imports': restrictedImports(NO_ELECTRON, NO_RENDERER, NO_MAIN),
      'no-restricted-syntax': restrictedSyntax(DYNAMIC_ELECTRON),
    },
  },
  {
    // The demo tenant decides outcomes from its own table; it must never ask the rules under test.
    files: ['electron/demo-tenant/**'],
    rules: {
      'no-restricted-imports': restrictedImports(
        NO_ELECTRON,
        NO_RENDERER,
        NO_MAIN,
        NO_ELIGIBILITY,
        NO_APP_CODE,
      ),
      'no-restricted-syntax': restrictedSyntax(
        DYNAMIC_ELECTRON,
        dynamicImport(
          '(core|cli|browser-host|preload|main|renderer|eligibility)(\\/|$)',
          'The demo tenant stands alone.',
        ),
      ),
    },
  },
  {
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  prettier,
)
