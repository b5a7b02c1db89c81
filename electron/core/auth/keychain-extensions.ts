import type { ICachePlugin } from '@azure/msal-node'

/**
 * The small surface of `@azure/msal-node-extensions` that Passcode Desk uses, declared here so that
 * compiling, bundling and testing never need the package. It is an optional dependency: `npm ci`
 * drops it wherever keytar cannot build (e.g. Linux without libsecret), and the app then keeps
 * tokens in memory only (DESIGN §4; README "Where sign-in tokens are kept").
 *
 * Matches msal-node-extensions 5.6 (`PersistenceCreator.createPersistence`, `DataProtectionScope`,
 * `PersistenceCachePlugin`, `IPersistence.delete`).
 */
export interface KeychainPersistence {
  delete(): Promise<boolean>
}

export interface KeychainPersistenceConfiguration {
  readonly cachePath: string
  readonly dataProtectionScope: string
  readonly serviceName: string
  readonly accountName: string
  readonly usePlaintextFileOnLinux: boolean
}

export interface KeychainExtensions {
  readonly PersistenceCreator: {
    createPersistence(config: KeychainPersistenceConfiguration): Promise<KeychainPersistence>
  }
  readonly DataProtectionScope: { readonly CurrentUser: string }
  readonly PersistenceCachePlugin: new (persistence: KeychainPersistence) => ICachePlugin
}

/**
 * The package's name in a variable: TypeScript does not resolve a non-literal `import()`, so the
 * type check passes whether or not the package is installed.
 */
const PACKAGE = '@azure/msal-node-extensions'

/** Anything that loads a module by name; tests pass one that fails to prove the absent path. */
export type ModuleLoader = (specifier: string) => Promise<unknown>

const nodeImport: ModuleLoader = (specifier) => import(/* @vite-ignore */ specifier)

function isExtensions(value: unknown): value is KeychainExtensions {
  if (typeof value !== 'object' || value === null) return false
  const candidate = value as Record<string, unknown>
  const creator = candidate.PersistenceCreator as Record<string, unknown> | undefined
  const scope = candidate.DataProtectionScope as Record<string, unknown> | undefined
  return (
    typeof creator?.createPersistence === 'function' &&
    typeof scope?.CurrentUser === 'string' &&
    typeof candidate.PersistenceCachePlugin === 'function'
  )
}

/**
 * Loads msal-node-extensions, or returns null when it is not installed (or not what we expect):
 * the caller then falls back to memory-only tokens. Never throws.
 */
export async function loadKeychainExtensions(
  load: ModuleLoader = nodeImport,
): Promise<KeychainExtensions | null> {
  try {
    const loaded = (await load(PACKAGE)) as Record<string, unknown> | null
    // ESM build exposes named exports; a CommonJS build arrives under `default`.
    if (isExtensions(loaded)) return loaded
    if (loaded && isExtensions(loaded.default)) return loaded.default
    return null
  } catch {
    return null
  }
}
