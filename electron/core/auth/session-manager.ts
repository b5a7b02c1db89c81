import type { AuthStatus } from '@shared/api/schemas/auth'
import { DEMO_PROFILE_ID } from '@shared/api/schemas/profiles'
import { CodedError } from '@shared/errors'
import type { Logger } from '../log'
import type { DemoIdentity, ProfilesStore, TenantProfile } from '../profiles/store'
import {
  createDemoTenantLifecycle,
  type DemoTenantSettings,
  type StartDemoTenant,
} from './demo-tenant-lifecycle'
import type { TenantEndpoints } from './endpoints'
import { createPermissionsCache } from './permissions-cache'
import type { ProfileAuth } from './profile-auth'
import { openProfile, type OpenedProfile as Active } from './profile-opener'
import { authStatusOf } from './status'
import type { AgentIdentity, Session, SessionProvider } from './session'
import { eraseTokenCache, type CacheSecretStorage } from './token-cache'

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

/**
 * Owns the active profile and the SessionProvider other modules call before every Graph request:
 * profile switches, sign-in and sign-out one at a time, and status pushes. Opening a profile
 * (profile-opener.ts), the demo tenant's life (demo-tenant-lifecycle.ts), the permissions cache
 * and the status itself (status.ts) live beside it.
 */
export function createSessionManager(options: SessionManagerOptions): SessionManager {
  const { profiles, log } = options
  const apps = new Map<string, ProfileAuth>()
  const sessionListeners = new Set<(session: Session) => void>()
  const statusListeners = new Set<(status: AuthStatus) => void>()
  const demo = createDemoTenantLifecycle({ start: options.startDemoTenant, settings: options.demo, log })
  let active: Active | null = null
  let session: Session | null = null
  const permissionsCache = createPermissionsCache({
    ttlMs: options.permissionsTtlMs ?? 5 * 60_000,
    fetch: options.fetch,
  })
  let queue: Promise<unknown> = Promise.resolve()
  let inflightSignIn: Promise<AuthStatus> | null = null
  let statusSeq = 0

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
    if (!demo.running()) return
    apps.delete(DEMO_PROFILE_ID)
    await demo.stop()
  }

  const open = (profileId: string): Promise<Active> =>
    openProfile({ ...options, demoTenant: demo, apps }, profileId)

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
      return loadPermissions(current)
    },
  })

  const loadPermissions = async (current: Active): Promise<ReadonlySet<string>> => {
    const agent = current.auth?.agent()
    if (!current.auth || !agent) throw new CodedError('AUTH_REQUIRED', 'Nobody is signed in')
    return permissionsCache.load({
      upn: agent.upn,
      graphBaseUrl: current.profile.graphBaseUrl,
      token: () => sessionOf(current).getAccessToken(),
      stillActive: () => active === current,
    })
  }

  const sessionOf = (current: Active): Session =>
    session && active === current ? session : makeSession(current)

  const switchTo = async (profileId: string) => {
    if (active?.auth?.signInInProgress) await active.auth.cancelSignIn()
    if (profileId !== DEMO_PROFILE_ID) await stopDemo()
    const next = await open(profileId)
    active = next
    session = makeSession(next)
    permissionsCache.clear()
    log.info('auth.profile-active', {
      profileId,
      kind: next.profile.kind,
      cache: next.auth?.persistence ?? 'none',
    })
  }

  const computeStatus = async (): Promise<AuthStatus> => {
    const current = active
    if (!current) throw new CodedError('INTERNAL', 'No active profile')
    return authStatusOf(current.profile, current.auth, () => loadPermissions(current))
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
          permissionsCache.clear()
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
        permissionsCache.clear()
        log.info('auth.signed-out', { profileId: active?.profile.id })
        notify()
        return computeStatus()
      }),
    activeEndpoints() {
      if (!active?.auth) throw active?.startError ?? new CodedError('INTERNAL', 'No active profile')
      return active.auth.endpoints
    },
    demoIdentity: () => demo.identity(),
    dispose: () =>
      serial(async () => {
        for (const auth of apps.values()) await auth.cancelSignIn().catch(() => {})
        await stopDemo()
        statusListeners.clear()
        sessionListeners.clear()
      }),
  }
}
