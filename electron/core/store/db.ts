import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { CodedError } from '@shared/errors'
import { runMigrations } from './migrate'
import { MIGRATIONS, type Migration } from './migrations'

export type Db = Database.Database

export interface OpenDatabaseOptions {
  /** better-sqlite3 binary built for this runtime's ABI (Electron); unset under Node (CoreOptions). */
  readonly nativeBinding?: string
  /** Tests pass their own list to exercise upgrades; production uses the registry. */
  readonly migrations?: readonly Migration[]
}

/**
 * Opens (creating if needed) one profile's cache database and brings its schema up to date.
 * WAL so that searches keep reading the last committed snapshot while a sync writes (DESIGN §3);
 * synchronous=NORMAL is durable across application crashes in WAL mode (sqlite.org/wal.html), and a
 * power cut can at worst lose the last commits, never corrupt the file.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  let db: Db
  try {
    db = options.nativeBinding
      ? new Database(file, { nativeBinding: options.nativeBinding })
      : new Database(file)
  } catch (error) {
    throw new CodedError('DB_ERROR', 'Cannot open the device cache', undefined, { cause: error })
  }
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    // Large syncs: keep more pages in memory (negative = KiB). 32 MiB stays well inside the RSS budget (DESIGN §5).
    db.pragma('cache_size = -32768')
    db.pragma('temp_store = MEMORY')
    runMigrations(db, options.migrations ?? MIGRATIONS)
    return db
  } catch (error) {
    db.close()
    if (error instanceof CodedError) throw error
    throw new CodedError('DB_ERROR', 'Cannot prepare the device cache', undefined, { cause: error })
  }
}
