import type Database from 'better-sqlite3'
import type { AuditFacts, AuditFailure } from '@shared/api/schemas/failure-facts'
import type { PasscodeAction } from '@shared/eligibility/codes'
import type { AuditFailureEvent, AuditRead } from './audit-read'

/**
 * The audit log's failed passcode requests as facts about one device (devices:failureFacts): this
 * device's own, and those of other cached devices that allow the same action (an event on a device
 * the cache does not hold cannot be said to be the same action, so it is left out). An event that
 * is one of this app's own recorded actions — its correlationId is our client-request-id
 * (auditEvent resource page: "the client request Id that is used to correlate activity"), or the
 * same device within a few minutes — is already counted from the history and is not counted twice.
 */

const MAX_RESULTS = 5
/** How far apart our POST and Intune's record of it may be (as the team history folds them). */
const SAME_ACTION_MS = 5 * 60_000

export const OWN_ACTION_SQL = `SELECT 1 FROM actions
  WHERE device_id = ? AND (client_request_id = ? OR requested_at BETWEEN ? AND ?) LIMIT 1`
export const DEVICE_ACTIONS_SQL = `SELECT id, action FROM devices WHERE id IN (SELECT value FROM json_each(?))`

function byResult(events: readonly AuditFailureEvent[]): AuditFailure[] {
  const merged = new Map<string, AuditFailure>()
  for (const e of events) {
    const seen = merged.get(e.result)
    merged.set(
      e.result,
      seen
        ? { result: e.result, count: seen.count + 1, lastAt: seen.lastAt > e.at ? seen.lastAt : e.at }
        : { result: e.result, count: 1, lastAt: e.at },
    )
  }
  return [...merged.values()]
    .sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt))
    .slice(0, MAX_RESULTS)
}

export function auditFactsFor(
  db: Database.Database,
  read: AuditRead,
  deviceId: string,
  action: PasscodeAction | null,
  trace?: { sql: string; params: unknown[] }[],
): AuditFacts {
  if (read.status === 'notRead') return read
  const run = (sql: string, params: unknown[]) => {
    trace?.push({ sql, params })
    return db.prepare(sql).all(...params) as Record<string, unknown>[]
  }
  const isOwn = (e: AuditFailureEvent, device: string) => {
    const at = Date.parse(e.at)
    return (
      run(OWN_ACTION_SQL, [
        device,
        e.correlationId ?? '',
        new Date(at - SAME_ACTION_MS).toISOString(),
        new Date(at + SAME_ACTION_MS).toISOString(),
      ]).length > 0
    )
  }
  const mine = read.events.filter((e) => e.deviceIds.includes(deviceId) && !isOwn(e, deviceId))
  let others: AuditFailureEvent[] = []
  const otherIds = [...new Set(read.events.flatMap((e) => e.deviceIds).filter((id) => id !== deviceId))]
  if (action && otherIds.length > 0) {
    const sameAction = new Set(
      run(DEVICE_ACTIONS_SQL, [JSON.stringify(otherIds)])
        .filter((r) => r.action === action)
        .map((r) => String(r.id)),
    )
    others = read.events.filter((e) => {
      const device = e.deviceIds.find((id) => sameAction.has(id))
      return device !== undefined && !e.deviceIds.includes(deviceId) && !isOwn(e, device)
    })
  }
  return {
    status: 'read',
    since: read.since,
    readAt: read.readAt,
    deviceFailures: byResult(mine),
    tenantFailures: byResult(others),
  }
}
