import type { Migration } from './types'

/**
 * Device counts per (enrollment kind, operating system, verdict, check-in day) for the Readiness
 * figures (DESIGN §5: the view stays under 200 ms at 200,000 devices), so they read O(groups) rows
 * instead of every device (core/readiness/queries.ts). A day is whole UTC days since 1970 of the
 * last check-in, never checked in counting as day 0 (the check-in filter counts it as 0 ms): any
 * "no check-in since" cutoff is a sum over days plus the one day the cutoff splits, so the counts
 * stay true as time passes. Filled once here from the cache; the triggers keep it equal to a count
 * over `devices` on every later write. A sync builds the table with the rest of its set and
 * recreates the triggers after its swap (store/device-tables.ts). The tag `m110` cannot collide
 * with a sync's random hex tag. It may find the table a sync of this version already built (a
 * cache a test or an interrupted upgrade left at an older user_version): then it counts again and
 * replaces the triggers. Frozen SQL.
 */
export const migration0120: Migration = {
  version: 120,
  name: '0120-check-in-counts',
  up(db) {
    db.exec(`
    CREATE TABLE IF NOT EXISTS devices_checkins (
      enrollment_kind TEXT NOT NULL,
      operating_system TEXT,
      verdict TEXT NOT NULL,
      day INTEGER NOT NULL,
      n INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS devices_m110_checkins ON devices_checkins
      (enrollment_kind, operating_system, verdict, day, n);
    DELETE FROM devices_checkins;
    DROP TRIGGER IF EXISTS devices_checkins_insert;
    DROP TRIGGER IF EXISTS devices_checkins_delete;
    DROP TRIGGER IF EXISTS devices_checkins_update;
    INSERT INTO devices_checkins (enrollment_kind, operating_system, verdict, day, n)
      SELECT enrollment_kind, operating_system, verdict, ifnull(last_sync_ms, 0) / 86400000, count(*)
      FROM devices GROUP BY 1, 2, 3, 4;
    CREATE TRIGGER devices_checkins_insert AFTER INSERT ON devices BEGIN
      INSERT INTO devices_checkins (enrollment_kind, operating_system, verdict, day, n)
        SELECT NEW.enrollment_kind, NEW.operating_system, NEW.verdict, ifnull(NEW.last_sync_ms, 0) / 86400000, 0
        WHERE NOT EXISTS (SELECT 1 FROM devices_checkins WHERE enrollment_kind = NEW.enrollment_kind
          AND operating_system IS NEW.operating_system AND verdict = NEW.verdict
          AND day = ifnull(NEW.last_sync_ms, 0) / 86400000);
      UPDATE devices_checkins SET n = n + 1 WHERE enrollment_kind = NEW.enrollment_kind
        AND operating_system IS NEW.operating_system AND verdict = NEW.verdict
        AND day = ifnull(NEW.last_sync_ms, 0) / 86400000;
    END;
    CREATE TRIGGER devices_checkins_delete AFTER DELETE ON devices BEGIN
      UPDATE devices_checkins SET n = n - 1 WHERE enrollment_kind = OLD.enrollment_kind
        AND operating_system IS OLD.operating_system AND verdict = OLD.verdict
        AND day = ifnull(OLD.last_sync_ms, 0) / 86400000;
      DELETE FROM devices_checkins WHERE enrollment_kind = OLD.enrollment_kind
        AND operating_system IS OLD.operating_system AND verdict = OLD.verdict
        AND day = ifnull(OLD.last_sync_ms, 0) / 86400000 AND n <= 0;
    END;
    CREATE TRIGGER devices_checkins_update
      AFTER UPDATE OF enrollment_kind, operating_system, verdict, last_sync_ms ON devices
      WHEN OLD.enrollment_kind IS NOT NEW.enrollment_kind OR OLD.operating_system IS NOT NEW.operating_system
        OR OLD.verdict IS NOT NEW.verdict
        OR ifnull(OLD.last_sync_ms, 0) / 86400000 IS NOT ifnull(NEW.last_sync_ms, 0) / 86400000
    BEGIN
      UPDATE devices_checkins SET n = n - 1 WHERE enrollment_kind = OLD.enrollment_kind
        AND operating_system IS OLD.operating_system AND verdict = OLD.verdict
        AND day = ifnull(OLD.last_sync_ms, 0) / 86400000;
      DELETE FROM devices_checkins WHERE enrollment_kind = OLD.enrollment_kind
        AND operating_system IS OLD.operating_system AND verdict = OLD.verdict
        AND day = ifnull(OLD.last_sync_ms, 0) / 86400000 AND n <= 0;
      INSERT INTO devices_checkins (enrollment_kind, operating_system, verdict, day, n)
        SELECT NEW.enrollment_kind, NEW.operating_system, NEW.verdict, ifnull(NEW.last_sync_ms, 0) / 86400000, 0
        WHERE NOT EXISTS (SELECT 1 FROM devices_checkins WHERE enrollment_kind = NEW.enrollment_kind
          AND operating_system IS NEW.operating_system AND verdict = NEW.verdict
          AND day = ifnull(NEW.last_sync_ms, 0) / 86400000);
      UPDATE devices_checkins SET n = n + 1 WHERE enrollment_kind = NEW.enrollment_kind
        AND operating_system IS NEW.operating_system AND verdict = NEW.verdict
        AND day = ifnull(NEW.last_sync_ms, 0) / 86400000;
    END;
  `)
  },
}
