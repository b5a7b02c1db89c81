import { mkdirSync } from 'node:fs'
import type { AuthStatus, PermissionReason } from '@shared/api/schemas/auth'
import { DEMO_PROFILE_ID } from '@shared/api/schemas/profiles'
import { CodedError } from '@shared/errors'
import type { DemoTenant, DemoTenantOptions } from '../../demo-tenant/types'
import type { Logger } from '../log'
import { CLOUD_ENDPOINTS } from '../profiles/clouds'
import type { DemoIdentity, ProfilesStore, TenantProfile } from '../profiles/store'
import type { TenantEndpoints } from './endpoints'
import { fetchEffectivePermissions, RESET_PASSCODE_PERMISSION } from './permissions'
import { ProfileAuth } from './profile-auth'
import type { ActiveProfile, AgentIdentity, Session, SessionProvider } from './session'
import { eraseTokenCache, type CacheSecretStorage } from './token-cache'

/** What core needs from the embedded demo tenant (electron/demo-tenant, issue 4). */
export type DemoTenantHandle = Pick<DemoTenant, 'authority' | 'graphUrl' | 'tenantId' | 'clientId' | 'close'>
export type StartDemoTenant = (options: DemoTenantOptions) => Promise<DemoTenantHandle>

export interface DemoTenantSettings {
  readonly devices: number
  readonly seed: number
  readonly timeScale: number
  readonly accessTokenLifetimeSeconds?: number
  /** Demo tenant's network knob file (PASSCODE_DESK_DEMO_NETWORK_FILE, demo-tenant/network.ts). */
  readonly networkControlFile?: string
}

export interface SessionManagerOptions {
  readonly profiles: ProfilesStore
  readonly log: Logger
  readonly secretStorage?: CacheSecretStorage
  /** Try the OS keychain (msal-node-extensions) when the host has no secret storage. */
  readonly allowKeychain: boolean
  /** Opens the sign-in page: system browser (Electron), a renderer tab (browser host), the terminal (CLI). */
  readonly openBrowser: (url: string) => Promise<void>
  readonly demo: DemoTenantSettings
  readonly startDemoTenant: StartDemoTenant
  /** Tests: replace the endpoints a profile resolves to (e.g. a second demo tenant). */
  readonly resolveEndpoints?: (profile: TenantProfile) => TenantEndpoints
  readonly signInTimeoutMs?: number
  /** How long effective permissions are reused before asking Graph again. */
  readonly permissionsTtlMs?: number
  /** The host's network stack (Electron: net.fetch; Node hosts: core/net/node-fetch.ts). */
  readonly fetch?: typeof fetch
}

export interface SessionManager extends SessionProvider {
  /**
   * Starts the active profile (and the demo tenant when Demo is active). The CLI passes the
   * profile named by `--profile`, which is then used without becoming the app's active profile.
   */
  start(profileId?: string): Promise<void>
  /** Switches profile; `persist: false` (CLI) leaves the app's saved choice alone. */
  activate(profileId: string, options?: { persist?: boolean }): Promise<void>
  /** Forgets a removed or re-pointed profile's MSAL app and erases its persisted tokens. */
  forget(profileId: string): Promise<void>
  status(): Promise<AuthStatus>
  signIn(): Promise<AuthStatus>
  cancelSignIn(): Promise<AuthStatus>
  signOut(): Promise<AuthStatus>
  /** Endpoints of the active profile (Test connection). */
  activeEndpoints(): TenantEndpoints
  /** The running demo tenant's identity (for the Demo profile's summary), or null. */
  demoIdentity(): DemoIdentity | null
  /** Fires with a fresh status whenever sign-in state, profile or permissions change. */
  onStatus(listener: (status: AuthStatus) => void): () => void
  dispose(): Promise<void>
}

interface Active {
  readonly profile: ActiveProfile
  readonly dir: string
  /** Null when the profile could not start (demo tenant down): every token request says why. */
  readonly auth: ProfileAuth | null
  readonly startError: CodedError | null
}

interface PermissionsCache {
  readonly at: number
  readonly upn: string
  readonly value: ReadonlySet<string> | null
  readonly error: CodedError | null
}

