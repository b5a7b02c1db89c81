import type Database from 'better-sqlite3'

/**
 * DDL of one device table set: the rows, a word index and an identifier index. A sync builds a
 * complete new set beside the live one (suffix `_next`) and swaps it in with renames inside one
 * transaction (store/snapshot.ts), so the set's shape is defined once, here.
 *
 * - `devices`: one row per managed device, the columns list and filters need. `pk` is the integer key
 *   shared with the other three tables.
 * - `devices_raw`: the Graph JSON (secrets stripped, device-record.ts), apart so that scans over
 *   `devices` (filters, counts) read ~4× fewer pages. Its key is the device row's `raw_pk`, not
 *   `pk`: a sync writes the JSON once, in the order Graph sends it, while `pk` follows names.
 * - `devices_fts`: unicode61 with remove_diacritics 2 (case- and accent-insensitive: "helene" finds
 *   "Hélène") and prefix indexes for 1–3 characters, for search-as-you-type over words
 *   (sqlite.org/fts5.html §4.3.1, §4.2 prefix indexes). Contentless with contentless_delete
 *   (SQLite ≥ 3.43) so nothing is stored twice and rows can still be deleted.
 *   Its last column, `facets`, holds the filter values as words (store/device-facets.ts).
 * - `devices_ids`: trigram over serial, IMEI, MEID and phone digits, for fragments typed from the
 *   middle of an identifier (sqlite.org/fts5.html §4.3.2).
 *
 * - `devices_checkins`: how many devices per (enrollment kind, operating system, verdict, check-in
 *   day), so the Readiness figures read O(groups) rows instead of every device (DESIGN §5,
 *   core/readiness/queries.ts). Days (UTC, never checked in = day 0, as the check-in filter counts
 *   it as 0 ms) stay true as time passes: a cutoff is a sum over days. A sync builds it from the new
 *   set in one grouped read; triggers on the live `devices` (createCheckInTriggers) keep it in step
 *   with every later write (incremental pass, devices:refresh, verdict refresh).
 *
 * Index names carry a per-build tag because index names are global and survive a table rename.
 */
export const DEVICE_TABLES = [
  'devices',
  'devices_raw',
  'devices_fts',
  'devices_ids',
  'devices_checkins',
] as const

/** A check-in day of `devices_checkins`: whole UTC days since 1970 (never checked in: day 0). */
export const CHECK_IN_DAY_MS = 86_400_000

export const FTS_COLUMNS = [
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
] as const

/** The word-index column of filter words (device-facets.ts), after FTS_COLUMNS. */
export const FACET_COLUMN = 'facets'

export function createDeviceTables(
  db: Database.Database,
  suffix: '' | '_next',
  tag: string,
  options: { secondaryIndexes: boolean; raw?: boolean } = { secondaryIndexes: true },
): void {
  checkTag(tag)
  const d = `devices${suffix}`
  db.exec(`
    CREATE TABLE ${d} (
      pk INTEGER PRIMARY KEY,
      id TEXT NOT NULL,
      device_name TEXT,
      user_principal_name TEXT,
      user_display_name TEXT,
      email_address TEXT,
      serial_number TEXT,
      imei TEXT,
      meid TEXT,
      phone_number TEXT,
      model TEXT,
      manufacturer TEXT,
      operating_system TEXT,
      os_version TEXT,
      device_type TEXT,
      device_enrollment_type TEXT,
      management_agent TEXT,
      ownership TEXT NOT NULL,
      management_state TEXT,
      compliance_state TEXT NOT NULL,
      join_type TEXT,
      is_supervised INTEGER,
      last_sync_date_time TEXT,
      last_sync_ms INTEGER,
      enrolled_date_time TEXT,
      enrollment_kind TEXT NOT NULL,
      verdict TEXT NOT NULL,
      action TEXT,
      name_key TEXT NOT NULL,
      user_key TEXT NOT NULL,
      api_version TEXT NOT NULL,
      cached_at TEXT NOT NULL,
      raw_pk INTEGER
    );
    CREATE UNIQUE INDEX devices_${tag}_id ON ${d}(id);
    CREATE VIRTUAL TABLE devices_fts${suffix} USING fts5(
      ${FTS_COLUMNS.join(', ')}, ${FACET_COLUMN},
      content='', contentless_delete=1,
      tokenize='unicode61 remove_diacritics 2', prefix='1 2 3'
    );
    CREATE VIRTUAL TABLE devices_ids${suffix} USING fts5(
      ids, content='', contentless_delete=1,
      tokenize='trigram remove_diacritics 1'
    );
    CREATE TABLE devices_checkins${suffix} (
      enrollment_kind TEXT NOT NULL,
      operating_system TEXT,
      verdict TEXT NOT NULL,
      day INTEGER NOT NULL,
      n INTEGER NOT NULL
    );
    CREATE INDEX devices_${tag}_checkins ON devices_checkins${suffix}
      (enrollment_kind, operating_system, verdict, day, n);
  `)
  if (options.raw !== false) createRawTable(db, suffix)
  if (options.secondaryIndexes) createDeviceIndexes(db, suffix, tag)
}

