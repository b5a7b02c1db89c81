import type { DemoTenant, DemoTenantOptions } from '../../demo-tenant/types'
import type { Logger } from '../log'
import type { DemoIdentity } from '../profiles/store'
import type { TenantEndpoints } from './endpoints'

/** What core needs from the embedded demo tenant (electron/demo-tenant, DESIGN §1 "the demo tenant"). */
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
 * The embedded demo tenant's life: started on loopback when the Demo profile becomes active (port
 * 0), kept while it stays active, closed when another profile is chosen or core stops.
 */
export interface DemoTenantLifecycle {
  /** The running demo tenant, started now if needed; throws when it cannot start. */
  ensure(): Promise<DemoTenantHandle>
  running(): boolean
  /** Its identity for the Demo profile's summary, or null when it is not running. */
  identity(): DemoIdentity | null
  stop(): Promise<void>
}

export function createDemoTenantLifecycle(options: {
  readonly start: StartDemoTenant
  readonly settings: DemoTenantSettings
  readonly log: Logger
}): DemoTenantLifecycle {
  const { settings, log } = options
  let demo: DemoTenantHandle | null = null
  return {
    async ensure() {
      if (demo) return demo
      try {
        demo = await options.start({
          port: 0,
          devices: settings.devices,
          seed: settings.seed,
          timeScale: settings.timeScale,
          accessTokenLifetimeSeconds: settings.accessTokenLifetimeSeconds,
          networkControlFile: settings.networkControlFile,
        })
      } catch (error) {
        log.error('auth.demo-start-failed', { error })
        throw error
      }
      log.info('auth.demo-started', { devices: settings.devices })
      return demo
    },
    running: () => demo !== null,
    identity: () => (demo ? { tenantId: demo.tenantId, clientId: demo.clientId } : null),
    async stop() {
      if (!demo) return
      const closing = demo
      demo = null
      try {
        await closing.close()
      } catch (error) {
        log.warn('auth.demo-stop-failed', { error })
      }
    },
  }
}
