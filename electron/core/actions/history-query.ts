import type { Database } from 'better-sqlite3'
import { FAILURE_REASON_STATES, type HistoryFilters } from '@shared/api/schemas/history'
import { foldText } from '@shared/text'
import { toStored, type Row, type StoredAction } from './action-row'

/*
 * The history list's query (history:list, history:export, the team view's local half): filters
 * become one WHERE clause with bound parameters only (DESIGN §3 "SQLite"), newest first.
 */

/**
 * History filters are case- and accent-insensitive: SQLite's lower() only folds ASCII, and an agent
 * typing "francois" or "élodie" expects "François" and "Élodie" (DESIGN §3: French first).
 */
export function registerFold(db: Database): void {
  db.function('pd_fold', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? foldText(value) : '',
  )
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
  if (filters.reason) {
    // IS, not =: a null code is part of the reason (the Readiness view groups on both columns).
    clauses.push(
      `failure_code IS ? AND intune_error_code IS ? AND state IN (${FAILURE_REASON_STATES.map(() => '?').join(', ')})`,
    )
    params.push(filters.reason.failureCode, filters.reason.intuneErrorCode, ...FAILURE_REASON_STATES)
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params }
}

export function historyPage(
  db: Database,
  { filters, offset, limit }: HistoryQuery,
): { rows: StoredAction[]; total: number } {
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
}

/** Every row matching the filters, newest first (export, CLI). */
export function historyAll(db: Database, filters: HistoryFilters): StoredAction[] {
  const where = buildHistoryWhere(filters)
  return db
    .prepare<unknown[], Row>(`SELECT * FROM actions ${where.sql} ORDER BY requested_at DESC, id`)
    .all(...where.params)
    .map(toStored)
}
