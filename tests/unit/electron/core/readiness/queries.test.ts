import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createReadinessModule } from '../../../../../electron/core/readiness'
import { createReadinessQueries, SQL } from '../../../../../electron/core/readiness/queries'
import { openDatabase, type Db } from '../../../../../electron/core/store/db'
import type { DeviceRecord } from '../../../../../electron/core/store/device-record'
import { beginSnapshot } from '../../../../../electron/core/store/snapshot'
import { createSyncMetaRepository } from '../../../../../electron/core/store/sync-meta'
import { readinessSummary, readinessSummaryInput } from '../../../../../shared/api/schemas/readiness'
import { records, selectedDevices, tempDir } from '../store/helpers'

// Wednesday 2 Dec 2026, 10:00 UTC.
const NOW = Date.parse('2026-12-02T10:00:00Z')
const DAY = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString()

interface ActionSeed {
  id: string
  device: string
  state: string
  requestedAgoMs: number
  action?: 'resetPasscode' | 'removePasscode'
  /** Sent → Intune's terminal answer, in ms. */
  tookMs?: number
  failureCode?: string
  intuneErrorCode?: number
}

const ACTIONS: ActionSeed[] = [
  { id: 'a1', device: 'd1', state: 'done', requestedAgoMs: 1 * DAY, action: 'resetPasscode', tookMs: 60_000 },
  {
    id: 'a2',
    device: 'd2',
    state: 'done',
    requestedAgoMs: 2 * DAY,
    action: 'resetPasscode',
    tookMs: 180_000,
  },
  {
    id: 'a3',
    device: 'd3',
    state: 'done',
    requestedAgoMs: 3 * DAY,
    action: 'removePasscode',
    tookMs: 30_000,
  },
  {
    id: 'a4',
    device: 'd4',
    state: 'done',
    requestedAgoMs: 3 * DAY,
    action: 'resetPasscode',
    tookMs: 600_000,
  },
  { id: 'a5', device: 'd5', state: 'failed', requestedAgoMs: 1 * DAY, intuneErrorCode: -2016345060 },
  { id: 'a6', device: 'd5', state: 'failed', requestedAgoMs: 2 * DAY, intuneErrorCode: -2016345060 },
  { id: 'a7', device: 'd6', state: 'failed', requestedAgoMs: 4 * DAY, intuneErrorCode: -2016345060 },
  { id: 'a8', device: 'd7', state: 'notSent', requestedAgoMs: 1 * DAY, failureCode: 'GRAPH_FORBIDDEN' },
  { id: 'a9', device: 'd8', state: 'notSupported', requestedAgoMs: 5 * DAY },
  { id: 'a10', device: 'd9', state: 'stillPending', requestedAgoMs: 0 },
  { id: 'a11', device: 'd9', state: 'canceled', requestedAgoMs: 6 * DAY },
  // Outside the 30-day range: counted in no figure of that range.
  { id: 'old', device: 'd1', state: 'failed', requestedAgoMs: 60 * DAY, intuneErrorCode: 1 },
  { id: 'old-done', device: 'd1', state: 'done', requestedAgoMs: 60 * DAY, tookMs: 1 },
]

function seedActions(db: Db): void {
  const insert = db.prepare(`INSERT INTO actions (id, idempotency_key, profile_id, tenant_id, device_id,
    action, enrollment, state, agent_upn, verification_json, preconditions_json, device_json, eligibility_json,
    client_request_id, failure_code, intune_error_code, requested_at, sent_at, completed_at, updated_at)
    VALUES (?, ?, 'demo', 't', ?, ?, 'androidFullyManaged', ?, 'a@x', '{}', '[]', '{}', '{}', 'r', ?, ?, ?, ?, ?, ?)`)
  for (const a of ACTIONS) {
    const requested = NOW - a.requestedAgoMs
    const sent = requested + 2_000
    insert.run(
      a.id,
      `k-${a.id}`,
      a.device,
      a.action ?? 'resetPasscode',
      a.state,
      a.failureCode ?? null,
      a.intuneErrorCode ?? null,
      iso(requested),
      a.state === 'notSent' ? null : iso(sent),
      a.tookMs === undefined ? null : iso(sent + a.tookMs),
      iso(requested),
    )
  }
}

