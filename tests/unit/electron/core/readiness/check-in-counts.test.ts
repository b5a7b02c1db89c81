import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createReadinessQueries, type DeviceGroupRow } from '../../../../../electron/core/readiness/queries'
import { openDatabase, type Db } from '../../../../../electron/core/store/db'
import type { DeviceRecord } from '../../../../../electron/core/store/device-record'
import { createDeviceWriter } from '../../../../../electron/core/store/device-writer'
import { MIGRATIONS } from '../../../../../electron/core/store/migrations'
import { beginSnapshot } from '../../../../../electron/core/store/snapshot'
import { refreshStoredVerdicts } from '../../../../../electron/core/store/verdict-refresh'
import { records, selectedDevices, tempDir } from '../store/helpers'

// Wednesday 2 Dec 2026, 10:00 UTC: the 7-day cutoff falls inside 25 Nov, so one day is split.
const NOW = Date.parse('2026-12-02T10:00:00Z')
const DAY = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString()
const CUTOFFS = [NOW - 7 * DAY, NOW - 7 * DAY - 3_600_000, Math.floor((NOW - 7 * DAY) / DAY) * DAY, NOW]

const sorted = (rows: readonly DeviceGroupRow[]) =>
  [...rows]
    .map((r) => ({ ...r }))
    .sort((a, b) =>
      `${a.kind}|${a.platform}|${a.verdict}`.localeCompare(`${b.kind}|${b.platform}|${b.verdict}`),
    )

/** Check-in counts against a scan of every device, at cutoffs on and off a day boundary. */
function expectCountsEqualScan(db: Db): void {
  const q = createReadinessQueries(db)
  for (const cutoff of CUTOFFS) {
    const scan = sorted(q.deviceGroupsScan(cutoff))
    expect(scan.length).toBeGreaterThan(0)
    expect(sorted(q.deviceGroups(cutoff)), iso(cutoff)).toEqual(scan)
  }
  // No empty group is kept: the table stays O(groups).
  expect(db.prepare('SELECT count(*) FROM devices_checkins WHERE n <= 0').pluck().get()).toBe(0)
}

/** Demo devices with check-ins spread over 20 days, some never, some exactly on the cutoff's day. */
function seeded(count: number, seed = 3): DeviceRecord[] {
  return records(selectedDevices(count, seed), iso(NOW)).map((r, i) => {
    const ms = i % 17 === 0 ? null : NOW - ((i * 104_729_000) % (20 * DAY))
    return { ...r, last_sync_ms: ms, last_sync_date_time: ms === null ? null : iso(ms) }
  })
}

describe('check-in day counts (devices_checkins) equal a scan of every device', () => {
  let tmp: ReturnType<typeof tempDir>
  let db: Db
  beforeEach(() => {
    tmp = tempDir()
    db = openDatabase(tmp.file)
    const snapshot = beginSnapshot(db)
    snapshot.addPage(seeded(2000))
    snapshot.commit()
  })
  afterEach(() => {
    db.close()
    tmp.cleanup()
  })

  it('after a full pass (built with the new set)', () => {
    expect(db.prepare('SELECT count(*) FROM devices_checkins').pluck().get()).toBeLessThan(2000)
    // The cutoff's day holds devices both sides of the cutoff, so the split is exercised.
    const cutoff = NOW - 7 * DAY
    const start = Math.floor(cutoff / DAY) * DAY
    const before = db.prepare('SELECT count(*) FROM devices WHERE last_sync_ms >= ? AND last_sync_ms < ?')
    expect(before.pluck().get(start, cutoff)).toBeGreaterThan(0)
    expect(before.pluck().get(cutoff, start + DAY)).toBeGreaterThan(0)
    expectCountsEqualScan(db)
  })

  it('after an incremental pass merges changed and new devices, and after devices are removed', () => {
    const writer = createDeviceWriter(db, '')
    const existing = seeded(2000)
    db.transaction(() => {
      // Checked in again today (moves day), changed verdict and OS, and new devices.
      for (const r of existing.slice(0, 300))
        writer.put({ ...r, last_sync_ms: NOW, last_sync_date_time: iso(NOW) })
      for (const r of existing.slice(300, 320))
        writer.put({
          ...r,
          verdict: r.verdict === 'eligible' ? 'ineligible' : 'eligible',
          operating_system: null,
        })
      for (const r of seeded(150, 9)) writer.put({ ...r, id: `new-${r.id}` })
      // A put that changes nothing the counts use.
      for (const r of existing.slice(400, 450)) writer.put({ ...r, device_name: 'renamed' })
    })()
    expectCountsEqualScan(db)
    db.transaction(() => {
      for (const r of existing.slice(500, 800)) expect(writer.remove(r.id)).toBe(true)
    })()
    expectCountsEqualScan(db)
    expect(db.prepare('SELECT sum(n) FROM devices_checkins').pluck().get()).toBe(2000 + 150 - 300)
  })

  it('after the verdicts are recomputed under new rules', () => {
    db.prepare("UPDATE devices SET verdict = 'undetermined' WHERE pk % 5 = 0").run()
    expectCountsEqualScan(db)
    expect(refreshStoredVerdicts(db, 'another-fingerprint')).toBeGreaterThan(0)
    expectCountsEqualScan(db)
  })

  it('after a second full pass swaps a new set in (the triggers follow the live table)', () => {
    const snapshot = beginSnapshot(db)
    snapshot.addPage(seeded(700, 5))
    snapshot.commit()
    expectCountsEqualScan(db)
    createDeviceWriter(db, '').remove(seeded(700, 5)[0]!.id)
    expectCountsEqualScan(db)
    expect(db.prepare('SELECT sum(n) FROM devices_checkins').pluck().get()).toBe(699)
  })
})

describe('migration 0120', () => {
  it('fills the counts of a cache written before it, and its triggers keep them', () => {
    const tmp = tempDir()
    const before = openDatabase(tmp.file, { migrations: MIGRATIONS.filter((m) => m.version < 120) })
    const snapshot = beginSnapshot(before)
    snapshot.addPage(seeded(500))
    snapshot.commit()
    // The old build had no counts table: remove what today's snapshot code added, as 0100's cache had.
    before.exec('DROP TRIGGER devices_checkins_insert; DROP TRIGGER devices_checkins_delete;')
    before.exec('DROP TRIGGER devices_checkins_update; DROP TABLE devices_checkins;')
    before.close()
    const db = openDatabase(tmp.file)
    // Migrated to the latest version (0120 and every one after it).
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version)
    expectCountsEqualScan(db)
    const writer = createDeviceWriter(db, '')
    const again = seeded(500)
    db.transaction(() => {
      writer.remove(again[1]!.id)
      writer.put({ ...again[2]!, last_sync_ms: NOW })
    })()
    expectCountsEqualScan(db)
    db.close()
    tmp.cleanup()
  })
})
