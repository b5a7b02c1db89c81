import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_SYNC_SETTINGS, type SyncSettings } from '../../../shared/api/schemas/settings'
import type { SyncProgress } from '../../../shared/api/schemas/sync'
import { createGraphClient, type GraphClientOptions } from '../../../electron/core/graph/client'
import { createDeviceSearch } from '../../../electron/core/devices/search'
import { createDeviceCache, type DeviceCache } from '../../../electron/core/store/cache'
import { createReachability } from '../../../electron/core/connectivity/model'
import {
  createSyncEngine,
  type SyncEngineOptions,
  type SyncGraphTuning,
} from '../../../electron/core/sync/engine'
import { startFixture, type Fixture } from './harness'

describe('sync passes against the demo tenant: throttling, incremental, full sweep', () => {
  let fixture: Fixture
  let cache: DeviceCache
  let progress: SyncProgress[]
  let tunings: (SyncGraphTuning | undefined)[]

  const engine = (
    extra: Partial<SyncEngineOptions> & { client?: Partial<GraphClientOptions>; useTuning?: boolean } = {},
  ) => {
    const { client, useTuning = true, ...rest } = extra
    return createSyncEngine({
      cache,
      connectivity: createReachability(),
      events: { progress: (p) => progress.push(p), finished: () => {} },
      graph: (tuning) => {
        tunings.push(tuning)
        return createGraphClient({
          baseUrl: fixture.demo.graphUrl,
          getAccessToken: async () => fixture.demo.issueAccessToken(),
          baseDelayMs: 100,
          maxDelayMs: 400,
          ...(useTuning ? tuning : {}),
          ...client,
        })
      },
      ...rest,
    })
  }
  const nameOf = (id: string) =>
    cache.db().prepare('SELECT device_name FROM devices WHERE id = ?').pluck().get(id) as string | undefined
  const search = (q: string) =>
    createDeviceSearch(cache.db()).search({ query: q, filters: {}, offset: 0, limit: 10 }).total

  beforeEach(async () => {
    fixture = await startFixture({ devices: 2500 })
    cache = createDeviceCache({ file: join(fixture.dir, 'cache.db') })
    progress = []
    tunings = []
  })
  afterEach(async () => {
    cache.close()
    await fixture.close()
  })

  it('outlasts a throttling storm longer than the old retry limit, and says it is waiting', async () => {
    // Every request refused for 4 s with a fractional Retry-After (domain §9). The old bounded
    // retries (5 × 0.5 s) give up after 2.5 s; the time budget waits the storm out.
    fixture.demo.setFaults({ throttleFraction: 1, retryAfterSeconds: 0.5 })
    const before = await engine({ useTuning: false }).start({ mode: 'full' }).done
    expect(before).toMatchObject({ outcome: 'failed', error: { code: 'GRAPH_THROTTLED' } })

    const started = Date.now()
    const stop = setTimeout(() => fixture.demo.setFaults({ throttleFraction: 0 }), 4000)
    try {
      const after = await engine().start({ mode: 'full' }).done
      expect(after).toMatchObject({ outcome: 'succeeded', devices: 2500 })
    } finally {
      clearTimeout(stop)
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(3900)
    // The default settings' 10-minute budget reached the client.
    expect(tunings.at(-1)).toMatchObject({ throttleBudgetMs: 600_000, spreadThrottledReads: true })
    const waiting = progress.filter((p) => p.throttleWaitSeconds !== undefined)
    expect(waiting.length).toBeGreaterThan(0)
    expect(waiting.every((p) => p.throttleWaitSeconds! >= 0.5)).toBe(true)
    // The storm's requests really were refused with 429.
    expect(fixture.demo.requestLog().filter((r) => r.status === 429).length).toBeGreaterThan(5)
  })

  it('gives up on the time budget, not before, and keeps the previous snapshot', async () => {
    const settings: SyncSettings = { ...DEFAULT_SYNC_SETTINGS, throttleBudgetMinutes: 1 }
    expect(await engine().start().done).toMatchObject({ outcome: 'succeeded', devices: 2500 })
    fixture.demo.setFaults({ throttleFraction: 1, retryAfterSeconds: 0.3 })
    const started = Date.now()
    // The setting's minute is what the engine asks for; the client here shortens it to 2 s.
    const result = await engine({ settings: () => settings, client: { throttleBudgetMs: 2000 } }).start({
      mode: 'full',
    }).done
    expect(tunings.at(-1)).toMatchObject({ throttleBudgetMs: 60_000 })
    expect(result).toMatchObject({ outcome: 'failed', devices: 2500, error: { code: 'GRAPH_THROTTLED' } })
    const took = Date.now() - started
    expect(took).toBeGreaterThanOrEqual(1000)
    expect(took).toBeLessThan(8000)
    expect(search('hel')).toBeGreaterThan(0)
  })

  it('backs off on 429s without Retry-After and completes', async () => {
    fixture.demo.setFaults({ throttleFraction: 0.4, omitRetryAfter: true })
    expect(await engine().start().done).toMatchObject({ outcome: 'succeeded', devices: 2500 })
    const throttled = fixture.demo.requestLog().filter((r) => r.status === 429)
    expect(throttled.length).toBeGreaterThan(0)
  })

  it('merges only changed devices after a full pass; the full sweep catches deletions', async () => {
    const full = await engine().start().done
    expect(full).toMatchObject({ outcome: 'succeeded', mode: 'full', devices: 2500 })
    const ids = fixture.demo.devices.listDeviceIds()
    const nowIso = new Date().toISOString()
    for (let i = 100; i < 130; i++)
      fixture.demo.devices.updateDevice(ids[i]!, { deviceName: `Changed-${i}`, lastSyncDateTime: nowIso })
    fixture.demo.devices.removeDevice(ids[5]!)
    fixture.demo.clearRequestLog()

    const incremental = await engine().start().done
    expect(incremental).toMatchObject({
      outcome: 'succeeded',
      mode: 'incremental',
      removed: 0,
      devices: 2500,
    })
    expect(incremental.changed).toBeGreaterThanOrEqual(30)
    expect(incremental.changed).toBeLessThan(1000)
    const lists = fixture.demo.requestLog().filter((r) => r.path.includes('/managedDevices'))
    expect(lists).toHaveLength(1)
    expect(decodeURIComponent(lists[0]!.path)).toMatch(/\$filter=lastSyncDateTime gt \d{4}-\d\d-\d\dT/)
    expect(nameOf(ids[117]!)).toBe('Changed-117')
    // Incremental passes cannot see deletions: the removed device is still cached…
    expect(cache.db().prepare('SELECT count(*) FROM devices WHERE id = ?').pluck().get(ids[5])).toBe(1)

    // …until the full sweep is due (1 h here, and the clock is 2 h on).
    const later = () => Date.now() + 2 * 3_600_000
    const sweep = await engine({
      now: later,
      settings: () => ({ ...DEFAULT_SYNC_SETTINGS, fullSweepHours: 1 }),
    }).start().done
    expect(sweep).toMatchObject({ outcome: 'succeeded', mode: 'full', devices: 2499, removed: 1 })
    const status = engine().status()
    expect(status.lastFullAt).toBe(sweep.finishedAt)
    expect(status.lastIncrementalAt).toBe(incremental.finishedAt)
  })

  it('merges an incremental pass in one transaction: a failed pass publishes none of its pages', async () => {
    await engine().start().done
    const ids = fixture.demo.devices.listDeviceIds()
    const nowIso = new Date().toISOString()
    // 1,500 changed devices: two pages; the second one is always garbled.
    for (let i = 0; i < 1500; i++)
      fixture.demo.devices.updateDevice(ids[i]!, { deviceName: `Batch-${i}`, lastSyncDateTime: nowIso })
    fixture.demo.setFaults({ malformedPageAt: 2 })
    const failed = await engine().start().done
    expect(failed).toMatchObject({
      outcome: 'failed',
      mode: 'incremental',
      error: { code: 'GRAPH_BAD_RESPONSE' },
    })
    expect(search('Batch')).toBe(0)
    expect(nameOf(ids[10]!)).not.toBe('Batch-10')
    fixture.demo.setFaults({ malformedPageAt: 0 })
    const ok = await engine().start().done
    expect(ok).toMatchObject({ outcome: 'succeeded', mode: 'incremental', pages: 2 })
    expect(nameOf(ids[10]!)).toBe('Batch-10')
    expect(nameOf(ids[1499]!)).toBe('Batch-1499')
  })
})
