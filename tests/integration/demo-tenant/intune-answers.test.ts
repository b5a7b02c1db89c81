import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CodedError } from '@shared/errors'
import type { Session, SessionProvider } from '../../../electron/core/auth/session'
import { createDeviceCacheModule, type DeviceCacheModule } from '../../support/device-cache-module'
import { createGraphClient, type GraphWait } from '../../../electron/core/graph/client'
import { silentLogger } from '../../../electron/core/log'
import { createRouter, type Handlers } from '../../../electron/core/router'
import { startDemoTenant, type DemoTenant } from '../../../electron/demo-tenant'

/**
 * The demo tenant's real-Intune answers (domain §9, `electron/demo-tenant/intune-answers.ts`) over
 * real HTTP, read by the app's own Graph client and devices:refresh: a nested UnknownError two
 * levels deep, a scope-tag 404 on a listed device, Multi Admin Approval, a fractional Retry-After.
 */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

let demo: DemoTenant
let token: string
const devicePath = (id: string) => `/beta/deviceManagement/managedDevices/${id}`

beforeAll(async () => {
  // timeScale 0.1: the throttled device's Retry-After is 2.128 × 0.1 = 0.213 s.
  demo = await startDemoTenant({ port: 0, devices: 40, seed: 3, timeScale: 0.1, historyActions: 0 })
  token = demo.issueAccessToken()
})
afterAll(async () => demo?.close())

const raw = (path: string, init: RequestInit = {}) =>
  fetch(demo.graphUrl + path, { ...init, headers: { authorization: `Bearer ${token}` } })

function client(waits: GraphWait[] = []) {
  const graph = createGraphClient({
    baseUrl: demo.graphUrl,
    getAccessToken: async () => token,
    maxRetries: 2,
    baseDelayMs: 5,
  })
  return {
    get: (path: string) => graph.get(path, { onWait: (w) => waits.push(w) }),
    post: (path: string) => graph.post(path, { onWait: (w) => waits.push(w) }),
  }
}

async function refusal(promise: Promise<unknown>): Promise<CodedError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(CodedError)
  return error as CodedError
}