describe('readiness:summary over a real cache', () => {
  let tmp: ReturnType<typeof tempDir>
  let db: Db
  let devices: DeviceRecord[]

  beforeAll(() => {
    tmp = tempDir()
    db = openDatabase(tmp.file)
    devices = records(selectedDevices(3000), iso(NOW))
    const snapshot = beginSnapshot(db)
    snapshot.addPage(devices)
    snapshot.commit()
    createSyncMetaRepository(db).write({ lastSuccessAt: '2026-12-02T09:00:00.000Z' })
    seedActions(db)
  })
  afterAll(() => {
    db.close()
    tmp.cleanup()
  })

  const summary = (input: Record<string, unknown> = { rangeDays: 30 }) =>
    readinessSummary.parse(
      createReadinessModule({ database: () => db, now: () => NOW }).handlers['readiness:summary'](
        readinessSummaryInput.parse(input),
        { host: 'test', clientId: 't' } as never,
      ),
    )

  /** The same figures counted in JS from the records written, not by SQL. */
  const countBy = <K>(rows: readonly DeviceRecord[], key: (d: DeviceRecord) => K) => {
    const map = new Map<K, number>()
    for (const d of rows) map.set(key(d), (map.get(key(d)) ?? 0) + 1)
    return map
  }

  it('counts devices by verdict, and by enrollment kind and platform', () => {
    const s = summary()
    expect(s.devices.total).toBe(3000)
    const verdicts = countBy(devices, (d) => d.verdict)
    for (const v of s.devices.byVerdict) expect(v.count, v.verdict).toBe(verdicts.get(v.verdict) ?? 0)
    expect(s.devices.byVerdict.map((v) => v.verdict)).toEqual(['eligible', 'ineligible', 'undetermined'])
    const pairs = countBy(devices, (d) => `${d.enrollment_kind}|${d.operating_system}`)
    expect(s.devices.byKindPlatform).toHaveLength(pairs.size)
    for (const p of s.devices.byKindPlatform)
      expect(p.count).toBe(pairs.get(`${p.enrollmentKind}|${p.platform}`))
    // Largest first.
    const counts = s.devices.byKindPlatform.map((p) => p.count)
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
    expect(s.lastSyncAt).toBe('2026-12-02T09:00:00.000Z')
  })

  it('counts eligible devices with no check-in for 7+ days (never included), by kind', () => {
    const s = summary()
    const cutoff = NOW - 7 * DAY
    const stale = devices.filter((d) => d.verdict === 'eligible' && (d.last_sync_ms ?? 0) < cutoff)
    expect(stale.length).toBeGreaterThan(0)
    expect(s.devices.stale.days).toBe(7)
    expect(s.devices.stale.total).toBe(stale.length)
    const byKind = countBy(stale, (d) => d.enrollment_kind)
    expect(new Map(s.devices.stale.byKind.map((k) => [k.enrollmentKind, k.count]))).toEqual(byKind)
  })

  it('counts actions per day by outcome, every day of the range present', () => {
    const s = summary()
    expect(s.actions.bucket).toBe('day')
    expect(s.actions.overTime).toHaveLength(30)
    const day = (ago: number) =>
      s.actions.overTime.find((b) => b.start === iso(NOW - ago * DAY).slice(0, 10))!
    expect(day(0)).toEqual({
      start: '2026-12-02',
      from: '2026-12-02T00:00:00.000Z',
      to: '2026-12-03T00:00:00.000Z',
      succeeded: 0,
      failed: 0,
      notSent: 0,
      canceled: 0,
      pending: 1,
    })
    expect(day(1)).toMatchObject({ succeeded: 1, failed: 1, notSent: 1 })
    expect(day(3)).toMatchObject({ succeeded: 2 })
    expect(day(5)).toMatchObject({ failed: 1 }) // notSupported folds into failed
    expect(day(6)).toMatchObject({ canceled: 1 })
    const total = s.actions.overTime.reduce(
      (n, b) => n + b.succeeded + b.failed + b.notSent + b.canceled + b.pending,
      0,
    )
    expect(total).toBe(11) // the two 60-day-old actions are outside
    // A year by month sees them.
    const year = summary({ rangeDays: 365 })
    expect(year.actions.bucket).toBe('month')
    const yearTotal = year.actions.overTime.reduce(
      (n, b) => n + b.succeeded + b.failed + b.pending + b.notSent + b.canceled,
      0,
    )
    expect(yearTotal).toBe(13)
  })

  it('groups earlier failures by reason with distinct devices', () => {
    expect(summary().actions.failures).toEqual([
      { state: 'failed', failureCode: null, intuneErrorCode: -2016345060, actions: 3, devices: 2 },
      { state: 'notSent', failureCode: 'GRAPH_FORBIDDEN', intuneErrorCode: null, actions: 1, devices: 1 },
      { state: 'notSupported', failureCode: null, intuneErrorCode: null, actions: 1, devices: 1 },
    ])
  })

  it('counts failures within both ends of the range, as History opens them', () => {
    const q = createReadinessQueries(db)
    const all = q.failures(iso(NOW - 30 * DAY), iso(NOW + DAY))
    expect(all.reduce((n, r) => n + r.actions, 0)).toBe(5)
    // Up to 1.5 days ago: a7 (4 days), a6 (2 days) and a9 (5 days); a5 and a8 (1 day) are after.
    const earlier = q.failures(iso(NOW - 30 * DAY), iso(NOW - 1.5 * DAY))
    expect(earlier.map((r) => [r.state, r.actions])).toEqual([
      ['failed', 2],
      ['notSupported', 1],
    ])
  })

  it('takes the median time to completion of succeeded actions, overall and per action', () => {
    const c = summary().actions.completion
    // 30 s, 60 s, 180 s, 600 s → (60 + 180) / 2 s.
    expect(c.count).toBe(4)
    expect(c.medianMs).toBeCloseTo(120_000, -1)
    expect(c.byAction).toHaveLength(2)
    expect(c.byAction[0]).toMatchObject({ action: 'removePasscode', count: 1 })
    expect(c.byAction[0]!.medianMs).toBeCloseTo(30_000, -1)
    expect(c.byAction[1]).toMatchObject({ action: 'resetPasscode', count: 3 })
    expect(c.byAction[1]!.medianMs).toBeCloseTo(180_000, -1)
  })

  it('an empty history gives empty figures, not errors', () => {
    const empty = openDatabase(':memory:')
    const s = readinessSummary.parse(
      createReadinessModule({ database: () => empty, now: () => NOW }).handlers['readiness:summary'](
        readinessSummaryInput.parse({}),
        { host: 'test', clientId: 't' } as never,
      ),
    )
    expect(s.devices.total).toBe(0)
    expect(s.devices.byVerdict.every((v) => v.count === 0)).toBe(true)
    expect(s.actions.completion).toEqual({ medianMs: null, count: 0, byAction: [] })
    expect(s.actions.failures).toEqual([])
    expect(s.lastSyncAt).toBeNull()
    empty.close()
  })

  describe('query plans (EXPLAIN QUERY PLAN)', () => {
    const plans = () => {
      const trace: { sql: string; params: unknown[] }[] = []
      const q = createReadinessQueries(db, trace)
      q.deviceGroups(NOW - 7 * DAY)
      q.deviceGroupsScan(NOW - 7 * DAY)
      q.overTime([
        ['2026-11-23', '2026-11-22T23:00:00.000Z', '2026-11-29T23:00:00.000Z'],
        ['2026-11-30', '2026-11-29T23:00:00.000Z', '2026-12-06T23:00:00.000Z'],
      ])
      q.failures(iso(NOW - 30 * DAY), iso(NOW + DAY))
      q.completion(iso(NOW - 30 * DAY))
      return trace.map(({ sql, params }) =>
        (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
          .map((r) => r.detail)
          .join(' | '),
      )
    }
    const platformIndex = () =>
      db
        .prepare("SELECT name FROM sqlite_master WHERE name LIKE 'devices_%_platform'")
        .pluck()
        .get() as string
    // A scan of a table itself (not of one of its indexes).
    const tableScan = /\bSCAN (devices|actions)\b(?! USING (COVERING )?INDEX)/

    const checkInIndex = () =>
      db
        .prepare("SELECT name FROM sqlite_master WHERE name LIKE 'devices_%_checkins'")
        .pluck()
        .get() as string
    const lastSyncIndex = () =>
      db
        .prepare("SELECT name FROM sqlite_master WHERE name LIKE 'devices_%_lastsync'")
        .pluck()
        .get() as string

    it('device figures read the check-in counts in group order, and split the cutoff day the cheaper way', () => {
      const [groups, cutDay] = plans()
      // Every group row from the covering index, no sort, no device row.
      expect(groups).toBe(`SCAN devices_checkins USING COVERING INDEX ${checkInIndex()}`)
      const explain = (sql: string) =>
        (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(NOW - 8 * DAY, NOW - 7 * DAY) as { detail: string }[])
          .map((r) => r.detail)
          .join(' | ')
      // A day of few devices: a range of the check-in index (its few rows are then grouped).
      expect(explain(SQL.checkInCutDay)).toMatch(
        new RegExp(
          `^SEARCH devices USING INDEX ${lastSyncIndex()} \\(last_sync_ms>\\? AND last_sync_ms<\\?\\)`,
        ),
      )
      // A day of many: one covering scan in group order, no device row read, no sort.
      expect(explain(SQL.checkInCutDayScan)).toBe(`SCAN devices USING COVERING INDEX ${platformIndex()}`)
      // This cache is small and its cutoff day holds more than a thirtieth of it: the scan is chosen.
      const trace: { sql: string; params: unknown[] }[] = []
      const q = createReadinessQueries(db, trace)
      const figures = q.deviceGroups(NOW - 7 * DAY)
      expect(trace.map((t) => t.sql)).toEqual([SQL.checkInGroups, SQL.checkInCutDayScan])
      expect(cutDay).toBe(`SCAN devices USING COVERING INDEX ${platformIndex()}`)
      // The figures equal the reference scan's, and the split day's devices are counted as stale.
      expect(figures).toEqual(q.deviceGroupsScan(NOW - 7 * DAY))
      const staleAtDayStart = q.deviceGroups(Math.floor((NOW - 7 * DAY) / DAY) * DAY)
      expect(figures.reduce((n, g) => n + g.stale, 0)).toBeGreaterThan(
        staleAtDayStart.reduce((n, g) => n + g.stale, 0),
      )
    })

    it('the reference scan is one covering index scan in group order: no row read, no sort', () => {
      const [, , scan] = plans()
      expect(scan).toBe(`SCAN devices USING COVERING INDEX ${platformIndex()}`)
    })

    it('action figures read a range of the history indexes, never the whole table', () => {
      const [, , , overTime, failures, completion] = plans()
      // One covering range per bucket; no action row read.
      expect(overTime).toMatch(
        /SEARCH a USING COVERING INDEX actions_by_time_state \(requested_at>\? AND requested_at<\?\)/,
      )
      expect(failures).toMatch(
        /SEARCH actions USING COVERING INDEX actions_outcomes \(state=\? AND requested_at>\? AND requested_at<\?\)/,
      )
      expect(completion).toMatch(
        /SEARCH actions USING COVERING INDEX actions_outcomes \(state=\? AND requested_at>\?\)/,
      )
      for (const plan of [overTime, failures, completion]) expect(plan).not.toMatch(tableScan)
    })
  })
})

describe('readiness:summary reads the live cache on every call', () => {
  it('a row written without a sync (devices:refresh style) shows at once; so does a sync', () => {
    const tmp = tempDir()
    const db = openDatabase(tmp.file)
    const load = (n: number) => {
      const snapshot = beginSnapshot(db)
      snapshot.addPage(records(selectedDevices(n), iso(NOW)))
      snapshot.commit()
    }
    load(40)
    const module = createReadinessModule({ database: () => db, now: () => NOW })
    const total = () =>
      readinessSummary.parse(
        module.handlers['readiness:summary'](readinessSummaryInput.parse({}), {
          host: 'test',
          clientId: 't',
        } as never),
      ).devices.total
    expect(total()).toBe(40)
    db.prepare('DELETE FROM devices WHERE pk = (SELECT min(pk) FROM devices)').run()
    expect(total()).toBe(39)
    load(25)
    expect(total()).toBe(25)
    db.close()
    tmp.cleanup()
  })
})
