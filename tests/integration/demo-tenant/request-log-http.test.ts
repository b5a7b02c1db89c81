import { afterAll, beforeAll, expect, it } from 'vitest'
import { startDemoTenant, type DemoTenant } from '../../../electron/demo-tenant'

/**
 * GET /_demo/requests: the request log over HTTP, for E2E tests whose tenant runs inside the browser
 * host (they count the action POSTs). It answers what `requestLog()` holds — method, path, status —
 * and never a header or a token.
 */
let tenant: DemoTenant
beforeAll(async () => {
  tenant = await startDemoTenant({ devices: 20, seed: 3, timeScale: 0.01 })
})
afterAll(async () => {
  await tenant.close()
})

it('lists the Graph requests received, POSTs included, without headers or tokens', async () => {
  const token = tenant.issueAccessToken()
  const id = tenant.devices.listDeviceIds()[0]!
  const action = `/beta/deviceManagement/managedDevices/${id}/resetPasscode`
  await fetch(`${tenant.graphUrl}${action}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  })
  const res = await fetch(`${tenant.baseUrl}/_demo/requests`)
  expect(res.status).toBe(200)
  const text = await res.text()
  const { requests } = JSON.parse(text) as { requests: { method: string; path: string; status: number }[] }
  expect(requests).toEqual(tenant.requestLog())
  expect(requests.filter((r) => r.method === 'POST' && r.path === action)).toHaveLength(1)
  expect(text).not.toContain(token)
  // Reading the log is not itself logged (a test polling it does not change what it counts).
  await fetch(`${tenant.baseUrl}/_demo/requests`)
  expect(tenant.requestLog()).toHaveLength(requests.length)
})

it('tallies every request by status, beyond what the bounded log keeps, until the log is cleared', async () => {
  tenant.clearRequestLog()
  const token = tenant.issueAccessToken()
  const list = `${tenant.graphUrl}/beta/deviceManagement/managedDevices?$top=1`
  await fetch(list, { headers: { authorization: `Bearer ${token}` } })
  await fetch(list, { headers: { authorization: `Bearer ${token}` } })
  await fetch(list)
  const read = async () =>
    ((await (await fetch(`${tenant.baseUrl}/_demo/requests`)).json()) as { counts: Record<string, number> })
      .counts
  expect(await read()).toEqual({ '200': 2, '401': 1 })
  tenant.clearRequestLog()
  expect(await read()).toEqual({})
})
