import type { Migration } from './index'

/**
 * An index for the Readiness figures (DESIGN §5: the view stays under 200 ms at 200,000 devices):
 * devices by enrollment kind and operating system, and eligible devices without a recent check-in
 * by kind, read it as covering scans in group order instead of reading every row. The same index is
 * in store/device-tables.ts (`platform`), which every later sync builds; the tag `m100` cannot
 * collide with a sync's random hex tag. Frozen SQL.
 */
export const migration0100: Migration = {
  version: 100,
  name: '0100-readiness-index',
  up(db) {
    db.exec(`
    CREATE INDEX devices_m100_platform ON devices(enrollment_kind, operating_system, verdict, last_sync_ms);
  `)
  },
}
