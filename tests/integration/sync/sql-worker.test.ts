/**
 * Full passes written by the SQL worker thread (electron/core/store/worker/, DESIGN §5) against
 * the demo tenant, with real SQLite files: the cache it leaves is the very cache the in-thread
 * builder leaves, its writes happen on the worker's own connection (not this thread's), and a
 * failed or cancelled pass keeps the previous snapshot, and a pass whose worker cannot start
 * still syncs, on this thread. Uses the built worker
 * (out/main/sql-worker.js, as the hosts do); the kill tests in kill.test.ts cover a process
 * killed mid-sync through the built CLI, whose syncs run in this worker.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createGraphClient } from '../../../electron/core/graph/client'
import { createReadinessQueries } from '../../../electron/core/readiness/queries'
import { silentLogger } from '../../../electron/core/log'
import { createDeviceCache, type DeviceCache } from '../../../electron/core/store/cache'
import { workerSnapshots } from '../../../electron/core/store/worker/snapshot-worker'
import { createReachability } from '../../../electron/core/connectivity/model'
import { createSyncEngine, type SyncEngineOptions } from '../../../electron/core/sync/engine'
import type { SyncProgress } from '../../../shared/api/schemas/sync'
import { startFixture, type Fixture } from './harness'

const WORKER = resolve(import.meta.dirname, '../../../out/main/sql-worker.js')
const built = existsSync(WORKER)
if (!built) console.warn(`sql-worker.test.ts skipped: ${WORKER} is missing (run \`npm run build\`).`)

/** A fixed clock: both caches get the same cached_at and sync times. */
const FIXED = Date.parse('2026-12-01T09:00:00Z')

/** Every row of every table (names sorted), the schema, and the sync metadata, as comparable text. */
function dump(file: string): { schema: string[]; tables: Record<string, unknown[]> } {
  const db = new Database(file, { readonly: true })
  try {
    const schema = (
      db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").all() as {
        type: string
        name: string
        sql: string | null
      }[]
    )
      // The index and table names carry a random tag per snapshot (store/snapshot.ts).
      .map(
        (r) =>
          `${r.type} ${r.name.replace(/_[0-9a-f]{12}(?![0-9a-f])/, '_TAG')} ${(r.sql ?? '').replace(/_[0-9a-f]{12}(?![0-9a-f])/g, '_TAG')}`,
      )
      .sort()
    const tables: Record<string, unknown[]> = {}
    for (const name of ['devices', 'devices_raw', 'devices_ids', 'devices_fts']) {
      tables[name] = db.prepare(`SELECT rowid, * FROM ${name} ORDER BY rowid`).raw().all()
    }
    tables.syncMeta = db.prepare('SELECT key, value FROM sync_meta ORDER BY key').raw().all()
    // What the word index answers (its rows are above).
    tables.ftsMatch = db
      .prepare("SELECT rowid FROM devices_fts WHERE devices_fts MATCH 'hel*' ORDER BY rowid")
      .pluck()
      .all()
    return { schema, tables }
  } finally {
    db.close()
  }
}

