import type { SessionProvider } from '../auth/session'
import type { Connectivity } from '../connectivity/model'
import type { GraphClient } from '../graph/client'
import type { CoreModule } from '../module'
import type { DeviceCache } from '../store/cache'
import { createAuditReader } from './audit-read'
import { createCallerHandlers } from './caller-handlers'
import { createDeviceHandlers } from './handlers'
import { createDeviceService, type DeviceService } from './service'

export { createDeviceHandlers } from './handlers'

export interface DevicesModuleOptions {
  readonly cache: DeviceCache
  /** Graph over the active session (graph/session-client.ts). */
  readonly graph: () => GraphClient
  readonly connectivity: Connectivity
  /** The signed-in agent, recorded with a scope-tag refusal. */
  readonly sessions: SessionProvider
  readonly now?: () => number
  /** The agent's locale (BCP 47): its region reads phone numbers typed without a country code. */
  readonly locale?: () => string | undefined
}

export interface DevicesModule extends CoreModule<
  'devices:search' | 'devices:get' | 'devices:refresh' | 'devices:person' | 'devices:failureFacts'
> {
  readonly service: DeviceService
  dispose(): void
}

/** `devices:*`: search over the cache, one device's detail, a live re-read (domain §2.1–2.3, §9). */
export function createDevicesModule(options: DevicesModuleOptions): DevicesModule {
  const service = createDeviceService({
    cache: options.cache,
    graph: options.graph,
    connectivity: options.connectivity,
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
  return {
    service,
    handlers: {
      ...createDeviceHandlers(service),
      // Start from the caller, "before the click" (DESIGN intro): local reads, plus Intune's audit log
      // within a budget for the failure facts.
      ...createCallerHandlers(options.cache, {
        now: options.now,
        locale: options.locale,
        audit: createAuditReader({
          graph: options.graph,
          online: () => options.connectivity.online(),
          now: options.now,
        }),
      }),
    },
    dispose() {},
  }
}
