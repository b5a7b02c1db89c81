import type { Migration } from './types'

/**
 * The device cache: one device table set (rows, raw Graph JSON, a word index and an identifier index
 * — their roles are described in store/device-tables.ts) and per-profile sync metadata as key/value
 * rows, so later sync fields need no migration.
 *
 * Frozen SQL (DESIGN §3, as Signal's ts/sql/migrations): exactly what release 0.1.0 created, the
 * first build to reach an agent. Earlier development drafts of the device tables never shipped, so
 * every database at user_version 10 or 20 in use has this shape. Never edit this text: a schema
 * change is a new migration file, and `createDeviceTables` (which a sync uses to build the next
 * snapshot) must keep producing the shape the migrations end at —
 * tests/unit/electron/core/store/migrations.test.ts compares the two.
 */
export const migration0010: Migration = {
  version: 10,
  name: '0010-initial',
  up(db) {
    db.exec(`
      CREATE TABLE devices (
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
        cached_at TEXT NOT NULL
      );
      CREATE TABLE devices_raw (
        pk INTEGER PRIMARY KEY,
        raw TEXT NOT NULL
      );
      CREATE UNIQUE INDEX devices_g0_id ON devices(id);
      CREATE VIRTUAL TABLE devices_fts USING fts5(
        device_name, user_principal_name, user_display_name, email_address, serial_number, imei, meid,
        phone_number, model, manufacturer,
        content='', contentless_delete=1,
        tokenize='unicode61 remove_diacritics 2', prefix='1 2 3'
      );
      CREATE VIRTUAL TABLE devices_ids USING fts5(
        ids, content='', contentless_delete=1,
        tokenize='trigram remove_diacritics 1'
      );
      CREATE INDEX devices_g0_name ON devices(name_key);
      CREATE INDEX devices_g0_user ON devices(user_key);
      CREATE INDEX devices_g0_lastsync ON devices(last_sync_ms);
      CREATE INDEX devices_g0_verdict ON devices(verdict, name_key, pk, last_sync_ms);
      CREATE INDEX devices_g0_kind ON devices(enrollment_kind, name_key, pk, last_sync_ms);
      CREATE INDEX devices_g0_verdict_age ON devices(verdict, ifnull(last_sync_ms, 0));
      CREATE INDEX devices_g0_ownership ON devices(ownership);
      CREATE INDEX devices_g0_filters ON devices(ownership, compliance_state, verdict, enrollment_kind, last_sync_ms);

      CREATE TABLE sync_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;
    `)
  },
}
