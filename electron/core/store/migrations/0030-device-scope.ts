import type { Migration } from './types'

/**
 * Devices Intune refused to show the agent because of scope tags (domain §9: a 404
 * `ResourceNotFound` "Resource does not contain a tag allowed by the current role"). The device
 * still exists, so its cache row stays; this table marks it "outside your Intune scope". Kept
 * beside the device tables (not a column) so a snapshot swap never has to carry it: a mark whose
 * device left the cache is simply never looked up. Frozen SQL.
 */
export const migration0030: Migration = {
  version: 30,
  name: '0030-device-scope',
  up(db) {
    db.exec(`
    CREATE TABLE device_scope_denials (
      device_id   TEXT PRIMARY KEY,
      -- Who was refused (a colleague with a wider role may still see the device) and when.
      agent_upn   TEXT NOT NULL,
      denied_at   TEXT NOT NULL,
      -- Graph's request-id and Intune's Activity ID of the refusal, for Microsoft support.
      request_id  TEXT,
      activity_id TEXT
    ) STRICT, WITHOUT ROWID;
  `)
  },
}
