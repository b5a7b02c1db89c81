import type { Database } from 'better-sqlite3'
import type { ActionState, ActionTransition } from '@shared/api/schemas/actions'
import type { HistoryFilters } from '@shared/api/schemas/history'
import { toStored, type NewAction, type Row, type StatePatch, type StoredAction } from './action-row'
import { historyAll, historyPage, registerFold, type HistoryQuery } from './history-query'

export type { NewAction, StatePatch, StoredAction } from './action-row'
export { buildHistoryWhere, type HistoryQuery } from './history-query'

/**
 * The `actions` and `action_transitions` tables (migration 0020). Bound parameters only; nothing
 * secret goes in or comes out (no passcode column exists).
 */

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
  registerFold(db)
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
    history: (query) => historyPage(db, query),
    all: (filters) => historyAll(db, filters),
  }
}
