import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node'
import type { CachePersistence } from '@shared/api/schemas/auth'
import type { Logger } from '../log'
import { loadKeychainExtensions, type KeychainExtensions, type ModuleLoader } from './keychain-extensions'

/** Encryption at rest from the host (Electron safeStorage); same shape as core's SecretStorage. */
export interface CacheSecretStorage {
  isAvailable(): Promise<boolean>
  encrypt(plain: string): Promise<Buffer>
  decrypt(encrypted: Buffer): Promise<string>
}

export interface TokenCacheChoice {
  readonly persistence: CachePersistence
  /** Undefined for `memory`: MSAL then keeps its cache in this process only. */
  readonly plugin?: ICachePlugin
}

/** The encrypted cache file inside a profile's directory (`encrypted` persistence). */
export const ENCRYPTED_CACHE_FILE = 'msal-cache.bin'
/** msal-node-extensions' marker/lock files (they hold no token: "{}" or a DPAPI blob on Windows). */
export const KEYCHAIN_DIR = 'keychain'

/**
 * A decryption failure that says nothing about the file: the OS keyring is locked or not ready yet
 * (Electron's safeStorage reports "temporarily unavailable"). Such an error must not discard the
 * agent's tokens; any other failure means the file belongs to another user/machine/keyring.
 */
export function isTransientSecretError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error)
  return /temporarily unavailable|try again later/i.test(message)
}

/**
 * ICachePlugin over the host's secret storage (Electron safeStorage: Keychain on macOS, DPAPI on
 * Windows — domain §4.2). The file holds only ciphertext; if it cannot be decrypted (another user,
 * another machine, a reinstalled OS keyring) it is discarded and the agent signs in again.
 */
export function createEncryptedFileCachePlugin(
  dir: string,
  secrets: CacheSecretStorage,
  log: Logger,
): ICachePlugin {
  const file = join(dir, ENCRYPTED_CACHE_FILE)
  /**
   * The decrypted cache, read from disk once: only this process writes the file. MSAL clears its
   * in-memory cache before every silent lookup and expects beforeCacheAccess to restore it
   * (ClientApplication.acquireTokenSilentAsync → overwriteCache), so it is handed back every time.
   */
  let current: string | null = null
  let loaded = false
  const load = async () => {
    loaded = true
    let encrypted: Buffer
    try {
      encrypted = await readFile(file)
    } catch {
      return // nothing saved yet
    }
    try {
      current = await secrets.decrypt(encrypted)
    } catch (error) {
      if (isTransientSecretError(error)) {
        // The keyring is locked or still starting (Electron: "temporarily unavailable"): the file
        // is fine, only unreadable right now. Keep it and try again on the next access.
        loaded = false
        log.warn('auth.cache-temporarily-unavailable', { error })
        return
      }
      log.warn('auth.cache-unreadable', { error })
      await rm(file, { force: true })
    }
  }
  return {
    async beforeCacheAccess(context: TokenCacheContext) {
      if (!loaded) await load()
      if (current) context.tokenCache.deserialize(current)
    },
    async afterCacheAccess(context: TokenCacheContext) {
      if (!context.cacheHasChanged) return
      const next = context.tokenCache.serialize()
      const encrypted = await secrets.encrypt(next)
      await mkdir(dir, { recursive: true })
      const tmp = `${file}.${process.pid}.tmp`
      await writeFile(tmp, encrypted, { mode: 0o600 })
      await rename(tmp, file)
      current = next
    },
  }
}

/** One profile's keychain entry; the same name when the cache is used and when it is erased. */
async function keychainPersistence(extensions: KeychainExtensions, dir: string, profileId: string) {
  const keychainDir = join(dir, KEYCHAIN_DIR)
  await mkdir(keychainDir, { recursive: true })
  return extensions.PersistenceCreator.createPersistence({
    cachePath: join(keychainDir, 'msal-cache.json'),
    dataProtectionScope: extensions.DataProtectionScope.CurrentUser,
    serviceName: 'Passcode Desk',
    accountName: `token-cache-${profileId}`,
    // Never a plaintext file, even where no keychain exists (DESIGN §4).
    usePlaintextFileOnLinux: false,
  })
}

/**
 * The OS keychain through @azure/msal-node-extensions (an optional dependency): DPAPI on Windows,
 * Keychain on macOS, libsecret on Linux. Returns null when the package or the keychain is not
 * usable (headless Linux has no D-Bus session). Never falls back to a plaintext file
 * (`usePlaintextFileOnLinux` stays off — DESIGN §4).
 */
export async function createKeychainCachePlugin(
  dir: string,
  profileId: string,
  log: Logger,
  load?: ModuleLoader,
): Promise<ICachePlugin | null> {
  const extensions = await loadKeychainExtensions(load)
  if (!extensions) {
    log.info('auth.keychain-unavailable', { reason: 'package' })
    return null
  }
  const keychainDir = join(dir, KEYCHAIN_DIR)
  try {
    const persistence = await keychainPersistence(extensions, dir, profileId)
    return new extensions.PersistenceCachePlugin(persistence)
  } catch (error) {
    log.info('auth.keychain-unavailable', {
      reason: error instanceof Error ? error.message.slice(0, 160) : 'unknown',
    })
    await rm(keychainDir, { recursive: true, force: true })
    return null
  }
}

export interface TokenCacheOptions {
  readonly dir: string
  readonly profileId: string
  readonly secretStorage?: CacheSecretStorage
  /** False in tests and where a keychain prompt would be unwelcome. */
  readonly allowKeychain: boolean
  readonly log: Logger
}

/**
 * Picks where a profile's tokens live: the host's encryption if it has a real secret store, else the
 * OS keychain, else memory only (the UI says so: `auth:status.cachePersistence`).
 */
export async function chooseTokenCache(options: TokenCacheOptions): Promise<TokenCacheChoice> {
  const { dir, secretStorage, log } = options
  if (secretStorage) {
    let available = false
    try {
      available = await secretStorage.isAvailable()
    } catch {
      available = false
    }
    if (available)
      return { persistence: 'encrypted', plugin: createEncryptedFileCachePlugin(dir, secretStorage, log) }
    log.info('auth.secret-storage-unavailable')
  }
  if (options.allowKeychain) {
    const plugin = await createKeychainCachePlugin(dir, options.profileId, log)
    if (plugin) return { persistence: 'keychain', plugin }
  }
  return { persistence: 'memory' }
}

/**
 * Erases a profile's persisted tokens whether or not its MSAL app is loaded: the encrypted file and,
 * where one is usable, its keychain entry. Used when a profile is removed or pointed elsewhere.
 */
export async function eraseTokenCache(
  dir: string,
  profileId: string,
  allowKeychain: boolean,
  log: Logger,
): Promise<void> {
  await rm(join(dir, ENCRYPTED_CACHE_FILE), { force: true })
  if (!allowKeychain) return
  try {
    const extensions = await loadKeychainExtensions()
    if (!extensions) return
    const persistence = await keychainPersistence(extensions, dir, profileId)
    await persistence.delete()
  } catch (error) {
    log.debug('auth.keychain-erase-skipped', {
      reason: error instanceof Error ? error.message.slice(0, 160) : 'unknown',
    })
  } finally {
    await rm(join(dir, KEYCHAIN_DIR), { recursive: true, force: true })
  }
}
