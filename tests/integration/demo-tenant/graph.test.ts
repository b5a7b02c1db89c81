/** Conformance of the demo tenant's Graph surface, with a plain HTTP client (fetch). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validateManagedDevice } from '../../unit/demo-tenant/graph-schema'
import { SCENARIOS, startDemoTenant, type DemoTenant, type ScenarioName } from '../../../electron/demo-tenant'

let tenant: DemoTenant
let token: string
const DEVICES = 2500

beforeAll(async () => {
  tenant = await startDemoTenant({ devices: DEVICES, seed: 11, timeScale: 0.01 })
  token = tenant.issueAccessToken()
})
afterAll(async () => {
  await tenant.close()
})

type Json = Record<string, unknown> & { value?: Record<string, unknown>[] }
const get = async (path: string, headers: Record<string, string> = {}, bearer: string | null = token) => {
  const res = await fetch(path.startsWith('http') ? path : `${tenant.graphUrl}${path}`, {
    headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...headers },
  })
  const text = await res.text()
  return { res, status: res.status, body: (text ? JSON.parse(text) : undefined) as Json }
}
const post = (path: string, bearer = token) =>
  fetch(`${tenant.graphUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${bearer}` } })

async function readAll(first: string, headers: Record<string, string> = {}) {
  const items: Record<string, unknown>[] = []
  let url: string | undefined = first
  let pages = 0
  let count: unknown
  while (url) {
    const { status, body } = await get(url, headers)
    expect(status).toBe(200)
    if (pages === 0) count = body['@odata.count']
    pages++
    items.push(...body.value!)
    url = body['@odata.nextLink'] as string | undefined
    if (url) expect(body.value!.length).toBeGreaterThan(0)
  }
  return { items, pages, count }
}

function expectGraphError(r: { res: Response; status: number; body: Json }, status: number, code: string) {
  expect(r.status).toBe(status)
  const error = r.body.error as Record<string, unknown>
  expect(error.code).toBe(code)
  expect(typeof error.message).toBe('string')
  const inner = error.innerError as Record<string, string>
  expect(inner['request-id']).toBe(r.res.headers.get('request-id'))
  expect(inner['client-request-id']).toBe(r.res.headers.get('client-request-id'))
  expect(inner.date).toMatch(/^\d{4}-\d{2}-\d{2}T/)
}

describe('managedDevices listing', () => {
  it('pages to the end with @odata.nextLink (1000 per page), every device once, in list order', async () => {
    const { items, pages, count } = await readAll(
      '/beta/deviceManagement/managedDevices?$select=id,deviceName&$count=true',
    )
    expect(pages).toBe(3)
    expect(count).toBe(DEVICES)
    expect(items.map((d) => d.id)).toEqual(tenant.devices.listDeviceIds())
    expect(Object.keys(items[0]).sort()).toEqual(['deviceName', 'id'])
  })

  it('keeps $filter, $select and $top across pages; skiptoken is opaque', async () => {
    const { items, pages } = await readAll(
      "/v1.0/deviceManagement/managedDevices?$filter=operatingSystem eq 'iOS'&$top=100&$select=operatingSystem",
    )
    const expected = tenant.devices
      .listDeviceIds()
      .filter((id) => tenant.devices.getDevice(id)!.operatingSystem === 'iOS')
    expect(items.map((d) => d.id)).toEqual(expected)
    expect(pages).toBe(Math.ceil(expected.length / 100))
    const first = await get("/v1.0/deviceManagement/managedDevices?$filter=operatingSystem eq 'iOS'&$top=100")
    const next = new URL(first.body['@odata.nextLink'] as string)
    expect(next.searchParams.get('$top')).toBe('100')
    expect(next.searchParams.get('$filter')).toBe("operatingSystem eq 'iOS'")
    expectGraphError(await get('/v1.0/deviceManagement/managedDevices?$skiptoken=garbage'), 400, 'BadRequest')
  })

  it('caps $top at 1000 and rejects a malformed $top', async () => {
    expect((await get('/v1.0/deviceManagement/managedDevices?$top=5000&$select=id')).body.value).toHaveLength(
      1000,
    )
    expectGraphError(await get('/v1.0/deviceManagement/managedDevices?$top=abc'), 400, 'BadRequest')
  })

  it('supports $count with a filter', async () => {
    const { body } = await get(
      "/beta/deviceManagement/managedDevices?$filter=complianceState eq 'noncompliant'&$count=true&$top=5",
    )
    const expected = tenant.devices
      .listDeviceIds()
      .filter((id) => tenant.devices.getDevice(id)!.complianceState === 'noncompliant')
    expect(body['@odata.count']).toBe(expected.length)
    expect(body.value).toHaveLength(5)
  })

  const filterCases: [string, (d: Record<string, unknown>) => boolean][] = [
    [
      "operatingSystem eq 'Android' or operatingSystem eq 'AndroidForWork'",
      (d) => d.operatingSystem === 'Android' || d.operatingSystem === 'AndroidForWork',
    ],
    ["complianceState eq 'inGracePeriod'", (d) => d.complianceState === 'inGracePeriod'],
    [
      "managementAgent eq 'configurationManagerClientMdm'",
      (d) => d.managementAgent === 'configurationManagerClientMdm',
    ],
    [
      "managementState eq 'wipePending' or managementState eq 'retirePending'",
      (d) => d.managementState === 'wipePending' || d.managementState === 'retirePending',
    ],
    ["deviceName eq 'iPhone de Hélène'", (d) => d.deviceName === 'iPhone de Hélène'],
    // Graph quirk: startswith behaves like contains on managedDevices.
    [
      "startswith(deviceName,'AndroidForWork')",
      (d) => String(d.deviceName).toLowerCase().includes('androidforwork'),
    ],
    [
      'lastSyncDateTime lt 2026-10-01T00:00:00Z',
      (d) => Date.parse(String(d.lastSyncDateTime)) < Date.parse('2026-10-01T00:00:00Z'),
    ],
    [
      'enrolledDateTime gt 2026-06-01T00:00:00Z',
      (d) => Date.parse(String(d.enrolledDateTime)) > Date.parse('2026-06-01T00:00:00Z'),
    ],
    // Graph quirk: deviceEnrollmentType filters are silently ignored.
    ["deviceEnrollmentType eq 'androidEnterpriseFullyManaged'", () => true],
  ]
  for (const [filter, predicate] of filterCases) {
    it(`$filter=${filter}`, async () => {
      const { items } = await readAll(
        `/beta/deviceManagement/managedDevices?$select=id&$filter=${encodeURIComponent(filter)}`,
      )
      const expected = tenant.devices.listDeviceIds().filter((id) => predicate(tenant.devices.getDevice(id)!))
      expect(items.map((d) => d.id)).toEqual(expected)
    })
  }

  it('answers 400 for filters Graph rejects', async () => {
    for (const f of [
      "osVersion eq '14'",
      "contains(deviceName,'x')",
      "operatingSystem eq 'iOS",
      'lastSyncDateTime eq 2026-01-01T00:00:00Z',
    ]) {
      expectGraphError(
        await get(`/beta/deviceManagement/managedDevices?$filter=${encodeURIComponent(f)}`),
        400,
        'BadRequest',
      )
    }
    expectGraphError(
      await get('/beta/deviceManagement/managedDevices?$select=id,notAProperty'),
      400,
      'BadRequest',
    )
    expectGraphError(await get('/v1.0/deviceManagement/managedDevices?$select=deviceType'), 400, 'BadRequest')
    expectGraphError(await get('/v1.0/deviceManagement/managedDevices?$search=x'), 400, 'BadRequest')
  })
})

describe('schema over HTTP', () => {
  for (const [version, flavour, headers] of [
    ['v1.0', 'v1.0', {}],
    ['v1.0', 'v1.0+prefer', { prefer: 'include-unknown-enum-members' }],
    ['beta', 'beta', {}],
  ] as const) {
    it(`every device served by /${version} validates (${flavour})`, async () => {
      const { items } = await readAll(`/${version}/deviceManagement/managedDevices`, headers)
      expect(items).toHaveLength(DEVICES)
      const errors = items.flatMap((d) => validateManagedDevice(d, flavour, true))
      expect(errors.slice(0, 10)).toEqual([])
    })
  }
})

describe('versions and Prefer: include-unknown-enum-members', () => {
  it('v1.0 hides beta-only properties and maps Android Enterprise enrolment types to unknownFutureValue', async () => {
    const id = tenant.scenarioDevice('fullyManagedSucceeds')
    const v1 = await get(`/v1.0/deviceManagement/managedDevices/${id}`)
    expect(v1.body.deviceEnrollmentType).toBe('unknownFutureValue')
    expect(v1.body).not.toHaveProperty('deviceType')
    expect(v1.body).not.toHaveProperty('ownerType')
    expect(v1.body).not.toHaveProperty('joinType')
    const prefer = await get(`/v1.0/deviceManagement/managedDevices/${id}`, {
      prefer: 'include-unknown-enum-members',
    })
    expect(prefer.body.deviceEnrollmentType).toBe('androidEnterpriseFullyManaged')
    const beta = await get(`/beta/deviceManagement/managedDevices/${id}`)
    expect(beta.body.deviceEnrollmentType).toBe('androidEnterpriseFullyManaged')
    expect(beta.body.deviceType).toBe('androidEnterprise')
    const aosp = tenant.scenarioDevice('aospSucceeds')
    expect(
      (await get(`/v1.0/deviceManagement/managedDevices/${aosp}?$select=managementAgent`)).body
        .managementAgent,
    ).toBe('unknown')
    expect(
      (await get(`/beta/deviceManagement/managedDevices/${aosp}?$select=managementAgent`)).body
        .managementAgent,
    ).toBe('intuneAosp')
  })

  it('returns select-only properties only on a single GET that selects them', async () => {
    const id = tenant.scenarioDevice('iosRemovalSucceeds')
    const list = await get(
      `/beta/deviceManagement/managedDevices?$select=id,udid&$filter=${encodeURIComponent("deviceName eq 'iPhone de Hélène'")}`,
    )
    expect(list.body.value![0].udid).toBeNull()
    expect((await get(`/beta/deviceManagement/managedDevices/${id}`)).body.udid).toBeNull()
    expect((await get(`/beta/deviceManagement/managedDevices/${id}?$select=udid`)).body.udid).toMatch(
      /^[0-9a-f]{40}$/,
    )
  })
})

describe('errors in Graph shape', () => {
  it('401 without token, with a forged token, and with another tenant’s token', async () => {
    expectGraphError(
      await get('/v1.0/deviceManagement/managedDevices', {}, null),
      401,
      'InvalidAuthenticationToken',
    )
    expectGraphError(
      await get('/v1.0/deviceManagement/managedDevices', {}, 'a.b.c'),
      401,
      'InvalidAuthenticationToken',
    )
    const other = await startDemoTenant({ devices: 1, tenantId: tenant.tenantId })
    try {
      const r = await get('/v1.0/deviceManagement/managedDevices', {}, other.issueAccessToken())
      expectGraphError(r, 401, 'InvalidAuthenticationToken')
      expect(r.res.headers.get('www-authenticate')).toMatch(/^Bearer /)
    } finally {
      await other.close()
    }
  })

  it('401 once the token expired', async () => {
    const short = await startDemoTenant({ devices: 1, accessTokenLifetimeSeconds: 1 })
    try {
      const t = short.issueAccessToken()
      expect(
        (await fetch(`${short.graphUrl}/v1.0/me`, { headers: { authorization: `Bearer ${t}` } })).status,
      ).toBe(200)
      await new Promise((r) => setTimeout(r, 1100))
      const res = await fetch(`${short.graphUrl}/v1.0/me`, { headers: { authorization: `Bearer ${t}` } })
      expect(res.status).toBe(401)
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/expired/)
    } finally {
      await short.close()
    }
  })

  it('echoes client-request-id; 404 for an unknown device; 403 for the Read Only Operator', async () => {
    const r = await get('/v1.0/deviceManagement/managedDevices/00000000-0000-4000-8000-000000000000', {
      'client-request-id': 'abc-123',
    })
    expectGraphError(r, 404, 'ResourceNotFound')
    expect(r.res.headers.get('client-request-id')).toBe('abc-123')
    const readOnly = tenant.agents.find((a) => a.role === 'readOnlyOperator')!
    const roToken = tenant.issueAccessToken(readOnly.upn)
    const id = tenant.scenarioDevice('workProfileSucceeds')
    const before = tenant.requestLog().length
    const res = await post(`/beta/deviceManagement/managedDevices/${id}/resetPasscode`, roToken)
    expect(res.status).toBe(403)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('Forbidden')
    expect(tenant.requestLog().slice(before)).toEqual([
      { method: 'POST', path: `/beta/deviceManagement/managedDevices/${id}/resetPasscode`, status: 403 },
    ])
    // Reads are fine for the Read Only Operator.
    expect((await get(`/beta/deviceManagement/managedDevices/${id}`, {}, roToken)).status).toBe(200)
  })
})

describe('identity of the caller', () => {
  it('GET /me and getEffectivePermissions (function and query forms)', async () => {
    const me = await get('/v1.0/me')
    expect(me.body.userPrincipalName).toBe(tenant.agents[0].upn)
    for (const path of [
      "/v1.0/deviceManagement/getEffectivePermissions(scope='')",
      '/beta/deviceManagement/getEffectivePermissions?scope=',
    ]) {
      const { status, body } = await get(path)
      expect(status).toBe(200)
      const allowed = (body.value![0].resourceActions as { allowedResourceActions: string[] }[])[0]
        .allowedResourceActions
      expect(allowed).toContain('Microsoft.Intune_RemoteTasks_ResetPasscode')
      expect(allowed).toContain('Microsoft.Intune_ManagedDevices_Read')
      expect(allowed).toContain('Microsoft.Intune_Audit_Read')
    }
    const ro = tenant.issueAccessToken(tenant.agents.find((a) => a.role === 'readOnlyOperator')!.upn)
    const { body } = await get("/v1.0/deviceManagement/getEffectivePermissions(scope='')", {}, ro)
    const allowed = (body.value![0].resourceActions as { allowedResourceActions: string[] }[])[0]
      .allowedResourceActions
    expect(allowed).toContain('Microsoft.Intune_Audit_Read')
    expect(allowed.some((p) => p.startsWith('Microsoft.Intune_RemoteTasks_'))).toBe(false)
  })
})

describe('action lifecycle', () => {
  type Result = {
    actionName: string
    actionState: string
    passcode: string | null
    errorCode: number
    '@odata.type': string
  }
  const resultOf = async (id: string): Promise<Result | undefined> => {
    const { body } = await get(`/beta/deviceManagement/managedDevices/${id}?$select=deviceActionResults`)
    return (body.deviceActionResults as Result[]).find((r) => r.actionName === 'resetPasscode')
  }
  const settle = async (id: string): Promise<Result> => {
    for (let i = 0; i < 100; i++) {
      const r = await resultOf(id)
      if (r && !['pending', 'active'].includes(r.actionState)) return r
      await new Promise((res) => setTimeout(res, 10))
    }
    return (await resultOf(id))!
  }

  const cases: [ScenarioName, string, 'passcode' | 'none'][] = [
    ['iosRemovalSucceeds', 'done', 'none'],
    ['iosBadUnlockToken', 'failed', 'none'],
    ['iosUserEnrollment', 'notSupported', 'none'],
    ['workProfileSucceeds', 'done', 'passcode'],
    ['workProfileTokenNotActivated', 'failed', 'none'],
    ['workProfileAndroid7', 'notSupported', 'none'],
    ['androidNoPasscodePolicy', 'failed', 'none'],
    ['corporateWorkProfileSucceeds', 'done', 'passcode'],
    ['fullyManagedSucceeds', 'done', 'passcode'],
    ['dedicatedSucceeds', 'done', 'passcode'],
    ['aospSucceeds', 'done', 'passcode'],
    ['aospUserlessSucceeds', 'done', 'passcode'],
    ['deviceAdministrator6Succeeds', 'done', 'passcode'],
    ['deviceAdministrator7NotSupported', 'notSupported', 'none'],
    ['windowsLaptop', 'notSupported', 'none'],
    ['macos', 'notSupported', 'none'],
    ['linux', 'notSupported', 'none'],
    ['wipePending', 'canceled', 'none'],
  ]
  for (const [scenario, state, secret] of cases) {
    it(`${scenario}: resetPasscode → 204, pending, then ${state}`, async () => {
      const id = tenant.scenarioDevice(scenario)
      const res = await post(`/beta/deviceManagement/managedDevices/${id}/resetPasscode`)
      expect(res.status).toBe(204)
      expect(await res.text()).toBe('')
      const first = await resultOf(id)
      expect(first?.['@odata.type']).toBe('#microsoft.graph.resetPasscodeActionResult')
      const final = await settle(id)
      expect(final.actionState).toBe(state)
      if (secret === 'passcode') expect(final.passcode).toMatch(/^[a-z0-9]{8}$/)
      else expect(final.passcode).toBeNull()
      const full = await get(`/v1.0/deviceManagement/managedDevices/${id}`)
      expect(validateManagedDevice(full.body, 'v1.0', true)).toEqual([])
      if (state === 'done') expect(final.errorCode).toBe(0)
      if (state === 'failed') expect(final.errorCode).toBeGreaterThan(0)
    })
  }

  it('a device that has not checked in for weeks stays pending', async () => {
    const id = tenant.scenarioDevice('staleNeverChecksIn')
    expect((await post(`/v1.0/deviceManagement/managedDevices/${id}/resetPasscode`)).status).toBe(204)
    await new Promise((r) => setTimeout(r, 150))
    expect((await resultOf(id))?.actionState).toBe('pending')
  })

  it('records remoteActionAudits (beta only) and auditEvents naming the agent', async () => {
    const id = tenant.scenarioDevice('fullyManagedSucceeds')
    const before = new Date(Date.now() - 1000).toISOString()
    expect((await post(`/beta/deviceManagement/managedDevices/${id}/remoteLock`)).status).toBe(204)
    expect((await post(`/beta/deviceManagement/managedDevices/${id}/syncDevice`)).status).toBe(204)
    const audits = await get(
      `/beta/deviceManagement/remoteActionAudits?$filter=${encodeURIComponent(`managedDeviceId eq '${id}'`)}`,
    )
    expect(audits.status).toBe(200)
    const actions = audits.body.value!.map((a) => a.action)
    expect(actions).toContain('resetPasscode')
    expect(actions).toContain('remoteLock')
    expect(audits.body.value![0].initiatedByUserPrincipalName).toBe(tenant.agents[0].upn)
    expectGraphError(await get('/v1.0/deviceManagement/remoteActionAudits'), 400, 'BadRequest')
    const events = await get(
      `/v1.0/deviceManagement/auditEvents?$filter=${encodeURIComponent(`activityDateTime ge ${before}`)}`,
    )
    const types = events.body.value!.map((e) => e.activityType)
    expect(types).toContain('RemoteLock ManagedDevice')
    const reset = (await get('/v1.0/deviceManagement/auditEvents')).body.value!.find(
      (e) => e.activityType === 'ResetPasscode ManagedDevice',
    )!
    expect((reset.actor as { userPrincipalName: string }).userPrincipalName).toBe(tenant.agents[0].upn)
    const future = await get(
      `/v1.0/deviceManagement/auditEvents?$filter=${encodeURIComponent('activityDateTime gt 2999-01-01T00:00:00Z')}`,
    )
    expect(future.body.value).toEqual([])
  })

  it('shows who asked for the wipe pending on the wipePending scenario device, and when', async () => {
    const id = tenant.scenarioDevice('wipePending')
    const { items } = await readAll('/beta/deviceManagement/remoteActionAudits?$top=50')
    const wipes = items.filter((a) => a.action === 'factoryReset')
    expect(wipes.map((a) => a.managedDeviceId)).toEqual([id])
    expect(wipes[0]!.actionState).toBe('pending')
    expect(String(wipes[0]!.initiatedByUserPrincipalName)).toMatch(/^priya\.shah@/)
    expect(Date.parse(String(wipes[0]!.requestDateTime))).toBeLessThan(Date.now())
  })

  it('comes with a month of seeded history by the help desk, never on scenario devices', async () => {
    const { items } = await readAll('/beta/deviceManagement/remoteActionAudits?$top=20')
    // The wipe already waiting on the wipePending scenario device is not help-desk history (next test).
    const past = items.filter(
      (a) => a.action !== 'factoryReset' && Date.parse(String(a.requestDateTime)) < Date.now() - 60_000,
    )
    expect(past.length).toBe(DEVICES / 50)
    expect(new Set(past.map((a) => a.initiatedByUserPrincipalName)).size).toBeGreaterThan(1)
    const scenarioIds = new Set(SCENARIOS.map((s) => tenant.scenarioDevice(s.name)))
    expect(past.some((a) => scenarioIds.has(String(a.managedDeviceId)))).toBe(false)
    expect(
      past.every((a) =>
        ['pending', 'done', 'failed', 'notSupported', 'canceled'].includes(String(a.actionState)),
      ),
    ).toBe(true)
  })

  it('never serves hidden traits', async () => {
    const { body } = await get('/beta/deviceManagement/managedDevices?$top=50')
    const text = JSON.stringify(body)
    for (const word of [
      'unlockTokenValid',
      'resetTokenActivated',
      'passcodePolicyAssigned',
      'checksIn',
      '"traits"',
    ])
      expect(text).not.toContain(word)
  })

  it('a silent device that starts checking in picks its pending reset up', async () => {
    const id = tenant.scenarioDevice('staleNeverChecksIn')
    await post(`/beta/deviceManagement/managedDevices/${id}/resetPasscode`)
    expect((await resultOf(id))?.actionState).toBe('pending')
    tenant.devices.updateTraits(id, { checksIn: true })
    expect((await settle(id)).actionState).toBe('done')
    expect(Date.parse(String(tenant.devices.getDevice(id)!.lastSyncDateTime))).toBeGreaterThan(
      Date.now() - 60_000,
    )
    tenant.devices.updateTraits(id, { checksIn: false })
  })

  it('lists audit categories and activity types', async () => {
    expect((await get('/v1.0/deviceManagement/auditEvents/getAuditCategories()')).body.value).toContain(
      'Device',
    )
    const types = await get("/v1.0/deviceManagement/auditEvents/getAuditActivityTypes(category='Device')")
    expect(types.body.value).toContain('ResetPasscode ManagedDevice')
  })
})
