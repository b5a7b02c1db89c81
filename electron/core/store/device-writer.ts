import type Database from 'better-sqlite3'
import { facetText } from './device-facets'
import { FACET_COLUMN, FTS_COLUMNS } from './device-tables'
import { ftsValues, identifierText, type DeviceRecord } from './device-record'

export const ROW_COLUMNS = [
  'id',
  'device_name',
  'user_principal_name',
  'user_display_name',
  'email_address',
  'serial_number',
  'imei',
  'meid',
  'phone_number',
  'model',
  'manufacturer',
  'operating_system',
  'os_version',
  'device_type',
  'device_enrollment_type',
  'management_agent',
  'ownership',
  'management_state',
  'compliance_state',
  'join_type',
  'is_supervised',
  'last_sync_date_time',
  'last_sync_ms',
  'enrolled_date_time',
  'enrollment_kind',
  'verdict',
  'action',
  'name_key',
  'user_key',
  'api_version',
  'cached_at',
] as const satisfies readonly (keyof DeviceRecord)[]

export interface DeviceWriter {
  /** Inserts or replaces one device (by Graph id) in the table set, keeping both indexes in step. */
  put(record: DeviceRecord): void
  /** Removes one device by Graph id; false if absent. */
  remove(id: string): boolean
}

/**
 * Prepared statements over one table set (live: suffix '', staging: '_next'). Callers wrap calls in
 * a transaction; bound parameters only (DESIGN §3).
 */
export function createDeviceWriter(db: Database.Database, suffix: '' | '_next'): DeviceWriter {
  const d = `devices${suffix}`
  const fts = `devices_fts${suffix}`
  const ids = `devices_ids${suffix}`
  // Positional parameters: binding an array is markedly cheaper than named binding in better-sqlite3.
  const insert = db.prepare(
    `INSERT INTO ${d} (${ROW_COLUMNS.join(', ')}) VALUES (${ROW_COLUMNS.map(() => '?').join(', ')})
     ON CONFLICT(id) DO NOTHING`,
  )
  const update = db.prepare(
    `UPDATE ${d} SET ${ROW_COLUMNS.filter((c) => c !== 'id')
      .map((c) => `${c} = @${c}`)
      .join(', ')} WHERE pk = @pk`,
  )
  const pkOf = db.prepare(`SELECT pk FROM ${d} WHERE id = ?`).pluck()
  const deleteRow = db.prepare(`DELETE FROM ${d} WHERE pk = ?`)
  // The JSON's key is the row's raw_pk (device-tables.ts): a new device's JSON is written first.
  const insertRaw = db.prepare(`INSERT INTO devices_raw${suffix} (raw) VALUES (?)`)
  const setRawPk = db.prepare(`UPDATE ${d} SET raw_pk = ? WHERE pk = ?`)
  const putRaw = db.prepare(
    `UPDATE devices_raw${suffix} SET raw = ? WHERE pk = (SELECT raw_pk FROM ${d} WHERE pk = ?)`,
  )
  const deleteRaw = db.prepare(
    `DELETE FROM devices_raw${suffix} WHERE pk = (SELECT raw_pk FROM ${d} WHERE pk = ?)`,
  )
  const insertFts = db.prepare(
    `INSERT INTO ${fts} (rowid, ${FTS_COLUMNS.join(', ')}, ${FACET_COLUMN})
     VALUES (?, ${FTS_COLUMNS.map(() => '?').join(', ')}, ?)`,
  )
  const deleteFts = db.prepare(`DELETE FROM ${fts} WHERE rowid = ?`)
  const insertIds = db.prepare(`INSERT INTO ${ids} (rowid, ids) VALUES (?, ?)`)
  const deleteIds = db.prepare(`DELETE FROM ${ids} WHERE rowid = ?`)

  const indexRow = (pk: number | bigint, record: DeviceRecord) => {
    insertFts.run(pk, ...ftsValues(record), facetText(record))
    const identifiers = identifierText(record)
    if (identifiers) insertIds.run(pk, identifiers)
  }
  /** A JSON row of its own for the device row `pk`. */
  const addRaw = (pk: number | bigint, raw: string) => {
    setRawPk.run(insertRaw.run(raw).lastInsertRowid, pk)
  }
  /** The row's JSON replaced in place, or written anew (a row from before raw_pk, or one without JSON). */
  const writeRaw = (pk: number | bigint, raw: string) => {
    if (putRaw.run(raw, pk).changes === 0) addRaw(pk, raw)
  }

  return {
    put(record) {
      const inserted = insert.run(ROW_COLUMNS.map((c) => record[c]))
      if (inserted.changes === 1) {
        addRaw(inserted.lastInsertRowid, record.raw)
        indexRow(inserted.lastInsertRowid, record)
        return
      }
      // Already there (refresh, or Graph repeated a device across pages): replace in place.
      const pk = pkOf.get(record.id) as number
      deleteFts.run(pk)
      deleteIds.run(pk)
      update.run({ ...record, pk })
      writeRaw(pk, record.raw)
      indexRow(pk, record)
    },
    remove(id) {
      const pk = pkOf.get(id) as number | undefined
      if (pk === undefined) return false
      deleteFts.run(pk)
      deleteIds.run(pk)
      deleteRaw.run(pk)
      deleteRow.run(pk)
      return true
    },
  }
}
