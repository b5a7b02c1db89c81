import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_SYNC_SETTINGS, type SyncSettings } from '../../../shared/api/schemas/settings'
import { createGraphClient, type GraphClientOptions } from '../../../electron/core/graph/client'
import { createDeviceCache, type DeviceCache } from '../../../electron/core/store/cache'
import { createReachability } from '../../../electron/core/connectivity/model'
import { createSyncEngine, type SyncEngineOptions } from '../../../electron/core/sync/engine'
import { startFixture, type Fixture } from './harness'

/**
 * A sync outlasts the demo tenant dropping every connection for seconds (headers and half a body,
 * then the socket dies): dropped connections spend the sync's time budget with jittered backoff
 * (graph/retry.ts createRetryPlan) instead of the old five tries. Short backoff (100–400 ms) so the
 * test runs in seconds; the budget is the setting's (10 min) unless a test shortens it.
 */
describe('sync against a tenant that drops connections', () => {
  let fixture: Fixture
  let cache: DeviceCache

  const engine = (
    extra: Partial<SyncEngineOptions> & { client?: Partial<GraphClientOptions>; useTuning?: boolean } = {},
  ) => {
    const { client, useTuning = true, ...rest } = extra
    return createSyncEngine({
      cache,
      connectivity: createReachability(),
      graph: (tuning) =>
        createGraphClient({
          baseUrl: fixture.demo.graphUrl,
          getAccessToken: async () => fixture.demo.issueAccessToken(),
          baseDelayMs: 100,
          maxDelayMs: 400,
          ...(useTuning ? tuning : {}),
          ...client,
        }),
      ...rest,
    })
  }
  const dropped = () => fixture.demo.requestLog().filter((r) => r.status === 0).length

  beforeEach(async () => {
    fixture = await startFixture({ devices: 2500 })
    cache = createDeviceCache({ file: join(fixture.dir, 'cache.db') })
  })
  afterEach(async () => {
    cache.close()
    await fixture.close()
  })

  it('outlasts 3 s of dropped connections that the old five tries gave up on', async () => {
    fixture.demo.setFaults({ dropConnectionFraction: 1 })
    // Before: the client's own five tries (at most 1.5 s of backoff here) and the sync fails OFFLINE.
    const before = await engine({ useTuning: false }).start({ mode: 'full' }).done
    expect(before).toMatchObject({ outcome: 'failed', error: { code: 'OFFLINE' } })
    expect(dropped()).toBe(6)

    fixture.demo.clearRequestLog()
    const started = Date.now()
    const heal = setTimeout(() => fixture.demo.setFaults({ dropConnectionFraction: 0 }), 3000)
    try {
      const after = await engine().start({ mode: 'full' }).done
      expect(after).toMatchObject({ outcome: 'succeeded', devices: 2500 })
    } finally {
      clearTimeout(heal)
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(2900)
    // It kept trying through the outage (more than five retries), then read every page.
    expect(dropped()).toBeGreaterThan(6)
    expect(cache.db().prepare('SELECT count(*) FROM devices').pluck().get()).toBe(2500)
  })

  it('gives up on the time budget with OFFLINE and keeps the previous snapshot', async () => {
    expect(await engine().start().done).toMatchObject({ outcome: 'succeeded', devices: 2500 })
    fixture.demo.setFaults({ dropConnectionFraction: 1 })
    const settings: SyncSettings = { ...DEFAULT_SYNC_SETTINGS, throttleBudgetMinutes: 1 }
    const started = Date.now()
    // The client here shortens the setting's minute to 2 s.
    const result = await engine({ settings: () => settings, client: { throttleBudgetMs: 2000 } }).start({
      mode: 'full',
    }).done
    expect(result).toMatchObject({ outcome: 'failed', devices: 2500, error: { code: 'OFFLINE' } })
    const took = Date.now() - started
    expect(took).toBeGreaterThanOrEqual(1500)
    expect(took).toBeLessThan(8000)
    expect(dropped()).toBeGreaterThan(6)
    expect(cache.db().prepare('SELECT count(*) FROM devices').pluck().get()).toBe(2500)
  })
})
