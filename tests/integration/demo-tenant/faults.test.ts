/** Fault knobs: throttling, 503/504, dropped connections, malformed pages, latency, consent. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoTenant, type DemoTenant } from '../../../electron/demo-tenant'

let tenant: DemoTenant
let token: string
beforeAll(async () => {
  tenant = await startDemoTenant({ devices: 2200, seed: 5 })
  token = tenant.issueAccessToken()
})
afterAll(async () => {
  await tenant.close()
})
const auth = () => ({ headers: { authorization: `Bearer ${token}` } })
const list = (q = '') =>
  fetch(`${tenant.graphUrl}/beta/deviceManagement/managedDevices?$select=id${q}`, auth())

describe('fault injection', () => {
  it('throttles with 429, Retry-After and a Graph error body', async () => {
    tenant.setFaults({ throttleFraction: 1, retryAfterSeconds: 7 })
    try {
      const res = await list()
      expect(res.status).toBe(429)
      expect(res.headers.get('retry-after')).toBe('7')
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('TooManyRequests')
      // A throttled POST does nothing.
      const id = tenant.scenarioDevice('workProfileSucceeds')
      expect(
        (
          await fetch(`${tenant.graphUrl}/beta/deviceManagement/managedDevices/${id}/resetPasscode`, {
            method: 'POST',
            ...auth(),
          })
        ).status,
      ).toBe(429)
      expect(tenant.devices.getDevice(id)!.deviceActionResults).toEqual([])
    } finally {
      tenant.setFaults({ throttleFraction: 0 })
    }
  })

  it('answers 503 or 504 for unavailable', async () => {
    tenant.setFaults({ unavailableFraction: 1 })
    try {
      const statuses = new Set<number>()
      for (let i = 0; i < 12; i++) statuses.add((await list()).status)
      expect([...statuses].every((s) => s === 503 || s === 504)).toBe(true)
      expect(statuses.size).toBe(2)
    } finally {
      tenant.setFaults({ unavailableFraction: 0 })
    }
  })

  it('is deterministic for a given seed and request sequence', async () => {
    const run = async (): Promise<number[]> => {
      const t = await startDemoTenant({
        devices: 10,
        seed: 42,
        faults: { throttleFraction: 0.3, unavailableFraction: 0.2 },
      })
      try {
        const tok = t.issueAccessToken()
        const out: number[] = []
        for (let i = 0; i < 25; i++)
          out.push(
            (await fetch(`${t.graphUrl}/v1.0/me`, { headers: { authorization: `Bearer ${tok}` } })).status,
          )
        return out
      } finally {
        await t.close()
      }
    }
    const a = await run()
    expect(await run()).toEqual(a)
    expect(a).toContain(200)
    expect(a).toContain(429)
  })

  it('drops the connection mid-response', async () => {
    tenant.setFaults({ dropConnectionFraction: 1 })
    try {
      await expect(list().then((r) => r.text())).rejects.toThrow()
    } finally {
      tenant.setFaults({ dropConnectionFraction: 0 })
    }
  })

  it('malformedPageAt: n truncates the n-th page of a listing every time', async () => {
    tenant.setFaults({ malformedPageAt: 2 })
    try {
      const first = (await (await list()).json()) as { '@odata.nextLink': string }
      for (let attempt = 0; attempt < 2; attempt++) {
        const second = await fetch(first['@odata.nextLink'], auth())
        expect(second.status).toBe(200)
        await expect(second.clone().json()).rejects.toThrow()
      }
      tenant.setFaults({ malformedPageAt: 0 })
      expect(
        ((await (await fetch(first['@odata.nextLink'], auth())).json()) as { value: unknown[] }).value,
      ).toHaveLength(1000)
    } finally {
      tenant.setFaults({ malformedPageAt: 0 })
    }
  })

  it('malformedPageFraction truncates list pages only', async () => {
    tenant.setFaults({ malformedPageFraction: 1 })
    try {
      await expect((await list()).json()).rejects.toThrow()
      expect((await fetch(`${tenant.graphUrl}/v1.0/me`, auth())).status).toBe(200)
    } finally {
      tenant.setFaults({ malformedPageFraction: 0 })
    }
  })

  it('adds latency', async () => {
    tenant.setFaults({ latencyMs: 120 })
    try {
      const t0 = performance.now()
      await fetch(`${tenant.graphUrl}/v1.0/me`, auth())
      expect(performance.now() - t0).toBeGreaterThanOrEqual(110)
    } finally {
      tenant.setFaults({ latencyMs: 0 })
    }
  })

  it('consentRequired makes the token endpoint answer AADSTS65001', async () => {
    tenant.setFaults({ consentRequired: true })
    try {
      const res = await fetch(`${tenant.authority}/oauth2/v2.0/token`, {
        method: 'POST',
        body: new URLSearchParams({
          client_id: tenant.clientId,
          grant_type: 'refresh_token',
          refresh_token: 'x',
        }),
      })
      expect(res.status).toBe(400)
      const body = (await res.json()) as { error: string; suberror: string; error_codes: number[] }
      expect(body).toMatchObject({
        error: 'invalid_grant',
        suberror: 'consent_required',
        error_codes: [65001],
      })
    } finally {
      tenant.setFaults({ consentRequired: false })
    }
  })
})
