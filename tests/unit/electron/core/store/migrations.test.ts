import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../../../electron/core/store/db'
import { MIGRATIONS, type Migration } from '../../../../../electron/core/store/migrations'
import { beginSnapshot } from '../../../../../electron/core/store/snapshot'
import { records, selectedDevices, tempDir } from './helpers'

describe('migrations', () => {
  let tmp: ReturnType<typeof tempDir>
  beforeEach(() => {
    tmp = tempDir()
  })
  afterEach(() => tmp.cleanup())

  const latest = MIGRATIONS.at(-1)!.version

  it('creates a fresh database at the latest version, in WAL mode', () => {
    const db = openDatabase(tmp.file)
    expect(db.pragma('user_version', { simple: true })).toBe(latest)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()
    expect(tables).toEqual(expect.arrayContaining(['devices', 'devices_fts', 'devices_ids', 'sync_meta']))
    db.close()
    // Opening again runs nothing.
    const again = openDatabase(tmp.file)
    expect(again.pragma('user_version', { simple: true })).toBe(latest)
    again.close()
  })

  it('upgrades an older database by running only the pending migrations', () => {
    const first = openDatabase(tmp.file, { migrations: MIGRATIONS.slice(0, 1) })
    expect(first.pragma('user_version', { simple: true })).toBe(10)
    first.prepare("INSERT INTO sync_meta (key, value) VALUES ('lastSuccessAt', 'kept')").run()
    first.close()
    const ran: string[] = []
    const extra: Migration = {
      version: latest + 10,
      name: 'test-extra',
      up: (db) => {
        ran.push('extra')
        db.exec('CREATE TABLE extra (x)')
      },
    }
    const db = openDatabase(tmp.file, { migrations: [...MIGRATIONS, extra] })
    expect(db.pragma('user_version', { simple: true })).toBe(latest + 10)
    expect(ran).toEqual(['extra'])
    expect(db.prepare("SELECT value FROM sync_meta WHERE key = 'lastSuccessAt'").pluck().get()).toBe('kept')
    db.close()
  })

  it('runs all pending migrations in one transaction: a failure changes nothing', () => {
    const failing: Migration = {
      version: latest + 10,
      name: 'test-fails',
      up: (db) => {
        db.exec('CREATE TABLE half_done (x)')
        throw new Error('boom')
      },
    }
    expect(() => openDatabase(tmp.file, { migrations: [...MIGRATIONS, failing] })).toThrow()
    const raw = new Database(tmp.file)
    expect(raw.pragma('user_version', { simple: true })).toBe(0)
    expect(
      raw.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('devices', 'half_done')").pluck().get(),
    ).toBe(0)
    raw.close()
  })

  it('refuses a database written by a newer app with DB_NEWER_VERSION', () => {
    openDatabase(tmp.file).close()
    const raw = new Database(tmp.file)
    raw.pragma(`user_version = ${latest + 1}`)
    raw.close()
    expect(() => openDatabase(tmp.file)).toThrow(expect.objectContaining({ code: 'DB_NEWER_VERSION' }))
  })

  it('lists migrations in strictly increasing order, one per file name', () => {
    const versions = MIGRATIONS.map((m) => m.version)
    expect([...versions].sort((a, b) => a - b)).toEqual(versions)
    expect(new Set(versions).size).toBe(versions.length)
    for (const m of MIGRATIONS) expect(m.name).toMatch(new RegExp(`^${String(m.version).padStart(4, '0')}-`))
  })

  /**
   * The schema as SQLite stores it, comparable across databases: index names lose their per-build
   * tag (`devices_g0_name` → `devices_*_name`, device-tables.ts), identifier quotes and extra
   * whitespace go, so
   * only a real difference in shape counts.
   */
  function schemaOf(db: Database.Database): string[] {
    const rows = db
      .prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'")
      .all() as { type: string; name: string; tbl_name: string; sql: string | null }[]
    // A renamed table or index is stored with its name quoted; quoting is not shape. Nor is the
    // spacing around brackets and commas (a column added by ALTER TABLE is stored as ` , name`).
    const untag = (text: string) =>
      text.replace(/["']([A-Za-z_][A-Za-z0-9_]*)["']/g, '$1').replace(/\bdevices_[a-z0-9]+_/g, 'devices_*_')
    return rows
      .map(
        (r) =>
          `${r.type} ${untag(r.name)} ON ${r.tbl_name}: ${untag(
            (r.sql ?? '')
              .replace(/\s+/g, ' ')
              .replace(/\( | (?=[),])/g, (m) => m.trim())
              .trim(),
          )}`,
      )
      .sort()
  }

  it('every historical prefix of the migrations upgrades to exactly the fresh schema', () => {
    const fresh = openDatabase(tmp.file)
    const expected = schemaOf(fresh)
    fresh.close()
    expect(expected.length).toBeGreaterThan(10)
    for (let n = 0; n <= MIGRATIONS.length; n++) {
      const file = `${tmp.dir}/prefix-${n}.db`
      const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, n) })
      expect(old.pragma('user_version', { simple: true })).toBe(n === 0 ? 0 : MIGRATIONS[n - 1]!.version)
      old.close()
      const upgraded = openDatabase(file)
      expect(upgraded.pragma('user_version', { simple: true })).toBe(latest)
      expect(schemaOf(upgraded), `upgraded from ${n} migration(s)`).toEqual(expected)
      upgraded.close()
    }
  })

  it("a sync's snapshot swap (live createDeviceTables) leaves the schema the migrations end at", () => {
    const db = openDatabase(tmp.file)
    const expected = schemaOf(db)
    for (let round = 0; round < 2; round++) {
      const snapshot = beginSnapshot(db)
      snapshot.addPage(records(selectedDevices(25)))
      snapshot.commit()
    }
    // A change to the device tables without a new migration fails here (DESIGN §3: frozen SQL).
    expect(schemaOf(db)).toEqual(expected)
    expect(db.prepare('SELECT count(*) FROM devices').pluck().get()).toBe(25)
    db.close()
  })

  it('0060 copies the caller name of actions recorded before it into its own column', () => {
    const before = openDatabase(tmp.file, { migrations: MIGRATIONS.filter((m) => m.version <= 20) })
    const insert = before.prepare(`INSERT INTO actions (id, idempotency_key, profile_id, tenant_id, device_id,
      action, enrollment, state, agent_upn, verification_json, preconditions_json, device_json, eligibility_json,
      client_request_id, requested_at, updated_at)
      VALUES (?, ?, 'demo', 't', 'd', 'resetPasscode', 'androidFullyManaged', 'done', 'a@x', ?, '[]', '{}', '{}',
      'r', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')`)
    insert.run('named', 'k1', JSON.stringify({ checks: ['employeeId'], callerName: 'Zoé Bélanger' }))
    insert.run('blank', 'k2', JSON.stringify({ checks: [], callerName: '  ' }))
    insert.run('none', 'k3', JSON.stringify({ checks: [] }))
    insert.run('odd', 'k4', JSON.stringify({ checks: [], callerName: 42 }))
    before.close()
    const db = openDatabase(tmp.file, { migrations: MIGRATIONS.filter((m) => m.version <= 60) })
    const rows = db.prepare('SELECT id, caller_name FROM actions ORDER BY id').all()
    expect(rows).toEqual([
      { id: 'blank', caller_name: null },
      { id: 'named', caller_name: 'Zoé Bélanger' },
      { id: 'none', caller_name: null },
      { id: 'odd', caller_name: null },
    ])
    db.close()
  })
})
