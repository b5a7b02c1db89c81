import type Database from 'better-sqlite3'
import type { ActionState } from '@shared/api/schemas/actions'
import type { FailureFacts, FailureReason, ReasonCount } from '@shared/api/schemas/failure-facts'
import type { PasscodeAction } from '@shared/eligibility/codes'
import { CodedError, ERROR_CODES, type ErrorCode } from '@shared/errors'
import { createScopeDenials } from '../store/scope-denials'

/**
 * The facts behind "what could make it fail" (devices:failureFacts) for one cached device: its
 * last check-in and eligibility from the cache, and from the local history (this profile's cache
 * database, so this tenant's actions) its own earlier failures, the tenant's failures of the same
 * action, and Multi Admin Approval holds (domain §9). Every read is indexed (migration 0090,
 * actions_by_device); the rules are in shared/failure-causes.
 */

/** End states that mean the action did not do what the agent asked (schemas/actions.ts). */
export const FAILED_STATES: readonly ActionState[] = [
  'notSent',
  'failed',
  'notSupported',
  'canceled',
  'stillPending',
]
const STATES_SQL = FAILED_STATES.map((s) => `'${s}'`).join(', ')
const MAX_REASONS = 20

export const DEVICE_FAILURES_SQL = `SELECT state, failure_code, count(*) AS n, max(requested_at) AS last_at
  FROM actions WHERE device_id = ? AND state IN (${STATES_SQL})
  GROUP BY state, failure_code`
export const TENANT_FAILURES_SQL = `SELECT state, failure_code, count(*) AS n, max(requested_at) AS last_at
  FROM actions WHERE action = ? AND state IN (${STATES_SQL}) AND device_id <> ?
  GROUP BY state, failure_code`
export const APPROVALS_SQL = `SELECT count(DISTINCT action_id) AS n, max(at) AS last_at
  FROM action_transitions WHERE state = 'awaitingApproval'`
const DEVICE_SQL = `SELECT d.last_sync_date_time, d.action FROM devices d WHERE d.id = ?`

interface GroupSql {
  state: ActionState
  failure_code: string | null
  n: number
  last_at: string
}

const KNOWN_CODES = new Set<string>(ERROR_CODES)

/**
 * Groups by reason: core's error code when there is one (a POST refused, a timeout), else the end
 * state Intune reported. Most frequent first, then most recent.
 */
export function byReason(groups: readonly GroupSql[]): ReasonCount[] {
  const merged = new Map<string, ReasonCount>()
  for (const g of groups) {
    const reason: FailureReason =
      g.failure_code && KNOWN_CODES.has(g.failure_code)
        ? { kind: 'error', code: g.failure_code as ErrorCode }
        : { kind: 'state', state: g.state }
    const key = reason.kind === 'error' ? `e:${reason.code}` : `s:${reason.state}`
    const seen = merged.get(key)
    merged.set(
      key,
      seen
        ? { reason, count: seen.count + g.n, lastAt: seen.lastAt > g.last_at ? seen.lastAt : g.last_at }
        : { reason, count: g.n, lastAt: g.last_at },
    )
  }
  return [...merged.values()]
    .sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt))
    .slice(0, MAX_REASONS)
}

export interface FailureFactsOptions {
  readonly now?: () => number
  /** Tests: records every statement, for EXPLAIN QUERY PLAN checks. */
  readonly trace?: { sql: string; params: unknown[] }[]
}

/** The facts from this database alone; the audit log's are added by the handler (audit-failures.ts). */
export type LocalFailureFacts = Omit<FailureFacts, 'audit'>

export function readFailureFacts(
  db: Database.Database,
  id: string,
  options: FailureFactsOptions = {},
): LocalFailureFacts {
  const now = options.now ?? Date.now
  const run = <T>(sql: string, params: unknown[]): T[] => {
    options.trace?.push({ sql, params })
    return db.prepare(sql).all(...params) as T[]
  }
  const device = run<{ last_sync_date_time: string | null; action: PasscodeAction | null }>(DEVICE_SQL, [
    id,
  ])[0]
  if (!device) throw new CodedError('NOT_FOUND', 'Device not in the cache')
  const approvals = run<{ n: number; last_at: string | null }>(APPROVALS_SQL, [])[0]
  return {
    deviceId: id,
    action: device.action,
    lastCheckIn: device.last_sync_date_time,
    readAt: new Date(now()).toISOString(),
    outOfScope: createScopeDenials(db).get(id) !== null,
    // The cached managedDevice carries no policy assignment (schemas/failure-facts.ts): never guessed.
    passcodePolicy: 'notKnown',
    deviceFailures: byReason(run<GroupSql>(DEVICE_FAILURES_SQL, [id])),
    tenantFailures: device.action ? byReason(run<GroupSql>(TENANT_FAILURES_SQL, [device.action, id])) : [],
    approvalRequired:
      approvals && approvals.n > 0 && approvals.last_at
        ? { count: approvals.n, lastAt: approvals.last_at }
        : null,
  }
}
