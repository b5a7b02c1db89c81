import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createConnectivityModule } from '../../../electron/core/connectivity'
import { createDeviceCacheModule, type DeviceCacheModule } from '../../support/device-cache-module'
import { createGraphClient } from '../../../electron/core/graph/client'
import { devicePath } from '../../../electron/core/sync/fields'
import type { ReachabilityStatus } from '../../../shared/api/schemas/connectivity'
import { demoSessions, startFixture, type Fixture } from '../sync/harness'

/**
 * Refresh against a demo tenant taken off the network at run time (demo-tenant/network.ts), with
 * the same-run baseline: the plain retried GET the device service made before (DESIGN §1: the
 * agent is on the phone; a failure must come within ~8 s and name Intune).
 */
describe('Refresh when Intune stops answering', () => {
  let fixture: Fixture
  let module: DeviceCacheModule
  let connectivity: ReturnType<typeof createConnectivityModule>
  let pushed: ReachabilityStatus[]

  beforeEach(async () => {
    fixture = await startFixture({ devices: 30 })
    const sessions = demoSessions(fixture.demo, fixture.dir)
    pushed = []
    connectivity = createConnectivityModule({
      sessions,
      schedule: false,
      events: { emit: (_e: string, p: unknown) => pushed.push(p as ReachabilityStatus) } as never,
    })
    module = createDeviceCacheModule({ sessions, connectivity: connectivity.reachability })
    await module.sync.start().done
  })
  afterEach(async () => {
    connectivity.dispose()
    module.dispose()
    await fixture.close()
  })

  const firstId = () => fixture.demo.devices.listDeviceIds()[0]!

  const timed = async (run: () => Promise<unknown>) => {
    const started = performance.now()
    const error = await run().then(
      () => null,
      (e: unknown) => e as { code?: string },
    )
    return { ms: Math.round(performance.now() - started), code: error?.code ?? null }
  }

  it('fails within the 8 s budget when refused, at once after that, and names the cause', async () => {
    const id = firstId()
    expect(connectivity.reachability.status().intune).toBe('reachable') // the sync got through
    await fixture.demo.setNetwork('refuse')

    // Same-run baseline: the retried GET Refresh used to make (default client: 5 retries, 1 s base).
    const baselineClient = createGraphClient({
      baseUrl: fixture.demo.graphUrl,
      getAccessToken: async () => fixture.demo.issueAccessToken(),
    })
    const baseline = await timed(() => baselineClient.get(devicePath('beta', id)))

    connectivity.reachability.note(null) // as before the loss: Intune was answering
    const first = await timed(() => module.devices.refresh(id))
    const again = await timed(() => module.devices.refresh(id))
    console.info(
      `refresh failure (refused): baseline retried GET ${baseline.ms} ms (${baseline.code}); ` +
        `refresh first ${first.ms} ms (${first.code}), again ${again.ms} ms (${again.code})`,
    )
    expect(baseline.code).toBe('OFFLINE')
    expect(first).toMatchObject({ code: 'OFFLINE' })
    expect(first.ms).toBeLessThan(8_500)
    expect(again).toMatchObject({ code: 'OFFLINE' })
    expect(again.ms).toBeLessThan(1_000)
    expect(connectivity.reachability.status()).toMatchObject({ intune: 'unreachable', failure: 'OFFLINE' })
    expect(pushed.at(-1)?.intune).toBe('unreachable')
  }, 60_000)

  it('times out within the budget when connections hang, then comes back with the probe', async () => {
    const id = firstId()
    await fixture.demo.setNetwork('hang')
    const hung = await timed(() => module.devices.refresh(id))
    console.info(`refresh failure (silent): ${hung.ms} ms (${hung.code})`)
    expect(hung.code).toBe('TIMEOUT')
    expect(hung.ms).toBeGreaterThanOrEqual(7_900)
    expect(hung.ms).toBeLessThan(9_000)
    expect(connectivity.reachability.status().intune).toBe('unreachable')

    await fixture.demo.setNetwork('up')
    await connectivity.check()
    expect(connectivity.reachability.status().intune).toBe('reachable')
    await expect(module.devices.refresh(id)).resolves.toMatchObject({ id })
  }, 30_000)
})
