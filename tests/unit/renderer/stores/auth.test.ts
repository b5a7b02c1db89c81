// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Result } from '@shared/api/result'
import type { AuthStatus } from '@shared/api/schemas/auth'
import { createFakeClient, type FakeClient } from '../fake-client'

const client = vi.hoisted(() => ({ current: null as unknown as FakeClient }))
vi.mock('@renderer/api/client', () => ({
  get api() {
    return client.current
  },
}))

const { useAuthStore } = await import('@renderer/stores/auth')

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))
const status = (patch: Partial<AuthStatus>): AuthStatus => ({
  profileId: 'demo',
  profileName: 'Demo',
  profileKind: 'demo',
  state: 'signedOut',
  agent: null,
  cachePersistence: 'memory',
  canResetPasscode: false,
  permissionReason: 'signedOut',
  missingPermission: null,
  ...patch,
})
const agent = { upn: 'elodie@contoso.test', displayName: 'Élodie Marchand', tenantId: 't' }
const expired: Result<never> = { ok: false, error: { code: 'AUTH_REQUIRED', message: 'sign in' } }

describe('useAuthStore', () => {
  beforeEach(() => {
    client.current = createFakeClient()
    setActivePinia(createPinia())
  })
  afterEach(() => vi.restoreAllMocks())

  it('follows auth:changed and exposes the agent and the permission verdict', async () => {
    const store = useAuthStore()
    client.current.emit(
      'auth:changed',
      status({ state: 'signedIn', agent, canResetPasscode: true, permissionReason: null }),
    )
    expect(store.signedIn).toBe(true)
    expect(store.agent?.upn).toBe(agent.upn)
    expect(store.canResetPasscode).toBe(true)
    expect(store.permissionReason).toBeNull()
  })

  it('parks a call that needs a new sign-in, keeps its caller waiting, and resumes it after sign-in', async () => {
    const store = useAuthStore()
    client.current.call.mockImplementation(async (channel) => {
      if (channel === 'auth:status') return { ok: true, value: status({ state: 'reauthRequired', agent }) }
      if (channel === 'auth:signIn') return { ok: true, value: status({ state: 'signedIn', agent }) }
      return { ok: true, value: null }
    })
    const operation = vi
      .fn<() => Promise<Result<string>>>()
      .mockResolvedValueOnce(expired)
      .mockResolvedValueOnce({ ok: true, value: 'issued' })
    let settled: Result<string> | null = null
    void store.withSignIn(operation).then((r) => (settled = r))
    await flush()
    expect(settled).toBeNull()
    expect(store.needsSignIn).toBe(true)
    expect(store.parkedCount).toBe(1)

    expect(await store.signIn()).toBeNull()
    await flush()
    expect(operation).toHaveBeenCalledTimes(2)
    expect(settled).toEqual({ ok: true, value: 'issued' })
    expect(store.parkedCount).toBe(0)
  })

  it('gives parked calls their AUTH_REQUIRED back when the agent chooses not to sign in', async () => {
    const store = useAuthStore()
    client.current.call.mockResolvedValue({ ok: true, value: status({ state: 'reauthRequired', agent }) })
    const pending = store.withSignIn(async () => expired)
    await flush()
    store.dismissResume()
    expect(await pending).toEqual(expired)
  })

  it('does not park other errors', async () => {
    const store = useAuthStore()
    const failure: Result<never> = { ok: false, error: { code: 'GRAPH_THROTTLED', message: 'x' } }
    expect(await store.withSignIn(async () => failure)).toBe(failure)
    expect(store.parkedCount).toBe(0)
  })

  it('opens the sign-in page in a new tab when core asks (browser host), and only http(s) pages', () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null)
    const store = useAuthStore()
    client.current.emit('auth:open-url', { url: 'javascript:alert(1)' })
    expect(open).not.toHaveBeenCalled()
    client.current.emit('auth:open-url', { url: 'http://127.0.0.1:5555/t/oauth2/v2.0/authorize?x=1' })
    expect(open).toHaveBeenCalledWith(
      'http://127.0.0.1:5555/t/oauth2/v2.0/authorize?x=1',
      '_blank',
      'noopener',
    )
    expect(store.signInUrl).toContain('/authorize')
  })
})
