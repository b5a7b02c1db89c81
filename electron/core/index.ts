import type { HostKind } from '@shared/api/schemas/app'
import type { HostClipboard } from './actions/passcode-clipboard'
import { createSessionPasscodeGraph } from './actions/graph'
import { createActionServices } from './actions/service'
import { createAuthServices } from './auth/wiring'
import type { DemoTenantSettings, StartDemoTenant } from './auth/session-manager'
import type { SessionProvider } from './auth/session'
import { isDevelopment, systemLocale } from './config'
import { createConnectivityModule, reportingFetch, type ProbeSchedule } from './connectivity'
import { createEventBus, type EventBus } from './events'
import { createDeviceCacheModule } from './devices'
import { createGraphClient } from './graph/client'
import { createAppHandlers } from './app/handlers'
import { createSettingsHandlers } from './settings/handlers'
import { createLinkInbox, type LinkInbox } from './links'
import { createLogger, type Logger } from './log'
import { createNodeFetch } from './net/node-fetch'
import { loadManagedPolicy } from './policy'
import { withManagedSettings } from './policy/settings-overlay'
import { createRouter, type Handlers, type Router } from './router'
import { createSettingsStore } from './settings/store'
import { VERSION } from './version'
import type { ManagedPolicy } from '@shared/api/schemas/policy'

import { createPolicyHandlers } from './policy/handlers'
import { createUpdatesHandlers, type HostUpdates } from './updates/handlers'

export type { HostUpdates } from './updates/handlers'

/**
 * Encryption at rest provided by the host: Electron's safeStorage (async API) in the Electron
 * host; absent elsewhere (the browser host and the CLI use the OS keychain or memory, issue 6).
 */
export interface SecretStorage {
  /** False when the OS offers no real secret store (e.g. Linux `basic_text`): then do not persist. */
  isAvailable(): Promise<boolean>
  encrypt(plain: string): Promise<Buffer>
  decrypt(encrypted: Buffer): Promise<string>
}

/** Capabilities only a host can provide, injected so core never imports electron (DESIGN §1). */
export interface HostCapabilities {
  readonly kind: HostKind
  /** OS locale; the Electron host passes app.getLocale(). */
  readonly locale?: () => string
  readonly electronVersions?: { readonly electron: string; readonly chrome: string }
  readonly secretStorage?: SecretStorage
  /** Opens an https URL (or the sign-in page) in the system browser. */
  readonly openExternal?: (url: string) => Promise<void>
  /** A desktop notification (Electron `Notification`); the browser host's renderer uses the Web API. */
  readonly notify?: (title: string, body: string) => void
  /** The system clipboard (Electron main-process `clipboard`), for the passcode's copy-and-clear. */
  readonly clipboard?: HostClipboard
  /**
   * Every request core makes to Entra ID and Graph (MSAL included). The Electron host passes
   * Electron's net.fetch (system proxy, OS trust store: DESIGN §4); default: Node's fetch, through
   * HTTPS_PROXY when set (core/net/node-fetch.ts).
   */
  readonly fetch?: typeof fetch
  /**
   * Electron host: builds the updater for the organisation's feed (managed UpdateFeedUrl; none →
   * no checks). Other hosts never update themselves.
   */
  readonly createUpdates?: (feedUrl: string | undefined, log: Logger) => HostUpdates
}

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
  /** The active profile's session: the agent and their Graph tokens (issue 6). */
  readonly sessions: SessionProvider
  /** Deep links the host received (Electron: protocol handler); the renderer takes them. */
  readonly links: LinkInbox
  dispose(): Promise<void>
}

/** The composition root: builds every service once and binds them to the one router. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const validate = options.validateOutput ?? isDevelopment()
  const log = options.logger ?? createLogger({ dir: `${options.dataDir}/logs`, level: 'info' })
  const events = createEventBus({ validate, log })
  const policy = options.managedPolicy ?? (await loadManagedPolicy({ platform: process.platform }, log))
  const settings = withManagedSettings(createSettingsStore(options.dataDir), policy)
  const netFetch = options.host.fetch ?? createNodeFetch()
  // Sign-in and tenant profiles (issue 6): starts the active profile (Demo → embedded demo tenant).
  const auth = await createAuthServices({
    dataDir: options.dataDir,
    hostKind: options.host.kind,
    secretStorage: options.host.secretStorage,
    openExternal: options.host.openExternal,
    demoTenant: options.demoTenant,
    startDemoTenant: options.startDemoTenant,
    allowKeychain: options.allowKeychain,
    profileId: options.profileId,
    fetch: netFetch,
    events,
    log,
  })
  const sessions = auth.sessions
  // Intune reachability (DESIGN §1): one model, fed by every Graph call and a cheap probe.
  const connectivity = createConnectivityModule({
    sessions,
    events,
    log,
    schedule: options.reachabilityProbe,
    fetch: netFetch,
  })
  const note = (outcome: Parameters<typeof connectivity.reachability.note>[0]) =>
    connectivity.reachability.note(outcome)
  // Device cache, sync and search (issue 5): one SQLite file per profile.
  const target = options.graphTarget
  const deviceCache = createDeviceCacheModule({
    sessions,
    events,
    log,
    sqliteNativeBinding: options.sqliteNativeBinding,
    sqlWorkerScript: options.sqlWorkerScript,
    cacheFile: options.cacheFile,
    graph: target
      ? (tuning) =>
          createGraphClient({
            baseUrl: target.baseUrl,
            getAccessToken: async () => target.accessToken,
            log,
            ...tuning,
          })
      : undefined,
    locale: options.host.locale ?? (() => systemLocale()),
    syncSettings: () => settings.get().sync,
    connectivity: connectivity.reachability,
    fetch: netFetch,
  })
  // Passcode actions and history (issue 7), recorded in the same per-profile database.
  const actions = createActionServices({
    sessions,
    settings,
    events,
    log,
    host: options.host,
    fetch: netFetch,
    database: () => deviceCache.cache.db(),
    graph: (session) => createSessionPasscodeGraph(session, { log, fetch: reportingFetch(note, netFetch) }),
    connectivity: connectivity.reachability,
  })

  const links = createLinkInbox(events, log)
  const updates = options.host.createUpdates?.(policy.values.UpdateFeedUrl, log) ?? null
  updates?.onChange((status) => events.emit('updates:changed', status))
  const handlers: Handlers = {
    ...createAppHandlers({
      version: VERSION,
      hostKind: options.host.kind,
      dataDir: options.dataDir,
      locale: options.host.locale ?? (() => systemLocale()),
      electronVersions: options.host.electronVersions,
    }),
    ...createSettingsHandlers(settings, events),
    ...createPolicyHandlers(policy),
    ...links.handlers,
    ...createUpdatesHandlers(updates),
    ...auth.handlers,
    ...deviceCache.handlers,
    ...actions.handlers,
    ...connectivity.handlers,
  }

  const router = createRouter(handlers, { validateOutput: validate, log })
  log.info('core.started', { host: options.host.kind })
  return {
    router,
    events,
    log,
    sessions,
    links,
    async dispose() {
      connectivity.dispose()
      updates?.dispose()
      await actions.dispose()
      deviceCache.dispose()
      await sessions.dispose()
      log.info('core.stopped')
    },
  }
}
