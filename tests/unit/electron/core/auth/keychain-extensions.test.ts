import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadKeychainExtensions } from '../../../../../electron/core/auth/keychain-extensions'
import { createKeychainCachePlugin } from '../../../../../electron/core/auth/token-cache'
import { silentLogger } from '../../../../../electron/core/log'

const ROOT = resolve(import.meta.dirname, '../../../../..')

/** A module shaped like msal-node-extensions 5.6, enough for the wrapper's shape check. */
function fakeExtensions() {
  const created: unknown[] = []
  return {
    created,
    module: {
      PersistenceCreator: {
        createPersistence: async (config: unknown) => {
          created.push(config)
          return { delete: async () => true }
        },
      },
      DataProtectionScope: { CurrentUser: 'CurrentUser' },
      PersistenceCachePlugin: class {
        constructor(readonly persistence: unknown) {}
        async beforeCacheAccess() {}
        async afterCacheAccess() {}
      },
    },
  }
}

describe('optional msal-node-extensions', () => {
  it('is null when the package is not installed (npm ci dropped it)', async () => {
    const missing = async (specifier: string) => {
      throw Object.assign(new Error(`Cannot find package '${specifier}'`), { code: 'ERR_MODULE_NOT_FOUND' })
    }
    expect(await loadKeychainExtensions(missing)).toBeNull()
  })

  it('is null when the module is not the expected shape', async () => {
    expect(await loadKeychainExtensions(async () => ({}))).toBeNull()
    expect(await loadKeychainExtensions(async () => null)).toBeNull()
    expect(await loadKeychainExtensions(async () => ({ PersistenceCreator: 1 }))).toBeNull()
  })

  it('accepts the ESM named exports and a CommonJS default export', async () => {
    const { module } = fakeExtensions()
    expect(await loadKeychainExtensions(async () => module)).toBe(module)
    expect(await loadKeychainExtensions(async () => ({ default: module }))).toBe(module)
  })

  it('asks for the package by its real name', async () => {
    const asked: string[] = []
    await loadKeychainExtensions(async (specifier) => {
      asked.push(specifier)
      return {}
    })
    expect(asked).toEqual(['@azure/msal-node-extensions'])
  })

  it('a missing package means no keychain plugin (memory only), not an error', async () => {
    const plugin = await createKeychainCachePlugin('/nonexistent-dir', 'p1', silentLogger, async () => {
      throw new Error('Cannot find package')
    })
    expect(plugin).toBeNull()
  })

  it('builds the keychain plugin through the wrapper, never with a plaintext fallback', async () => {
    const { module, created } = fakeExtensions()
    const dir = mkdtempSync(join(tmpdir(), 'pd-keychain-'))
    const plugin = await createKeychainCachePlugin(dir, 'p1', silentLogger, async () => module)
    rmSync(dir, { recursive: true, force: true })
    expect(plugin).toBeInstanceOf(module.PersistenceCachePlugin)
    expect(created).toEqual([
      expect.objectContaining({ usePlaintextFileOnLinux: false, accountName: 'token-cache-p1' }),
    ])
  })

  it('no source or test file imports the package by a literal specifier (typecheck never needs it)', () => {
    const offenders: string[] = []
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name)
        if (statSync(path).isDirectory()) walk(path)
        else if (/\.(ts|mts|vue|mjs|js)$/.test(name)) {
          const text = readFileSync(path, 'utf8')
          if (/(from|import\()\s*['"]@azure\/msal-node-extensions['"]/.test(text))
            offenders.push(relative(ROOT, path))
        }
      }
    }
    for (const top of ['electron', 'shared', 'renderer/src', 'tests']) walk(join(ROOT, top))
    expect(offenders).toEqual([])
  })
})
