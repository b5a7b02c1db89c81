import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { SyncStatus } from '@shared/api/schemas/sync'
import { useAuthStore } from '@renderer/stores/auth'
import { syncBannerKind, useSyncStore } from '@renderer/stores/sync'
import { fake, flush } from './fake-client'
import { ok } from './rows'

vi.mock('@renderer/api/client', async () => ({ api: (await import('./fake-client')).fake.api }))

const idle: SyncStatus = {
  running: false,
  progress: null,
  lastSuccessAt: '2026-11-26T11:50:00Z',
  lastAttemptAt: '2026-11-26T11:50:00Z',
  lastError: null,
  deviceCount: 1200,
  apiVersion: 'beta',
  online: true,
  stale: false,
  staleAfterMinutes: 1440,
}
const progress = {
  runId: 'r1',
  phase: 'fetching' as const,
  pages: 3,
  devices: 3000,
  total: 10_000,
  devicesPerSecond: 1500,
  etaSeconds: 4.6,
  elapsedMs: 2000,
  apiVersion: 'beta' as const,
}

beforeEach(() => {
  fake.reset()
  setActivePinia(createPinia())
})

describe('useSyncStore', () => {
  it('subscribes to sync:progress and sync:finished once per app', () => {
    useSyncStore()
    useSyncStore()
    expect(fake.listenerCount('sync:progress')).toBe(1)
    expect(fake.listenerCount('sync:finished')).toBe(1)
  })

  it('follows live progress, then the end of the run', async () => {
    const sync = useSyncStore()
    void sync.loadStatus()
    fake.take('sync:status')[0]!.resolve(ok(idle))
    await flush()
    expect(sync.running).toBe(false)
    expect(sync.neverSynced).toBe(false)

    fake.emit('sync:progress', progress)
    expect(sync.running).toBe(true)
    expect(sync.progress?.devices).toBe(3000)

    fake.emit('sync:finished', {
      runId: 'r1',
      outcome: 'succeeded',
      devices: 10_000,
      removed: 2,
      pages: 10,
      durationMs: 7000,
      finishedAt: '2026-11-26T12:00:00Z',
      apiVersion: 'beta',
      error: null,
    })
    expect(sync.running).toBe(false)
    expect(sync.progress).toBeNull()
    expect(sync.completedRuns).toBe(1)
    // The status is fetched again for the new "last synced" time and count.
    expect(fake.take('sync:status')).toHaveLength(1)
  })

  it('shows a bar as soon as a start is accepted, before the first event', async () => {
    const sync = useSyncStore()
    const started = sync.start()
    fake.take('sync:start')[0]!.resolve(ok({ runId: 'r2', startedAt: '2026-11-26T12:00:00Z' }))
    expect(await started).toBeNull()
    expect(sync.running).toBe(true)
    expect(sync.progress?.phase).toBe('starting')
  })

  it('follows a sync another window started instead of reporting SYNC_IN_PROGRESS', async () => {
    const sync = useSyncStore()
    const started = sync.start()
    fake.take('sync:start')[0]!.resolve({ ok: false, error: { code: 'SYNC_IN_PROGRESS', message: 'busy' } })
    await flush()
    fake.take('sync:status')[0]!.resolve(ok({ ...idle, running: true, progress }))
    expect(await started).toBeNull()
    expect(sync.error).toBeNull()
    expect(sync.running).toBe(true)
    expect(sync.progress?.pages).toBe(3)
  })

  it('keeps the error of a start that failed', async () => {
    const sync = useSyncStore()
    const started = sync.start()
    fake.take('sync:start')[0]!.resolve({ ok: false, error: { code: 'GRAPH_FORBIDDEN', message: 'no' } })
    expect((await started)?.code).toBe('GRAPH_FORBIDDEN')
    expect(sync.error?.code).toBe('GRAPH_FORBIDDEN')
    expect(sync.running).toBe(false)
  })

  it('waits for the agent to sign in, then starts the sync it asked for', async () => {
    const sync = useSyncStore()
    const auth = useAuthStore()
    const started = sync.start()
    fake.take('sync:start')[0]!.resolve({ ok: false, error: { code: 'AUTH_REQUIRED', message: 'sign in' } })
    await flush()
    expect(auth.parkedCount).toBe(1)
    expect(sync.starting).toBe(true)

    const signedIn = auth.signIn()
    fake
      .take('auth:signIn')[0]!
      .resolve(ok({ state: 'signedIn', agent: null, canResetPasscode: true } as never))
    await flush()
    fake.take('sync:start')[0]!.resolve(ok({ runId: 'r3', startedAt: '2026-11-26T12:00:00Z' }))
    await signedIn
    expect(await started).toBeNull()
    expect(sync.running).toBe(true)
  })

  it('signs a newcomer in first when core says nobody is signed in, then starts the sync', async () => {
    const sync = useSyncStore()
    const auth = useAuthStore()
    fake.emit('auth:changed', { state: 'signedOut', agent: null, permissionReason: 'signedOut' })
    const started = sync.start()
    await flush()
    // No sync:start (which would fail with "session expired"): the sign-in opens instead.
    expect(fake.take('sync:start')).toHaveLength(0)
    fake
      .take('auth:signIn')[0]!
      .resolve(ok({ state: 'signedIn', agent: null, canResetPasscode: true } as never))
    await flush()
    expect(auth.signedIn).toBe(true)
    fake.take('sync:start')[0]!.resolve(ok({ runId: 'r4', startedAt: '2026-11-26T12:00:00Z' }))
    expect(await started).toBeNull()
    expect(sync.running).toBe(true)
  })

  it('reports nothing and starts nothing when the newcomer gives up the sign-in', async () => {
    const sync = useSyncStore()
    fake.emit('auth:changed', { state: 'signedOut', agent: null, permissionReason: 'signedOut' })
    const started = sync.start()
    await flush()
    fake.take('auth:signIn')[0]!.resolve(ok({ state: 'signedOut', agent: null } as never))
    expect(await started).toBeNull()
    expect(fake.take('sync:start')).toHaveLength(0)
    expect(sync.error).toBeNull()
    expect(sync.running).toBe(false)
  })

  it('keeps the newest status when an older answer arrives late', async () => {
    const sync = useSyncStore()
    void sync.loadStatus()
    void sync.loadStatus()
    const [older, newer] = fake.take('sync:status')
    newer!.resolve(ok({ ...idle, deviceCount: 2 }))
    await flush()
    older!.resolve(ok({ ...idle, deviceCount: 1 }))
    await flush()
    expect(sync.status?.deviceCount).toBe(2)
  })

  it('says when nothing was ever synced', async () => {
    const sync = useSyncStore()
    void sync.loadStatus()
    fake.take('sync:status')[0]!.resolve(ok({ ...idle, lastSuccessAt: null, deviceCount: 0, stale: true }))
    await flush()
    expect(sync.neverSynced).toBe(true)
  })
})

describe('syncBannerKind', () => {
  it('puts Graph being unreachable first, even during a sync', () => {
    expect(
      syncBannerKind({ ...idle, online: false, lastError: { code: 'OFFLINE', message: 'x' } }, false),
    ).toBe('offline')
    expect(syncBannerKind({ ...idle, online: false }, true)).toBe('offline')
  })

  it('then a failed sync, then never synced, then a stale cache', () => {
    expect(
      syncBannerKind({ ...idle, lastError: { code: 'GRAPH_THROTTLED', message: 'x' }, stale: true }, false),
    ).toBe('failed')
    expect(syncBannerKind({ ...idle, lastSuccessAt: null, stale: true }, false)).toBe('never')
    expect(syncBannerKind({ ...idle, stale: true }, false)).toBe('stale')
    expect(syncBannerKind(idle, false)).toBeNull()
  })

  it('stays quiet while a sync runs, and when the list already says there is no cache', () => {
    expect(syncBannerKind({ ...idle, stale: true }, true)).toBeNull()
    expect(syncBannerKind({ ...idle, lastSuccessAt: null }, false, true)).toBeNull()
    expect(syncBannerKind(null, false)).toBeNull()
  })
})
