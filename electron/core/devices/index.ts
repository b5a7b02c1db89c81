import type { SessionProvider } from '../auth/session'
import type { EventBus } from '../events'
import { createGraphClient, type GraphClient } from '../graph/client'
import { silentLogger, type Logger } from '../log'
import type { Handlers } from '../router'
import { createDeviceCache, type DeviceCache } from '../store/cache'
import { createConnectivity } from '../sync/connectivity'
import { createSyncEngine, type SyncEngine } from '../sync/engine'
import { createDeviceHandlers, createSyncHandlers } from './handlers'
import { createDeviceService, type DeviceService } from './service'

export { createDeviceHandlers, createSyncHandlers } from './handlers'

export interface DeviceCacheModuleOptions {
  readonly sessions: SessionProvider
  readonly events?: Pick<EventBus, 'emit'>
  readonly log?: Logger
  /** CoreOptions.sqliteNativeBinding. */
  readonly sqliteNativeBinding?: string
  /** Tests: another Graph client factory (default: plain fetch over the active session). */
  readonly graph?: () => GraphClient
  /** The host's network stack (Electron: net.fetch; Node hosts: core/net/node-fetch.ts). */
  readonly fetch?: typeof fetch
  readonly now?: () => number
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
    sessions: options.sessions,
    nativeBinding: options.sqliteNativeBinding,
    log,
  })
  const connectivity = createConnectivity()
  const graph =
    options.graph ??
    (() => {
      const session = options.sessions.current()
      return createGraphClient({
        baseUrl: session.profile.graphBaseUrl,
        getAccessToken: () => session.getAccessToken(),
        fetch: options.fetch,
        log,
      })
    })
  const sync = createSyncEngine({
    cache,
    graph,
    connectivity,
    log,
    now: options.now,
    events: options.events && {
      progress: (payload) => options.events!.emit('sync:progress', payload),
      finished: (payload) => options.events!.emit('sync:finished', payload),
    },
  })
  const devices = createDeviceService({ cache, graph, connectivity, now: options.now })
  return {
    cache,
    devices,
    sync,
    handlers: { ...createDeviceHandlers(devices), ...createSyncHandlers(sync) },
    dispose() {
      sync.cancel()
      cache.close()
    },
  }
}
