import type { HostKind } from '@shared/api/schemas/app'
import type { EventBus } from '../events'
import type { Logger } from '../log'
import { createProfilesStore, type ProfilesStore, type TenantProfile } from '../profiles/store'
import type { CoreModule } from '../module'
import { demoSettingsFromEnv } from './demo-settings'
import { profileRulesFromPolicy } from '../profiles/managed'
import type { ManagedPolicy } from '@shared/api/schemas/policy'
import { createAuthHandlers } from './handlers'
import type { DemoTenantSettings, StartDemoTenant } from './demo-tenant-lifecycle'
import { createSessionManager, type SessionManager } from './session-manager'
import type { TenantEndpoints } from './endpoints'
import type { CacheSecretStorage } from './token-cache'

export { demoSettingsFromEnv } from './demo-settings'

export interface AuthModuleOptions {
  readonly dataDir: string
  readonly hostKind: HostKind
  readonly secretStorage?: CacheSecretStorage
  readonly openExternal?: (url: string) => Promise<void>
  /** Overrides the PASSCODE_DESK_DEMO_* environment variables. */
  readonly demoTenant?: Partial<DemoTenantSettings>
  /** Tests: a stub instead of the real embedded demo tenant. */
  readonly startDemoTenant?: StartDemoTenant
  /** Default true outside Electron; tests turn it off so they never touch a real keychain. */
  readonly allowKeychain?: boolean
  readonly signInTimeoutMs?: number
  /** The host's network stack (Electron: net.fetch; Node hosts: core/net/node-fetch.ts). */
  readonly fetch?: typeof fetch
  /** Tests: where a tenant profile signs in (default: its cloud's endpoints). */
  readonly resolveEndpoints?: (profile: TenantProfile) => TenantEndpoints
  readonly events: EventBus
  readonly log: Logger
  readonly env?: NodeJS.ProcessEnv
  /** CLI `--profile`: start on this profile without making it the app's active one. */
  readonly profileId?: string
  /** The organisation's profile rules (presets, adding, demo shown): enforced by the store. */
  readonly policy?: ManagedPolicy
}

export interface AuthModule extends CoreModule<
  'auth:status' | 'auth:signIn' | 'auth:cancelSignIn' | 'auth:signOut'
> {
  readonly sessions: SessionManager
  /** The tenant profiles the session manager starts from; the profiles module edits them. */
  readonly profiles: ProfilesStore
}

/**
 * Sign-in for createCore: the profiles store, the session manager (started on the active profile —
 * Demo on first start, which starts the embedded demo tenant), and the `auth:*` handlers. Status
 * changes are pushed as `auth:changed`. `profiles:*` is the profiles module's, over the same store.
 */
export async function createAuthModule(options: AuthModuleOptions): Promise<AuthModule> {
  const { events, log } = options
  const profiles = createProfilesStore(
    options.dataDir,
    options.policy ? profileRulesFromPolicy(options.policy) : undefined,
  )
  const demo = { ...demoSettingsFromEnv(options.env ?? process.env), ...options.demoTenant }
  const openBrowser =
    options.openExternal ??
    // No system browser from here (browser host): the renderer opens the page in a new tab.
    (async (url: string) => events.emit('auth:open-url', { url }))
  const sessions = createSessionManager({
    profiles,
    log,
    secretStorage: options.secretStorage,
    allowKeychain: options.allowKeychain ?? options.hostKind !== 'electron',
    openBrowser,
    demo,
    startDemoTenant:
      options.startDemoTenant ??
      (async (demoOptions) => {
        // Loaded on demand: a real-tenant profile never loads the simulator.
        const { startDemoTenant } = await import('../../demo-tenant')
        return startDemoTenant(demoOptions)
      }),
    signInTimeoutMs: options.signInTimeoutMs,
    resolveEndpoints: options.resolveEndpoints,
    fetch: options.fetch,
  })
  await sessions.start(options.profileId)
  sessions.onStatus((status) => events.emit('auth:changed', status))
  return { sessions, profiles, handlers: createAuthHandlers(sessions), dispose: () => sessions.dispose() }
}
