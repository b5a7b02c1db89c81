import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Handlers } from '../../../electron/core/router'
import { createRouter } from '../../../electron/core/router'
import { silentLogger } from '../../../electron/core/log'
import { createGraphClient } from '../../../electron/core/graph/client'
import { createDeviceCacheModule, type DeviceCacheModule } from '../../support/device-cache-module'
import type { SyncFinished, SyncProgress } from '../../../shared/api/schemas/sync'
import { demoSessions, startFixture, type Fixture } from './harness'

const ctx = { host: 'test', clientId: 't' } as const

describe('sync against the demo tenant', () => {
  let fixture: Fixture
  let module: DeviceCacheModule
  let progress: SyncProgress[]
  let finished: SyncFinished[]

  const call = async (channel: string, input?: unknown) => {
    const router = createRouter(module.handlers as unknown as Handlers, {
      validateOutput: true,
      log: silentLogger,
    })
    return router.call(channel, input, ctx)
  }
  /** A full pass unless told otherwise (the second sync of a test would be incremental). */
  const syncOnce = async (mode: 'full' | 'auto' = 'full') => {
    const started = module.sync.start({ mode })
    return started.done
  }

  beforeEach(async () => {
    fixture = await startFixture({ devices: 2500 })
    progress = []
    finished = []
    const sessions = demoSessions(fixture.demo, fixture.dir)
    module = createDeviceCacheModule({
      sessions,
      events: {
        emit: (event: string, payload: unknown) => {
          if (event === 'sync:progress') progress.push(payload as SyncProgress)
          if (event === 'sync:finished') finished.push(payload as SyncFinished)
        },
      } as never,
      // Short backoff so faults cost milliseconds; Retry-After from the tenant is still honoured.
      graph: () =>
        createGraphClient({
          baseUrl: fixture.demo.graphUrl,
          getAccessToken: () => sessions.current().getAccessToken(),
          baseDelayMs: 20,
          maxDelayMs: 200,
          maxRetries: 8,
        }),
    })
  })

  afterEach(async () => {
    module.dispose()
    await fixture.close()
  })

  it('caches every device, reports progress, and makes them searchable', async () => {
    const result = await syncOnce()
    expect(result).toMatchObject({
      outcome: 'succeeded',
      devices: 2500,
      removed: 0,
      pages: 3,
      apiVersion: 'beta',
    })
    expect(finished).toEqual([result])
    expect(progress.filter((p) => p.phase === 'fetching').map((p) => p.devices)).toEqual([1000, 2000, 2500])

    const status = await call('sync:status')
    expect(status).toMatchObject({
      ok: true,
      value: { running: false, deviceCount: 2500, online: true, stale: false },
    })

    // Every list request used $select and $top=1000 and followed the full nextLink.
    const lists = fixture.demo.requestLog().filter((r) => r.path.includes('/managedDevices'))
    expect(lists).toHaveLength(3)
    expect(lists[0]!.path).toMatch(/^\/beta\/deviceManagement\/managedDevices\?\$select=id,deviceName,/)
    expect(lists[1]!.path).toContain('skiptoken')

    const helene = await call('devices:search', { query: 'helene durand' })
    expect(helene.ok).toBe(true)
    const rows = (helene as { value: { rows: { userDisplayName: string; id: string }[] } }).value.rows
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.every((r) => /Hélène Durand/.test(r.userDisplayName))).toBe(true)

    const detail = await call('devices:get', { id: rows[0]!.id })
    expect(detail).toMatchObject({
      ok: true,
      value: { user: { userDisplayName: 'Hélène Durand' }, source: 'beta' },
    })
  })

  it('survives throttling with Retry-After, 503/504 and dropped connections', async () => {
    fixture.demo.setFaults({
      throttleFraction: 0.15,
      retryAfterSeconds: 1,
      unavailableFraction: 0.15,
      dropConnectionFraction: 0.1,
    })
    const started = Date.now()
    const result = await syncOnce()
    expect(result).toMatchObject({ outcome: 'succeeded', devices: 2500 })
    const statuses = fixture.demo.requestLog().map((r) => r.status)
    expect(statuses).toContain(429)
    expect(statuses.some((s) => s === 503 || s === 504)).toBe(true)
    // Each 429 carried Retry-After: 1, which the client waited out before retrying.
    const throttles = statuses.filter((s) => s === 429).length
    expect(Date.now() - started).toBeGreaterThanOrEqual(throttles * 1000 - 50)
  })

  it('a malformed page fails the sync cleanly and keeps the previous snapshot', async () => {
    await syncOnce()
    fixture.demo.devices.updateDevice(fixture.demo.devices.listDeviceIds()[0]!, {
      deviceName: 'Renamed-In-Intune',
    })
    fixture.demo.setFaults({ malformedPageAt: 2 })
    const result = await syncOnce()
    expect(result).toMatchObject({ outcome: 'failed', devices: 2500, error: { code: 'GRAPH_BAD_RESPONSE' } })

    const status = (await call('sync:status')) as { ok: true; value: Record<string, unknown> }
    expect(status.value).toMatchObject({
      deviceCount: 2500,
      lastError: { code: 'GRAPH_BAD_RESPONSE' },
      online: true,
    })
    expect(status.value.lastSuccessAt).not.toBeNull()
    // The first page of the failed run was staged, never published.
    const renamed = await call('devices:search', { query: 'Renamed-In-Intune' })
    expect(renamed).toMatchObject({ ok: true, value: { total: 0 } })
    expect(module.cache.db().pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('asks again for a truncated page instead of failing the sync', async () => {
    fixture.demo.setFaults({ malformedPageFraction: 0.4 })
    const result = await syncOnce()
    expect(result).toMatchObject({ outcome: 'succeeded', devices: 2500, pages: 3 })
    // Some list request was sent twice in a row: the garbled answer and the good one.
    const paths = fixture.demo
      .requestLog()
      .filter((r) => r.path.includes('/managedDevices'))
      .map((r) => r.path)
    expect(paths.length).toBeGreaterThan(3)
    expect(paths.some((p, i) => i > 0 && paths[i - 1] === p)).toBe(true)
  })

  it('removes devices gone from Intune on the next successful sync', async () => {
    await syncOnce()
    const [gone] = fixture.demo.devices.listDeviceIds()
    fixture.demo.devices.removeDevice(gone!)
    const result = await syncOnce()
    expect(result).toMatchObject({ outcome: 'succeeded', devices: 2499, removed: 1 })
    expect(await call('devices:get', { id: gone })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('devices:refresh re-reads one device live, and drops it when Intune no longer has it', async () => {
    await syncOnce()
    const [id, other] = fixture.demo.devices.listDeviceIds()
    fixture.demo.devices.updateDevice(id!, { deviceName: 'Kiosque-Accueil-42' })
    const refreshed = await call('devices:refresh', { id })
    expect(refreshed).toMatchObject({ ok: true, value: { id, deviceName: 'Kiosque-Accueil-42' } })
    const found = await call('devices:search', { query: 'kiosque accueil' })
    expect(found).toMatchObject({ ok: true, value: { total: 1, rows: [{ id }] } })
    expect(fixture.demo.requestLog().at(-1)!.path).toContain(`/beta/deviceManagement/managedDevices/${id}`)

    fixture.demo.devices.removeDevice(other!)
    expect(await call('devices:refresh', { id: other })).toMatchObject({
      ok: false,
      error: { code: 'GRAPH_NOT_FOUND' },
    })
    expect(await call('devices:get', { id: other })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })

  it('is cancellable and runs one at a time', async () => {
    await syncOnce()
    // Each answer takes 1 s, so the cancel 200 ms in lands while the first request is still out: at
    // 150 ms a quiet machine finished the pass (one incremental request) before the cancel.
    fixture.demo.setFaults({ latencyMs: 1_000 })
    const started = module.sync.start()
    expect(await call('sync:start')).toMatchObject({ ok: false, error: { code: 'SYNC_IN_PROGRESS' } })
    await new Promise((r) => setTimeout(r, 200))
    expect(await call('sync:cancel')).toEqual({ ok: true, value: { cancelled: true } })
    const result = await started.done
    expect(result).toMatchObject({ outcome: 'cancelled', devices: 2500, error: null })
    expect(await call('sync:status')).toMatchObject({ ok: true, value: { running: false, lastError: null } })
    expect(await call('sync:cancel')).toEqual({ ok: true, value: { cancelled: false } })
  })

  it('reports OFFLINE when Graph cannot be reached, and keeps the cache', async () => {
    await syncOnce()
    await fixture.demo.close()
    const result = await syncOnce()
    expect(result).toMatchObject({ outcome: 'failed', devices: 2500, error: { code: 'OFFLINE' } })
    expect(await call('sync:status')).toMatchObject({ ok: true, value: { online: false, deviceCount: 2500 } })
    const search = await call('devices:search', { query: 'hel' })
    expect(search).toMatchObject({ ok: true })
    fixture.demo.close = async () => {}
  })
})
