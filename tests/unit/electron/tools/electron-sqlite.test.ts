// The native-ABI separation helpers behind `npm start` (electron/tools/electron-sqlite.mjs).
// The Electron build itself needs a download (headers or prebuilt), impossible here; these tests
// check the parts that keep the two builds apart.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  cleanBuildEnv,
  electronBindingPath,
  electronVersion,
  loadsInNode,
  root,
} from '../../../../electron/tools/electron-sqlite.mjs'

const require = createRequire(import.meta.url)
const nodeBuild = join(
  dirname(require.resolve('better-sqlite3/package.json')),
  'build',
  'Release',
  'better_sqlite3.node',
)

describe('Electron build of better-sqlite3, kept apart from the Node build', () => {
  it('lives under node_modules/.cache, keyed by both versions, platform and arch — never in better-sqlite3/build', () => {
    const path = electronBindingPath('45.5.0', '12.11.1', 'darwin', 'arm64')
    expect(path).toBe(
      join(
        root,
        'node_modules',
        '.cache',
        'passcode-desk',
        'better-sqlite3-12.11.1-electron-45.5.0-darwin-arm64',
        'better_sqlite3.node',
      ),
    )
    expect(path).not.toContain(`better-sqlite3${sep}build`)
    expect(electronVersion()).toMatch(/^45\./)
  })

  it('tells a Node-ABI binary (rejected for Electron) from one Node cannot load', () => {
    expect(loadsInNode(nodeBuild)).toBe(true)
    const dir = mkdtempSync(join(tmpdir(), 'pd-abi-'))
    try {
      const fake = join(dir, 'better_sqlite3.node')
      writeFileSync(fake, 'not an ELF/Mach-O/PE file')
      expect(loadsInNode(fake)).toBe(false)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('drops npm’s nodedir/target/runtime settings so node-gyp builds against Electron’s headers', () => {
    const saved = { ...process.env }
    try {
      process.env.npm_config_nodedir = '/usr'
      process.env.npm_config_target = '20.19.0'
      process.env.ELECTRON_RUN_AS_NODE = '1'
      process.env.npm_config_cache = '/keep'
      const env = cleanBuildEnv()
      expect(env.npm_config_nodedir).toBeUndefined()
      expect(env.npm_config_target).toBeUndefined()
      expect(env.ELECTRON_RUN_AS_NODE).toBeUndefined()
      expect(env.npm_config_cache).toBe('/keep')
    } finally {
      process.env = saved
    }
  })
})
