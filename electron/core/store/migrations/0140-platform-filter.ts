import type { Migration } from './types'

/**
 * The device search's operating-system filter (devices:search `platforms`, the Readiness view's
 * platform bars): a range of this index per operating system, the verdict and check-in time
 * checked in the index. The same index is in store/device-tables.ts, which every later sync builds;
 * the tag `m140` cannot collide with a sync's random hex tag. Frozen SQL.
 */
export const migration0140: Migration = {
  version: 140,
  name: '0140-platform-filter',
  up(db) {
    db.exec(`CREATE INDEX devices_m140_os ON devices(operating_system, verdict, last_sync_ms);`)
  },
}
