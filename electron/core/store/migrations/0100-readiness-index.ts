import type { Migration } from './types'

/**
 * Indexes for the Readiness figures (DESIGN §5: the view stays under 200 ms at 200,000 devices),
 * so each is a covering read instead of row reads (core/readiness/queries.ts):
 * - devices by enrollment kind and operating system, and eligible devices without a recent
 *   check-in by kind: `platform`, scanned in group order. The same index is in
 *   store/device-tables.ts, which every later sync builds; the tag `m100` cannot collide with a
 *   sync's random hex tag;
 * - actions per period and state: `actions_by_time_state`, one range per period;
 * - failures by reason and durations of succeeded actions: `actions_outcomes`, a range per state.
 *   An action row carries kilobytes of JSON; these read none of it.
 * Frozen SQL.
 */
export const migration0100: Migration = {
  version: 100,
  name: '0100-readiness-index',
  up(db) {
    db.exec(`
    CREATE INDEX devices_m100_platform ON devices(enrollment_kind, operating_system, verdict, last_sync_ms);
    CREATE INDEX actions_by_time_state ON actions (requested_at, state);
    CREATE INDEX actions_outcomes ON actions
      (state, requested_at, action, sent_at, completed_at, failure_code, intune_error_code, device_id);
  `)
  },
}
