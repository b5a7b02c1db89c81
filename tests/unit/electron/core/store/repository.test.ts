import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../../../../electron/core/store/db'
import { stripSecrets, toDeviceRecord } from '../../../../../electron/core/store/device-record'
import { createDeviceRepository } from '../../../../../electron/core/store/device-repository'
import { beginSnapshot, discardStaleSnapshot } from '../../../../../electron/core/store/snapshot'
import { createSyncMetaRepository } from '../../../../../electron/core/store/sync-meta'
import { records, selectedDevices, tempDir } from './helpers'

describe('device records', () => {
  it('never keeps a passcode or bypass code, keeps everything else', () => {
    const graph = {
      id: 'd1',
      deviceName: 'Pixel',
      activationLockBypassCode: 'SECRET-BYPASS',
      bootstrapTokenEscrowed: true,
      deviceActionResults: [{ actionName: 'resetPasscode', actionState: 'done', passcode: '482913' }],
    }
    const record = toDeviceRecord(graph, 'beta', '2026-11-26T12:00:00Z')!
    expect(record.raw).not.toContain('482913')
    expect(record.raw).not.toContain('SECRET-BYPASS')
    expect(JSON.parse(record.raw)).toEqual({
      id: 'd1',
      deviceName: 'Pixel',
      bootstrapTokenEscrowed: true,
      deviceActionResults: [{ actionName: 'resetPasscode', actionState: 'done' }],
    })
    expect(stripSecrets({ a: [{ Passcode: 'x', b: 1 }] })).toEqual({ a: [{ b: 1 }] })
  })

  it('normalises ownership, compliance, dates and computes eligibility at write time', () => {
    const record = toDeviceRecord(
      {
        id: 'd2',
        deviceName: 'iPhone de Hélène',
        operatingSystem: 'iOS',
        osVersion: '18.1',
        deviceEnrollmentType: 'appleBulkWithUser',
        managementAgent: 'mdm',
        managedDeviceOwnerType: 'Company',
        complianceState: 'NonCompliant',
        lastSyncDateTime: '0001-01-01T00:00:00Z',
        isSupervised: true,
      },
      'v1.0',
      '2026-11-26T12:00:00Z',
    )!
    expect(record).toMatchObject({
      ownership: 'company',
      compliance_state: 'noncompliant',
      last_sync_ms: null,
      is_supervised: 1,
      name_key: 'iphone de helene',
      enrollment_kind: 'iosDeviceEnrollment',
      verdict: 'eligible',
      action: 'removePasscode',
      api_version: 'v1.0',
    })
    expect(toDeviceRecord({ deviceName: 'no id' }, 'beta', 'x')).toBeNull()
    expect(toDeviceRecord('nonsense', 'beta', 'x')).toBeNull()
  })
})

