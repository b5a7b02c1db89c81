import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDeviceSearch } from '../../../../../electron/core/devices/search'
import { openDatabase, type Db } from '../../../../../electron/core/store/db'
import { MIGRATIONS } from '../../../../../electron/core/store/migrations'
import { beginSnapshot } from '../../../../../electron/core/store/snapshot'
import { deviceSearchInput } from '../../../../../shared/api/schemas/devices'
import { records, selectedDevices, tempDir } from './helpers'

/** The word index as migrations 0010–0020 left it (before the filter words). */
const OLD_FTS = `CREATE VIRTUAL TABLE devices_fts USING fts5(
  device_name, user_principal_name, user_display_name, email_address, serial_number, imei, meid,
  phone_number, model, manufacturer, content='', contentless_delete=1,
  tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')`

const columns = (db: Db) =>
  (db.prepare('SELECT name FROM pragma_table_xinfo(?)').pluck().all('devices_fts') as string[]).join(',')

describe('migration 0050: filter words in the word index', () => {
  let tmp: ReturnType<typeof tempDir>
  beforeEach(() => {
    tmp = tempDir()
  })
  afterEach(() => tmp.cleanup())

  it('brings a cache built before it to the live schema, and text + filters finds the same devices', () => {
    const devices = records(selectedDevices(800))
    const fresh = openDatabase(`${tmp.dir}/fresh.db`)
    const snapshot = beginSnapshot(fresh)
    snapshot.addPage(devices)
    snapshot.commit()

    // An older cache: same rows, the word index without the facets column, user_version 20.
    const old = openDatabase(tmp.file, { migrations: MIGRATIONS.filter((m) => m.version <= 20) })
    const oldSnapshot = beginSnapshot(old)
    oldSnapshot.addPage(devices)
    oldSnapshot.commit()
    old.exec('DROP TABLE devices_fts')
    old.exec(OLD_FTS)
    old.exec(
      `INSERT INTO devices_fts (rowid, device_name, user_display_name) SELECT pk, device_name, user_display_name FROM devices`,
    )
    expect(columns(old)).not.toContain('facets')
    old.close()

    const upgraded = openDatabase(tmp.file)
    expect(upgraded.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version)
    expect(columns(upgraded)).toBe(columns(fresh))
    const sql = (db: Db) =>
      (
        db.prepare("SELECT sql FROM sqlite_master WHERE name = 'devices_fts'").pluck().get() as string
      ).replace(/\s+/g, ' ')
    expect(sql(upgraded)).toContain("tokenize='unicode61 remove_diacritics 2', prefix='1 2 3'")
    expect(sql(upgraded)).toContain('contentless_delete=1')

    const search = (db: Db, query: string, filters: Record<string, unknown>) =>
      createDeviceSearch(db)
        .search(deviceSearchInput.parse({ query, filters, limit: 500 }))
        .rows.map((r) => r.id)
        .sort()
    for (const [query, filters] of [
      ['a', { ownership: ['personal'] }],
      ['samsung', { verdicts: ['eligible', 'ineligible'] }],
      ['iphone', { compliance: ['compliant'], ownership: ['company'] }],
    ] as const) {
      const found = search(upgraded, query, filters)
      expect(found.length, query).toBeGreaterThan(0)
      expect(found, query).toEqual(search(fresh, query, filters))
    }
    upgraded.close()
    fresh.close()
  })
})
