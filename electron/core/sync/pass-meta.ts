import type Database from 'better-sqlite3'
import type { ApiVersion } from '../store/device-record'

/**
 * What the sync passes remember between runs, beside store/sync-meta.ts in the same key/value
 * table (`sync_meta`, no schema change): when the last full and incremental passes succeeded, the
 * watermark of the next incremental pass, and where an interrupted full pass stopped.
 */
export interface ResumePoint {
  /** The nextLink still to fetch, or DONE when every page was staged. */
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

export interface PassMeta {
  readonly lastFullAt: string | null
  readonly lastIncrementalAt: string | null
  /** Start of the last successful pass: the next incremental asks for devices changed since. */
  readonly changesSince: string | null
  readonly resume: ResumePoint | null
}

const KEYS = {
  lastFullAt: 'pass.lastFullAt',
  lastIncrementalAt: 'pass.lastIncrementalAt',
  changesSince: 'pass.changesSince',
  resume: 'pass.resume',
} as const

export interface PassMetaRepository {
  read(): PassMeta
  write(patch: Partial<PassMeta>): void
}

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

export function createPassMetaRepository(db: Database.Database): PassMetaRepository {
  const get = db.prepare("SELECT key, value FROM sync_meta WHERE key LIKE 'pass.%'")
  const upsert = db.prepare(
    'INSERT INTO sync_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  )
  const remove = db.prepare('DELETE FROM sync_meta WHERE key = ?')
  return {
    read() {
      const map = new Map<string, string>()
      for (const row of get.all() as { key: string; value: string }[]) map.set(row.key, row.value)
      return {
        lastFullAt: map.get(KEYS.lastFullAt) ?? null,
        lastIncrementalAt: map.get(KEYS.lastIncrementalAt) ?? null,
        changesSince: map.get(KEYS.changesSince) ?? null,
        resume: parseResume(map.get(KEYS.resume)),
      }
    },
    write(patch) {
      db.transaction(() => {
        for (const [name, value] of Object.entries(patch) as [keyof PassMeta, unknown][]) {
          const key = KEYS[name]
          if (value === null || value === undefined) remove.run(key)
          else upsert.run(key, typeof value === 'string' ? value : JSON.stringify(value))
        }
      })()
    },
  }
}
