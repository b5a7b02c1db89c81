import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ReachabilityStatus } from '@shared/api/schemas/connectivity'
import { reachabilityView, useReachabilityStore } from '@renderer/stores/reachability'
import { fake, flush } from '../devices/fake-client'
import { ok } from '../devices/rows'

vi.mock('@renderer/api/client', async () => ({ api: (await import('../devices/fake-client')).fake.api }))

const down: ReachabilityStatus = {
  intune: 'unreachable',
  since: '2026-12-01T14:05:00.000Z',
  checkedAt: '2026-12-01T14:06:00.000Z',
  failure: 'OFFLINE',
}
const up: ReachabilityStatus = { ...down, intune: 'reachable', failure: null }

beforeEach(() => {
  fake.reset()
  setActivePinia(createPinia())
})

describe('reachabilityView', () => {
  it('says the local service is lost before anything about Intune, and unknown until told', () => {
    expect(reachabilityView(down, true)).toBe('localLost')
    expect(reachabilityView(down, false)).toBe('unreachable')
    expect(reachabilityView(up, false)).toBe('reachable')
    expect(reachabilityView(null, false)).toBe('unknown')
  })
})

describe('useReachabilityStore', () => {
  it('follows connectivity:changed pushes from core, with the time Intune stopped answering', () => {
    const store = useReachabilityStore()
    expect(store.view).toBe('unknown')
    expect(store.intuneUnreachable).toBe(false)
    fake.emit('connectivity:changed', down)
    expect(store.intuneUnreachable).toBe(true)
    expect(store.unreachableSince).toBe('2026-12-01T14:05:00.000Z')
    fake.emit('connectivity:changed', up)
    expect(store.view).toBe('reachable')
    expect(store.unreachableSince).toBeNull()
  })

  it('"check again" asks core to probe now, once at a time, and shows its answer', async () => {
    const store = useReachabilityStore()
    fake.emit('connectivity:changed', down)
    const first = store.check()
    void store.check() // a second click while the first probe runs: no second call
    expect(store.checking).toBe(true)
    const calls = fake.take('connectivity:check')
    expect(calls).toHaveLength(1)
    calls[0]!.resolve(ok(up))
    await first
    await flush()
    expect(store.checking).toBe(false)
    expect(store.view).toBe('reachable')
  })

  it('keeps the last state when a probe call itself fails', async () => {
    const store = useReachabilityStore()
    fake.emit('connectivity:changed', down)
    const checking = store.check()
    fake.take('connectivity:check')[0]!.resolve({ ok: false, error: { code: 'OFFLINE', message: 'bridge' } })
    await checking
    expect(store.view).toBe('unreachable')
  })
})
