import type { Migration } from './index'
import { createDeviceTables } from '../device-tables'

/**
 * The device cache (issue 5): device tables (store/device-tables.ts) and per-profile sync
 * metadata as key/value rows, so that later fields need no migration.
 */
export const migration0010: Migration = {
  version: 10,
  name: '0010-initial',
  up(db) {
    createDeviceTables(db, '', 'g0')
    db.exec(`
      CREATE TABLE sync_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;
    `)
  },
}
