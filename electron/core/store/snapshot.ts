import { randomBytes } from 'node:crypto'
import type Database from 'better-sqlite3'
import {
  deviceIndexStatements,
  createCheckInTriggers,
  createDeviceTables,
  createRawTable,
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
/**
 * The Graph JSON's table of the new set, filled while staging: each page's JSON is written once,
 * where the swap publishes it (its key is `raw_pk` of the device row), instead of staged and then
 * copied in name order. That copy was the build's costliest statement (2.0 of 8.4 s of statements
 * at 100,000 devices): the JSON is most of a device's bytes, read back in random order.
 */
const RAW = 'devices_raw_next'
/**
 * The word-index text of the phone column, the identifier text, and the key of the device's JSON
 * in RAW, all computed while staging.
 */
const STAGE_EXTRA = ['fts_phone', 'ids_text', 'raw_pk'] as const
const PHONE_COLUMN = FTS_COLUMNS.indexOf('phone_number')
/** Each extra column's value, by name: the insert follows STAGE_EXTRA's order whatever it is. */
const STAGE_EXTRA_VALUE = {
  fts_phone: (record) => ftsValues(record)[PHONE_COLUMN],
  ids_text: identifierText,
  raw_pk: (_record, rawPk) => rawPk,
} satisfies Record<(typeof STAGE_EXTRA)[number], (record: DeviceRecord, rawPk: number | bigint) => unknown>
const STAGE_COLUMNS = [...ROW_COLUMNS, ...STAGE_EXTRA]
/**
 * FTS5's pending-terms buffer while the new set's word indexes are loaded. At the default (1 MiB)
 * a build step's terms were flushed as several level-0 segments, each merged again later; 16 MiB
 * holds one step's terms, so a step writes one segment. `hashsize` is an FTS5 option the
 * documentation does not list (sqlite3.c, fts5ConfigSetValue): a build where SQLite refuses it
 * only goes slower. Set back to the default before the swap, so later small writes to the live
 * tables behave as before.
 */
const LOAD_HASH_BYTES = 16 * 1024 * 1024
const DEFAULT_HASH_BYTES = 1024 * 1024
const WORD_INDEXES = ['devices_fts_next', 'devices_ids_next'] as const

function dropStaging(db: Database.Database): void {
  db.exec(`DROP TABLE IF EXISTS ${STAGE}`)
  dropDeviceTables(db, '_next')
}

/** The tables of the new set built from the staging (RAW is filled while staging, kept on a resume). */
function dropBuiltTables(db: Database.Database): void {
  dropDeviceTables(db, '_next', { keepRaw: true })
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
      dropBuiltTables(db)
      db.exec(`DROP INDEX IF EXISTS ${STAGE}_order`)
      db.exec(`DROP INDEX IF EXISTS ${STAGE}_id`)
      return
    }
    dropStaging(db)
    // Append-only, no key: each page is written at the table's end. A unique id here cost a
    // random-order index insert per device (the ids are GUIDs) and made every later read of the
    // staging a lookup through it; repeats are resolved once by the build instead.
    db.exec(`CREATE TABLE ${STAGE} (${STAGE_COLUMNS.join(', ')})`)
    createRawTable(db, '_next')
  })()
  const insert = db.prepare(
    `INSERT INTO ${STAGE} (${STAGE_COLUMNS.join(', ')}) VALUES (${STAGE_COLUMNS.map(() => '?').join(', ')})`,
  )
  const insertRaw = db.prepare(`INSERT INTO ${RAW} (raw) VALUES (?)`)
  const addAll = db.transaction((records: readonly DeviceRecord[], inSameTransaction?: () => void) => {
    for (const record of records) {
      const rawPk = insertRaw.run(record.raw).lastInsertRowid
      insert.run([
        ...ROW_COLUMNS.map((c) => record[c]),
        ...STAGE_EXTRA.map((c) => STAGE_EXTRA_VALUE[c](record, rawPk)),
      ])
    }
    inSameTransaction?.()
  })
  // A page fetched again after a resume is staged again: count devices, not rows.
  let staged = resumed ? (db.prepare(`SELECT count(DISTINCT id) FROM ${STAGE}`).pluck().get() as number) : 0
  let done = false

  /** Rows per build step: a few tens of milliseconds of work each. */
  const CHUNK = 5000
  /** The new set's row keys in name order: pk → the staging row it copies (this connection only). */
  const order = `temp.snapshot_order_${tag}`
  function* build(): Generator<void, void, void> {
    createDeviceTables(db, '_next', tag, { secondaryIndexes: false, raw: false })
    for (const table of WORD_INDEXES) setHashSize(db, table, LOAD_HASH_BYTES)
    // Graph may repeat a device across pages when the collection changes while paging, and a
    // resumed pass stages its first page again: the row staged last is the one kept.
    db.exec(`CREATE INDEX ${STAGE}_id ON ${STAGE} (id)`)
    const repeats = `temp.snapshot_repeats_${tag}`
    db.exec(`CREATE TABLE ${repeats} AS SELECT s.rowid AS stage, s.raw_pk AS raw FROM
      (SELECT id, max(rowid) AS kept FROM ${STAGE} GROUP BY id HAVING count(*) > 1) d
      JOIN ${STAGE} s ON s.id = d.id AND s.rowid < d.kept`)
    db.exec(`DELETE FROM ${STAGE} WHERE rowid IN (SELECT stage FROM ${repeats})`)
    db.exec(`DELETE FROM ${RAW} WHERE pk IN (SELECT raw FROM ${repeats})`)
    db.exec(`DROP TABLE ${repeats}`)
    yield
    // Name order through an index: sorting whole rows would hold them all in memory.
    db.exec(`CREATE INDEX ${STAGE}_order ON ${STAGE} (name_key, id)`)
    db.exec(`CREATE TABLE ${order} (pk INTEGER PRIMARY KEY, src INTEGER NOT NULL)`)
    yield
    // Each step takes the next CHUNK staging rows in name order (pk = their rank: an INTEGER
    // PRIMARY KEY given no value is max + 1) and copies them into the three tables through that
    // list, by rowid; the chunk's staging pages are then read from disk once, not once per table.
    const next = {
      first: db.prepare(
        `INSERT INTO ${order} (src) SELECT rowid FROM ${STAGE} ORDER BY name_key, id LIMIT ?`,
      ),
      after: db.prepare(`INSERT INTO ${order} (src) SELECT rowid FROM ${STAGE}
        WHERE (name_key, id) > (?, ?) ORDER BY name_key, id LIMIT ?`),
      lastKey: db
        .prepare(
          `SELECT s.name_key, s.id FROM ${order} o JOIN ${STAGE} s ON s.rowid = o.src ORDER BY o.pk DESC LIMIT 1`,
        )
        .raw(),
    }
    const chunk = `FROM ${order} o JOIN ${STAGE} s ON s.rowid = o.src WHERE o.pk > ?`
    const ftsSource = FTS_COLUMNS.map((c) => (c === 'phone_number' ? 's.fts_phone' : `s.${c}`)).join(', ')
    const loads = [
      db.prepare(`INSERT INTO devices_next (pk, ${ROW_COLUMNS.join(', ')}, raw_pk)
        SELECT o.pk, ${ROW_COLUMNS.map((c) => `s.${c}`).join(', ')}, s.raw_pk ${chunk} ORDER BY o.pk`),
      db.prepare(`INSERT INTO devices_fts_next (rowid, ${FTS_COLUMNS.join(', ')}, ${FACET_COLUMN})
        SELECT o.pk, ${ftsSource}, ${facetTextSql('s')} ${chunk} ORDER BY o.pk`),
      db.prepare(`INSERT INTO devices_ids_next (rowid, ids)
        SELECT o.pk, s.ids_text ${chunk} AND s.ids_text <> '' ORDER BY o.pk`),
    ]
    let key: unknown[] | undefined
    let copied = 0
    for (;;) {
      const taken = (key === undefined ? next.first.run(CHUNK) : next.after.run(key[0], key[1], CHUNK))
        .changes
      key = next.lastKey.get() as unknown[] | undefined
      for (const load of loads) load.run(copied)
      copied += taken
      if (taken < CHUNK) break
      yield
    }
    yield
    for (const statement of deviceIndexStatements('_next', tag)) {
      db.exec(statement)
      yield
    }
    fillCheckIns(db, '_next')
    for (const table of WORD_INDEXES) setHashSize(db, table, DEFAULT_HASH_BYTES)
    yield
    db.exec(`DROP TABLE ${STAGE}`)
    db.exec(`DROP TABLE ${order}`)
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
      db.transaction(() => {
        dropStaging(db)
        db.exec(`DROP TABLE IF EXISTS ${order}`)
      })()
    },
  }
}

/** FTS5 reads its integer options as SQL integers only (a bound JS number is a REAL), hence inline. */
function setHashSize(db: Database.Database, table: (typeof WORD_INDEXES)[number], bytes: number): void {
  try {
    db.exec(`INSERT INTO ${table} (${table}, rank) VALUES ('hashsize', ${Math.trunc(bytes)})`)
  } catch {
    // speed only (LOAD_HASH_BYTES): the load is the same at the default size
  }
}

/**
 * Whether an earlier sync's staging table is there with exactly this version's columns (an app
 * update may have changed them; then the sync starts clean).
 */
function canResumeStaging(db: Database.Database): boolean {
  const columns = (db.prepare(`PRAGMA table_info(${STAGE})`).all() as { name: string }[]).map((c) => c.name)
  const rawKept = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(RAW)
  return (
    rawKept !== undefined &&
    columns.length === STAGE_COLUMNS.length &&
    STAGE_COLUMNS.every((c, i) => columns[i] === c)
  )
}

/** Drops staging tables a crashed or killed sync left behind (they are never read). */
export function discardStaleSnapshot(db: Database.Database): void {
  db.transaction(() => dropStaging(db))()
}
