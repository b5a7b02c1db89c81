import { randomBytes } from 'node:crypto'
import type Database from 'better-sqlite3'
import {
  deviceIndexStatements,
  createCheckInTriggers,
  createDeviceTables,
  DEVICE_TABLES,
  dropDeviceTables,
  FACET_COLUMN,
  fillCheckIns,
  FTS_COLUMNS,
} from './device-tables'
import { facetTextSql } from './device-facets'
import { ftsValues, identifierText, type DeviceRecord } from './device-record'
import { ROW_COLUMNS } from './device-writer'

export interface SnapshotCommit {
  /** Devices in the cache after the swap. */
  readonly devices: number
  /** Devices that were cached and are gone from Intune. */
  readonly removed: number
}

export interface SnapshotBuilder {
  /** True when the builder kept an interrupted sync's staged rows (beginSnapshot's `resume`). */
  readonly resumed: boolean
  /**
   * Adds one page of devices to the staging table, in its own transaction; `inSameTransaction`
   * runs inside it (the pass's resume point, so the page and the point saying it is staged are
   * written together).
   */
  addPage(records: readonly DeviceRecord[], inSameTransaction?: () => void): void
  readonly staged: number
  /**
   * Builds the new table set in small transactions, awaiting `pause` between them so that searches
   * keep being answered on the core thread while a large snapshot is built (optional: `commit`
   * finishes whatever is left). `pause` may throw to cancel.
   */
  prepare(pause: () => Promise<void>): Promise<void>
  /** One build step of `prepare` (its own transaction); true once the new set is complete. */
  step(): boolean
  /**
   * Builds the new table set and swaps it in for the live one; `inSameTransaction` runs inside the
   * swap transaction (e.g. recording the sync's success, so both happen or neither).
   */
  commit(inSameTransaction?: () => void): SnapshotCommit
  /** Drops the staging tables; the live snapshot was never touched. */
  abort(): void
}

const STAGE = 'devices_stage'
/** The word-index text of the phone column and the identifier text, computed in JS while staging. */
const STAGE_EXTRA = ['raw', 'fts_phone', 'ids_text'] as const
const PHONE_COLUMN = FTS_COLUMNS.indexOf('phone_number')

function dropStaging(db: Database.Database): void {
  db.exec(`DROP TABLE IF EXISTS ${STAGE}`)
  dropDeviceTables(db, '_next')
}

/**
 * Atomic snapshot replacement (DESIGN §3 "SQLite", §5). A sync stages every device in a plain table, page by page
 * (each page committed, so memory stays flat and a killed process loses only staging rows), then
 * builds a complete new table set beside the live one and swaps it in with renames in one
 * transaction. Searches read the live set throughout. A failed, cancelled or killed sync leaves the
 * live set untouched; a later sync either resumes from its staged pages (`resume`, sync/full-pass.ts)
 * or drops them.
 *
 * The new set is written in name order, so row keys (and the FTS rowids) follow device names: a
 * broad search can then read FTS hits in rowid order and stop after one page (devices/search.ts).
 * Bulk-loading the FTS tables in rowid order from SQL, and creating the secondary indexes after
 * the load, is also much cheaper than maintaining them row by row.
 */
