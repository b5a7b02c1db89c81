import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CodedError } from '../../../../../shared/errors'
import type { GraphClient } from '../../../../../electron/core/graph/client'
import { createDeviceCache, type DeviceCache } from '../../../../../electron/core/store/cache'
import { createReachability } from '../../../../../electron/core/connectivity/model'
import { createSyncEngine } from '../../../../../electron/core/sync/engine'
import { computeProgress } from '../../../../../electron/core/sync/progress'
import { selectedDevices, tempDir } from '../store/helpers'

/** A Graph that refuses beta with 400 (as for an unknown $select property) and serves v1.0. */
function v1OnlyGraph(devices: Record<string, unknown>[], requested: string[]): GraphClient {
  return {
    origin: () => 'http://127.0.0.1:9',
    post: async () => {
      throw new Error('unused')
    },
    get: async <T>(path: string) => {
      requested.push(path)
      if (path.startsWith('/beta/')) {
        throw new CodedError('GRAPH_ERROR', 'Graph answered HTTP 400', {
          status: 400,
          graphCode: 'BadRequest',
        })
      }
      return { status: 200, body: { value: devices } as T, requestId: 'r', clientRequestId: 'c', attempts: 1 }
    },
  }
}

describe('sync engine', () => {
  let tmp: ReturnType<typeof tempDir>
  let cache: DeviceCache
  beforeEach(() => {
    tmp = tempDir()
    cache = createDeviceCache({ file: tmp.file })
  })
  afterEach(() => {
    cache.close()
    tmp.cleanup()
  })

  it('degrades to v1.0 when beta refuses the request, and says so', async () => {
    const requested: string[] = []
    const devices = selectedDevices(20).map(({ deviceType: _d, ownerType: _o, joinType: _j, ...v1 }) => v1)
    const engine = createSyncEngine({
      cache,
      graph: () => v1OnlyGraph(devices, requested),
      connectivity: createReachability(),
    })
    const result = await engine.start().done
    expect(result).toMatchObject({ outcome: 'succeeded', devices: 20, apiVersion: 'v1.0' })
    expect(requested.map((p) => p.split('?')[0])).toEqual([
      '/beta/deviceManagement/managedDevices',
      '/v1.0/deviceManagement/managedDevices',
    ])
    expect(requested[1]).not.toMatch(/ownerType|deviceType|joinType/)
    expect(engine.status()).toMatchObject({ apiVersion: 'v1.0', deviceCount: 20, stale: false })
  })

  it('reports a database from a newer app when asked to start', () => {
    cache.db().pragma('user_version = 9999')
    cache.close()
    const engine = createSyncEngine({
      cache,
      graph: () => v1OnlyGraph([], []),
      connectivity: createReachability(),
    })
    expect(() => engine.start()).toThrow(expect.objectContaining({ code: 'DB_NEWER_VERSION' }))
  })

  it('is stale before the first sync and after staleAfterMinutes', async () => {
    let now = Date.parse('2026-11-26T12:00:00Z')
    const engine = createSyncEngine({
      cache,
      graph: () => v1OnlyGraph(selectedDevices(3), []),
      connectivity: createReachability(),
      now: () => now,
      staleAfterMinutes: 60,
    })
    expect(engine.status()).toMatchObject({ stale: true, lastSuccessAt: null, running: false })
    await engine.start().done
    expect(engine.status()).toMatchObject({ stale: false, lastSuccessAt: '2026-11-26T12:00:00.000Z' })
    now += 61 * 60_000
    expect(engine.status().stale).toBe(true)
  })
})

describe('progress and connectivity', () => {
  it('computes rate and ETA only when the total is known', () => {
    const base = {
      runId: 'r',
      phase: 'fetching' as const,
      pages: 2,
      devices: 2000,
      apiVersion: 'beta' as const,
    }
    expect(computeProgress({ ...base, total: 10_000 }, 4000)).toMatchObject({
      devicesPerSecond: 500,
      etaSeconds: 16,
    })
    expect(computeProgress({ ...base, total: null }, 4000)).toMatchObject({
      devicesPerSecond: 500,
      etaSeconds: null,
    })
    expect(computeProgress({ ...base, total: 2000 }, 0)).toMatchObject({ devicesPerSecond: 0, etaSeconds: 0 })
  })

  it('goes offline only when Graph cannot be reached', () => {
    const c = createReachability()
    expect(c.online()).toBe(true)
    c.note('OFFLINE')
    expect(c.online()).toBe(false)
    c.note('CANCELLED')
    expect(c.online()).toBe(false)
    c.note('GRAPH_FORBIDDEN')
    expect(c.online()).toBe(true)
    c.note('GRAPH_UNAVAILABLE')
    expect(c.online()).toBe(false)
    c.note(null)
    expect(c.online()).toBe(true)
  })
})
