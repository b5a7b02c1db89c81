import type { Database } from 'better-sqlite3'
import type {
  ActionRecord,
  ActionState,
  ActionTransition,
  DeviceSnapshot,
  VerificationAnswers,
} from '@shared/api/schemas/actions'
import type { PasscodeEligibilityDto } from '@shared/api/schemas/devices'
import type { HistoryFilters } from '@shared/api/schemas/history'
import type { ErrorCode } from '@shared/errors'
import type { EnrollmentKind, OutcomeCode, PasscodeAction, PreconditionCode } from '@shared/eligibility/codes'
import { foldText } from '@shared/text'

/**
 * The `actions` and `action_transitions` tables (migration 0020). Bound parameters only; nothing
 * secret goes in or comes out (no passcode column exists).
 */

interface Row {
  id: string
  idempotency_key: string
  profile_id: string
  tenant_id: string
  device_id: string
  device_name: string | null
  serial_number: string | null
  action: string
  enrollment: string
  outcome: string | null
  state: string
  agent_upn: string
  agent_name: string | null
  ticket_reference: string | null
  caller_name: string | null
  verification_json: string
  preconditions_json: string
  device_json: string
  eligibility_json: string
  client_request_id: string
  graph_request_id: string | null
  baseline_start: string | null
  intune_start: string | null
  intune_error_code: number | null
  failure_code: string | null
  has_passcode: number
  outcome_note: string | null
  requested_at: string
  sent_at: string | null
  last_checked_at: string | null
  completed_at: string | null
  finished_at: string | null
  updated_at: string
}

/** The stored action plus what only core needs (never sent to the renderer). */
export interface StoredAction {
  readonly record: Omit<ActionRecord, 'passcodeAvailable'>
  readonly profileId: string
  readonly idempotencyKey: string
  readonly baselineStart: string | null
  readonly intuneStart: string | null
}

export interface NewAction {
  readonly id: string
  readonly idempotencyKey: string
  readonly profileId: string
  readonly tenantId: string
  readonly deviceId: string
  readonly action: PasscodeAction
  readonly enrollment: EnrollmentKind
  readonly outcome: OutcomeCode | null
  readonly agentUpn: string
  readonly agentDisplayName: string | null
  readonly ticketReference: string | null
  readonly verification: VerificationAnswers
  readonly preconditionsConfirmed: readonly PreconditionCode[]
  readonly device: DeviceSnapshot
  readonly eligibility: PasscodeEligibilityDto
  readonly clientRequestId: string
  readonly baselineStart: string | null
  readonly requestedAt: string
}

export interface StatePatch {
  readonly state: ActionState
  readonly at: string
  readonly detail?: string | null
  readonly sentAt?: string
  readonly graphRequestId?: string | null
  readonly intuneStart?: string | null
  readonly intuneErrorCode?: number | null
  readonly failureCode?: ErrorCode | null
  readonly hasPasscode?: boolean
  readonly completedAt?: string | null
}

function toStored(row: Row): StoredAction {
  return {
    profileId: row.profile_id,
    idempotencyKey: row.idempotency_key,
    baselineStart: row.baseline_start,
    intuneStart: row.intune_start,
    record: {
      id: row.id,
      deviceId: row.device_id,
      deviceName: row.device_name,
      action: row.action as PasscodeAction,
      enrollment: row.enrollment as EnrollmentKind,
      outcome: row.outcome as OutcomeCode | null,
      state: row.state as ActionState,
      agentUpn: row.agent_upn,
      agentDisplayName: row.agent_name,
      tenantId: row.tenant_id,
      ticketReference: row.ticket_reference,
      callerName: row.caller_name,
      verification: JSON.parse(row.verification_json) as VerificationAnswers,
      preconditionsConfirmed: JSON.parse(row.preconditions_json) as PreconditionCode[],
      device: JSON.parse(row.device_json) as DeviceSnapshot,
      eligibility: JSON.parse(row.eligibility_json) as PasscodeEligibilityDto,
      clientRequestId: row.client_request_id,
      graphRequestId: row.graph_request_id,
      intuneErrorCode: row.intune_error_code,
      failureCode: row.failure_code as ErrorCode | null,
      hasPasscode: row.has_passcode === 1,
      outcomeNote: row.outcome_note,
      requestedAt: row.requested_at,
      sentAt: row.sent_at,
      lastCheckedAt: row.last_checked_at,
      completedAt: row.completed_at,
      finishedAt: row.finished_at,
      updatedAt: row.updated_at,
    },
  }
}

