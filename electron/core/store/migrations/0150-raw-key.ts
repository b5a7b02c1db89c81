import type { Migration } from './types'

/**
 * The Graph JSON's own key (`devices.raw_pk`, store/device-tables.ts): a sync writes each device's
 * JSON once, while staging, instead of copying it again in name order (store/snapshot.ts). Caches
 * written before keep their JSON under the device's `pk`, so the key starts equal to it. A cache
 * whose table set a sync of this version already built has the column: nothing to add. Frozen SQL.
 */
export const migration0150: Migration = {
  version: 150,
  name: '0150-raw-key',
  up(db) {
    const columns = db.prepare(`SELECT name FROM pragma_table_info('devices')`).pluck().all()
    if (columns.includes('raw_pk')) return
    db.exec(`ALTER TABLE devices ADD COLUMN raw_pk INTEGER; UPDATE devices SET raw_pk = pk;`)
  },
}
