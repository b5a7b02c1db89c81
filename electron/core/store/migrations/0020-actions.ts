import type { Migration } from './types'

/**
 * Passcode actions issued from this app and every state they went through (DESIGN §1 "actions";
 * frozen SQL, DESIGN §3: never edit, add a migration).
 *
 * Never stores a passcode: Intune's temporary passcode lives in core's memory only (DESIGN §4); the
 * row keeps `has_passcode` (a boolean) so History can say one was issued. Dates are ISO 8601 UTC
 * strings (`…Z`), so text order is time order and the history filters use plain range scans.
 */
export const migration0020: Migration = {
  version: 20,
  name: '0020-actions',
  up(db) {
    db.exec(`
    CREATE TABLE actions (
      id                   TEXT PRIMARY KEY,
      idempotency_key      TEXT NOT NULL UNIQUE,
      profile_id           TEXT NOT NULL,
      tenant_id            TEXT NOT NULL,
      device_id            TEXT NOT NULL,
      device_name          TEXT,
      serial_number        TEXT,
      action               TEXT NOT NULL,
      enrollment           TEXT NOT NULL,
      outcome              TEXT,
      state                TEXT NOT NULL,
      agent_upn            TEXT NOT NULL,
      agent_name           TEXT,
      ticket_reference     TEXT,
      verification_json    TEXT NOT NULL,
      preconditions_json   TEXT NOT NULL,
      device_json          TEXT NOT NULL,
      eligibility_json     TEXT NOT NULL,
      client_request_id    TEXT NOT NULL,
      graph_request_id     TEXT,
      -- startDateTime of the resetPasscode result Intune showed before our POST: a later one is ours.
      baseline_start       TEXT,
      intune_start         TEXT,
      intune_error_code    INTEGER,
      failure_code         TEXT,
      has_passcode         INTEGER NOT NULL DEFAULT 0 CHECK (has_passcode IN (0, 1)),
      outcome_note         TEXT,
      requested_at         TEXT NOT NULL,
      sent_at              TEXT,
      last_checked_at      TEXT,
      completed_at         TEXT,
      finished_at          TEXT,
      updated_at           TEXT NOT NULL
    ) STRICT;

    -- History: newest first, optionally by state, device, agent or ticket (history:list filters).
    CREATE INDEX actions_by_time   ON actions (requested_at DESC);
    CREATE INDEX actions_by_state  ON actions (state, requested_at DESC);
    CREATE INDEX actions_by_device ON actions (device_id, requested_at DESC);
    CREATE INDEX actions_by_agent  ON actions (agent_upn, requested_at DESC);
    CREATE INDEX actions_by_ticket ON actions (ticket_reference) WHERE ticket_reference IS NOT NULL;

    CREATE TABLE action_transitions (
      action_id TEXT NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
      seq       INTEGER NOT NULL,
      state     TEXT NOT NULL,
      at        TEXT NOT NULL,
      detail    TEXT,
      PRIMARY KEY (action_id, seq)
    ) STRICT, WITHOUT ROWID;
  `)
  },
}
