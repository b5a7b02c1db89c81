import type { ManagedPolicy } from '@shared/api/schemas/policy'
import type { ErrorCode } from '@shared/errors'
import { createActionsModule } from './actions'
import { createSessionPasscodeGraph } from './actions/graph'
import { createAppModule } from './app'
import { createAuthModule } from './auth'
import type { DemoTenantSettings, StartDemoTenant } from './auth/demo-tenant-lifecycle'
import type { SessionProvider } from './auth/session'
import { isDevelopment, systemLocale } from './config'
import { createConnectivityModule, type ProbeSchedule } from './connectivity'
import { createDevicesModule } from './devices'
import { createEventBus, type EventBus } from './events'
import { createSessionGraphClient, sessionAccess } from './graph/session-client'
import { createHistoryModule } from './history'
import type { HostCapabilities } from './host'
import { createLinksModule, type LinkInbox } from './links'
import { createLogger, type Logger } from './log'
import { createNodeFetch } from './net/node-fetch'
import { createPolicyModule, loadManagedPolicy } from './policy'
import { startHistoryRetention } from './policy/history-retention'
import { createProfilesModule } from './profiles'
import { createReadinessModule } from './readiness'
import { createRouter, type Handlers, type Router } from './router'
import { createSettingsModule } from './settings'
import { createDeviceCache } from './store/cache'
import { createSyncModule, type SyncGraphTuning } from './sync'
import { createUpdatesModule } from './updates'
import { VERSION } from './version'

export type { HostCapabilities, HostClipboard, HostUpdates, SecretStorage } from './host'

export interface CoreOptions {
  readonly dataDir: string
  readonly host: HostCapabilities
  readonly logger?: Logger
  /** Defaults to on outside production builds. */
  readonly validateOutput?: boolean
  /**
   * Path to a better-sqlite3 binary built for this runtime's ABI. The Electron host passes its
   * Electron build; Node hosts leave it unset and use node_modules' Node build (toolchain notes).
   */
  readonly sqliteNativeBinding?: string
  /**
   * The built SQL worker script (out/main/sql-worker.js, from electron/core/store/worker/): a full
   * sync's SQLite writes then run on that thread and this one stays free for searches (DESIGN §5).
   * Each host passes the file beside its own entry; unset (tests): the sync writes on this thread.
   */
  readonly sqlWorkerScript?: string
  /** Embedded demo tenant size/speed (default: PASSCODE_DESK_DEMO_DEVICES/_SEED/_TIME_SCALE or 2000/1/1). */
  readonly demoTenant?: Partial<DemoTenantSettings>
  /** Tests: replaces the embedded demo tenant. */
  readonly startDemoTenant?: StartDemoTenant
  /**
   * Settings managed by the organisation; default: read from this OS's policy store (registry on
   * Windows, managed preferences on macOS; none elsewhere). Tests pass one.
   */
  readonly managedPolicy?: ManagedPolicy
  /** Default: on outside Electron (OS keychain through msal-node-extensions); tests turn it off. */
  readonly allowKeychain?: boolean
  /** CLI `--profile`: run on this profile without making it the app's active one. */
  readonly profileId?: string
  /** CLI `--db`: this cache database instead of the profile's `cache.db`. */
  readonly cacheFile?: string
  /**
   * CLI `--graph-url --access-token`: sync from this Graph root with this token instead of the
   * profile's session (scripts and benchmarks against a demo tenant started apart).
   */
  readonly graphTarget?: { readonly baseUrl: string; readonly accessToken: string }
  /** Background probe of Graph (default every 60 s, 10 s while unreachable); false for none. */
  readonly reachabilityProbe?: ProbeSchedule | false
}

export interface Core {
  readonly router: Router
  readonly events: EventBus
  readonly log: Logger
  /** The active profile's session: the agent and their Graph tokens (domain §4). */
  readonly sessions: SessionProvider
  /** Deep links the host received (Electron: protocol handler); the renderer takes them. */
  readonly links: LinkInbox
  dispose(): Promise<void>
}

