import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createSessionPasscodeGraph } from '../../../electron/core/actions/graph'
import { createGraphClient } from '../../../electron/core/graph/client'
import { createDeviceCache } from '../../../electron/core/store/cache'
import { createReachability } from '../../../electron/core/connectivity/model'
import { createSyncEngine } from '../../../electron/core/sync/engine'
import { demoSessions, startFixture, type Fixture } from './harness'

/**
 * A helpdesk sharing one app registration's Intune budget (domain §2.7, DESIGN §5), shrunk for a
 * test (one thread serves the tenant and every agent here): the same sliding windows with a
 * 1.5 s window and 3 requests per app (the benchmark in
 * tests/bench/team-sync.bench.ts runs Intune's real figures).
 */
const BUDGETS = { windowMs: 1500, appAny: 3, appWrites: 2, tenantAny: 6, tenantWrites: 4 }

describe('team scale: agents sharing one budget', () => {
  let fixture: Fixture
  beforeEach(async () => {
    fixture = await startFixture({
      devices: 1100,
      intuneBudgets: BUDGETS,
      faults: { intuneRateLimits: true },
    })
  })
  afterEach(async () => {
    await fixture.close()
  })

  it('all agents’ syncs complete under the budget, and a resetPasscode during the storm is sent within seconds', async () => {
    const agents = 6
    const caches = Array.from({ length: agents }, (_, i) =>
      createDeviceCache({ file: join(fixture.dir, `agent-${i}.db`) }),
    )
    try {
      const started = Date.now()
      const runs = caches.map(
        (cache) =>
          createSyncEngine({
            cache,
            connectivity: createReachability(),
            graph: (tuning) =>
              createGraphClient({
                baseUrl: fixture.demo.graphUrl,
                getAccessToken: async () => fixture.demo.issueAccessToken(),
                ...tuning,
                baseDelayMs: 200,
                maxDelayMs: 1600,
              }),
          }).start({ mode: 'full' }).done,
      )
      // Let the storm build: 12 pages for 3 requests per 1.5 s.
      await new Promise((r) => setTimeout(r, 1000))
      const session = demoSessions(fixture.demo, fixture.dir).current()
      const graph = createSessionPasscodeGraph(session)
      const device = fixture.demo.scenarioDevice('iosRemovalSucceeds')
      const sentAt = Date.now()
      await graph.resetPasscode(device, 'team-test-1')
      const actionMs = Date.now() - sentAt

      const results = await Promise.all(runs)
      const totalMs = Date.now() - started
      expect(results.map((r) => r.outcome)).toEqual(Array(agents).fill('succeeded'))
      expect(results.map((r) => r.devices)).toEqual(Array(agents).fill(1100))
      const log = fixture.demo.requestLog()
      const throttledReads = log.filter((r) => r.method === 'GET' && r.status === 429).length
      // It really was throttled; held and spread, the reads wasted few requests on refusals.
      expect(throttledReads).toBeGreaterThan(0)
      // 12 pages at 3 per 1.5 s cannot take less than 4.5 s (the budget's lower bound).
      expect(totalMs).toBeGreaterThanOrEqual(4500)
      // The write went out within one window even though reads were being refused all along.
      const posts = log.filter((r) => r.method === 'POST')
      expect(posts.at(-1)!.status).not.toBe(429)
      expect(posts.filter((p) => p.status === 429).length).toBeLessThanOrEqual(2)
      // Two windows at most, plus slack for this one thread also writing six caches.
      expect(actionMs).toBeLessThan(2 * BUDGETS.windowMs + 2000)
    } finally {
      for (const c of caches) c.close()
    }
  })
})
