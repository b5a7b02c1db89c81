import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { AuthStatus } from '../../../shared/api/schemas/auth'
import type { ConnectionTestResult, ProfileList } from '../../../shared/api/schemas/profiles'
import { ENCRYPTED_CACHE_FILE } from '../../../electron/core/auth/token-cache'
import { startDemoTenant } from '../../../electron/demo-tenant'
import type { DemoTenant } from '../../../electron/demo-tenant/types'
import { signInAs } from './browser'
import { endpointsOn, startHarness, type Harness } from './harness'
import { fakeSafeStorage } from '../../support/fake-safe-storage'
import { captureIssuedTokens, filesUnder } from '../../support/leak-scan'

let tenant: DemoTenant
beforeAll(async () => {
  tenant = await startDemoTenant({
    devices: 5,
    tenantId: '22222222-3333-4444-8555-666666666666',
    accessTokenLifetimeSeconds: 2,
  })
})
afterAll(async () => tenant.close())

const open: Harness[] = []
afterEach(async () => {
  vi.restoreAllMocks()
  for (const h of open.splice(0)) await h.close()
})

describe('no token outside the encrypted MSAL cache', () => {
  it('finds no token in API responses, events, data files (token cache, SQLite, settings) or the log', async () => {
    const secrets = captureIssuedTokens()

    const safeStorage = fakeSafeStorage()
    const h = await startHarness({ secretStorage: safeStorage, resolveEndpoints: endpointsOn(tenant) })
    open.push(h)
    const list = await h.call<ProfileList>('profiles:save', {
      draft: { name: 'Contoso', tenantId: tenant.tenantId, clientId: tenant.clientId, cloud: 'global' },
    })
    const id = list.profiles.find((p) => p.name === 'Contoso')!.id
    await h.call('profiles:activate', { id })
    const agent = tenant.agents.find((a) => a.role === 'helpDeskOperator')!
    h.browser = signInAs(agent.upn)

    // Everything a renderer could ask for, including failures and renewals.
    const signedIn = await h.call<AuthStatus>('auth:signIn')
    expect(signedIn.cachePersistence).toBe('encrypted')
    await h.call('auth:status')
    await h.call<ConnectionTestResult>('profiles:test', { id })
    await new Promise((r) => setTimeout(r, 1100))
    await h.auth.sessions.current().getAccessToken() // silent renewal (2 s lifetime)
    await h.call('profiles:list')
    await h.callRaw('profiles:save', {
      draft: { name: 'Bad', tenantId: 'x', clientId: 'y', cloud: 'global' },
    })
    tenant.revokeRefreshTokens(agent.upn)
    await h.callRaw('profiles:test', { id })
    await h.call('auth:status')

    expect(secrets.size).toBeGreaterThanOrEqual(6) // access, refresh and id tokens, at least twice
    const leaks = (text: string) =>
      [...secrets].filter((s) => text.includes(s) || text.includes(s.split('.')[1] ?? s))

    // 1. API responses and events (the renderer's whole view).
    expect(h.transcript.length).toBeGreaterThan(10)
    for (const entry of h.transcript) expect(leaks(entry)).toEqual([])

    // 2. Every file in the data dir (profiles, token cache, any SQLite file) and 3. the log.
    const files = filesUnder(h.dataDir)
    expect(files.some((f) => f.endsWith(ENCRYPTED_CACHE_FILE))).toBe(true)
    expect(files.some((f) => f.endsWith('passcode-desk.log'))).toBe(true)
    for (const file of files) {
      const text = readFileSync(file).toString('latin1')
      expect({ file, leaks: leaks(text) }).toEqual({ file, leaks: [] })
      expect(text).not.toMatch(/"secret":|RefreshToken/)
    }
  })

  it('keeps the agent signed in across a restart through the encrypted cache, and sign-out erases the tokens', async () => {
    const safeStorage = fakeSafeStorage()
    const first = await startHarness({ secretStorage: safeStorage, resolveEndpoints: endpointsOn(tenant) })
    open.push(first)
    const list = await first.call<ProfileList>('profiles:save', {
      draft: { name: 'Contoso', tenantId: tenant.tenantId, clientId: tenant.clientId, cloud: 'global' },
    })
    await first.call('profiles:activate', { id: list.profiles.find((p) => p.name === 'Contoso')!.id })
    const agent = tenant.agents.find((a) => a.role === 'helpDeskOperator')!
    first.browser = signInAs(agent.upn)
    await first.call('auth:signIn')
    await first.auth.sessions.dispose()

    const second = await startHarness({
      dataDir: first.dataDir,
      secretStorage: safeStorage,
      resolveEndpoints: endpointsOn(tenant),
    })
    open.push(second)
    const status = await second.call<AuthStatus>('auth:status')
    expect(status).toMatchObject({ state: 'signedIn', cachePersistence: 'encrypted' })
    expect(status.agent?.upn).toBe(agent.upn)
    expect(await second.auth.sessions.current().getAccessToken()).toMatch(/^ey/)

    // Another key (another user or machine) cannot read it: signed out, no crash.
    const stranger = await startHarness({
      dataDir: first.dataDir,
      secretStorage: fakeSafeStorage(),
      resolveEndpoints: endpointsOn(tenant),
    })
    open.push(stranger)
    expect((await stranger.call<AuthStatus>('auth:status')).state).toBe('signedOut')

    await second.call('auth:signOut')
    const third = await startHarness({
      dataDir: first.dataDir,
      secretStorage: safeStorage,
      resolveEndpoints: endpointsOn(tenant),
    })
    open.push(third)
    expect((await third.call<AuthStatus>('auth:status')).state).toBe('signedOut')
  })

  it('erases a profile’s tokens when it is re-pointed to another tenant or removed', async () => {
    const safeStorage = fakeSafeStorage()
    const h = await startHarness({ secretStorage: safeStorage, resolveEndpoints: endpointsOn(tenant) })
    open.push(h)
    const draft = {
      name: 'Contoso',
      tenantId: tenant.tenantId,
      clientId: tenant.clientId,
      cloud: 'global' as const,
    }
    const list = await h.call<ProfileList>('profiles:save', { draft })
    const id = list.profiles.find((p) => p.name === 'Contoso')!.id
    await h.call('profiles:activate', { id })
    h.browser = signInAs(tenant.agents[0]!.upn)
    await h.call('auth:signIn')
    const cacheFile = join(h.dataDir, 'profiles', id, ENCRYPTED_CACHE_FILE)
    expect(existsSync(cacheFile)).toBe(true)

    // Renaming keeps the sign-in; another client ID does not.
    await h.call('profiles:save', { id, draft: { ...draft, name: 'Contoso EU' } })
    expect((await h.call<AuthStatus>('auth:status')).state).toBe('signedIn')
    await h.call('profiles:save', {
      id,
      draft: { ...draft, name: 'Contoso EU', clientId: '0e4a9c7d-3b2f-4e8a-b6c1-000000000000' },
    })
    expect((await h.call<AuthStatus>('auth:status')).state).toBe('signedOut')
    expect(existsSync(cacheFile)).toBe(false)

    await h.call('profiles:save', { id, draft: { ...draft, name: 'Contoso EU' } })
    await h.call('auth:signIn')
    expect(existsSync(cacheFile)).toBe(true)
    await h.call('profiles:remove', { id })
    expect(existsSync(cacheFile)).toBe(false)
    expect((await h.call<AuthStatus>('auth:status')).profileId).toBe('demo')
  })
})