/** The Graph JSON of a table set, by `devices.raw_pk` (a sync fills the new set's while staging). */
export function createRawTable(db: Database.Database, suffix: '' | '_next'): void {
  db.exec(`CREATE TABLE devices_raw${suffix} (pk INTEGER PRIMARY KEY, raw TEXT NOT NULL)`)
}

function checkTag(tag: string): void {
  if (!/^[a-z0-9]{1,16}$/.test(tag)) throw new Error('invalid index tag')
}

/**
 * Indexes for sort and filters (search.ts). A sync creates them once after the bulk load, which is
 * much cheaper than maintaining them row by row. `name_key` serves the default list order and the
 * broad-query plan (scan in name order, probe the FTS hit set); verdict and enrollment kind, the
 * two filters an agent uses most, lead their own indexes (with the check-in time, so that filter is
 * checked in the index too) so filter + name order needs no sort; the
 * `filters` index covers every filter column, so counts under any filter read the index, not rows.
 * `verdict_age` keys the check-in filter's own expression (search.ts filterSql: never checked in
 * counts as 0) after the verdict, so "eligible, no check-in for N days" — the helpdesk's usual
 * question — is a range of the index: text + filters reads only the matching entries (12.7k of
 * 200k in the bench) instead of every device with that verdict (124k) (sqlite.org/expridx.html).
 * `ownership` lists one ownership in key order, so text + ownership probes the FTS hit set and
 * writes its matches in ascending keys (measured 8.6 vs 13 ms for "ma" + personal at 200k).
 * `platform` serves the Readiness figures (core/readiness/queries.ts): devices by enrollment kind and
 * operating system, and stale eligible devices by kind, are covering scans of it in group order (no
 * table read, no sort) — migration 0100 adds it to databases created before. `os` serves the device
 * search's platform filter without a kind (the Readiness platform bars): a range per operating
 * system — migration 0140 adds it to databases created before.
 */
export function deviceIndexStatements(suffix: '' | '_next', tag: string): string[] {
  checkTag(tag)
  const d = `devices${suffix}`
  return [
    `CREATE INDEX devices_${tag}_name ON ${d}(name_key)`,
    `CREATE INDEX devices_${tag}_user ON ${d}(user_key)`,
    `CREATE INDEX devices_${tag}_lastsync ON ${d}(last_sync_ms)`,
    `CREATE INDEX devices_${tag}_verdict ON ${d}(verdict, name_key, pk, last_sync_ms)`,
    `CREATE INDEX devices_${tag}_kind ON ${d}(enrollment_kind, name_key, pk, last_sync_ms)`,
    `CREATE INDEX devices_${tag}_verdict_age ON ${d}(verdict, ifnull(last_sync_ms, 0))`,
    `CREATE INDEX devices_${tag}_ownership ON ${d}(ownership)`,
    `CREATE INDEX devices_${tag}_filters ON ${d}(ownership, compliance_state, verdict, enrollment_kind, last_sync_ms)`,
    `CREATE INDEX devices_${tag}_platform ON ${d}(enrollment_kind, operating_system, verdict, last_sync_ms)`,
    `CREATE INDEX devices_${tag}_os ON ${d}(operating_system, verdict, last_sync_ms)`,
  ]
}

