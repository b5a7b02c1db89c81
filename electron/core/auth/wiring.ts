import type { HostKind } from '@shared/api/schemas/app'
import type { EventBus } from '../events'
import type { Logger } from '../log'
import { createProfilesHandlers } from '../profiles/handlers'
import { profileRulesFromPolicy } from '../profiles/managed'
import { createProfilesStore, type ProfilesStore, type TenantProfile } from '../profiles/store'
import type { ManagedPolicy } from '@shared/api/schemas/policy'
import type { Handlers } from '../router'
import { createAuthHandlers } from './handlers'
import {
  createSessionManager,
  type DemoTenantSettings,
  type SessionManager,
  type StartDemoTenant,
} from './session-manager'
import type { TenantEndpoints } from './endpoints'
import type { CacheSecretStorage } from './token-cache'

export interface AuthWiringOptions {
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

export interface AuthServices {
  readonly sessions: SessionManager
  readonly profiles: ProfilesStore
  readonly handlers: Handlers<
    | 'auth:status'
    | 'auth:signIn'
    | 'auth:cancelSignIn'
    | 'auth:signOut'
    | 'profiles:list'
    | 'profiles:save'
    | 'profiles:remove'
    | 'profiles:activate'
    | 'profiles:test'
  >
}

function envNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  return Number.isFinite(value) && value >= min && value <= max ? value : fallback
}

/**
 * Demo tenant size and speed: `PASSCODE_DESK_DEMO_DEVICES` (2000), `_SEED` (1), `_TIME_SCALE` (1);
 * `_NETWORK_FILE`: a file whose content takes the demo tenant off the network at run time (tests).
 */
export function demoSettingsFromEnv(env: NodeJS.ProcessEnv): DemoTenantSettings {
  const networkFile = env.PASSCODE_DESK_DEMO_NETWORK_FILE
  return {
    ...(networkFile ? { networkControlFile: networkFile } : {}),
    devices: Math.floor(envNumber(env, 'PASSCODE_DESK_DEMO_DEVICES', 2000, 0, 1_000_000)),
    seed: Math.floor(envNumber(env, 'PASSCODE_DESK_DEMO_SEED', 1, 0, 2 ** 31)),
    timeScale: envNumber(env, 'PASSCODE_DESK_DEMO_TIME_SCALE', 1, 0.0001, 100),
  }
}

/**
 * Builds sign-in and profiles for createCore: the profiles store, the session manager (started on
 * the active profile — Demo on first start, which starts the embedded demo tenant), and the
 * `auth:*` / `profiles:*` handlers. Status changes are pushed as `auth:changed`.
 */
export async function createAuthServices(options: AuthWiringOptions): Promise<AuthServices> {
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
  const handlers = {
    ...createAuthHandlers(sessions),
    ...createProfilesHandlers({
      store: profiles,
      sessions,
      events,
      resolveEndpoints: options.resolveEndpoints,
      fetch: options.fetch,
    }),
  }
  return { sessions, profiles, handlers }
}
