import { randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  chooseTokenCache,
  createEncryptedFileCachePlugin,
  ENCRYPTED_CACHE_FILE,
} from '../../../../../electron/core/auth/token-cache'
import { silentLogger } from '../../../../../electron/core/log'
import { fakeSafeStorage } from '../../../../support/fake-safe-storage'

/** The slice of MSAL's TokenCacheContext the plugin uses. */
function context(initial: string, changed: boolean) {
  let state = initial
  return {
    cacheHasChanged: changed,
    tokenCache: {
      serialize: () => state,
      deserialize: (value: string) => {
        state = value
      },
    },
    get state() {
      return state
    },
  }
}

const SECRET_CACHE = JSON.stringify({ RefreshToken: { k: { secret: 'refresh-token-value-0123456789' } } })

const dirs: string[] = []
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'pd-cache-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('encrypted token cache', () => {
  it('writes only ciphertext and reads it back in a new process', async () => {
    const dir = tempDir()
    const secrets = fakeSafeStorage()
    const writer = createEncryptedFileCachePlugin(dir, secrets, silentLogger)
    const write = context(SECRET_CACHE, true)
    await writer.beforeCacheAccess(write as never)
    await writer.afterCacheAccess(write as never)

    const onDisk = readFileSync(join(dir, ENCRYPTED_CACHE_FILE))
    expect(onDisk.toString('latin1')).not.toContain('refresh-token-value')
    expect(onDisk.toString('latin1')).not.toContain('RefreshToken')

    const reader = createEncryptedFileCachePlugin(dir, secrets, silentLogger)
    const read = context('', false)
    await reader.beforeCacheAccess(read as never)
    expect(read.state).toBe(SECRET_CACHE)
  })

  it('hands the cache back on every access (MSAL clears its memory before each silent lookup)', async () => {
    const dir = tempDir()
    const plugin = createEncryptedFileCachePlugin(dir, fakeSafeStorage(), silentLogger)
    const write = context(SECRET_CACHE, true)
    await plugin.beforeCacheAccess(write as never)
    await plugin.afterCacheAccess(write as never)
    for (let i = 0; i < 2; i++) {
      const again = context('', false)
      await plugin.beforeCacheAccess(again as never)
      expect(again.state).toBe(SECRET_CACHE)
    }
  })

  it('does not rewrite the file when the cache did not change', async () => {
    const dir = tempDir()
    const plugin = createEncryptedFileCachePlugin(dir, fakeSafeStorage(), silentLogger)
    await plugin.afterCacheAccess(context(SECRET_CACHE, false) as never)
    expect(readdirSync(dir)).toEqual([])
  })

  it('discards a file it cannot decrypt (another machine or user) instead of failing', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, ENCRYPTED_CACHE_FILE), randomBytes(64))
    const plugin = createEncryptedFileCachePlugin(dir, fakeSafeStorage(), silentLogger)
    const read = context('', false)
    await plugin.beforeCacheAccess(read as never)
    expect(read.state).toBe('')
    expect(readdirSync(dir)).toEqual([])
  })

  it('keeps the file when the keyring is only temporarily unavailable, and reads it once it is back', async () => {
    const dir = tempDir()
    const secrets = fakeSafeStorage()
    const writer = createEncryptedFileCachePlugin(dir, secrets, silentLogger)
    const write = context(SECRET_CACHE, true)
    await writer.beforeCacheAccess(write as never)
    await writer.afterCacheAccess(write as never)

    let locked = true
    const flaky = {
      ...secrets,
      decrypt: (data: Buffer) =>
        locked
          ? Promise.reject(new Error('Error while decrypting: encryption is temporarily unavailable'))
          : secrets.decrypt(data),
    }
    const plugin = createEncryptedFileCachePlugin(dir, flaky, silentLogger)
    const first = context('', false)
    await plugin.beforeCacheAccess(first as never)
    expect(first.state).toBe('')
    expect(readdirSync(dir)).toEqual([ENCRYPTED_CACHE_FILE])
    locked = false
    const second = context('', false)
    await plugin.beforeCacheAccess(second as never)
    expect(second.state).toBe(SECRET_CACHE)
  })
})

describe('choosing where tokens live', () => {
  it('uses the host encryption when it is available', async () => {
    const choice = await chooseTokenCache({
      dir: tempDir(),
      profileId: 'demo',
      secretStorage: fakeSafeStorage(true),
      allowKeychain: false,
      log: silentLogger,
    })
    expect(choice.persistence).toBe('encrypted')
  })

  it('falls back to memory when the host has no real secret store and no keychain is allowed', async () => {
    const dir = tempDir()
    const choice = await chooseTokenCache({
      dir,
      profileId: 'demo',
      secretStorage: fakeSafeStorage(false),
      allowKeychain: false,
      log: silentLogger,
    })
    expect(choice).toEqual({ persistence: 'memory' })
    expect(readdirSync(dir)).toEqual([])
  })

  it('never leaves a plaintext cache when the keychain is unusable (headless Linux)', async () => {
    const dir = tempDir()
    const choice = await chooseTokenCache({
      dir,
      profileId: 'p-test',
      allowKeychain: true,
      log: silentLogger,
    })
    // On a desktop with a keychain this is 'keychain'; on this headless machine it must be memory.
    expect(['keychain', 'memory']).toContain(choice.persistence)
    if (choice.persistence === 'memory') expect(readdirSync(dir)).toEqual([])
  })
})
