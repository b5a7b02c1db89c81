import type Database from 'better-sqlite3'
import type { ErrorCode } from '@shared/errors'
import type { ApiVersion } from './device-record'

/**
 * The `sync_meta` key/value table (migration 0010), read and written here only: what the cache
 * remembers about syncs, per profile (one database per profile).
 */

/** The last run, as `sync:status` reports it. */
export interface SyncMeta {
  readonly lastSuccessAt: string | null
  readonly lastAttemptAt: string | null
  readonly lastErrorCode: ErrorCode | null
  readonly lastErrorMessage: string | null
  readonly apiVersion: ApiVersion | null
  readonly lastDurationMs: number | null
}

/** Where an interrupted full pass stopped (sync/full-pass.ts resumes from it). */
export interface ResumePoint {
  /** The nextLink still to fetch, or ALL_PAGES_STAGED when every page was staged. */
  readonly link: string
  readonly apiVersion: ApiVersion
  /** Pages staged so far. */
  readonly pages: number
  /** When the last page was staged (ms): older staging is not resumed (sync/full-pass.ts). */
  readonly savedAtMs: number
  /** When the interrupted pass began: its pages are no newer than that (the next watermark). */
  readonly startedAt: string
}

export const ALL_PAGES_STAGED = 'done'

/** What the sync passes remember between runs. */
export interface PassMeta {
  readonly lastFullAt: string | null
  readonly lastIncrementalAt: string | null
  /** Start of the last successful pass: the next incremental asks for devices changed since. */
  readonly changesSince: string | null
  readonly resume: ResumePoint | null
}

interface KeyValueView<T> {
  read(): T
  write(patch: Partial<T>): void
}

export interface SyncMetaRepository extends KeyValueView<SyncMeta> {
  readonly pass: KeyValueView<PassMeta>
  /** One value kept by another part of the cache (the rules fingerprint: store/verdict-refresh.ts). */
  value(key: string): string | null
  setValue(key: string, value: string): void
}

const PASS_KEYS = {
  lastFullAt: 'pass.lastFullAt',
  lastIncrementalAt: 'pass.lastIncrementalAt',
  changesSince: 'pass.changesSince',
  resume: 'pass.resume',
} as const

function parseResume(text: string | undefined): ResumePoint | null {
  if (!text) return null
  try {
    const r = JSON.parse(text) as Partial<ResumePoint>
    if (
      typeof r.link === 'string' &&
      (r.apiVersion === 'beta' || r.apiVersion === 'v1.0') &&
      typeof r.pages === 'number' &&
      typeof r.savedAtMs === 'number' &&
      typeof r.startedAt === 'string'
    )
      return r as ResumePoint
  } catch {
    // unreadable: start clean
  }
  return null
}

export function createSyncMetaRepository(db: Database.Database): SyncMetaRepository {
  const all = db.prepare('SELECT key, value FROM sync_meta')
  const one = db.prepare('SELECT value FROM sync_meta WHERE key = ?').pluck()
  const upsert = db.prepare(
    'INSERT INTO sync_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  )
  const remove = db.prepare('DELETE FROM sync_meta WHERE key = ?')
  const readAll = () => {
    const map = new Map<string, string>()
    for (const row of all.all() as { key: string; value: string }[]) map.set(row.key, row.value)
    return map
  }
  /** A null value removes the key; one transaction per patch. */
  const writeAll = (entries: [string, string | null][]) =>
    db.transaction(() => {
      for (const [key, value] of entries) {
        if (value === null) remove.run(key)
        else upsert.run(key, value)
      }
    })()
  const text = (value: unknown, json: boolean): string | null =>
    value === null || value === undefined
      ? null
      : json && typeof value !== 'string'
        ? JSON.stringify(value)
        : String(value)

  return {
    read() {
      const map = readAll()
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
      writeAll(Object.entries(patch).map(([key, value]) => [key, text(value, false)]))
    },
    pass: {
      read() {
        const map = readAll()
        return {
          lastFullAt: map.get(PASS_KEYS.lastFullAt) ?? null,
          lastIncrementalAt: map.get(PASS_KEYS.lastIncrementalAt) ?? null,
          changesSince: map.get(PASS_KEYS.changesSince) ?? null,
          resume: parseResume(map.get(PASS_KEYS.resume)),
        }
      },
      write(patch) {
        writeAll(
          (Object.entries(patch) as [keyof PassMeta, unknown][]).map(([name, value]) => [
            PASS_KEYS[name],
            text(value, true),
          ]),
        )
      },
    },
    value: (key) => (one.get(key) as string | undefined) ?? null,
    setValue(key, value) {
      upsert.run(key, value)
    },
  }
}
