import type { Statement } from 'better-sqlite3'
import type { Db } from '../store/db'
import { FAILURE_REASON_STATES } from '@shared/api/schemas/history'
import { CHECK_IN_DAY_MS } from '../store/device-tables'

/**
 * The SQLite aggregate queries behind the Readiness view (DESIGN §5: under 200 ms at 200,000
 * devices). Device figures are sums over `devices_checkins` (counts per kind, OS, verdict and
 * check-in day, kept by the sync and triggers: store/device-tables.ts), O(groups) rows, plus the
 * devices of the one day the 7-day cutoff splits (a range of the check-in index, or a covering scan
 * when that day holds many devices): equal to a scan of
 * every device (`deviceGroupsScan`, kept as the tests' and the bench's reference). Action
 * figures read ranges of the covering history indexes of migration 0100: an action row carries
 * kilobytes of JSON, so reading rows cost more than everything else (measured 9 ms for 1,900 done
 * actions, under load). Bound
 * parameters only; the statement text never varies with values. EXPLAIN QUERY PLAN tests:
 * tests/unit/electron/core/readiness/queries.test.ts.
 */

/** A device row read through the check-in index costs about this many covering index entries. */
const CUT_DAY_ROW_COST = 30

export interface DeviceGroupRow {
  readonly kind: string
  readonly platform: string | null
  readonly verdict: string
  readonly n: number
  /** Devices of the group whose last check-in is older than the cutoff (or never). */
  readonly stale: number
}

export const SQL = {
  // Counts per (kind, OS, verdict) from the check-in day counts, in group order of their index (no
  // sort); `stale` sums the days wholly before the cutoff's day.
  // `cut` counts the cutoff's own day, to choose how to split it (below).
  checkInGroups: `SELECT enrollment_kind AS kind, operating_system AS platform, verdict, sum(n) AS n,
      sum(CASE WHEN day < ? THEN n ELSE 0 END) AS stale, sum(CASE WHEN day = ? THEN n ELSE 0 END) AS cut
    FROM devices_checkins GROUP BY enrollment_kind, operating_system, verdict`,
  // The devices of the cutoff's own day checked in before the cutoff: [day start, cutoff) of the
  // check-in index (the day start is after 1970, so never-checked-in rows, day 0, are not in it).
  checkInCutDay: `SELECT enrollment_kind AS kind, operating_system AS platform, verdict, count(*) AS n
    FROM devices WHERE last_sync_ms >= ? AND last_sync_ms < ?
    GROUP BY enrollment_kind, operating_system, verdict`,
  // The same split when that day holds many devices: the check-in index reads a device row per device
  // of the day (~4.7 µs each at 200,000, measured: 139 ms for a day of 29,604), while a covering scan
  // of the `platform` index (last_sync_ms is its fourth column) reads no row (~0.16 µs per device,
  // 33 ms). `+last_sync_ms` keeps the planner off the check-in index.
  checkInCutDayScan: `SELECT enrollment_kind AS kind, operating_system AS platform, verdict, count(*) AS n
    FROM devices WHERE +last_sync_ms >= ? AND +last_sync_ms < ?
    GROUP BY enrollment_kind, operating_system, verdict`,
  // The reference: every device figure from one covering scan of the `platform` index in group order (no row
  // read, no sort): counts per (kind, OS, verdict), and how many of them have not checked in
  // before the cutoff — never checked in counts as stale, as in devices:search's check-in filter
  // (search-sql.ts). Three separate scans (verdict, kind × OS, stale) took 1.4–4× as long
  // (tests/bench/readiness.bench.ts).
  deviceGroupsScan: `SELECT enrollment_kind AS kind, operating_system AS platform, verdict, count(*) AS n,
      sum(ifnull(last_sync_ms, 0) < ?) AS stale
    FROM devices GROUP BY enrollment_kind, operating_system, verdict`,
  // One row per bucket and state: the buckets' UTC bounds (buckets.ts) come as one JSON parameter,
  // each a range of the covering (requested_at, state) index — no date function per action.
  overTime: `WITH b AS (
      SELECT value ->> '$[0]' AS start, value ->> '$[1]' AS lo, value ->> '$[2]' AS hi FROM json_each(?)
    )
    SELECT b.start AS start, a.state AS state, count(*) AS n
    FROM b JOIN actions a ON a.requested_at >= b.lo AND a.requested_at < b.hi
    GROUP BY b.start, a.state`,
  failures: `SELECT state, failure_code, intune_error_code, count(*) AS actions,
      count(DISTINCT device_id) AS devices
    FROM actions WHERE state IN (${FAILURE_REASON_STATES.map((s) => `'${s}'`).join(', ')})
      AND requested_at >= ? AND requested_at < ?
    GROUP BY state, failure_code, intune_error_code ORDER BY actions DESC, state, failure_code, intune_error_code`,
  // Median per action kind and over all ('*'): the middle row (or the two middle rows' mean) of
  // each group's durations; a clock step backwards cannot give a negative duration.
  completion: `WITH d AS (
      SELECT action, max(0, (julianday(completed_at) - julianday(sent_at)) * 86400000.0) AS ms
      FROM actions
      WHERE state = 'done' AND requested_at >= ? AND sent_at IS NOT NULL AND completed_at IS NOT NULL
    ), g AS (
      SELECT '*' AS grp, ms FROM d UNION ALL SELECT action AS grp, ms FROM d
    ), r AS (
      SELECT grp, ms, row_number() OVER (PARTITION BY grp ORDER BY ms) AS i,
        count(*) OVER (PARTITION BY grp) AS n
      FROM g
    )
    SELECT grp, avg(ms) AS median, max(n) AS n FROM r WHERE i IN ((n + 1) / 2, (n + 2) / 2) GROUP BY grp`,
} as const