describe('nested UnknownError (two levels, Activity ID)', () => {
  it('is sent as Intune sends it: JSON in the message, JSON again in its Message', async () => {
    const res = await raw(devicePath(demo.scenarioDevice('nestedUnknownError')))
    expect(res.status).toBe(403)
    const body = (await res.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('UnknownError')
    const level1 = JSON.parse(body.error.message) as { ErrorCode: string; Message: string }
    expect(level1.ErrorCode).toBe('Forbidden')
    const level2 = JSON.parse(level1.Message) as { _version: number; Message: string }
    expect(level2._version).toBe(3)
    const activity = /Activity ID: ([0-9a-f-]{36})/.exec(level2.Message)?.[1]
    expect(activity).toMatch(GUID)
    // Intune's own Activity ID, not Graph's request-id: the app must read it from the body.
    expect(activity).not.toBe(res.headers.get('request-id'))
  })

  it('the app unwraps it into the inner code, the plain sentence and the Activity ID', async () => {
    const id = demo.scenarioDevice('nestedUnknownError')
    const error = await refusal(client().get(devicePath(id)))
    expect(error.code).toBe('GRAPH_FORBIDDEN')
    expect(error.detail).toMatchObject({
      status: 403,
      graphCode: 'UnknownError',
      intuneCode: 'Forbidden',
      intuneMessage: 'An error has occurred',
    })
    expect(error.detail?.activityId).toMatch(GUID)
    expect(error.detail?.activityId).not.toBe(error.detail?.requestId)
    // An action on it is refused the same way and reaches nothing.
    const post = await refusal(client().post(`${devicePath(id)}/resetPasscode`))
    expect(post.detail).toMatchObject({ intuneCode: 'Forbidden' })
    expect(demo.devices.getDevice(id)!.deviceActionResults).toEqual([])
  })

  it('devices:refresh keeps the cached row and hands the renderer the sentence and the ids', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pd-answers-'))
    const upn = demo.agents[0]!.upn
    const session: Session = {
      profile: {
        id: 'demo',
        name: 'Demo',
        kind: 'demo',
        tenantId: demo.tenantId,
        graphBaseUrl: demo.graphUrl,
      },
      profileDataDir: dir,
      agent: () => ({ upn, displayName: upn, tenantId: demo.tenantId, objectId: 'x' }),
      getAccessToken: async () => token,
      permissions: async () => new Set<string>(),
    }
    const sessions: SessionProvider = { current: () => session, onChange: () => () => {} }
    const module: DeviceCacheModule = createDeviceCacheModule({ sessions })
    const router = createRouter(module.handlers as unknown as Handlers, {
      validateOutput: true,
      log: silentLogger,
    })
    const call = (channel: string, input?: unknown) =>
      router.call(channel, input, { host: 'test', clientId: 't' })
    try {
      await module.sync.start().done
      const id = demo.scenarioDevice('nestedUnknownError')
      const refused = (await call('devices:refresh', { id })) as { ok: false; error: CodedError }
      expect(refused).toMatchObject({
        ok: false,
        error: {
          code: 'GRAPH_FORBIDDEN',
          detail: { intuneCode: 'Forbidden', intuneMessage: 'An error has occurred' },
        },
      })
      expect(refused.error.detail?.activityId).toMatch(GUID)
      expect(await call('devices:get', { id })).toMatchObject({ ok: true, value: { id } })
    } finally {
      module.dispose()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('scope-tag 404 on one device', () => {
  it('the device is listed, but its GET and actions answer the scope-tag 404: GRAPH_OUT_OF_SCOPE', async () => {
    const id = demo.scenarioDevice('scopeTagsChanged')
    const list = (await (await raw('/beta/deviceManagement/managedDevices?$select=id')).json()) as {
      value: { id: string }[]
    }
    expect(list.value.some((d) => d.id === id)).toBe(true)
    const error = await refusal(client().get(devicePath(id)))
    expect(error.code).toBe('GRAPH_OUT_OF_SCOPE')
    expect(error.detail?.activityId).toMatch(GUID)
    const post = await refusal(client().post(`${devicePath(id)}/resetPasscode`))
    expect(post.code).toBe('GRAPH_OUT_OF_SCOPE')
    // Every agent gets it (not a role's scope, unlike outsideSamuelScope).
    token = demo.issueAccessToken(demo.agents[1]!.upn)
    try {
      expect((await refusal(client().get(devicePath(id)))).code).toBe('GRAPH_OUT_OF_SCOPE')
    } finally {
      token = demo.issueAccessToken()
    }
  })
})

describe('Multi Admin Approval', () => {
  it('403 ApprovalRequired with x-msft-approval-code: APPROVAL_REQUIRED carrying the code, nothing sent', async () => {
    const id = demo.scenarioDevice('approvalRequired')
    const res = await raw(`${devicePath(id)}/resetPasscode`, { method: 'POST' })
    expect(res.status).toBe(403)
    const header = res.headers.get('x-msft-approval-code')
    expect(header).toMatch(GUID)
    const error = await refusal(client().post(`${devicePath(id)}/resetPasscode`))
    expect(error.code).toBe('APPROVAL_REQUIRED')
    expect(error.detail?.approvalCode).toMatch(GUID)
    expect(demo.devices.getDevice(id)!.deviceActionResults).toEqual([])
  })
})

describe('429 with a fractional Retry-After', () => {
  it('every other request on the device is refused with Retry-After 0.213 (2.128 × timeScale)', async () => {
    const id = demo.scenarioDevice('throttledFractional')
    const first = await raw(devicePath(id))
    expect(first.status).toBe(429)
    expect(first.headers.get('retry-after')).toBe('0.213')
    expect((await raw(devicePath(id))).status).toBe(200)
  })

  it('the app waits the fractional seconds to the millisecond, then reads the device', async () => {
    const id = demo.scenarioDevice('throttledFractional')
    const waits: GraphWait[] = []
    const started = performance.now()
    const response = await client(waits).get(devicePath(id))
    expect(response.status).toBe(200)
    expect(response.attempts).toBe(2)
    expect(waits).toEqual([{ status: 429, waitMs: 213 }])
    expect(performance.now() - started).toBeGreaterThanOrEqual(200)
  })
})
