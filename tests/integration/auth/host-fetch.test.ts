// The host's network stack carries ALL of core's traffic (DESIGN §4 "corporate networks"): with a
// recording `host.fetch` (what the Electron host fills with net.fetch), a real sign-in against the
// embedded demo tenant (MSAL's token request included) and a real device sync go through it.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { SyncFinished } from '../../../shared/api/schemas/sync'
import { createCore, type Core } from '../../../electron/core'
import { DEMO_AGENTS } from '../../../electron/demo-tenant'
import { signInAs } from './browser'
import { fakeSafeStorage } from '../../support/fake-safe-storage'

let core: Core | null = null
let dataDir = ''
afterEach(async () => {
  await core?.dispose()
  core = null
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

describe('core over the host fetch', () => {
  it('MSAL (metadata and token endpoint) and Graph requests all use host.fetch', async () => {
    const requested: string[] = []
    const hostFetch = ((input: string | URL | Request, init?: RequestInit) => {
      requested.push(
        `${init?.method ?? 'GET'} ${new URL(String(input instanceof Request ? input.url : input)).pathname}`,
      )
      return fetch(input, init)
    }) as typeof fetch
    dataDir = mkdtempSync(join(tmpdir(), 'pd-host-fetch-'))
    const agent = DEMO_AGENTS.find((a) => a.role === 'helpDeskOperator')!
    core = await createCore({
      dataDir,
      host: {
        kind: 'browser',
        secretStorage: fakeSafeStorage(),
        openExternal: (url) => signInAs(agent.upn)(url),
        fetch: hostFetch,
      },
      demoTenant: { devices: 30 },
      allowKeychain: false,
    })
    const ctx = { host: 'test' as const, clientId: 'host-fetch' }
    expect((await core.router.call('auth:signIn', undefined, ctx)).ok).toBe(true)
    const finished = new Promise<SyncFinished>((resolve) =>
      core!.events.subscribe((name, payload) => {
        if (name === 'sync:finished') resolve(payload as SyncFinished)
      }),
    )
    expect((await core.router.call('sync:start', undefined, ctx)).ok).toBe(true)
    expect((await finished).outcome).toBe('succeeded')
    expect(requested.some((r) => /openid-configuration$/.test(r))).toBe(true)
    expect(requested.some((r) => /^POST .*\/oauth2\/v2\.0\/token$/.test(r))).toBe(true)
    expect(requested.some((r) => /deviceManagement\/managedDevices/.test(r))).toBe(true)
  })
})
