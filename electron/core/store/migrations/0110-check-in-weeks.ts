import type { Migration } from './types'

/**
 * The word index's `facets` column gains each device's check-in week (store/device-facets.ts:
 * weeks since 1970-01-01 UTC, never checked in = week 0), so text + "no check-in for N days" is one
 * FTS5 query plus an exact check of one boundary week (devices/search-age.ts). A contentless FTS5
 * table cannot rewrite one column, so the index is rebuilt from the devices table as in migration
 * 0050, with the same DDL as store/device-tables.ts. Frozen SQL: as in 0050, the phone column gets
 * its text and bare digits; the national-number words (devices/phone.ts) come back with the next
 * sync, and until then the identifier index still finds those digits.
 */
export const migration0110: Migration = {
  version: 110,
  name: '0110-check-in-weeks',
  up(db) {
    db.exec(`
    DROP TABLE IF EXISTS devices_fts;
    CREATE VIRTUAL TABLE devices_fts USING fts5(
      device_name, user_principal_name, user_display_name, email_address, serial_number, imei, meid,
      phone_number, model, manufacturer, facets,
      content='', contentless_delete=1,
      tokenize='unicode61 remove_diacritics 2', prefix='1 2 3'
    );
    INSERT INTO devices_fts (rowid, device_name, user_principal_name, user_display_name,
      email_address, serial_number, imei, meid, phone_number, model, manufacturer, facets)
    SELECT pk, device_name, user_principal_name, user_display_name, email_address, serial_number,
      imei, meid,
      CASE WHEN phone_number IS NULL OR phone_number = '' THEN NULL ELSE phone_number || ' ' ||
        replace(replace(replace(replace(replace(replace(replace(phone_number,
          ' ', ''), '+', ''), '-', ''), '.', ''), '(', ''), ')', ''), '/', '') END,
      model, manufacturer,
      char(57344) || 'v' || verdict || ' ' || char(57344) || 'k' || enrollment_kind || ' ' ||
        char(57344) || 'o' || ownership || ' ' || char(57344) || 'c' || compliance_state || ' ' ||
        char(57344) || 'w' || max(0, CAST(ifnull(last_sync_ms, 0) / 604800000 AS INTEGER))
    FROM devices ORDER BY pk;
    `)
  },
}