/**
 * The composition root (DESIGN §1): builds each domain module once, in dependency order, and binds
 * their handlers to the one router. Nothing else in core builds core.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  const validate = options.validateOutput ?? isDevelopment()
  const log = options.logger ?? createLogger({ dir: `${options.dataDir}/logs`, level: 'info' })
  const events = createEventBus({ validate, log })
  const netFetch = options.host.fetch ?? createNodeFetch()
  const locale = options.host.locale ?? (() => systemLocale())
  const policy = createPolicyModule(
    options.managedPolicy ?? (await loadManagedPolicy({ platform: process.platform }, log)),
  )
  const settings = createSettingsModule({ dataDir: options.dataDir, policy: policy.policy, events })
  // Sign-in and tenant profiles (domain §4): starts the active profile (Demo → embedded demo tenant).
  const auth = await createAuthModule({
    dataDir: options.dataDir,
    hostKind: options.host.kind,
    secretStorage: options.host.secretStorage,
    openExternal: options.host.openExternal,
    demoTenant: options.demoTenant,
    startDemoTenant: options.startDemoTenant,
    allowKeychain: options.allowKeychain,
    profileId: options.profileId,
    policy: policy.policy,
    fetch: netFetch,
    events,
    log,
  })
  const sessions = auth.sessions
  const profiles = createProfilesModule({ store: auth.profiles, sessions, events, fetch: netFetch })
  // Intune reachability (DESIGN §1): one model, fed by every Graph call and a cheap probe.
  const connectivity = createConnectivityModule({
    sessions,
    events,
    log,
    schedule: options.reachabilityProbe,
    fetch: netFetch,
  })
  const note = (outcome: ErrorCode | null) => connectivity.reachability.note(outcome)
  // Device cache (one SQLite file per profile), sync and search over it.
  const cache = createDeviceCache({
    sessions: options.cacheFile ? undefined : sessions,
    file: options.cacheFile,
    nativeBinding: options.sqliteNativeBinding,
    log,
  })
  const target = options.graphTarget
  const syncGraph = (tuning?: SyncGraphTuning) =>
    target
      ? createSessionGraphClient(
          { baseUrl: () => target.baseUrl, getAccessToken: async () => target.accessToken },
          'sync',
          { log },
          tuning,
        )
      : createSessionGraphClient(
          sessionAccess(sessions.current()),
          'sync',
          { log, fetch: netFetch, note },
          tuning,
        )
  const sync = createSyncModule({
    cache,
    graph: syncGraph,
    connectivity: connectivity.reachability,
    sessions,
    ownToken: target !== undefined,
    settings: () => settings.settings.get().sync,
    events,
    log,
    sqlWorker: options.sqlWorkerScript
      ? { script: options.sqlWorkerScript, nativeBinding: options.sqliteNativeBinding }
      : undefined,
  })
  const devices = createDevicesModule({
    cache,
    graph: () => syncGraph(),
    connectivity: connectivity.reachability,
    sessions,
    locale,
  })
  // Passcode actions (domain §2.3–2.4) and their history, recorded in the same per-profile database.
  const actions = createActionsModule({
    sessions,
    settings: settings.settings,
    events,
    log,
    host: options.host,
    database: () => cache.db(),
    graph: (session) => createSessionPasscodeGraph(session, { log, fetch: netFetch, note }),
    connectivity: connectivity.reachability,
  })
  const history = createHistoryModule({
    repo: () => actions.contexts.active().repo,
    graph: () => actions.contexts.active().graph(),
    agentUpn: () => sessions.current().agent()?.upn ?? null,
    toRecord: actions.ledger.dto,
    deviceAction: (deviceId) => actions.contexts.deviceAction(deviceId),
    now: Date.now,
  })
  const app = createAppModule({
    version: VERSION,
    hostKind: options.host.kind,
    dataDir: options.dataDir,
    locale,
    electronVersions: options.host.electronVersions,
  })
  const links = createLinksModule(events, log)
  const updates = createUpdatesModule({
    createUpdates: options.host.createUpdates,
    feedUrl: policy.policy.values.UpdateFeedUrl,
    events,
    log,
  })

  // Managed HistoryRetentionDays (DESIGN §3): at start, on a profile switch, then daily.
  const retention = startHistoryRetention({
    days: policy.policy.values.HistoryRetentionDays,
    database: () => cache.db(),
    onProfileChange: (listener) => sessions.onChange(listener),
    log,
  })
  // Fleet readiness (DESIGN §1): aggregates over the same per-profile database, offline.
  const readiness = createReadinessModule({ database: () => cache.db() })
  const handlers: Handlers = {
    ...app.handlers,
    ...settings.handlers,
    ...policy.handlers,
    ...links.handlers,
    ...updates.handlers,
    ...auth.handlers,
    ...profiles.handlers,
    ...devices.handlers,
    ...sync.handlers,
    ...actions.handlers,
    ...history.handlers,
    ...connectivity.handlers,
    ...readiness.handlers,
  }

  const router = createRouter(handlers, { validateOutput: validate, log })
  log.info('core.started', { host: options.host.kind })
  return {
    router,
    events,
    log,
    sessions,
    links: links.inbox,
    async dispose() {
      // Reverse order of construction: what reads the cache and the session stops before them.
      connectivity.dispose()
      readiness.dispose()
      retention.dispose()
      await updates.dispose()
      await history.dispose()
      await actions.dispose()
      devices.dispose()
      sync.dispose()
      cache.close()
      await profiles.dispose()
      await auth.dispose()
      await settings.dispose()
      await policy.dispose()
      await app.dispose()
      await links.dispose()
      log.info('core.stopped')
    },
  }
}
