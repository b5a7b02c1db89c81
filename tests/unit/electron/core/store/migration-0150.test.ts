import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../../../electron/core/store/db'
import { createDeviceRepository } from '../../../../../electron/core/store/device-repository'
import { ROW_COLUMNS } from '../../../../../electron/core/store/device-writer'
import { MIGRATIONS } from '../../../../../electron/core/store/migrations'
import { records, selectedDevices, tempDir } from './helpers'

describe('migration 0150: the Graph JSON keyed by devices.raw_pk', () => {
  let tmp: ReturnType<typeof tempDir>
  beforeEach(() => {
    tmp = tempDir()
  })
  afterEach(() => tmp.cleanup())

  it('keeps the JSON of a cache written before it, which later writes replace in place', () => {
    const devices = records(selectedDevices(30))
    // An older cache (user_version 140): the JSON stored under the device row's pk.
    const old = openDatabase(tmp.file, { migrations: MIGRATIONS.filter((m) => m.version <= 140) })
    const insert = old.prepare(
      `INSERT INTO devices (pk, ${ROW_COLUMNS.join(', ')}) VALUES (?, ${ROW_COLUMNS.map(() => '?').join(', ')})`,
    )
    const insertRaw = old.prepare('INSERT INTO devices_raw (pk, raw) VALUES (?, ?)')
    devices.forEach((record, i) => {
      insert.run(i + 1, ...ROW_COLUMNS.map((c) => record[c]))
      insertRaw.run(i + 1, record.raw)
    })
    old.close()

    const db = openDatabase(tmp.file)
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version)
      const repo = createDeviceRepository(db)
      for (const record of devices) expect(repo.get(record.id)!.raw).toBe(record.raw)

      const renamed = JSON.stringify({ ...JSON.parse(devices[3]!.raw), deviceName: 'Zebulon-Phone' })
      repo.put({ ...devices[3]!, device_name: 'Zebulon-Phone', raw: renamed })
      expect(repo.get(devices[3]!.id)!.raw).toBe(renamed)
      expect(db.prepare('SELECT count(*) FROM devices_raw').pluck().get()).toBe(30)
      expect(repo.remove(devices[4]!.id)).toBe(true)
      expect(db.prepare('SELECT count(*) FROM devices_raw').pluck().get()).toBe(29)
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      db.close()
    }
  })
})