describe.skipIf(!built)('full passes in the SQL worker thread', () => {
  let fixture: Fixture
  const caches: DeviceCache[] = []
  const open = (name: string) => {
    const cache = createDeviceCache({ file: join(fixture.dir, name) })
    caches.push(cache)
    return cache
  }
  const engine = (cache: DeviceCache, extra: Partial<SyncEngineOptions> = {}) =>
    createSyncEngine({
      cache,
      now: () => FIXED,
      connectivity: createReachability(),
      graph: () =>
        createGraphClient({
          baseUrl: fixture.demo.graphUrl,
          getAccessToken: async () => fixture.demo.issueAccessToken(),
          baseDelayMs: 20,
          maxDelayMs: 200,
        }),
      ...extra,
    })
  const inWorker = { openSnapshot: workerSnapshots({ script: WORKER }) }
  const ownChanges = (cache: DeviceCache) =>
    cache.db().prepare('SELECT total_changes()').pluck().get() as number

  beforeEach(async () => {
    fixture = await startFixture({ devices: 2500 })
  })
  afterEach(async () => {
    for (const cache of caches.splice(0)) cache.close()
    await fixture.close()
  })

  it('leaves the same cache as the in-thread builder, written on the worker connection', async () => {
    const here = open('here.db')
    const there = open('there.db')
    const hereBefore = ownChanges(here)
    expect(await engine(here).start({ mode: 'full' }).done).toMatchObject({
      outcome: 'succeeded',
      devices: 2500,
    })
    const hereWrites = ownChanges(here) - hereBefore

    const thereBefore = ownChanges(there)
    const progress: SyncProgress[] = []
    const result = await engine(there, {
      ...inWorker,
      events: { progress: (p) => progress.push(p), finished: () => {} },
    }).start({ mode: 'full' }).done
    expect(result).toMatchObject({ outcome: 'succeeded', devices: 2500, removed: 0, pages: 3 })
    expect(progress.map((p) => p.phase)).toContain('committing')
    const thereWrites = ownChanges(there) - thereBefore
    // In-thread: every staged, copied and indexed row is a change of this connection. Worker: only
    // the metadata this thread writes itself (attempt time, resume point after each page).
    expect(hereWrites).toBeGreaterThan(2500 * 3)
    expect(thereWrites).toBeLessThan(50)

    here.close()
    there.close()
    const a = dump(join(fixture.dir, 'here.db'))
    const b = dump(join(fixture.dir, 'there.db'))
    expect(b.schema).toEqual(a.schema)
    expect(b.tables.devices).toHaveLength(2500)
    expect(b.tables.ftsMatch!.length).toBeGreaterThan(0)
    expect(b.tables).toEqual(a.tables)
  })

  it('removes devices gone from Intune and searches the new snapshot through this connection', async () => {
    const cache = open('cache.db')
    await engine(cache, inWorker).start({ mode: 'full' }).done
    const [gone] = fixture.demo.devices.listDeviceIds()
    fixture.demo.devices.removeDevice(gone!)
    fixture.demo.devices.updateDevice(fixture.demo.devices.listDeviceIds()[1]!, {
      deviceName: 'Kiosque-Worker-7',
    })
    const result = await engine(cache, inWorker).start({ mode: 'full' }).done
    expect(result).toMatchObject({ outcome: 'succeeded', devices: 2499, removed: 1 })
    const db = cache.db()
    expect(db.prepare('SELECT count(*) FROM devices WHERE id = ?').pluck().get(gone)).toBe(0)
    expect(
      db.prepare("SELECT count(*) FROM devices_fts WHERE devices_fts MATCH 'kiosque'").pluck().get(),
    ).toBe(1)
    expect(db.prepare("SELECT value FROM sync_meta WHERE key = 'lastSuccessAt'").pluck().get()).toBe(
      new Date(FIXED).toISOString(),
    )
    // The Readiness check-in counts the worker built with the set equal a scan of it, and the
    // live set's triggers were created on this file (a removal below is counted).
    const q = createReadinessQueries(db)
    const order = (rows: { kind: string; platform: string | null; verdict: string }[]) =>
      [...rows].sort((a, b) =>
        `${a.kind}|${a.platform}|${a.verdict}`.localeCompare(`${b.kind}|${b.platform}|${b.verdict}`),
      )
    const cutoff = FIXED - 7 * 86_400_000
    expect(order(q.deviceGroups(cutoff))).toEqual(order(q.deviceGroupsScan(cutoff)))
    db.prepare('DELETE FROM devices WHERE pk = (SELECT min(pk) FROM devices)').run()
    expect(db.prepare('SELECT sum(n) FROM devices_checkins').pluck().get()).toBe(2498)
    expect(order(q.deviceGroups(cutoff))).toEqual(order(q.deviceGroupsScan(cutoff)))
  })

  it('a failed pass keeps the previous snapshot; the next one resumes from the worker’s staged pages', async () => {
    const cache = open('cache.db')
    await engine(cache, inWorker).start({ mode: 'full' }).done
    fixture.demo.devices.updateDevice(fixture.demo.devices.listDeviceIds()[0]!, {
      deviceName: 'Renamed-In-Intune',
    })
    fixture.demo.setFaults({ malformedPageAt: 2 })
    const failed = await engine(cache, inWorker).start({ mode: 'full' }).done
    expect(failed).toMatchObject({ outcome: 'failed', devices: 2500, error: { code: 'GRAPH_BAD_RESPONSE' } })
    const db = cache.db()
    expect(
      db.prepare("SELECT count(*) FROM devices WHERE device_name = 'Renamed-In-Intune'").pluck().get(),
    ).toBe(0)
    // The worker committed page 1 to the staging table, then let go of the file.
    expect(db.prepare('SELECT count(*) FROM devices_stage').pluck().get()).toBe(1000)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')

    fixture.demo.setFaults({ malformedPageAt: undefined })
    const resumed = await engine(cache, inWorker).start({ mode: 'full' }).done
    expect(resumed).toMatchObject({ outcome: 'succeeded', devices: 2500, resumedFromPage: 1 })
    expect(
      db.prepare("SELECT count(*) FROM devices WHERE device_name = 'Renamed-In-Intune'").pluck().get(),
    ).toBe(1)
    expect(
      db
        .prepare(
          "SELECT count(*) FROM sqlite_master WHERE name LIKE '%\\_next%' ESCAPE '\\' OR name = 'devices_stage'",
        )
        .pluck()
        .get(),
    ).toBe(0)
  })

  it('a pass cancelled while the worker builds keeps the previous snapshot and drops its staging', async () => {
    const cache = open('cache.db')
    await engine(cache, inWorker).start({ mode: 'full' }).done
    fixture.demo.devices.removeDevice(fixture.demo.devices.listDeviceIds()[0]!)
    const sync = engine(cache, {
      ...inWorker,
      events: {
        progress: (p) => {
          if (p.phase === 'committing') sync.cancel()
        },
        finished: () => {},
      },
    })
    const result = await sync.start({ mode: 'full' }).done
    expect(result).toMatchObject({ outcome: 'cancelled', devices: 2500, error: null })
    const db = cache.db()
    expect(db.prepare('SELECT count(*) FROM devices').pluck().get()).toBe(2500)
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'devices_stage'").pluck().get()).toBe(
      0,
    )
  })

  it('a worker that cannot start: the pass writes on this thread instead and says so', async () => {
    const cache = open('cache.db')
    await engine(cache, inWorker).start({ mode: 'full' }).done
    fixture.demo.devices.removeDevice(fixture.demo.devices.listDeviceIds()[0]!)
    const warnings: string[] = []
    const log = { ...silentLogger, warn: (event: string) => void warnings.push(event) }
    const broken = {
      openSnapshot: workerSnapshots({ script: join(fixture.dir, 'no-such-worker.js'), log }),
    }
    const before = ownChanges(cache)
    const result = await engine(cache, broken).start({ mode: 'full' }).done
    expect(result).toMatchObject({ outcome: 'succeeded', devices: 2499, removed: 1 })
    expect(warnings).toContain('sync.sql-worker-unavailable')
    // This connection wrote the rows itself.
    expect(ownChanges(cache) - before).toBeGreaterThan(2499 * 3)
  })
})
