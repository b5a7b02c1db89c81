// Managed HistoryRetentionDays on a REAL SQLite file (the app's migrations, the app's repository):
// finished actions older than the retention go, with their transitions; recent ones and ones still
// being followed stay; pruning runs at start, on a profile switch and then daily.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ActionState } from '@shared/api/schemas/actions'
import { createActionRepository } from '../../../../../electron/core/actions/repository'
import { createLogger } from '../../../../../electron/core/log'
import {
  DAY_MS,
  pruneHistory,
  startHistoryRetention,
} from '../../../../../electron/core/policy/history-retention'
import { openDatabase, type Db } from '../../../../../electron/core/store/db'
import { sampleRecord } from '../history/fixtures'

const NOW = Date.parse('2026-12-02T09:00:00.000Z')
const dirs: string[] = []
const dbs: Db[] = []
afterEach(() => {
  vi.useRealTimers()
  for (const db of dbs.splice(0)) if (db.open) db.close()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function database(rows: { id: string; ageDays: number; state: ActionState }[]) {
  const dir = mkdtempSync(join(tmpdir(), 'pd-retention-'))
  dirs.push(dir)
  const db = openDatabase(join(dir, 'cache.db'))
  dbs.push(db)
  const repo = createActionRepository(db)
  for (const row of rows) {
    const at = new Date(NOW - row.ageDays * DAY_MS).toISOString()
    repo.insert({
      ...sampleRecord(),
      id: row.id,
      idempotencyKey: `key-${row.id}-xxxxx`,
      profileId: 'demo',
      baselineStart: null,
      requestedAt: at,
    })
    if (row.state !== 'sending') repo.transition(row.id, { state: row.state, at })
  }
  return db
}
const ids = (db: Db) =>
  (db.prepare('SELECT id FROM actions ORDER BY id').all() as { id: string }[]).map((r) => r.id)
const transitionsOf = (db: Db, id: string) =>
  (db.prepare('SELECT count(*) AS n FROM action_transitions WHERE action_id = ?').get(id) as { n: number }).n

describe('history retention', () => {
  it('deletes finished actions older than the retention, with their transitions, and nothing else', () => {
    const db = database([
      { id: 'old-done', ageDays: 91, state: 'done' },
      { id: 'old-failed', ageDays: 400, state: 'failed' },
      { id: 'old-not-sent', ageDays: 95, state: 'notSent' },
      { id: 'old-pending', ageDays: 120, state: 'pending' }, // still followed: kept
      { id: 'old-sending', ageDays: 120, state: 'sending' }, // crash mid-POST: checked at start, kept
      { id: 'edge', ageDays: 89.9, state: 'done' },
      { id: 'recent', ageDays: 1, state: 'done' },
    ])
    expect(transitionsOf(db, 'old-done')).toBeGreaterThan(0)
    expect(pruneHistory(db, 90, NOW)).toBe(3)
    expect(ids(db)).toEqual(['edge', 'old-pending', 'old-sending', 'recent'])
    expect(transitionsOf(db, 'old-done')).toBe(0)
    expect(pruneHistory(db, 90, NOW)).toBe(0)
  })

  it('runs at start, again on a profile switch, then once a day; not at all when unmanaged', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const first = database([
      { id: 'a', ageDays: 40, state: 'done' },
      { id: 'b', ageDays: 29, state: 'done' },
    ])
    const second = database([{ id: 'c', ageDays: 31, state: 'canceled' }])
    let active = first
    let now = NOW
    const listeners: (() => void)[] = []
    const retention = startHistoryRetention({
      days: 30,
      database: () => active,
      onProfileChange: (listener) => {
        listeners.push(listener)
        return () => listeners.splice(listeners.indexOf(listener), 1)
      },
      log: createLogger({}),
      now: () => now,
    })
    expect(ids(first)).toEqual(['b']) // at start
    active = second
    for (const listener of listeners) listener()
    expect(ids(second)).toEqual([]) // the newly active profile's database
    active = first
    now += 2 * DAY_MS // 'b' is now 31 days old
    vi.advanceTimersByTime(DAY_MS)
    expect(ids(first)).toEqual([])
    retention.dispose()
    expect(listeners).toEqual([])

    const kept = database([{ id: 'ancient', ageDays: 3000, state: 'done' }])
    startHistoryRetention({ days: undefined, database: () => kept, log: createLogger({}) }).dispose()
    expect(ids(kept)).toEqual(['ancient'])
  })

  it('a database that cannot be pruned is logged and the app goes on', () => {
    const lines: string[] = []
    const log = createLogger({})
    const spy = vi.spyOn(log, 'warn').mockImplementation((event) => void lines.push(event))
    const retention = startHistoryRetention({
      days: 30,
      database: () => {
        throw new Error('no session yet')
      },
      log,
    })
    expect(retention.run()).toBe(0)
    expect(lines).toEqual(['history.retention-failed', 'history.retention-failed'])
    retention.dispose()
    spy.mockRestore()
  })
})