describe('repositories and snapshots', () => {
  let tmp: ReturnType<typeof tempDir>
  let db: Db
  beforeEach(() => {
    tmp = tempDir()
    db = openDatabase(tmp.file)
  })
  afterEach(() => {
    db.close()
    tmp.cleanup()
  })

  const expectRowKeysInNameOrder = () => {
    const names = db.prepare('SELECT name_key FROM devices ORDER BY pk').pluck().all() as string[]
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
  }
  const rawCount = () => db.prepare('SELECT count(*) FROM devices_raw').pluck().get() as number
  const ftsCount = (query: string) =>
    db.prepare('SELECT count(*) FROM devices_fts WHERE devices_fts MATCH ?').pluck().get(query) as number

  it('puts, replaces and removes one device, keeping the indexes in step', () => {
    const repo = createDeviceRepository(db)
    const [first] = records(selectedDevices(1))
    repo.put(first!)
    expect(repo.count()).toBe(1)
    const json = JSON.stringify({ ...JSON.parse(first!.raw), deviceName: 'Zebulon-Phone' })
    repo.put({ ...first!, device_name: 'Zebulon-Phone', name_key: 'zebulon-phone', raw: json })
    expect(repo.count()).toBe(1)
    expect(repo.get(first!.id)!.device_name).toBe('Zebulon-Phone')
    // The JSON replaced in place, under the row's raw_pk.
    expect(repo.get(first!.id)!.raw).toBe(json)
    expect(rawCount()).toBe(1)
    expect(ftsCount('"zebulon"*')).toBe(1)
    expect(repo.remove(first!.id)).toBe(true)
    expect(rawCount()).toBe(0)
    expect(repo.remove(first!.id)).toBe(false)
    expect(ftsCount('"zebulon"*')).toBe(0)
    expect(repo.get(first!.id)).toBeUndefined()
  })

  it('publishes a snapshot only on commit, and reports removed devices', () => {
    const all = records(selectedDevices(300))
    const one = beginSnapshot(db)
    one.addPage(all.slice(0, 150))
    one.addPage(all.slice(150))
    expect(createDeviceRepository(db).count()).toBe(0) // staged, not visible
    expect(one.commit()).toEqual({ devices: 300, removed: 0 })

    const two = beginSnapshot(db)
    two.addPage(all.slice(10)) // ten devices are gone from Intune
    two.addPage(all.slice(10, 12)) // Graph repeating devices across pages does not duplicate them
    expect(createDeviceRepository(db).count()).toBe(300)
    const meta = createSyncMetaRepository(db)
    expect(two.commit(() => meta.write({ lastSuccessAt: 'now' }))).toEqual({ devices: 290, removed: 10 })
    expect(meta.read().lastSuccessAt).toBe('now')
    expect(ftsCount(`"${all[11]!.serial_number!.toLowerCase()}"`)).toBe(1)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('keeps the copy staged last when Graph repeats a device with other values', () => {
    const all = records(selectedDevices(40))
    const snapshot = beginSnapshot(db)
    snapshot.addPage(all.slice(0, 30))
    const json = JSON.stringify({ ...JSON.parse(all[5]!.raw), deviceName: 'Zebulon-Phone' })
    const renamed = { ...all[5]!, device_name: 'Zebulon-Phone', name_key: 'zebulon-phone', raw: json }
    snapshot.addPage([renamed, ...all.slice(30)])
    expect(snapshot.commit()).toEqual({ devices: 40, removed: 0 })
    const repo = createDeviceRepository(db)
    expect(repo.get(all[5]!.id)!.device_name).toBe('Zebulon-Phone')
    // The JSON staged last, and no JSON left of the older copy.
    expect(repo.get(all[5]!.id)!.raw).toBe(json)
    expect(repo.get(all[6]!.id)!.raw).toBe(all[6]!.raw)
    expect(rawCount()).toBe(40)
    expect(ftsCount('"zebulon"*')).toBe(1)
    const oldKey = db.prepare('SELECT count(*) FROM devices WHERE name_key = ?').pluck()
    expect(oldKey.get(all[5]!.name_key)).toBe(0)
    // Row keys still follow names, one row per device, the word index in step with the rows.
    expectRowKeysInNameOrder()
    expect(db.prepare('SELECT count(*) FROM devices_fts').pluck().get()).toBe(40)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('builds in small steps, the live snapshot readable between them', async () => {
    const all = records(selectedDevices(120))
    const first = beginSnapshot(db)
    first.addPage(all.slice(0, 20))
    first.commit()
    const second = beginSnapshot(db)
    second.addPage(all)
    const seen: number[] = []
    await second.prepare(async () => {
      seen.push(createDeviceRepository(db).count())
    })
    expect(seen.length).toBeGreaterThan(3)
    expect(new Set(seen)).toEqual(new Set([20]))
    expect(second.commit()).toEqual({ devices: 120, removed: 0 })
    // Row keys follow device names in the new snapshot.
    expectRowKeysInNameOrder()
  })

  it('an aborted or abandoned snapshot leaves the live one untouched', () => {
    const all = records(selectedDevices(50))
    const first = beginSnapshot(db)
    first.addPage(all)
    first.commit()
    const failed = beginSnapshot(db)
    failed.addPage(all.slice(0, 5))
    failed.abort()
    expect(createDeviceRepository(db).count()).toBe(50)
    // A crash leaves _next tables; they are dropped and never read.
    beginSnapshot(db).addPage(all.slice(0, 3))
    discardStaleSnapshot(db)
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name LIKE '%_next'").pluck().get()).toBe(0)
    expect(createDeviceRepository(db).count()).toBe(50)
  })

  it('keeps sync metadata per database', () => {
    const meta = createSyncMetaRepository(db)
    expect(meta.read()).toEqual({
      lastSuccessAt: null,
      lastAttemptAt: null,
      lastErrorCode: null,
      lastErrorMessage: null,
      apiVersion: null,
      lastDurationMs: null,
    })
    meta.write({ lastErrorCode: 'OFFLINE', lastErrorMessage: 'down', lastDurationMs: 42 })
    meta.write({ lastErrorMessage: null })
    expect(meta.read()).toMatchObject({
      lastErrorCode: 'OFFLINE',
      lastErrorMessage: null,
      lastDurationMs: 42,
    })
  })
})
