import type { Migration } from './types'

/**
 * The word index gains a `facets` column holding each device's filter values as words
 * (store/device-facets.ts), so text + filters is one FTS5 query. A virtual table cannot gain a
 * column: the index is rebuilt from the devices table, with the same DDL as
 * store/device-tables.ts. Frozen SQL: the phone column gets its text and bare digits; the
 * national-number words (devices/phone.ts) arrive with the next sync, and until then the
 * identifier index still finds those digits.
 */
export const migration0050: Migration = {
  version: 50,
  name: '0050-filter-words',
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
        char(57344) || 'o' || ownership || ' ' || char(57344) || 'c' || compliance_state
    FROM devices ORDER BY pk;
    `)
  },
}
