import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDeviceCacheModule, type DeviceCacheModule } from '../../support/device-cache-module'
import { createGraphClient } from '../../../electron/core/graph/client'
import { silentLogger } from '../../../electron/core/log'
import { createRouter, type Handlers } from '../../../electron/core/router'
import type { DeviceSearchResult } from '../../../shared/api/schemas/devices'
import { demoSessions, startFixture, type Fixture } from '../sync/harness'

const ctx = { host: 'test', clientId: 't' } as const

/**
 * Caller lookup by phone (domain §9): after a real sync from the demo tenant, a French number read
 * out in any usual style finds the one device Intune stores it on (`+33 6 …`), through the same
 * router call the Devices view makes — with an agent whose computer says en-US (the region then
 * comes from the tenant's own numbers) and one whose computer says fr-FR.
 */
describe('phone search after a sync from the demo tenant', () => {
  let fixture: Fixture
  const modules: DeviceCacheModule[] = []

  beforeAll(async () => {
    fixture = await startFixture({ devices: 1200 })
  })
  afterAll(async () => {
    for (const m of modules) m.dispose()
    await fixture.close()
  })

  const moduleFor = async (locale: string) => {
    const sessions = demoSessions(fixture.demo, fixture.dir)
    const module = createDeviceCacheModule({
      sessions,
      locale: () => locale,
      graph: () =>
        createGraphClient({
          baseUrl: fixture.demo.graphUrl,
          getAccessToken: () => sessions.current().getAccessToken(),
          baseDelayMs: 20,
          maxDelayMs: 200,
          maxRetries: 8,
        }),
    })
    modules.push(module)
    if (modules.length === 1) expect((await module.sync.start().done).outcome).toBe('succeeded')
    const router = createRouter(module.handlers as unknown as Handlers, {
      validateOutput: true,
      log: silentLogger,
    })
    return async (query: string) => {
      const result = await router.call('devices:search', { query }, ctx)
      if (!result.ok) throw new Error(result.error.code)
      return result.value as DeviceSearchResult
    }
  }

  it('finds the same device from 06 97 13 93 15, 0697139315 and +33 (0)6 97 13 93 15 styles', async () => {
    for (const locale of ['en-US', 'fr-FR']) {
      const search = await moduleFor(locale)
      const db = modules[0]!.cache.db()
      const stored = db
        .prepare("SELECT id, phone_number FROM devices WHERE phone_number LIKE '+33 6 %' ORDER BY pk LIMIT 3")
        .all() as { id: string; phone_number: string }[]
      expect(stored.length).toBeGreaterThan(0)
      for (const { id, phone_number } of stored) {
        const national = `0${phone_number.slice(4)}` // "+33 6 97 13 93 15" -> "06 97 13 93 15"
        const styles = [national, national.replace(/ /g, ''), `+33 (0)${phone_number.slice(4)}`]
        for (const query of styles) {
          const found = await search(query)
          expect(
            found.rows.map((r) => r.id),
            `${locale}: ${query}`,
          ).toEqual([id])
        }
      }
    }
  })
})
