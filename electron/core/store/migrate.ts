import type Database from 'better-sqlite3'
import { CodedError } from '@shared/errors'
import type { Migration } from './migrations'

/**
 * `user_version` migrations as Signal does (ts/sql/migrations): every pending migration runs in one
 * transaction, so a failure leaves the database exactly as it was; a database written by a newer
 * app (user_version above every migration we know) is refused rather than misread.
 */
export function runMigrations(db: Database.Database, migrations: readonly Migration[]): number {
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]!.version <= migrations[i - 1]!.version) {
      throw new CodedError('INTERNAL', `Migrations out of order at ${migrations[i]!.name}`)
    }
  }
  const current = db.pragma('user_version', { simple: true }) as number
  const latest = migrations.length > 0 ? migrations[migrations.length - 1]!.version : 0
  if (current > latest) {
    throw new CodedError('DB_NEWER_VERSION', 'The device cache was written by a newer Passcode Desk', {
      databaseVersion: current,
      supportedVersion: latest,
    })
  }
  const pending = migrations.filter((m) => m.version > current)
  if (pending.length === 0) return current
  db.transaction(() => {
    for (const migration of pending) migration.up(db)
    // Integer from our own list, not user input: PRAGMA cannot take a bound parameter.
    db.pragma(`user_version = ${Math.trunc(latest)}`)
  }).immediate()
  return latest
}
