import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

/**
 * Each import boundary of DESIGN §3 must fire on a small in-memory file placed where it would live,
 * so that a hole in eslint.config.js (flat config replaces a rule's options per block instead of
 * merging them) cannot reopen silently. Files are linted by path with the project's own config.
 */
const ROOT = resolve(import.meta.dirname, '../../..')
let eslint: ESLint

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT })
})

async function boundaryMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, filePath) })
  return result!.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax' || m.fatal)
    .map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`)
}

interface Case {
  readonly file: string
  readonly code: string
  readonly why: string
}

const MUST_FIRE: readonly Case[] = [
  {
    why: 'shared/ with node: builtin',
    file: 'shared/x.ts',
    code: "import { readFileSync } from 'node:fs'\nreadFileSync('a')\n",
  },
  {
    why: 'shared/ with a bare builtin',
    file: 'shared/x.ts',
    code: "import { readFileSync } from 'fs'\nreadFileSync('a')\n",
  },
  {
    why: 'shared/ with a bare builtin subpath',
    file: 'shared/x.ts',
    code: "import { readFile } from 'fs/promises'\nvoid readFile\n",
  },
  { why: 'shared/ with electron', file: 'shared/x.ts', code: "import { app } from 'electron'\nvoid app\n" },
  {
    why: 'shared/ with core',
    file: 'shared/x.ts',
    code: "import { createCore } from '../electron/core'\nvoid createCore\n",
  },
  {
    why: 'shared/ with the renderer',
    file: 'shared/api/x.ts',
    code: "import x from '../../renderer/src/main'\nvoid x\n",
  },
  { why: 'shared/ with vue', file: 'shared/x.ts', code: "import { ref } from 'vue'\nvoid ref\n" },
  {
    why: 'shared/ with better-sqlite3',
    file: 'shared/x.ts',
    code: "import Database from 'better-sqlite3'\nvoid Database\n",
  },
  {
    why: 'shared/ dynamic node: import',
    file: 'shared/x.ts',
    code: "export const m = () => import('node:fs')\n",
  },
  {
    why: 'shared/ dynamic bare builtin',
    file: 'shared/x.ts',
    code: "export const m = () => import('child_process')\n",
  },
  {
    why: 'renderer with node: builtin',
    file: 'renderer/src/stores/x.ts',
    code: "import { join } from 'node:path'\nvoid join\n",
  },
  {
    why: 'renderer with a bare builtin',
    file: 'renderer/src/stores/x.ts',
    code: "import { join } from 'path'\nvoid join\n",
  },
  {
    why: 'renderer with electron',
    file: 'renderer/src/stores/x.ts',
    code: "import { ipcRenderer } from 'electron'\nvoid ipcRenderer\n",
  },
  {
    why: 'renderer dynamic electron',
    file: 'renderer/src/stores/x.ts',
    code: "export const m = () => import('electron')\n",
  },
  {
    why: 'renderer require electron',
    file: 'renderer/src/stores/x.ts',
    code: "export const m = () => require('electron')\n",
  },
  {
    why: 'renderer with core',
    file: 'renderer/src/stores/x.ts',
    code: "import { createCore } from '../../../electron/core'\nvoid createCore\n",
  },
  {
    why: 'renderer with better-sqlite3',
    file: 'renderer/src/stores/x.ts',
    code: "import Database from 'better-sqlite3'\nvoid Database\n",
  },
  {
    why: 'a view with better-sqlite3',
    file: 'renderer/src/views/X.ts',
    code: "import Database from 'better-sqlite3'\nvoid Database\n",
  },
  {
    why: 'a view with a node builtin',
    file: 'renderer/src/views/X.ts',
    code: "import { join } from 'node:path'\nvoid join\n",
  },
  {
    why: 'a component with the client',
    file: 'renderer/src/components/X.ts',
    code: "import { api } from '../api/client'\nvoid api\n",
  },
  {
    why: 'a view with the client',
    file: 'renderer/src/views/X.ts',
    code: "import { api } from '@renderer/api/client'\nvoid api\n",
  },
  {
    why: 'a store touching window.helpdesk',
    file: 'renderer/src/stores/x.ts',
    code: 'export const h = () => window.helpdesk\n',
  },
  {
    why: 'a view touching window.helpdesk',
    file: 'renderer/src/views/X.ts',
    code: 'export const h = () => globalThis.helpdesk\n',
  },
  {
    why: 'core with electron',
    file: 'electron/core/x.ts',
    code: "import { app } from 'electron'\nvoid app\n",
  },
  {
    why: 'core dynamic electron',
    file: 'electron/core/x.ts',
    code: "export const m = () => import('electron')\n",
  },
  {
    why: 'core with electron/main',
    file: 'electron/core/x.ts',
    code: "import x from '../main/window'\nvoid x\n",
  },
  {
    why: 'core with the renderer',
    file: 'electron/core/x.ts',
    code: "import x from '../../renderer/src/main'\nvoid x\n",
  },
  {
    why: 'browser host with electron',
    file: 'electron/browser-host/x.ts',
    code: "import { app } from 'electron'\nvoid app\n",
  },
  {
    why: 'CLI with electron/main',
    file: 'electron/cli/x.ts',
    code: "import x from '../main/index'\nvoid x\n",
  },
  {
    why: 'preload with an npm package',
    file: 'electron/preload/x.ts',
    code: "import { z } from 'zod'\nvoid z\n",
  },
  {
    why: 'preload with a schema file',
    file: 'electron/preload/x.ts',
    code: "import { contract } from '@shared/api/contract'\nvoid contract\n",
  },
  {
    why: 'preload with a node builtin',
    file: 'electron/preload/x.ts',
    code: "import { join } from 'node:path'\nvoid join\n",
  },
  {
    why: 'preload dynamic import',
    file: 'electron/preload/x.ts',
    code: "export const m = () => import('electron')\n",
  },
  {
    why: 'demo tenant with core',
    file: 'electron/demo-tenant/x.ts',
    code: "import { createCore } from '../core'\nvoid createCore\n",
  },
  {
    why: 'demo tenant with core deep',
    file: 'electron/demo-tenant/x.ts',
    code: "import { x } from '../core/router'\nvoid x\n",
  },
  {
    why: 'demo tenant with core via the CLI re-export',
    file: 'electron/demo-tenant/x.ts',
    code: "import { x } from '../cli/index'\nvoid x\n",
  },
  {
    why: 'demo tenant with the browser host',
    file: 'electron/demo-tenant/x.ts',
    code: "import { x } from '../browser-host/server'\nvoid x\n",
  },
  {
    why: 'demo tenant with eligibility',
    file: 'electron/demo-tenant/x.ts',
    code: "import { x } from '@shared/eligibility'\nvoid x\n",
  },
  {
    why: 'demo tenant with the renderer',
    file: 'electron/demo-tenant/x.ts',
    code: "import x from '../../renderer/src/main'\nvoid x\n",
  },
  {
    why: 'demo tenant with electron/main',
    file: 'electron/demo-tenant/x.ts',
    code: "import x from '../main/window'\nvoid x\n",
  },
  {
    why: 'demo tenant with electron',
    file: 'electron/demo-tenant/x.ts',
    code: "import { app } from 'electron'\nvoid app\n",
  },
  {
    why: 'demo tenant dynamic core',
    file: 'electron/demo-tenant/x.ts',
    code: "export const m = () => import('../core/index')\n",
  },
]

const MUST_PASS: readonly Case[] = [
  {
    why: 'shared/ importing shared/',
    file: 'shared/x.ts',
    code: "import { foldText } from './text'\nvoid foldText\n",
  },
  { why: 'shared/ with zod', file: 'shared/x.ts', code: "import { z } from 'zod'\nvoid z\n" },
  {
    why: 'a store with the client',
    file: 'renderer/src/stores/x.ts',
    code: "import { api } from '../api/client'\nvoid api\n",
  },
  {
    why: 'the client touching window.helpdesk',
    file: 'renderer/src/api/client.ts',
    code: 'export const h = () => window.helpdesk\n',
  },
  {
    why: 'core with node builtins',
    file: 'electron/core/x.ts',
    code: "import { join } from 'node:path'\nvoid join\n",
  },
  {
    why: 'preload with electron + channels',
    file: 'electron/preload/x.ts',
    code: "import { ipcRenderer } from 'electron'\nimport { CHANNELS } from '@shared/api/channels'\nvoid ipcRenderer\nvoid CHANNELS\n",
  },
  {
    why: 'demo tenant with its own files and shared/',
    file: 'electron/demo-tenant/x.ts',
    code: "import { x } from './graph'\nimport { foldText } from '@shared/text'\nvoid x\nvoid foldText\n",
  },
  {
    why: 'electron/main with electron',
    file: 'electron/main/x.ts',
    code: "import { app } from 'electron'\nvoid app\n",
  },
]

describe('import boundaries (DESIGN §3)', () => {
  it.each(MUST_FIRE)('refuses $why ($file)', async ({ file, code }) => {
    const messages = await boundaryMessages(file, code)
    expect(messages.filter((m) => !m.startsWith('fatal'))).not.toEqual([])
  })

  it.each(MUST_PASS)('allows $why ($file)', async ({ file, code }) => {
    expect(await boundaryMessages(file, code)).toEqual([])
  })
})
