import type { SyncSettings } from '../../shared/api/schemas/settings'
import type { SessionProvider } from '../../electron/core/auth/session'
import { createReachability, type Connectivity } from '../../electron/core/connectivity/model'
import { createDevicesModule } from '../../electron/core/devices'
import type { DeviceService } from '../../electron/core/devices/service'
import type { EventBus } from '../../electron/core/events'
import type { GraphClient } from '../../electron/core/graph/client'
import { createSessionGraphClient, sessionAccess } from '../../electron/core/graph/session-client'
import { silentLogger, type Logger } from '../../electron/core/log'
import type { Handlers } from '../../electron/core/router'
import { createDeviceCache, type DeviceCache } from '../../electron/core/store/cache'
import { createSyncModule, type SyncGraphTuning } from '../../electron/core/sync'
import type { SyncEngine } from '../../electron/core/sync/engine'

/**
 * Tests and benchmarks: the device cache, sync and devices modules composed the way `createCore`
 * composes them (electron/core/index.ts), without sign-in, actions or the rest of core.
 */
export interface DeviceCacheModuleOptions {
  readonly sessions: SessionProvider
  readonly events?: Pick<EventBus, 'emit'>
  readonly log?: Logger
  readonly sqliteNativeBinding?: string
  /** A fixed cache database instead of the active profile's `cache.db`. */
  readonly cacheFile?: string
  /** Another Graph client factory (own token: `sync:start` asks no sign-in); default: the active session's. */
  readonly graph?: (tuning?: SyncGraphTuning) => GraphClient
  readonly syncSettings?: () => SyncSettings
  readonly fetch?: typeof fetch
  readonly now?: () => number
  readonly locale?: () => string | undefined
  /** Default: a private reachability model. */
  readonly connectivity?: Connectivity
}

export interface DeviceCacheModule {
  readonly cache: DeviceCache
  readonly devices: DeviceService
  readonly sync: SyncEngine
  readonly handlers: Handlers<
    | 'devices:search'
    | 'devices:get'
    | 'devices:refresh'
    | 'devices:failureFacts'
    | 'sync:start'
    | 'sync:cancel'
    | 'sync:status'
  >
  dispose(): void
}

export function createDeviceCacheModule(options: DeviceCacheModuleOptions): DeviceCacheModule {
  const log = options.log ?? silentLogger
  const cache = createDeviceCache({
    sessions: options.cacheFile ? undefined : options.sessions,
    file: options.cacheFile,
    nativeBinding: options.sqliteNativeBinding,
    log,
  })
  const connectivity = options.connectivity ?? createReachability()
  const note = (outcome: Parameters<Connectivity['note']>[0]) => connectivity.note(outcome)
  const graph =
    options.graph ??
    ((tuning?: SyncGraphTuning) =>
      createSessionGraphClient(
        sessionAccess(options.sessions.current()),
        'sync',
        { log, fetch: options.fetch, note },
        tuning,
      ))
  const sync = createSyncModule({
    cache,
    graph,
    connectivity,
    sessions: options.sessions,
    ownToken: options.graph !== undefined,
    settings: options.syncSettings,
    events: options.events,
    log,
    now: options.now,
  })
  const devices = createDevicesModule({
    cache,
    graph: () => graph(),
    connectivity,
    sessions: options.sessions,
    now: options.now,
    locale: options.locale,
  })
  return {
    cache,
    devices: devices.service,
    sync: sync.engine,
    handlers: { ...devices.handlers, ...sync.handlers },
    dispose() {
      devices.dispose()
      sync.dispose()
      cache.close()
    },
  }
}