export interface FailureRow {
  readonly state: string
  readonly failure_code: string | null
  readonly intune_error_code: number | null
  readonly actions: number
  readonly devices: number
}

export interface ReadinessQueries {
  /** Device counts per (kind, OS, verdict), from the check-in day counts. */
  deviceGroups(olderThanMs: number): DeviceGroupRow[]
  /** The same figures by a scan of every device: the reference the counts must equal. */
  deviceGroupsScan(olderThanMs: number): DeviceGroupRow[]
  /** `buckets`: [local first day, UTC from, UTC to) per bucket (buckets.ts). */
  overTime(
    buckets: readonly (readonly [string, string, string])[],
  ): { start: string; state: string; n: number }[]
  /** Both ends, as History's reason filter applies them (the range a failure bar opens). */
  failures(fromIso: string, toIso: string): FailureRow[]
  completion(fromIso: string): { grp: string; median: number; n: number }[]
  /** Every statement run, for EXPLAIN QUERY PLAN tests. */
  readonly trace?: { sql: string; params: unknown[] }[]
}

export function createReadinessQueries(
  db: Db,
  trace?: { sql: string; params: unknown[] }[],
): ReadinessQueries {
  const statements = new Map<string, Statement<unknown[]>>()
  const all = <T>(sql: string, params: unknown[]): T[] => {
    trace?.push({ sql, params })
    let statement = statements.get(sql)
    if (!statement) {
      statement = db.prepare(sql)
      statements.set(sql, statement)
    }
    return statement.all(...params) as T[]
  }
  return {
    deviceGroups(olderThanMs) {
      const cutDay = Math.floor(olderThanMs / CHECK_IN_DAY_MS)
      const counted = all<DeviceGroupRow & { cut: number }>(SQL.checkInGroups, [cutDay, cutDay])
      const groups = counted.map(({ cut: _cut, ...group }) => group)
      const dayStart = cutDay * CHECK_IN_DAY_MS
      const inCutDay = counted.reduce((sum, g) => sum + g.cut, 0)
      if (dayStart === olderThanMs || inCutDay === 0) return groups
      // Row lookups cost ~30× a covering index entry (SQL.checkInCutDayScan): scan when cheaper.
      const total = counted.reduce((sum, g) => sum + g.n, 0)
      const cutSql = inCutDay * CUT_DAY_ROW_COST > total ? SQL.checkInCutDayScan : SQL.checkInCutDay
      const key = (g: { kind: string; platform: string | null; verdict: string }) =>
        `${g.kind}\u0000${g.platform === null ? '\u0001' : g.platform}\u0000${g.verdict}`
      const cut = new Map(
        all<{ kind: string; platform: string | null; verdict: string; n: number }>(cutSql, [
          dayStart,
          olderThanMs,
        ]).map((r) => [key(r), r.n]),
      )
      return cut.size === 0 ? groups : groups.map((g) => ({ ...g, stale: g.stale + (cut.get(key(g)) ?? 0) }))
    },
    deviceGroupsScan: (olderThanMs) => all(SQL.deviceGroupsScan, [olderThanMs]),
    overTime: (buckets) => all(SQL.overTime, [JSON.stringify(buckets)]),
    failures: (fromIso, toIso) => all(SQL.failures, [fromIso, toIso]),
    completion: (fromIso) => all(SQL.completion, [fromIso]),
    trace,
  }
}
