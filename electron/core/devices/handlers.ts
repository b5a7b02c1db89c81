import type { Handlers } from '../router'
import type { SyncEngine } from '../sync/engine'
import type { DeviceService } from './service'

export function createDeviceHandlers(
  devices: DeviceService,
): Handlers<'devices:search' | 'devices:get' | 'devices:refresh'> {
  return {
    'devices:search': (input) => devices.search(input),
    'devices:get': ({ id }) => devices.get(id),
    'devices:refresh': ({ id }) => devices.refresh(id),
  }
}

export function createSyncHandlers(sync: SyncEngine): Handlers<'sync:start' | 'sync:cancel' | 'sync:status'> {
  return {
    'sync:start': ({ mode }) => {
      const { runId, startedAt } = sync.start(mode ? { mode } : {})
      return { runId, startedAt }
    },
    'sync:cancel': () => ({ cancelled: sync.cancel() }),
    'sync:status': () => sync.status(),
  }
}
