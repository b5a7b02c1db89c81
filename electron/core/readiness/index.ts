import type { Handlers } from '../router'
import type { Db } from '../store/db'
import { createSyncMetaRepository } from '../store/sync-meta'
import { createReadinessQueries, type DeviceGroupRow, type ReadinessQueries } from './queries'
import { buildSummary } from './summary'

export { buildSummary, outcomeOf } from './summary'

/**
 * The device figures (one pass over every device: tests/bench/readiness.bench.ts) are kept while
 * the cache is the same snapshot — same schema version (a sync swaps tables) and same last sync —
 * for at most this long, which bounds how stale a device refreshed alone (devices:refresh) or the
 * 7-day cutoff can be. The view asks again on every action change; those need no new pass.
 */
export const DEVICE_FIGURES_TTL_MS = 30_000

export interface ReadinessDeps {
  /** The active profile's database: its device cache and its action history (works offline). */
  readonly database: () => Db
  readonly now?: () => number
}

export interface ReadinessModule {
  readonly handlers: Handlers<'readiness:summary'>
  dispose(): void
}

/**
 * Fleet readiness (DESIGN §1 "see the fleet"): `readiness:summary` answers from SQLite aggregate
 * queries over the cache and the history; nothing here calls Graph. Prepared statements belong to
 * one database, so they are kept per database (a profile switch opens another one).
 */
export function createReadinessModule(deps: ReadinessDeps): ReadinessModule {
  const now = deps.now ?? Date.now
  let current: { db: Db; queries: ReadinessQueries } | null = null
  let kept: { db: Db; key: string; at: number; groups: DeviceGroupRow[] } | null = null
  const queriesFor = (db: Db, nowMs: number, lastSyncAt: string | null): ReadinessQueries => {
    if (current?.db !== db) current = { db, queries: createReadinessQueries(db) }
    const queries = current.queries
    const key = `${String(db.pragma('schema_version', { simple: true }))}|${lastSyncAt}`
    return {
      ...queries,
      deviceGroups(olderThanMs) {
        if (kept?.db !== db || kept.key !== key || nowMs - kept.at >= DEVICE_FIGURES_TTL_MS)
          kept = { db, key, at: nowMs, groups: queries.deviceGroups(olderThanMs) }
        return kept.groups
      },
    }
  }
  return {
    handlers: {
      'readiness:summary': ({ rangeDays, utcOffsetMinutes }) => {
        const db = deps.database()
        // One read transaction: every figure describes the same snapshot, even while a sync commits.
        return db.transaction(() => {
          const nowMs = now()
          const lastSyncAt = createSyncMetaRepository(db).read().lastSuccessAt
          return buildSummary({
            queries: queriesFor(db, nowMs, lastSyncAt),
            nowMs,
            rangeDays,
            utcOffsetMinutes,
            lastSyncAt,
          })
        })()
      },
    },
    dispose() {
      current = null
      kept = null
    },
  }
}
