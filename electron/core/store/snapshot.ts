import { randomBytes } from 'node:crypto'
import type Database from 'better-sqlite3'
import { createDeviceIndexes, createDeviceTables, DEVICE_TABLES, dropDeviceTables } from './device-tables'
import { createDeviceWriter } from './device-writer'
import type { DeviceRecord } from './device-record'

export interface SnapshotCommit {
  /** Devices in the cache after the swap. */
  readonly devices: number
  /** Devices that were cached and are gone from Intune. */
  readonly removed: number
}

export interface SnapshotBuilder {
  /** Adds one page of devices to the staging tables, in its own transaction. */
  addPage(records: readonly DeviceRecord[]): void
  readonly staged: number
  /**
   * Swaps the staging tables in for the live ones in one transaction; `inSameTransaction` runs
   * inside it (e.g. recording the sync's success, so both happen or neither).
   */
  commit(inSameTransaction?: () => void): SnapshotCommit
  /** Drops the staging tables; the live snapshot was never touched. */
  abort(): void
}

/**
 * Atomic snapshot replacement (issue 5): a sync writes a complete new table set beside the live one,
 * page by page (each page committed, so memory stays flat), and only a successful end swaps it in
 * with renames in one transaction. Searches read the live set throughout. A failed, cancelled or
 * killed sync leaves the live set untouched; its leftover `_next` tables are dropped by the next sync.
 */
export function beginSnapshot(db: Database.Database): SnapshotBuilder {
  const tag = randomBytes(6).toString('hex')
  db.transaction(() => {
    dropDeviceTables(db, '_next')
    createDeviceTables(db, '_next', tag, { secondaryIndexes: false })
  })()
  const writer = createDeviceWriter(db, '_next')
  const addAll = db.transaction((records: readonly DeviceRecord[]) => {
    for (const record of records) writer.put(record)
  })
  let staged = 0
  let done = false
  return {
    addPage(records) {
      if (done) throw new Error('snapshot already finished')
      addAll(records)
      staged += records.length
    },
    get staged() {
      return staged
    },
    commit(inSameTransaction) {
      if (done) throw new Error('snapshot already finished')
      // Still invisible to readers: only the swap below publishes the new set.
      db.transaction(() => createDeviceIndexes(db, '_next', tag))()
      const result = db
        .transaction((): SnapshotCommit => {
          const removed = db
            .prepare('SELECT count(*) FROM devices WHERE id NOT IN (SELECT id FROM devices_next)')
            .pluck()
            .get() as number
          dropDeviceTables(db, '')
          for (const table of DEVICE_TABLES) db.exec(`ALTER TABLE ${table}_next RENAME TO ${table}`)
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
      db.transaction(() => dropDeviceTables(db, '_next'))()
    },
  }
}

/** Drops staging tables a crashed or killed sync left behind (they are never read). */
export function discardStaleSnapshot(db: Database.Database): void {
  db.transaction(() => dropDeviceTables(db, '_next'))()
}