/** `%` and `_` typed by the agent are literal characters, not wildcards. */
function likePattern(value: string): string {
  return `%${foldText(value.trim()).replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

export interface HistoryQuery {
  readonly filters: HistoryFilters
  readonly offset: number
  readonly limit: number
}

export function buildHistoryWhere(filters: HistoryFilters): { sql: string; params: unknown[] } {
  const clauses: string[] = []
  const params: unknown[] = []
  if (filters.from) {
    clauses.push('requested_at >= ?')
    params.push(new Date(filters.from).toISOString())
  }
  if (filters.to) {
    clauses.push('requested_at < ?')
    params.push(new Date(filters.to).toISOString())
  }
  if (filters.states && filters.states.length > 0) {
    clauses.push(`state IN (${filters.states.map(() => '?').join(', ')})`)
    params.push(...filters.states)
  }
  if (filters.device?.trim()) {
    const p = likePattern(filters.device)
    clauses.push(
      "(pd_fold(device_name) LIKE ? ESCAPE '\\' OR pd_fold(device_id) LIKE ? ESCAPE '\\' OR pd_fold(serial_number) LIKE ? ESCAPE '\\')",
    )
    params.push(p, p, p)
  }
  if (filters.agent?.trim()) {
    const p = likePattern(filters.agent)
    clauses.push("(pd_fold(agent_upn) LIKE ? ESCAPE '\\' OR pd_fold(agent_name) LIKE ? ESCAPE '\\')")
    params.push(p, p)
  }
  if (filters.ticket?.trim()) {
    clauses.push("pd_fold(ticket_reference) LIKE ? ESCAPE '\\'")
    params.push(likePattern(filters.ticket))
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params }
}

export interface ActionRepository {
  insert(action: NewAction): StoredAction
  get(id: string): StoredAction | undefined
  byIdempotencyKey(key: string): StoredAction | undefined
  /** The latest action on the device requested at or after `since` that Intune may have received. */
  latestSentOnDevice(deviceId: string, since: string): StoredAction | undefined
  listForDevice(deviceId: string, limit: number): StoredAction[]
  /** Actions this app should still be watching (after a restart): sending, pending, active. */
  unfinished(): StoredAction[]
  /** Applies a state change and appends the transition, in one transaction. */
  transition(id: string, patch: StatePatch): StoredAction
  touchChecked(id: string, at: string): void
  finish(id: string, note: string, at: string): StoredAction
  transitions(id: string): ActionTransition[]
  history(query: HistoryQuery): { rows: StoredAction[]; total: number }
  /** Every row matching the filters, newest first (export, CLI). */
  all(filters: HistoryFilters): StoredAction[]
}

export function createActionRepository(db: Database): ActionRepository {
  // History filters are case- and accent-insensitive: SQLite's lower() only folds ASCII, and an agent
  // typing "francois" or "élodie" expects "François" and "Élodie" (DESIGN §3: French first).
  db.function('pd_fold', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? foldText(value) : '',
  )
  const insertStmt = db.prepare(`
    INSERT INTO actions (id, idempotency_key, profile_id, tenant_id, device_id, device_name, serial_number, action,
      enrollment, outcome, state, agent_upn, agent_name, ticket_reference, caller_name, verification_json,
      preconditions_json, device_json, eligibility_json, client_request_id, baseline_start, requested_at, updated_at)
    VALUES (@id, @idempotencyKey, @profileId, @tenantId, @deviceId, @deviceName, @serialNumber, @action,
      @enrollment, @outcome, 'sending', @agentUpn, @agentName, @ticketReference, @callerName, @verification,
      @preconditions, @device, @eligibility, @clientRequestId, @baselineStart, @requestedAt, @requestedAt)`)
  const getStmt = db.prepare<[string], Row>('SELECT * FROM actions WHERE id = ?')
  const byKeyStmt = db.prepare<[string], Row>('SELECT * FROM actions WHERE idempotency_key = ?')
  const latestSentStmt = db.prepare<[string, string], Row>(
    `SELECT * FROM actions WHERE device_id = ? AND requested_at >= ? AND state <> 'notSent'
     ORDER BY requested_at DESC LIMIT 1`,
  )
  const forDeviceStmt = db.prepare<[string, number], Row>(
    'SELECT * FROM actions WHERE device_id = ? ORDER BY requested_at DESC LIMIT ?',
  )
  const unfinishedStmt = db.prepare<[], Row>(
    "SELECT * FROM actions WHERE state IN ('sending', 'pending', 'active') ORDER BY requested_at",
  )
  const nextSeqStmt = db.prepare<[string], { seq: number }>(
    'SELECT coalesce(max(seq), 0) + 1 AS seq FROM action_transitions WHERE action_id = ?',
  )
  const addTransitionStmt = db.prepare(
    'INSERT INTO action_transitions (action_id, seq, state, at, detail) VALUES (?, ?, ?, ?, ?)',
  )
  const transitionsStmt = db.prepare<[string], { state: string; at: string; detail: string | null }>(
    'SELECT state, at, detail FROM action_transitions WHERE action_id = ? ORDER BY seq',
  )
  const touchStmt = db.prepare('UPDATE actions SET last_checked_at = ? WHERE id = ?')
  const finishStmt = db.prepare(
    'UPDATE actions SET outcome_note = ?, finished_at = ?, updated_at = ? WHERE id = ?',
  )

  const get = (id: string) => {
    const row = getStmt.get(id)
    return row ? toStored(row) : undefined
  }
  const must = (id: string) => {
    const found = get(id)
    if (!found) throw new Error(`action ${id} vanished`)
    return found
  }

  const transition = db.transaction((id: string, patch: StatePatch) => {
    const sets = ['state = @state', 'updated_at = @at', 'last_checked_at = @at']
    const params: Record<string, unknown> = { id, state: patch.state, at: patch.at }
    const optional: [keyof StatePatch, string][] = [
      ['sentAt', 'sent_at'],
      ['graphRequestId', 'graph_request_id'],
      ['intuneStart', 'intune_start'],
      ['intuneErrorCode', 'intune_error_code'],
      ['failureCode', 'failure_code'],
      ['completedAt', 'completed_at'],
    ]
    for (const [key, column] of optional) {
      if (patch[key] !== undefined) {
        sets.push(`${column} = @${key}`)
        params[key] = patch[key]
      }
    }
    if (patch.hasPasscode !== undefined) {
      sets.push('has_passcode = @hasPasscode')
      params.hasPasscode = patch.hasPasscode ? 1 : 0
    }
    db.prepare(`UPDATE actions SET ${sets.join(', ')} WHERE id = @id`).run(params)
    const { seq } = nextSeqStmt.get(id)!
    addTransitionStmt.run(id, seq, patch.state, patch.at, patch.detail ?? null)
  })

  return {
    insert(a) {
      db.transaction(() => {
        insertStmt.run({
          id: a.id,
          idempotencyKey: a.idempotencyKey,
          profileId: a.profileId,
          tenantId: a.tenantId,
          deviceId: a.deviceId,
          deviceName: a.device.deviceName,
          serialNumber: a.device.serialNumber,
          action: a.action,
          enrollment: a.enrollment,
          outcome: a.outcome,
          agentUpn: a.agentUpn,
          agentName: a.agentDisplayName,
          ticketReference: a.ticketReference,
          callerName: a.verification.callerName?.trim() || null,
          verification: JSON.stringify(a.verification),
          preconditions: JSON.stringify(a.preconditionsConfirmed),
          device: JSON.stringify(a.device),
          eligibility: JSON.stringify(a.eligibility),
          clientRequestId: a.clientRequestId,
          baselineStart: a.baselineStart,
          requestedAt: a.requestedAt,
        })
        addTransitionStmt.run(a.id, 1, 'sending', a.requestedAt, null)
      })()
      return must(a.id)
    },
    get,
    byIdempotencyKey(key) {
      const row = byKeyStmt.get(key)
      return row ? toStored(row) : undefined
    },
    latestSentOnDevice(deviceId, since) {
      const row = latestSentStmt.get(deviceId, since)
      return row ? toStored(row) : undefined
    },
    listForDevice: (deviceId, limit) => forDeviceStmt.all(deviceId, limit).map(toStored),
    unfinished: () => unfinishedStmt.all().map(toStored),
    transition(id, patch) {
      transition(id, patch)
      return must(id)
    },
    touchChecked(id, at) {
      touchStmt.run(at, id)
    },
    finish(id, note, at) {
      finishStmt.run(note, at, at, id)
      return must(id)
    },
    transitions: (id) =>
      transitionsStmt.all(id).map((t) => ({ state: t.state as ActionState, at: t.at, detail: t.detail })),
    history({ filters, offset, limit }) {
      const where = buildHistoryWhere(filters)
      const total = (
        db.prepare(`SELECT count(*) AS n FROM actions ${where.sql}`).get(...where.params) as { n: number }
      ).n
      const rows = db
        .prepare<unknown[], Row>(
          `SELECT * FROM actions ${where.sql} ORDER BY requested_at DESC, id LIMIT ? OFFSET ?`,
        )
        .all(...where.params, limit, offset)
      return { rows: rows.map(toStored), total }
    },
    all(filters) {
      const where = buildHistoryWhere(filters)
      return db
        .prepare<unknown[], Row>(`SELECT * FROM actions ${where.sql} ORDER BY requested_at DESC, id`)
        .all(...where.params)
        .map(toStored)
    },
  }
}
