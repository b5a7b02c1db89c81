import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { AuthStatus } from '../../../shared/api/schemas/auth'
import type { ConnectionTestResult, ProfileList } from '../../../shared/api/schemas/profiles'
import { startDemoTenant } from '../../../electron/demo-tenant'
import type { DemoTenant } from '../../../electron/demo-tenant/types'
import type { TenantProfile } from '../../../electron/core/profiles/store'
import { signInAs } from './browser'
import { endpointsOn, startHarness, type Harness } from './harness'

const TENANT_B = '11111111-2222-4333-8444-555555555555'
const TENANT_C = '66666666-7777-4888-9999-aaaaaaaaaaaa'
const UNKNOWN = 'deadbeef-0000-4000-8000-000000000000'

let b: DemoTenant
let c: DemoTenant
beforeAll(async () => {
  ;[b, c] = await Promise.all([
    startDemoTenant({ devices: 5, tenantId: TENANT_B }),
    startDemoTenant({ devices: 5, tenantId: TENANT_C }),
  ])
})
afterAll(async () => {
  await Promise.all([b.close(), c.close()])
})

/** Each tenant profile signs in on the demo tenant that owns its tenant ID (or B for anything else). */
const resolve = (profile: TenantProfile) => endpointsOn(profile.tenantId === TENANT_C ? c : b)(profile)

const open: Harness[] = []
afterEach(async () => {
  for (const h of open.splice(0)) await h.close()
})
const start = async () => {
  const h = await startHarness({ resolveEndpoints: resolve })
  open.push(h)
  return h
}

async function addProfile(h: Harness, name: string, tenant: DemoTenant): Promise<string> {
  const list = await h.call<ProfileList>('profiles:save', {
    draft: { name, tenantId: tenant.tenantId, clientId: tenant.clientId, cloud: 'global' },
  })
  return list.profiles.find((p) => p.name === name)!.id
}