export function beginSnapshot(db: Database.Database, options: { resume?: boolean } = {}): SnapshotBuilder {
  const tag = randomBytes(6).toString('hex')
  const resumed = options.resume === true && canResumeStaging(db)
  db.transaction(() => {
    if (resumed) {
      // Keep the staged pages of the interrupted sync; only its half-built table set goes.
      dropDeviceTables(db, '_next')
      db.exec(`DROP INDEX IF EXISTS ${STAGE}_order`)
      return
    }
    dropStaging(db)
    db.exec(
      `CREATE TABLE ${STAGE} (${ROW_COLUMNS.map((c) => (c === 'id' ? 'id TEXT PRIMARY KEY' : c)).join(', ')}, ${STAGE_EXTRA.join(', ')})`,
    )
  })()
  // OR REPLACE: Graph may repeat a device across pages when the collection changes while paging.
  const insert = db.prepare(
    `INSERT OR REPLACE INTO ${STAGE} (${[...ROW_COLUMNS, ...STAGE_EXTRA].join(', ')})
     VALUES (${[...ROW_COLUMNS, ...STAGE_EXTRA].map(() => '?').join(', ')})`,
  )
  const addAll = db.transaction((records: readonly DeviceRecord[], inSameTransaction?: () => void) => {
    for (const record of records) {
      insert.run([
        ...ROW_COLUMNS.map((c) => record[c]),
        record.raw,
        ftsValues(record)[PHONE_COLUMN],
        identifierText(record),
      ])
    }
    inSameTransaction?.()
  })
  let staged = resumed ? (db.prepare(`SELECT count(*) FROM ${STAGE}`).pluck().get() as number) : 0
  let done = false

  /** Rows per build step: a few tens of milliseconds of work each. */
  const CHUNK = 5000
  function* build(): Generator<void, void, void> {
    createDeviceTables(db, '_next', tag, { secondaryIndexes: false })
    // Read in name order through an index: sorting whole rows would hold them all in memory.
    db.exec(`CREATE INDEX ${STAGE}_order ON ${STAGE} (name_key, id)`)
    yield
    const columns = ROW_COLUMNS.join(', ')
    const first = db.prepare(
      `INSERT INTO devices_next (${columns}) SELECT ${columns} FROM ${STAGE} ORDER BY name_key, id LIMIT ?`,
    )
    const after = db.prepare(
      `INSERT INTO devices_next (${columns}) SELECT ${columns} FROM ${STAGE}
       WHERE (name_key, id) > (?, ?) ORDER BY name_key, id LIMIT ?`,
    )
    const lastKey = db.prepare('SELECT name_key, id FROM devices_next ORDER BY pk DESC LIMIT 1').raw()
    let key: unknown[] | undefined
    for (;;) {
      const copied = key === undefined ? first.run(CHUNK) : after.run(key[0], key[1], CHUNK)
      key = lastKey.get() as unknown[] | undefined
      if (copied.changes < CHUNK) break
      yield
    }
    yield
    const ftsSource = FTS_COLUMNS.map((c) => (c === 'phone_number' ? 's.fts_phone' : `n.${c}`)).join(', ')
    const loads = [
      db.prepare(`INSERT INTO devices_raw_next (pk, raw)
        SELECT n.pk, s.raw FROM devices_next n JOIN ${STAGE} s ON s.id = n.id
        WHERE n.pk > ? AND n.pk <= ? ORDER BY n.pk`),
      db.prepare(`INSERT INTO devices_fts_next (rowid, ${FTS_COLUMNS.join(', ')}, ${FACET_COLUMN})
        SELECT n.pk, ${ftsSource}, ${facetTextSql('n')} FROM devices_next n JOIN ${STAGE} s ON s.id = n.id
        WHERE n.pk > ? AND n.pk <= ? ORDER BY n.pk`),
      db.prepare(`INSERT INTO devices_ids_next (rowid, ids)
        SELECT n.pk, s.ids_text FROM devices_next n JOIN ${STAGE} s ON s.id = n.id
        WHERE n.pk > ? AND n.pk <= ? AND s.ids_text <> '' ORDER BY n.pk`),
    ]
    const maxPk = (db.prepare('SELECT max(pk) FROM devices_next').pluck().get() as number | null) ?? 0
    for (let low = 0; low < maxPk; low += CHUNK) {
      for (const load of loads) load.run(low, low + CHUNK)
      yield
    }
    for (const statement of deviceIndexStatements('_next', tag)) {
      db.exec(statement)
      yield
    }
    fillCheckIns(db, '_next')
    yield
    db.exec(`DROP TABLE ${STAGE}`)
  }
  let steps: Generator<void, void, void> | null = null
  // Each step in its own transaction: the new set stays invisible until the swap either way.
  const step = db.transaction(() => (steps ??= build()).next().done === true)

  return {
    addPage(records, inSameTransaction) {
      if (done) throw new Error('snapshot already finished')
      addAll(records, inSameTransaction)
      staged += records.length
    },
    get staged() {
      return staged
    },
    resumed,
    async prepare(pause) {
      if (done) throw new Error('snapshot already finished')
      while (!step()) await pause()
    },
    step() {
      if (done) throw new Error('snapshot already finished')
      return step()
    },
    commit(inSameTransaction) {
      if (done) throw new Error('snapshot already finished')
      // Still invisible to readers: only the swap below publishes the new set.
      while (!step()) {
        // finish the build synchronously when prepare() was not awaited
      }
      const result = db
        .transaction((): SnapshotCommit => {
          const removed = db
            .prepare('SELECT count(*) FROM devices WHERE id NOT IN (SELECT id FROM devices_next)')
            .pluck()
            .get() as number
          dropDeviceTables(db, '')
          for (const table of DEVICE_TABLES) db.exec(`ALTER TABLE ${table}_next RENAME TO ${table}`)
          // Later writes to the live set (incremental pass, refresh) keep the check-in counts.
          createCheckInTriggers(db)
          inSameTransaction?.()
          const devices = db.prepare('SELECT count(*) FROM devices').pluck().get() as number
          return { devices, removed }
        })
        .immediate()
      done = true
      return result
    },
    abort() {
      if (done) return
      done = true
      db.transaction(() => dropStaging(db))()
    },
  }
}

/**
 * Whether an earlier sync's staging table is there with exactly this version's columns (an app
 * update may have changed them; then the sync starts clean).
 */
function canResumeStaging(db: Database.Database): boolean {
  const columns = (db.prepare(`PRAGMA table_info(${STAGE})`).all() as { name: string }[]).map((c) => c.name)
  const expected = [...ROW_COLUMNS, ...STAGE_EXTRA]
  return columns.length === expected.length && expected.every((c, i) => columns[i] === c)
}

/** Drops staging tables a crashed or killed sync left behind (they are never read). */
export function discardStaleSnapshot(db: Database.Database): void {
  db.transaction(() => dropStaging(db))()
}
