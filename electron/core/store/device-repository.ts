import type Database from 'better-sqlite3'
import { createDeviceWriter } from './device-writer'
import type { DeviceRecord } from './device-record'

/** A devices row as read back (SQL column names). */
export type StoredDevice = DeviceRecord & { readonly pk: number }

export interface DeviceRepository {
  get(id: string): StoredDevice | undefined
  /** Replaces one live row (devices:refresh). */
  put(record: DeviceRecord): void
  remove(id: string): boolean
  count(): number
}

/**
 * Reads and single-row writes on the live table set. Statements are prepared per call because a
 * snapshot swap replaces the tables they would be bound to (a prepared statement over a dropped
 * table fails with SQLITE_SCHEMA-class errors); better-sqlite3 preparation costs microseconds.
 */
export function createDeviceRepository(db: Database.Database): DeviceRepository {
  return {
    get(id) {
      return db
        .prepare(
          "SELECT d.*, coalesce(r.raw, '{}') AS raw FROM devices d LEFT JOIN devices_raw r ON r.pk = d.raw_pk WHERE d.id = ?",
        )
        .get(id) as StoredDevice | undefined
    },
    put(record) {
      const writer = createDeviceWriter(db, '')
      db.transaction(() => writer.put(record))()
    },
    remove(id) {
      const writer = createDeviceWriter(db, '')
      return db.transaction(() => writer.remove(id))()
    },
    count() {
      return db.prepare('SELECT count(*) FROM devices').pluck().get() as number
    },
  }
}
