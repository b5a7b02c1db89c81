import { join } from 'node:path'
import type { SessionProvider } from '../auth/session'
import { silentLogger, type Logger } from '../log'
import { openDatabase, type Db } from './db'
import { refreshStoredVerdicts } from './verdict-refresh'

/**
 * The device cache database of the active profile: one file per profile,
 * `<profileDataDir>/cache.db`, never shared (DESIGN §3 "SQLite"). Opened lazily; on a profile switch the old
 * one is closed (after `onReset` listeners, e.g. the sync engine cancelling its run) and the next
 * `db()` opens the new profile's file.
 */
export interface DeviceCache {
  db(): Db
  /** Fires before the current database is closed (profile switch, dispose). */
  onReset(listener: () => void): () => void
  close(): void
}

export interface DeviceCacheOptions {
  /** The active session decides the file; or a fixed `file` (CLI, tests, benchmarks). */
  readonly sessions?: SessionProvider
  readonly file?: string
  readonly nativeBinding?: string
  readonly log?: Logger
}

export const CACHE_FILE = 'cache.db'

export function createDeviceCache(options: DeviceCacheOptions): DeviceCache {
  const log = options.log ?? silentLogger
  const listeners = new Set<() => void>()
  let current: { file: string; db: Db } | null = null

  const fileNow = (): string => {
    if (options.file) return options.file
    if (!options.sessions) throw new Error('createDeviceCache needs sessions or file')
    return join(options.sessions.current().profileDataDir, CACHE_FILE)
  }

  const close = () => {
    if (!current) return
    for (const listener of listeners) {
      try {
        listener()
      } catch (error) {
        log.warn('cache.reset-listener-threw', { error })
      }
    }
    try {
      current.db.close()
    } catch (error) {
      log.warn('cache.close-failed', { error })
    }
    current = null
  }

  options.sessions?.onChange(() => {
    if (current && current.file !== fileNow()) close()
  })

  return {
    db() {
      const file = fileNow()
      if (current && current.file !== file) close()
      if (!current) {
        const db = openDatabase(file, { nativeBinding: options.nativeBinding })
        // Rows cached under older eligibility rules get today's verdicts before anyone reads them.
        const refreshed = refreshStoredVerdicts(db)
        current = { file, db }
        log.info('cache.opened', { verdictsRefreshed: refreshed })
      }
      return current.db
    },
    onReset(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close,
  }
}
