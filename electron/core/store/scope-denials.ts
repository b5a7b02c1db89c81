import type Database from 'better-sqlite3'

/** One "outside your Intune scope" mark (migration 0030, domain §9 scope tags). */
export interface ScopeDenial {
  readonly deviceId: string
  readonly agentUpn: string
  readonly deniedAt: string
  readonly requestId: string | null
  readonly activityId: string | null
}

export interface ScopeDenials {
  mark(denial: ScopeDenial): void
  /** A successful live read shows the device is in scope again. */
  clear(deviceId: string): void
  get(deviceId: string): ScopeDenial | null
  /** Which of these ids are marked (a result page: at most a few hundred ids). */
  markedAmong(ids: readonly string[]): Set<string>
}

interface Row {
  device_id: string
  agent_upn: string
  denied_at: string
  request_id: string | null
  activity_id: string | null
}

/** Chunk below SQLite's default 32,766 bound parameters, far above a page. */
const CHUNK = 500

export function createScopeDenials(db: Database.Database): ScopeDenials {
  return {
    mark(d) {
      db.prepare(
        `INSERT INTO device_scope_denials (device_id, agent_upn, denied_at, request_id, activity_id)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (device_id) DO UPDATE SET agent_upn = excluded.agent_upn,
           denied_at = excluded.denied_at, request_id = excluded.request_id, activity_id = excluded.activity_id`,
      ).run(d.deviceId, d.agentUpn, d.deniedAt, d.requestId, d.activityId)
    },
    clear(deviceId) {
      db.prepare('DELETE FROM device_scope_denials WHERE device_id = ?').run(deviceId)
    },
    get(deviceId) {
      const row = db.prepare('SELECT * FROM device_scope_denials WHERE device_id = ?').get(deviceId) as
        Row | undefined
      return row
        ? {
            deviceId: row.device_id,
            agentUpn: row.agent_upn,
            deniedAt: row.denied_at,
            requestId: row.request_id,
            activityId: row.activity_id,
          }
        : null
    },
    markedAmong(ids) {
      const out = new Set<string>()
      for (let i = 0; i < ids.length; i += CHUNK) {
        const part = ids.slice(i, i + CHUNK)
        if (part.length === 0) continue
        const rows = db
          .prepare(
            `SELECT device_id FROM device_scope_denials WHERE device_id IN (${part.map(() => '?').join(',')})`,
          )
          .pluck()
          .all(...part) as string[]
        for (const id of rows) out.add(id)
      }
      return out
    },
  }
}