describe('tenant profiles', () => {
  it('keeps one MSAL app and cache per profile: switching never mixes agents or tokens', async () => {
    const h = await start()
    const idB = await addProfile(h, 'Contoso B', b)
    const idC = await addProfile(h, 'Fabrikam C', c)

    let list = await h.call<ProfileList>('profiles:activate', { id: idB })
    expect(list.activeId).toBe(idB)
    expect(list.profiles.map((p) => [p.name, p.active, p.builtIn])).toEqual([
      ['Demo', false, true],
      ['Contoso B', true, false],
      ['Fabrikam C', false, false],
    ])
    const agentB = b.agents.find((a) => a.role === 'helpDeskOperator')!
    h.browser = signInAs(agentB.upn)
    expect((await h.call<AuthStatus>('auth:signIn')).agent?.tenantId).toBe(TENANT_B)

    list = await h.call<ProfileList>('profiles:activate', { id: idC })
    expect((await h.call<AuthStatus>('auth:status')).state).toBe('signedOut')
    const agentC = c.agents.find((a) => a.role === 'readOnlyOperator')!
    h.browser = signInAs(agentC.upn)
    expect((await h.call<AuthStatus>('auth:signIn')).agent).toMatchObject({
      upn: agentC.upn,
      tenantId: TENANT_C,
    })
    const tokenC = await h.auth.sessions.current().getAccessToken()

    await h.call('profiles:activate', { id: idB })
    const back = await h.call<AuthStatus>('auth:status')
    expect(back).toMatchObject({ state: 'signedIn', profileName: 'Contoso B', canResetPasscode: true })
    expect(back.agent?.upn).toBe(agentB.upn)
    const tokenB = await h.auth.sessions.current().getAccessToken()
    expect(tokenB).not.toBe(tokenC)
    expect(h.auth.sessions.current().profile.tenantId).toBe(TENANT_B)

    // Tenants refuse each other's tokens.
    const cross = await fetch(`${c.graphUrl}/v1.0/me`, { headers: { Authorization: `Bearer ${tokenB}` } })
    expect(cross.status).toBe(401)
  })

  it('refuses an account from the wrong tenant and forgets it', async () => {
    const h = await start()
    // A profile for tenant C whose sign-in lands on tenant B (e.g. a mistyped authority).
    const wrongId = await addProfile(h, 'Wrong', c)
    await h.call('profiles:activate', { id: wrongId })
    const session = h.auth.sessions.current()
    expect(session.profile.tenantId).toBe(TENANT_C)
    // Re-point this profile's endpoints: authority of B, expected tenant C.
    const h2 = await startHarness({
      dataDir: h.dataDir,
      resolveEndpoints: (p) => ({ ...endpointsOn(b)({ ...p, tenantId: TENANT_B }), tenantId: p.tenantId }),
    })
    open.push(h2)
    h2.browser = signInAs(b.agents[0]!.upn)
    const result = await h2.callRaw('auth:signIn')
    expect(result.ok).toBe(false)
    expect(result.error?.code).toBe('AUTH_WRONG_TENANT')
    expect(await h2.call<AuthStatus>('auth:status')).toMatchObject({ state: 'signedOut', agent: null })
  })

  it('validates profiles and protects the Demo profile, with codes the form localizes', async () => {
    const h = await start()
    const bad = await h.callRaw('profiles:save', {
      draft: { name: 'X', tenantId: 'contoso.onmicrosoft.com', clientId: b.clientId, cloud: 'global' },
    })
    expect(bad.error).toMatchObject({
      code: 'PROFILE_INVALID',
      detail: { field: 'tenantId', reason: 'guid' },
    })
    expect((await h.callRaw('profiles:remove', { id: 'demo' })).error?.code).toBe('PROFILE_BUILTIN')
    expect(
      (await h.callRaw('profiles:activate', { id: 'p-00000000-0000-4000-8000-000000000000' })).error?.code,
    ).toBe('PROFILE_NOT_FOUND')
    const id = await addProfile(h, 'Temp', b)
    await h.call('profiles:activate', { id })
    const after = await h.call<ProfileList>('profiles:remove', { id })
    expect(after.activeId).toBe('demo')
    expect((await h.call<AuthStatus>('auth:status')).profileId).toBe('demo')
    expect(h.events.some((e) => e.name === 'profiles:changed')).toBe(true)
  })

  it('tests a connection: unknown tenant, unknown application, then a signed-in agent’s permissions', async () => {
    const h = await start()
    const unknownTenant = await h.call<ConnectionTestResult>('profiles:test', {
      draft: { name: '', tenantId: UNKNOWN, clientId: b.clientId, cloud: 'global' },
    })
    expect(unknownTenant.ok).toBe(false)
    expect(unknownTenant.checks[0]).toEqual({
      step: 'discovery',
      status: 'failed',
      code: 'AUTH_UNKNOWN_TENANT',
      detail: 'AADSTS90002',
    })

    const unknownApp = await h.call<ConnectionTestResult>('profiles:test', {
      draft: { name: '', tenantId: TENANT_B, clientId: UNKNOWN, cloud: 'global' },
    })
    expect(unknownApp.checks.slice(0, 2)).toEqual([
      { step: 'discovery', status: 'ok' },
      { step: 'application', status: 'failed', code: 'AUTH_APP_NOT_CONSENTED', detail: 'AADSTS700016' },
    ])

    const malformed = await h.callRaw('profiles:test', {
      draft: { name: '', tenantId: '123', clientId: UNKNOWN, cloud: 'global' },
    })
    expect(malformed.error).toMatchObject({ code: 'PROFILE_INVALID', detail: { field: 'tenantId' } })

    const id = await addProfile(h, 'Contoso B', b)
    await h.call('profiles:activate', { id })
    const signedOut = await h.call<ConnectionTestResult>('profiles:test', { id })
    expect(signedOut.ok).toBe(true)
    expect(signedOut.checks.map((x) => `${x.step}:${x.status}`)).toEqual([
      'discovery:ok',
      'application:ok',
      'signIn:skipped',
      'graph:skipped',
      'permissions:skipped',
    ])
    h.browser = signInAs(b.agents.find((a) => a.role === 'readOnlyOperator')!.upn)
    await h.call('auth:signIn')
    const readOnly = await h.call<ConnectionTestResult>('profiles:test', { id })
    expect(readOnly.checks.slice(2)).toEqual([
      { step: 'signIn', status: 'ok' },
      { step: 'graph', status: 'ok' },
      {
        step: 'permissions',
        status: 'failed',
        code: 'PERMISSION_DENIED',
        detail: 'Microsoft.Intune_RemoteTasks_ResetPasscode',
      },
    ])
  })
})