/**
 * Fills `devices_checkins<suffix>` from its device table in one grouped read (a sync's build step,
 * after the indexes: the `platform` index gives the first three keys in order).
 */
export function fillCheckIns(db: Database.Database, suffix: '' | '_next'): void {
  db.exec(`DELETE FROM devices_checkins${suffix}`)
  db.exec(`INSERT INTO devices_checkins${suffix} (enrollment_kind, operating_system, verdict, day, n)
    SELECT enrollment_kind, operating_system, verdict, ifnull(last_sync_ms, 0) / ${CHECK_IN_DAY_MS}, count(*)
    FROM devices${suffix} GROUP BY 1, 2, 3, 4`)
}

const checkInDay = (row: 'NEW' | 'OLD') => `ifnull(${row}.last_sync_ms, 0) / ${CHECK_IN_DAY_MS}`
const checkInGroup = (row: 'NEW' | 'OLD') =>
  `enrollment_kind = ${row}.enrollment_kind AND operating_system IS ${row}.operating_system
     AND verdict = ${row}.verdict AND day = ${checkInDay(row)}`
const countIn = (row: 'NEW') => `
    INSERT INTO devices_checkins (enrollment_kind, operating_system, verdict, day, n)
      SELECT NEW.enrollment_kind, NEW.operating_system, NEW.verdict, ${checkInDay(row)}, 0
      WHERE NOT EXISTS (SELECT 1 FROM devices_checkins WHERE ${checkInGroup(row)});
    UPDATE devices_checkins SET n = n + 1 WHERE ${checkInGroup(row)};`
const countOut = (row: 'OLD') => `
    UPDATE devices_checkins SET n = n - 1 WHERE ${checkInGroup(row)};
    DELETE FROM devices_checkins WHERE ${checkInGroup(row)} AND n <= 0;`

/**
 * Triggers that keep `devices_checkins` equal to a count over the live `devices` on every row write
 * (a group that empties is deleted, so the table stays O(groups)). Created on the live set only,
 * after a sync's swap: the bulk load of a new set is counted once by fillCheckIns instead. Trigger
 * names are global; dropping `devices` drops them. Migration 0120 holds the same SQL, frozen.
 */
export function checkInTriggerStatements(): string[] {
  return [
    `CREATE TRIGGER devices_checkins_insert AFTER INSERT ON devices BEGIN ${countIn('NEW')}
  END`,
    `CREATE TRIGGER devices_checkins_delete AFTER DELETE ON devices BEGIN ${countOut('OLD')}
  END`,
    `CREATE TRIGGER devices_checkins_update
    AFTER UPDATE OF enrollment_kind, operating_system, verdict, last_sync_ms ON devices
    WHEN OLD.enrollment_kind IS NOT NEW.enrollment_kind OR OLD.operating_system IS NOT NEW.operating_system
      OR OLD.verdict IS NOT NEW.verdict OR ${checkInDay('OLD')} IS NOT ${checkInDay('NEW')}
    BEGIN ${countOut('OLD')} ${countIn('NEW')}
  END`,
  ]
}

export function createCheckInTriggers(db: Database.Database): void {
  for (const statement of checkInTriggerStatements()) db.exec(statement)
}

export function createDeviceIndexes(db: Database.Database, suffix: '' | '_next', tag: string): void {
  for (const statement of deviceIndexStatements(suffix, tag)) db.exec(statement)
}

export function dropDeviceTables(
  db: Database.Database,
  suffix: '' | '_next',
  options: { keepRaw?: boolean } = {},
): void {
  for (const table of DEVICE_TABLES) {
    if (options.keepRaw && table === 'devices_raw') continue
    db.exec(`DROP TABLE IF EXISTS ${table}${suffix}`)
  }
}