function sameEndpoints(a: TenantEndpoints, b: TenantEndpoints): boolean {
  return (
    a.authority === b.authority &&
    a.clientId === b.clientId &&
    a.graphBaseUrl === b.graphBaseUrl &&
    a.tenantId === b.tenantId
  )
}

export function endpointsForProfile(profile: TenantProfile): TenantEndpoints {
  const cloud = CLOUD_ENDPOINTS[profile.cloud]
  return {
    authority: `${cloud.loginHost}/${profile.tenantId}`,
    graphBaseUrl: cloud.graphBaseUrl,
    tenantId: profile.tenantId,
    clientId: profile.clientId,
    qualifyScopes: profile.cloud !== 'global',
  }
}

export function endpointsForDemo(demo: DemoTenantHandle): TenantEndpoints {
  return {
    authority: demo.authority,
    graphBaseUrl: demo.graphUrl.replace(/\/+$/, ''),
    tenantId: demo.tenantId,
    clientId: demo.clientId,
    qualifyScopes: false,
  }
}

/**
 * Owns the active profile, its MSAL app (one per profile, kept while the process lives so a
 * memory-only cache survives switching back), the embedded demo tenant's lifecycle, and the
 * SessionProvider other modules call before every Graph request.
 */
export function createSessionManager(options: SessionManagerOptions): SessionManager {
  const { profiles, log } = options
  const apps = new Map<string, ProfileAuth>()
  const sessionListeners = new Set<(session: Session) => void>()
  const statusListeners = new Set<(status: AuthStatus) => void>()
  let demo: DemoTenantHandle | null = null
  let active: Active | null = null
  let session: Session | null = null
  let permissionsCache: PermissionsCache | null = null
  let queue: Promise<unknown> = Promise.resolve()
  let inflightSignIn: Promise<AuthStatus> | null = null
  let statusSeq = 0
  const ttl = options.permissionsTtlMs ?? 5 * 60_000

  /** Profile switches, sign-ins and sign-outs run one at a time. */
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task)
    queue = run.catch(() => {})
    return run
  }

  const notify = () => {
    if (session) for (const listener of sessionListeners) safe(() => listener(session!))
    if (statusListeners.size === 0) return
    // Statuses are computed concurrently (some wait on Graph): only the latest one is pushed.
    const seq = ++statusSeq
    void computeStatus().then(
      (status) => {
        if (seq !== statusSeq) return
        for (const listener of statusListeners) safe(() => listener(status))
      },
      (error: unknown) => log.warn('auth.status-failed', { error }),
    )
  }
  const safe = (fn: () => void) => {
    try {
      fn()
    } catch (error) {
      log.warn('auth.listener-threw', { error })
    }
  }

  const stopDemo = async () => {
    if (!demo) return
    const closing = demo
    demo = null
    apps.delete(DEMO_PROFILE_ID)
    try {
      await closing.close()
    } catch (error) {
      log.warn('auth.demo-stop-failed', { error })
    }
  }

  const open = async (profileId: string): Promise<Active> => {
    const dir = profiles.dirOf(profileId)
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    let endpoints: TenantEndpoints
    let name: string
    let kind: ActiveProfile['kind']
    if (profileId === DEMO_PROFILE_ID) {
      name = 'Demo'
      kind = 'demo'
      // Hidden by the organisation (ShowDemoProfile off, DESIGN §3): never started, from any channel.
      if (!profiles.demoAvailable()) {
        const startError = new CodedError(
          'PROFILE_DEMO_HIDDEN',
          'Your organisation has hidden the demo profile',
        )
        return {
          profile: { id: profileId, name, kind, tenantId: '', graphBaseUrl: '' },
          dir,
          auth: null,
          startError,
        }
      }
      if (!demo) {
        try {
          demo = await options.startDemoTenant({
            port: 0,
            devices: options.demo.devices,
            seed: options.demo.seed,
            timeScale: options.demo.timeScale,
            accessTokenLifetimeSeconds: options.demo.accessTokenLifetimeSeconds,
            networkControlFile: options.demo.networkControlFile,
          })
          log.info('auth.demo-started', { devices: options.demo.devices })
        } catch (error) {
          log.error('auth.demo-start-failed', { error })
          const startError = new CodedError('OFFLINE', 'The demo tenant could not start')
          return {
            profile: { id: profileId, name, kind, tenantId: '', graphBaseUrl: '' },
            dir,
            auth: null,
            startError,
          }
        }
      }
      endpoints = endpointsForDemo(demo)
    } else {
      const profile = profiles.get(profileId)
      if (!profile) throw new CodedError('PROFILE_NOT_FOUND', 'No such profile')
      name = profile.name
      kind = 'tenant'
      endpoints = options.resolveEndpoints?.(profile) ?? endpointsForProfile(profile)
    }
    const profile: ActiveProfile = {
      id: profileId,
      name,
      kind,
      tenantId: endpoints.tenantId,
      graphBaseUrl: endpoints.graphBaseUrl,
    }
    let auth = apps.get(profileId) ?? null
    if (auth && !sameEndpoints(auth.endpoints, endpoints)) auth = null // profile edited: new app
    if (!auth) {
      try {
        auth = await ProfileAuth.create({
          profileId,
          endpoints,
          dir,
          secretStorage: options.secretStorage,
          allowKeychain: options.allowKeychain,
          log,
          signInTimeoutMs: options.signInTimeoutMs,
          fetch: options.fetch,
        })
        apps.set(profileId, auth)
      } catch (error) {
        const coded =
          error instanceof CodedError ? error : new CodedError('AUTH_FAILED', 'Sign-in could not be prepared')
        log.error('auth.profile-open-failed', { profileId, code: coded.code, error })
        return { profile, dir, auth: null, startError: coded }
      }
    }
    return { profile, dir, auth, startError: null }
  }

  const makeSession = (current: Active): Session => ({
    profile: current.profile,
    profileDataDir: current.dir,
    agent: (): AgentIdentity | null => current.auth?.agent() ?? null,
    async getAccessToken() {
      if (!current.auth) throw current.startError ?? new CodedError('AUTH_REQUIRED', 'Nobody is signed in')
      const wasReauth = current.auth.reauthRequired
      try {
        return await current.auth.getAccessToken()
      } finally {
        // Tell the UI at once when a silent renewal turned into "sign in again" (or recovered).
        if (current.auth.reauthRequired !== wasReauth && active === current) notify()
      }
    },
    async permissions() {
      return loadPermissions(current, true)
    },
  })

  const loadPermissions = async (current: Active, throwOnError: boolean): Promise<ReadonlySet<string>> => {
    const agent = current.auth?.agent()
    if (!current.auth || !agent) throw new CodedError('AUTH_REQUIRED', 'Nobody is signed in')
    const cached = permissionsCache
    if (cached && cached.upn === agent.upn && Date.now() - cached.at < ttl) {
      if (cached.value) return cached.value
      if (throwOnError && cached.error) throw cached.error
    }
    try {
      const token = await sessionOf(current).getAccessToken()
      const value = await fetchEffectivePermissions(current.profile.graphBaseUrl, token, options.fetch)
      if (active === current) permissionsCache = { at: Date.now(), upn: agent.upn, value, error: null }
      return value
    } catch (error) {
      const coded =
        error instanceof CodedError ? error : new CodedError('GRAPH_ERROR', 'Permissions could not be read')
      if (active === current && coded.code !== 'AUTH_REQUIRED' && coded.code !== 'OFFLINE') {
        permissionsCache = { at: Date.now(), upn: agent.upn, value: null, error: coded }
      }
      throw coded
    }
  }

  const sessionOf = (current: Active): Session =>
    session && active === current ? session : makeSession(current)

  const switchTo = async (profileId: string) => {
    if (active?.auth?.signInInProgress) await active.auth.cancelSignIn()
    if (profileId !== DEMO_PROFILE_ID) await stopDemo()
    const next = await open(profileId)
    active = next
    session = makeSession(next)
    permissionsCache = null
    log.info('auth.profile-active', {
      profileId,
      kind: next.profile.kind,
      cache: next.auth?.persistence ?? 'none',
    })
  }

  const computeStatus = async (): Promise<AuthStatus> => {
    const current = active
    if (!current) throw new CodedError('INTERNAL', 'No active profile')
    const auth = current.auth
    const agent = auth?.agent() ?? null
    let state: AuthStatus['state'] = 'signedOut'
    if (auth?.signInInProgress) state = 'signingIn'
    else if (agent) state = auth?.reauthRequired ? 'reauthRequired' : 'signedIn'
    let canResetPasscode = false
    let permissionReason: PermissionReason | null = 'signedOut'
    let missingPermission: string | null = null
    if (state === 'signedIn' || (state === 'signingIn' && agent && !auth?.reauthRequired)) {
      try {
        const permissions = await loadPermissions(current, true)
        canResetPasscode = permissions.has(RESET_PASSCODE_PERMISSION)
        permissionReason = canResetPasscode ? null : 'missingPermission'
        missingPermission = canResetPasscode ? null : RESET_PASSCODE_PERMISSION
      } catch (error) {
        if (error instanceof CodedError && error.code === 'AUTH_REQUIRED') {
          state = 'reauthRequired'
          permissionReason = 'signedOut'
        } else {
          permissionReason = 'permissionsUnavailable'
        }
      }
    }
    return {
      profileId: current.profile.id,
      profileName: current.profile.name,
      profileKind: current.profile.kind,
      state,
      agent: agent ? { upn: agent.upn, displayName: agent.displayName, tenantId: agent.tenantId } : null,
      cachePersistence: auth?.persistence ?? 'memory',
      canResetPasscode,
      permissionReason,
      missingPermission,
    }
  }

  const requireAuth = (): ProfileAuth => {
    if (!active) throw new CodedError('INTERNAL', 'No active profile')
    if (!active.auth) throw active.startError ?? new CodedError('AUTH_FAILED', 'Sign-in is not available')
    return active.auth
  }

  return {
    current() {
      if (!session) throw new CodedError('INTERNAL', 'Sessions not started')
      return session
    },
    onChange(listener) {
      sessionListeners.add(listener)
      return () => sessionListeners.delete(listener)
    },
    onStatus(listener) {
      statusListeners.add(listener)
      return () => statusListeners.delete(listener)
    },
    start: (profileId) => serial(() => switchTo(profileId ?? profiles.activeId())),
    activate: (profileId, activateOptions) =>
      serial(async () => {
        if (activateOptions?.persist === false) {
          if (profileId !== DEMO_PROFILE_ID && !profiles.get(profileId))
            throw new CodedError('PROFILE_NOT_FOUND', 'No such profile')
        } else {
          profiles.activate(profileId)
        }
        await switchTo(profileId)
        notify()
      }),
    forget: (profileId) =>
      serial(async () => {
        const auth = apps.get(profileId)
        apps.delete(profileId)
        // Removing (or re-pointing) a profile signs its agent out: its tokens must not outlive it.
        if (auth) await auth.signOut().catch(() => {})
        await eraseTokenCache(profiles.dirOf(profileId), profileId, options.allowKeychain, log).catch(
          (error: unknown) => log.warn('auth.cache-erase-failed', { error }),
        )
      }),
    status: () => computeStatus(),
    signIn() {
      // A second click (or another window) joins the sign-in already waiting on the agent.
      inflightSignIn ??= (async () => {
        const auth = requireAuth()
        const current = active
        // Not serialized: it waits on the agent for minutes, and a profile switch cancels it.
        const signingIn = auth.signIn({ openBrowser: options.openBrowser })
        notify()
        try {
          const agent = await signingIn
          permissionsCache = null
          log.info('auth.signed-in', { profileId: current?.profile.id, tenantId: agent.tenantId })
        } finally {
          if (active === current) notify()
        }
        return computeStatus()
      })().finally(() => {
        inflightSignIn = null
      })
      return inflightSignIn
    },
    async cancelSignIn() {
      await active?.auth?.cancelSignIn()
      return computeStatus()
    },
    signOut: () =>
      serial(async () => {
        const auth = requireAuth()
        await auth.signOut()
        permissionsCache = null
        log.info('auth.signed-out', { profileId: active?.profile.id })
        notify()
        return computeStatus()
      }),
    activeEndpoints() {
      if (!active?.auth) throw active?.startError ?? new CodedError('INTERNAL', 'No active profile')
      return active.auth.endpoints
    },
    demoIdentity: () => (demo ? { tenantId: demo.tenantId, clientId: demo.clientId } : null),
    dispose: () =>
      serial(async () => {
        for (const auth of apps.values()) await auth.cancelSignIn().catch(() => {})
        await stopDemo()
        statusListeners.clear()
        sessionListeners.clear()
      }),
  }
}
