import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Channel, EventName } from '../../../shared/api/channels'
import { createAuthModule, type AuthModule } from '../../../electron/core/auth'
import { createProfilesModule } from '../../../electron/core/profiles'
import type { TenantEndpoints } from '../../../electron/core/auth/endpoints'
import type { DemoTenantHandle, StartDemoTenant } from '../../../electron/core/auth/demo-tenant-lifecycle'
import type { CacheSecretStorage } from '../../../electron/core/auth/token-cache'
import { createEventBus } from '../../../electron/core/events'
import { createLogger } from '../../../electron/core/log'
import type { TenantProfile } from '../../../electron/core/profiles/store'
import { createRouter, type Handlers, type Router } from '../../../electron/core/router'
import { startDemoTenant } from '../../../electron/demo-tenant'
import type { DemoTenant, DemoTenantOptions } from '../../../electron/demo-tenant/types'

export interface Harness {
  readonly dataDir: string
  readonly auth: AuthModule
  readonly router: Router
  /** Every value the router returned and every event pushed, as JSON (the renderer's view). */
  readonly transcript: string[]
  readonly events: { name: EventName; payload: unknown }[]
  /** The demo tenant the Demo profile started (via the real startDemoTenant). */
  demo(): DemoTenant
  /** What the agent's "browser" does with the sign-in URL. */
  browser: (url: string) => Promise<void>
  call<T = unknown>(channel: Channel, input?: unknown): Promise<T>
  callRaw(
    channel: Channel,
    input?: unknown,
  ): Promise<{ ok: boolean; value?: unknown; error?: { code: string; detail?: unknown } }>
  close(): Promise<void>
}

export interface HarnessOptions {
  readonly demo?: DemoTenantOptions
  readonly secretStorage?: CacheSecretStorage
  readonly resolveEndpoints?: (profile: TenantProfile) => TenantEndpoints
  readonly dataDir?: string
}

/** Sign-in and profiles exactly as createCore wires them, behind the real router, on the real demo tenant. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'pd-auth-'))
  const log = createLogger({ dir: join(dataDir, 'logs'), level: 'debug' })
  const bus = createEventBus({ validate: true, log })
  const transcript: string[] = []
  const events: { name: EventName; payload: unknown }[] = []
  bus.subscribe((name, payload) => {
    events.push({ name, payload })
    transcript.push(JSON.stringify(payload))
  })
  let started: DemoTenant | null = null
  const start: StartDemoTenant = async (demoOptions) => {
    started = await startDemoTenant({ ...demoOptions, devices: 20, ...options.demo })
    return started as DemoTenantHandle
  }
  const harness: Partial<Harness> & { browser: (url: string) => Promise<void> } = {
    browser: async () => {
      throw new Error('no browser scripted')
    },
  }
  const auth = await createAuthModule({
    dataDir,
    hostKind: 'browser',
    secretStorage: options.secretStorage,
    openExternal: (url) => harness.browser(url),
    startDemoTenant: start,
    allowKeychain: false,
    signInTimeoutMs: 20_000,
    resolveEndpoints: options.resolveEndpoints,
    events: bus,
    log,
  })
  const profiles = createProfilesModule({
    store: auth.profiles,
    sessions: auth.sessions,
    events: bus,
    resolveEndpoints: options.resolveEndpoints,
  })
  const handlers = { ...auth.handlers, ...profiles.handlers }
  const router = createRouter(handlers as unknown as Handlers, { validateOutput: true, log })
  const ctx = { host: 'test' as const, clientId: 'test' }
  const callRaw = async (channel: Channel, input?: unknown) => {
    const result = await router.call(channel, input, ctx)
    transcript.push(JSON.stringify(result))
    return result as { ok: boolean; value?: unknown; error?: { code: string; detail?: unknown } }
  }
  return Object.assign(harness, {
    dataDir,
    auth,
    router,
    transcript,
    events,
    demo: () => {
      if (!started) throw new Error('demo tenant not started')
      return started
    },
    callRaw,
    async call<T>(channel: Channel, input?: unknown): Promise<T> {
      const result = await callRaw(channel, input)
      if (!result.ok)
        throw Object.assign(new Error(`${channel} failed: ${result.error?.code}`), {
          code: result.error?.code,
        })
      return result.value as T
    },
    async close() {
      await auth.sessions.dispose()
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true })
    },
  }) as Harness
}

/** Points a tenant profile at a demo tenant: only the base URL and the authority change. */
export function endpointsOn(demo: DemoTenant) {
  return (profile: TenantProfile): TenantEndpoints => ({
    authority: `${demo.baseUrl}/${profile.tenantId}`,
    graphBaseUrl: demo.graphUrl.replace(/\/+$/, ''),
    tenantId: profile.tenantId,
    clientId: profile.clientId,
    qualifyScopes: false,
  })
}
