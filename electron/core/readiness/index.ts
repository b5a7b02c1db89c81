import type { Handlers } from '../router'
import type { Db } from '../store/db'
import { createSyncMetaRepository } from '../store/sync-meta'
import { createReadinessQueries, type ReadinessQueries } from './queries'
import { buildSummary } from './summary'

export { buildSummary, outcomeOf } from './summary'

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
  // Nothing kept between calls: the device figures read O(groups) rows (queries.ts), so a device
  // refreshed alone or the moving 7-day cutoff shows at once.
  const queriesFor = (db: Db): ReadinessQueries => {
    if (current?.db !== db) current = { db, queries: createReadinessQueries(db) }
    return current.queries
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
            queries: queriesFor(db),
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
    },
  }
}
