import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDeviceSearch } from '../../../../../electron/core/devices/search'
import { openDatabase, type Db } from '../../../../../electron/core/store/db'
import { MIGRATIONS } from '../../../../../electron/core/store/migrations'
import { beginSnapshot } from '../../../../../electron/core/store/snapshot'
import { deviceSearchInput } from '../../../../../shared/api/schemas/devices'
import { records, selectedDevices, tempDir } from './helpers'

const NOW = Date.parse('2026-11-26T12:00:00Z')

describe('migration 0110: check-in week words in the word index', () => {
  let tmp: ReturnType<typeof tempDir>
  beforeEach(() => {
    tmp = tempDir()
  })
  afterEach(() => tmp.cleanup())

  it('gives a cache built before it the week words, and text + check-in age finds the same devices', () => {
    const devices = records(selectedDevices(800))
    const fresh = openDatabase(`${tmp.dir}/fresh.db`)
    const snapshot = beginSnapshot(fresh)
    snapshot.addPage(devices)
    snapshot.commit()

    // An older cache (user_version 100): the same rows, filter words without a check-in week.
    const old = openDatabase(tmp.file, { migrations: MIGRATIONS.filter((m) => m.version <= 100) })
    const oldSnapshot = beginSnapshot(old)
    oldSnapshot.addPage(devices)
    oldSnapshot.commit()
    old.exec('DELETE FROM devices_fts')
    old.exec(`INSERT INTO devices_fts (rowid, device_name, user_display_name, model, facets)
      SELECT pk, device_name, user_display_name, model, char(57344) || 'v' || verdict || ' ' ||
        char(57344) || 'k' || enrollment_kind || ' ' || char(57344) || 'o' || ownership || ' ' ||
        char(57344) || 'c' || compliance_state FROM devices`)
    old.close()

    const upgraded = openDatabase(tmp.file)
    expect(upgraded.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version)
    const weekWords = (db: Db) =>
      db.prepare('SELECT count(*) FROM devices_fts WHERE devices_fts MATCH ?').pluck().get('"\uE000w"*')
    expect(weekWords(upgraded)).toBe(devices.length)
    expect(weekWords(upgraded)).toBe(weekWords(fresh))

    const search = (db: Db, query: string, filters: Record<string, unknown>) => {
      const result = createDeviceSearch(db, { now: () => NOW }).search(
        deviceSearchInput.parse({ query, filters, limit: 500 }),
      )
      return { total: result.total, ids: result.rows.map((r) => r.id).sort() }
    }
    for (const [query, filters] of [
      ['a', { lastCheckInOlderThanDays: 30 }],
      ['iphone', { verdicts: ['eligible'], lastCheckInOlderThanDays: 7 }],
      ['samsung', { ownership: ['company'], lastCheckInOlderThanDays: 14 }],
    ] as const) {
      const found = search(upgraded, query, filters)
      expect(found.total, query).toBeGreaterThan(0)
      expect(found, query).toEqual(search(fresh, query, filters))
    }
    upgraded.close()
    fresh.close()
  })
})
