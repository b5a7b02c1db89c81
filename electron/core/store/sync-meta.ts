import type Database from 'better-sqlite3'
import type { ErrorCode } from '@shared/errors'
import type { ApiVersion } from './device-record'

/** What the cache remembers about syncs, per profile (one database per profile). */
export interface SyncMeta {
  readonly lastSuccessAt: string | null
  readonly lastAttemptAt: string | null
  readonly lastErrorCode: ErrorCode | null
  readonly lastErrorMessage: string | null
  readonly apiVersion: ApiVersion | null
  readonly lastDurationMs: number | null
}

type Key = keyof SyncMeta

export interface SyncMetaRepository {
  read(): SyncMeta
  write(patch: Partial<SyncMeta>): void
}

export function createSyncMetaRepository(db: Database.Database): SyncMetaRepository {
  const all = db.prepare('SELECT key, value FROM sync_meta')
  const upsert = db.prepare(
    'INSERT INTO sync_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  )
  const remove = db.prepare('DELETE FROM sync_meta WHERE key = ?')
  return {
    read() {
      const map = new Map<string, string>()
      for (const row of all.all() as { key: string; value: string }[]) map.set(row.key, row.value)
      const duration = map.get('lastDurationMs')
      return {
        lastSuccessAt: map.get('lastSuccessAt') ?? null,
        lastAttemptAt: map.get('lastAttemptAt') ?? null,
        lastErrorCode: (map.get('lastErrorCode') as ErrorCode | undefined) ?? null,
        lastErrorMessage: map.get('lastErrorMessage') ?? null,
        apiVersion: (map.get('apiVersion') as ApiVersion | undefined) ?? null,
        lastDurationMs: duration === undefined ? null : Number(duration),
      }
    },
    write(patch) {
      db.transaction(() => {
        for (const [key, value] of Object.entries(patch) as [Key, unknown][]) {
          if (value === null || value === undefined) remove.run(key)
          else upsert.run(key, String(value))
        }
      })()
    },
  }
}
