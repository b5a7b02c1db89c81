import { afterEach, describe, expect, it } from 'vitest'
import { evaluatePasscodeAction } from '@shared/eligibility'
import { createDeviceSearch } from '../../../../../electron/core/devices/search'
import { deviceSearchInput } from '../../../../../shared/api/schemas/devices'
import { openDatabase, type Db } from '../../../../../electron/core/store/db'
import { createDeviceWriter } from '../../../../../electron/core/store/device-writer'
import { beginSnapshot } from '../../../../../electron/core/store/snapshot'
import { RULES_FINGERPRINT, refreshStoredVerdicts } from '../../../../../electron/core/store/verdict-refresh'
import { records, selectedDevices, tempDir } from './helpers'

describe('refreshStoredVerdicts', () => {
  const dirs: { cleanup(): void }[] = []
  const dbs: Db[] = []
  afterEach(() => {
    for (const db of dbs.splice(0)) db.close()
    for (const dir of dirs.splice(0)) dir.cleanup()
  })

  /** A cache written device by device, or by a sync's snapshot (JSON keys then differ from pk). */
  function cacheWith(count: number, by: 'writer' | 'snapshot' = 'writer'): Db {
    const dir = tempDir()
    dirs.push(dir)
    const db = openDatabase(dir.file)
    dbs.push(db)
    if (by === 'snapshot') {
      const snapshot = beginSnapshot(db)
      snapshot.addPage(records(selectedDevices(count)))
      snapshot.commit()
      return db
    }
    const writer = createDeviceWriter(db, '')
    db.transaction(() => {
      for (const record of records(selectedDevices(count))) writer.put(record)
    })()
    return db
  }

  const verdicts = (db: Db) =>
    db.prepare('SELECT id, verdict, enrollment_kind AS kind, action FROM devices ORDER BY id').all() as {
      id: string
      verdict: string
      kind: string
      action: string | null
    }[]

  it('rewrites verdicts written under other rules, from the cached Graph JSON, once', () => {
    const db = cacheWith(300)
    const truth = verdicts(db)
    // What an older app version might have stored: every row "eligible" for a removal.
    db.prepare(
      "UPDATE devices SET verdict = 'eligible', enrollment_kind = 'iosDeviceEnrollment', action = 'removePasscode'",
    ).run()
    db.prepare("INSERT INTO sync_meta (key, value) VALUES ('rulesFingerprint', 'older-rules')").run()

    const changed = refreshStoredVerdicts(db)
    expect(changed).toBe(
      truth.filter(
        (r) => r.verdict !== 'eligible' || r.kind !== 'iosDeviceEnrollment' || r.action !== 'removePasscode',
      ).length,
    )
    expect(changed).toBeGreaterThan(0)
    expect(verdicts(db)).toEqual(truth)
    // Remembered: the next open does no work.
    expect(refreshStoredVerdicts(db)).toBe(0)
    const meta = db.prepare("SELECT value FROM sync_meta WHERE key = 'rulesFingerprint'").get() as {
      value: string
    }
    expect(meta.value).toBe(RULES_FINGERPRINT)
  })

  it('rewrites the filter words of the word index with the verdicts', () => {
    const dir = tempDir()
    dirs.push(dir)
    const db = openDatabase(dir.file)
    dbs.push(db)
    // Written by an older app version whose rules called every device eligible.
    const writer = createDeviceWriter(db, '')
    db.transaction(() => {
      for (const record of records(selectedDevices(300)))
        writer.put({
          ...record,
          verdict: 'eligible',
          enrollment_kind: 'iosDeviceEnrollment',
          action: 'removePasscode',
        })
    })()
    db.prepare("INSERT INTO sync_meta (key, value) VALUES ('rulesFingerprint', 'older-rules')").run()
    const search = createDeviceSearch(db)
    const eligible = () =>
      search.search(deviceSearchInput.parse({ query: 'a', filters: { verdicts: ['eligible'] } })).total
    const textOnly = (verdict: string) =>
      db
        .prepare(
          `SELECT count(*) FROM devices WHERE verdict = ? AND pk IN
           (SELECT rowid FROM devices_fts WHERE devices_fts MATCH '"a"*')`,
        )
        .pluck()
        .get(verdict) as number
    expect(eligible()).toBe(textOnly('eligible'))
    expect(refreshStoredVerdicts(db)).toBeGreaterThan(0)
    expect(textOnly('eligible')).toBeLessThan(300)
    for (const verdict of ['eligible', 'ineligible'] as const) {
      expect(textOnly(verdict), verdict).toBeGreaterThan(0)
      const found = search.search(deviceSearchInput.parse({ query: 'a', filters: { verdicts: [verdict] } }))
      expect(found.total, verdict).toBe(textOnly(verdict))
    }
  })

  it.each(['writer', 'snapshot'] as const)(
    'agrees with evaluating each cached record directly (%s)',
    (by) => {
      const db = cacheWith(200, by)
      if (by === 'snapshot') {
        // Name order and Graph order differ: each row must read its own JSON through raw_pk.
        const same = db.prepare('SELECT count(*) FROM devices WHERE raw_pk = pk').pluck().get() as number
        expect(same).toBeLessThan(200)
      }
      db.prepare("UPDATE devices SET verdict = 'undetermined'").run()
      refreshStoredVerdicts(db, 'fingerprint-of-new-rules')
      const raws = db
        .prepare(
          'SELECT d.verdict AS verdict, r.raw AS raw FROM devices d JOIN devices_raw r ON r.pk = d.raw_pk',
        )
        .all() as {
        verdict: string
        raw: string
      }[]
      expect(raws).toHaveLength(200)
      for (const row of raws) expect(row.verdict).toBe(evaluatePasscodeAction(JSON.parse(row.raw)).verdict)
    },
  )
})
