import type { SessionProvider } from '../auth/session'
import { reportingFetch } from '../connectivity/probe'
import type { EventBus } from '../events'
import { createGraphClient, type GraphClient } from '../graph/client'
import { silentLogger, type Logger } from '../log'
import type { Handlers } from '../router'
import { createDeviceCache, type DeviceCache } from '../store/cache'
import { createConnectivity, type Connectivity } from '../sync/connectivity'
import type { SyncSettings } from '@shared/api/schemas/settings'
import { createSyncEngine, type SyncEngine, type SyncGraphTuning } from '../sync/engine'
import { startBackgroundSync } from '../sync/background'
import { workerSnapshots } from '../store/worker/snapshot-worker'
import { createSyncHandlers } from '../sync/handlers'
import { createDeviceHandlers } from './handlers'
import { createDeviceService, type DeviceService } from './service'

export { createDeviceHandlers } from './handlers'

export interface DeviceCacheModuleOptions {
  readonly sessions: SessionProvider
  readonly events?: Pick<EventBus, 'emit'>
  readonly log?: Logger
  /** CoreOptions.sqliteNativeBinding. */
  readonly sqliteNativeBinding?: string
  /** CoreOptions.sqlWorkerScript: full passes write their snapshot in that worker thread. */
  readonly sqlWorkerScript?: string
  /** A fixed cache database (CLI `--db`) instead of the active profile's `cache.db`. */
  readonly cacheFile?: string
  /** Another Graph client factory (CLI `--graph-url`, tests; default: plain fetch over the active session). */
  readonly graph?: (tuning?: SyncGraphTuning) => GraphClient
  /** The agent's sync settings (time budget, full sweep, background passes). */
  readonly syncSettings?: () => SyncSettings
  /** The host's network stack (Electron: net.fetch; Node hosts: core/net/node-fetch.ts). */
  readonly fetch?: typeof fetch
  readonly now?: () => number
  /** The agent's locale (BCP 47): its region reads phone numbers typed without a country code. */
  readonly locale?: () => string | undefined
  /** The core-wide reachability model (electron/core/connectivity); a private one by default. */
  readonly connectivity?: Connectivity
}

export interface DeviceCacheModule {
  readonly cache: DeviceCache
  readonly devices: DeviceService
  readonly sync: SyncEngine
  readonly handlers: Handlers<
    'devices:search' | 'devices:get' | 'devices:refresh' | 'sync:start' | 'sync:cancel' | 'sync:status'
  >
  dispose(): void
}

/**
 * Everything issue 5 adds to core, composed once: the per-profile cache, the Graph client over the
 * active session, the sync engine and the device service, and their handlers for the router.
 */
export function createDeviceCacheModule(options: DeviceCacheModuleOptions): DeviceCacheModule {
  const log = options.log ?? silentLogger
  const cache = createDeviceCache({
    sessions: options.cacheFile ? undefined : options.sessions,
    file: options.cacheFile,
    nativeBinding: options.sqliteNativeBinding,
    log,
  })
  const connectivity = options.connectivity ?? createConnectivity()
  const graph =
    options.graph ??
    ((tuning?: SyncGraphTuning) => {
      const session = options.sessions.current()
      return createGraphClient({
        baseUrl: session.profile.graphBaseUrl,
        getAccessToken: () => session.getAccessToken(),
        // Every attempt (retries included) tells the reachability model at once.
        fetch: reportingFetch((outcome) => connectivity.note(outcome), options.fetch),
        log,
        ...tuning,
      })
    })
  const sync = createSyncEngine({
    cache,
    graph,
    connectivity,
    log,
    now: options.now,
    settings: options.syncSettings,
    openSnapshot: options.sqlWorkerScript
      ? workerSnapshots({
          script: options.sqlWorkerScript,
          nativeBinding: options.sqliteNativeBinding,
          log,
        })
      : undefined,
    events: options.events && {
      progress: (payload) => options.events!.emit('sync:progress', payload),
      finished: (payload) => options.events!.emit('sync:finished', payload),
    },
  })
  const devices = createDeviceService({
    cache,
    graph: () => graph(),
    connectivity,
    now: options.now,
    locale: options.locale,
    agentUpn: () => {
      try {
        return options.sessions.current().agent()?.upn ?? null
      } catch {
        return null
      }
    },
  })
  const background = options.syncSettings
    ? startBackgroundSync({
        engine: sync,
        everyMinutes: () => options.syncSettings!().backgroundMinutes,
        canRun: () => {
          try {
            return options.sessions.current().agent() !== null
          } catch {
            return false
          }
        },
        log,
      })
    : null
  // A Graph factory of its own (CLI --graph-url, tests) brings its own token: no sign-in to ask for.
  const syncHandlers = createSyncHandlers(
    sync,
    options.graph ? {} : { signedIn: () => options.sessions.current().agent() !== null },
  )
  return {
    cache,
    devices,
    sync,
    handlers: { ...createDeviceHandlers(devices), ...syncHandlers },
    dispose() {
      background?.stop()
      sync.cancel()
      cache.close()
    },
  }
}
