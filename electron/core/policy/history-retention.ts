/**
 * History retention managed by the organisation (HistoryRetentionDays, DESIGN §3 "managed
 * settings"): actions requested longer ago than that are deleted from the active profile's
 * database when core starts, when another profile's database opens, and then once a day.
 *
 * Only finished actions go: one still being followed (`sending`, `pending`, `active`,
 * `unknownState`) is kept whatever its age, so the poller never loses a row it is about to
 * update. Their transitions go with them (`ON DELETE CASCADE`, migration 0020). Without the
 * policy nothing is ever deleted — the agent's history is theirs.
 */
import { FINAL_STATES } from '@shared/api/schemas/actions'
import type { Logger } from '../log'
import type { Db } from '../store/db'

export const DAY_MS = 24 * 60 * 60 * 1000

/** Deletes finished actions requested before `now − days`; returns how many went. */
export function pruneHistory(db: Db, days: number, now: number): number {
  const cutoff = new Date(now - days * DAY_MS).toISOString()
  const placeholders = FINAL_STATES.map(() => '?').join(', ')
  // Uses actions_by_time (requested_at): timestamps are ISO-8601 UTC, so text order is time order.
  const result = db
    .prepare(`DELETE FROM actions WHERE requested_at < ? AND state IN (${placeholders})`)
    .run(cutoff, ...FINAL_STATES)
  return result.changes
}

export interface HistoryRetentionOptions {
  /** The managed value; undefined = not managed = keep everything. */
  readonly days: number | undefined
  /** The active profile's database (opened on demand). */
  readonly database: () => Db
  /** Profile switches: the next profile's history is pruned as soon as it is active. */
  readonly onProfileChange?: (listener: () => void) => () => void
  readonly log: Logger
  readonly now?: () => number
  /** Default once a day. */
  readonly intervalMs?: number
}

export interface HistoryRetention {
  /** Prunes now (also what the timer does); 0 when retention is not managed or pruning failed. */
  run(): number
  dispose(): void
}

export function startHistoryRetention(options: HistoryRetentionOptions): HistoryRetention {
  const { days, log } = options
  if (days === undefined) return { run: () => 0, dispose: () => {} }
  const now = options.now ?? Date.now
  const run = () => {
    try {
      const deleted = pruneHistory(options.database(), days, now())
      if (deleted > 0) log.info('history.retention-pruned', { deleted, days })
      return deleted
    } catch (error) {
      // Never fatal: the next run tries again (e.g. the database was busy or not open yet).
      log.warn('history.retention-failed', { error })
      return 0
    }
  }
  run()
  const timer = setInterval(run, options.intervalMs ?? DAY_MS)
  timer.unref?.()
  const unsubscribe = options.onProfileChange?.(() => void run()) ?? (() => {})
  return {
    run,
    dispose() {
      clearInterval(timer)
      unsubscribe()
    },
  }
}
