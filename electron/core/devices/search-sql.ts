import type { DeviceRow } from '@shared/api/schemas/devices'
import type { PasscodeAction, EnrollmentKind, Verdict } from '@shared/eligibility'
import { facetQuery } from '../store/device-facets'
import { foldKey } from '../store/device-record'
import { isFragment, prefixQuery, quoteFts } from './query-text'
import type { SearchInput } from './search-input'

/** SQL pieces of devices:search (search.ts chooses the plan). */

export const DAY_MS = 86_400_000

export const ROW_SELECT = `d.id, d.device_name, d.user_principal_name, d.user_display_name, d.operating_system,
  d.os_version, d.model, d.manufacturer, d.serial_number, d.ownership, d.compliance_state,
  d.last_sync_date_time, d.enrollment_kind, d.verdict, d.action`

export interface RowSql {
  id: string
  device_name: string | null
  user_principal_name: string | null
  user_display_name: string | null
  operating_system: string | null
  os_version: string | null
  model: string | null
  manufacturer: string | null
  serial_number: string | null
  ownership: DeviceRow['ownership']
  compliance_state: DeviceRow['complianceState']
  last_sync_date_time: string | null
  enrollment_kind: string
  verdict: string
  action: string | null
}

export function toRow(r: RowSql): DeviceRow {
  return {
    id: r.id,
    deviceName: r.device_name,
    userPrincipalName: r.user_principal_name,
    userDisplayName: r.user_display_name,
    operatingSystem: r.operating_system,
    osVersion: r.os_version,
    model: r.model,
    manufacturer: r.manufacturer,
    serialNumber: r.serial_number,
    ownership: r.ownership,
    complianceState: r.compliance_state,
    lastSyncDateTime: r.last_sync_date_time,
    enrollmentKind: r.enrollment_kind as EnrollmentKind,
    verdict: r.verdict as Verdict,
    action: r.action as PasscodeAction | null,
  }
}

export interface Built {
  readonly sql: string
  readonly params: unknown[]
}

/**
 * How the filters are written for one statement (unary `+` keeps SQLite from using a column's
 * index, sqlite.org/optoverview.html §"Disqualifying WHERE clause terms"):
 * - `count` (no walk): every filter may drive, so counts and the text + filters match set read the
 *   smallest index range (verdict_age, ownership, kind, filters).
 * - `name`: a page in name order walks an index in name order: verdict and enrollment kind lead
 *   their own name-ordered indexes; ownership, compliance and the check-in time are checked per
 *   entry, or SQLite would drive by their index and sort every match (45 ms for 59k personal
 *   devices at 200k).
 * - `other`: a page in user or check-in order walks that sort's index; every filter is checked per
 *   entry.
 */
export type FilterUse = 'count' | 'name' | 'other'

export function filterSql(filters: SearchInput['filters'], now: number, use: FilterUse = 'count'): Built {
  const clauses: string[] = []
  const params: unknown[] = []
  const inList = (column: string, values: readonly string[] | undefined, leadsNameIndex = false) => {
    if (!values || values.length === 0) return
    const walked = use === 'other' || (use === 'name' && !leadsNameIndex)
    clauses.push(`${walked ? '+' : ''}d.${column} IN (${values.map(() => '?').join(', ')})`)
    params.push(...values)
  }
  inList('verdict', filters.verdicts, true)
  inList('enrollment_kind', filters.enrollmentKinds, true)
  inList('ownership', filters.ownership)
  inList('compliance_state', filters.compliance)
  // The operating system leads its own index (migration 0140) and follows the kind in `platform`.
  inList('operating_system', filters.platforms)
  if (filters.lastCheckInOlderThanDays !== undefined) {
    // Never checked in counts as "older than any N days": those are the devices an agent worries
    // about. Unprefixed, this expression is a range of the verdict_age index (device-tables.ts).
    clauses.push(`ifnull(${use === 'count' ? '' : '+'}d.last_sync_ms, 0) < ?`)
    params.push(now - filters.lastCheckInOlderThanDays * DAY_MS)
  }
  return { sql: clauses.length > 0 ? clauses.join(' AND ') : '1', params }
}

/** Which index a page in this order walks (see FilterUse). */
export function walkUse(input: SearchInput): FilterUse {
  const field = input.sort?.field ?? 'relevance'
  return field === 'relevance' || field === 'deviceName' ? 'name' : 'other'
}

/**
 * Relevance without bm25: bm25 needs document counts for every phrase, i.e. a full pass over the
 * doclist of a short prefix such as "h" on every keystroke. Instead: devices whose user or name
 * starts with the whole typed text first, then with its first word, then the rest (matches in
 * UPN, e-mail, serial, model…), each group by name. Computed on at most BROAD_QUERY_MATCHES rows.
 */
export function relevanceSql(tokens: readonly string[]): Built {
  const whole = foldKey(tokens.join(' '))
  const first = foldKey(tokens[0] ?? '')
  const starts = 'substr(d.user_key, 1, length(?)) = ? OR substr(d.name_key, 1, length(?)) = ?'
  return {
    sql: `CASE WHEN ${starts} THEN 0 WHEN ${starts} THEN 1 ELSE 2 END, d.name_key ASC, d.pk ASC`,
    params: [whole, whole, whole, whole, first, first, first, first],
  }
}

export function orderSql(input: SearchInput): string {
  const field = input.sort?.field ?? 'relevance'
  const dir = (fallback: 'ASC' | 'DESC') =>
    input.sort?.direction ? (input.sort.direction === 'desc' ? 'DESC' : 'ASC') : fallback
  switch (field) {
    case 'relevance':
      // With a query and few matches, relevanceSql replaces this (it needs parameters).
      return `d.name_key ${dir('ASC')}, d.pk ${dir('ASC')}`
    case 'deviceName':
      return `d.name_key ${dir('ASC')}, d.pk ${dir('ASC')}`
    case 'userDisplayName':
      return `d.user_key ${dir('ASC')}, d.pk ${dir('ASC')}`
    case 'lastSyncDateTime':
      return `d.last_sync_ms ${dir('DESC')}, d.pk ${dir('DESC')}`
  }
}

/**
 * Matching devices as a set of pks. A device matches when every token is a word prefix in the word
 * index, or — for identifier-like tokens (3+ characters with a digit) — when each token is found
 * either as a word prefix or inside an identifier (serial, IMEI, MEID, phone digits) through the
 * trigram index.
 */
export function hitsSql(tokens: readonly string[]): Built {
  const all = prefixQuery(tokens)
  const fts = 'SELECT rowid AS pk FROM devices_fts WHERE devices_fts MATCH ?'
  const ids = 'SELECT rowid AS pk FROM devices_ids WHERE devices_ids MATCH ?'
  if (!tokens.some(isFragment)) return { sql: fts, params: [all] }
  if (tokens.length === 1) return { sql: `${fts} UNION ${ids}`, params: [all, quoteFts(tokens[0]!)] }
  const params: unknown[] = []
  const perToken = tokens.map((t) => {
    params.push(`${quoteFts(t)}*`)
    if (!isFragment(t)) return `SELECT pk FROM (${fts})`
    params.push(quoteFts(t))
    return `SELECT pk FROM (${fts} UNION ${ids})`
  })
  return { sql: `${fts} UNION ${perToken.join(' INTERSECT ')}`, params: [all, ...params] }
}

/**
 * The discrete filters (verdict, enrollment kind, ownership, compliance) as an FTS5 expression
 * over the filter words (store/device-facets.ts), or null when none is set. The check-in age is a
 * range and stays in SQL (filterSql).
 */
export function facetMatch(filters: SearchInput['filters']): string | null {
  const parts: string[] = []
  if (filters.verdicts?.length) parts.push(facetQuery('verdict', filters.verdicts))
  if (filters.enrollmentKinds?.length) parts.push(facetQuery('enrollment_kind', filters.enrollmentKinds))
  if (filters.ownership?.length) parts.push(facetQuery('ownership', filters.ownership))
  if (filters.compliance?.length) parts.push(facetQuery('compliance_state', filters.compliance))
  return parts.length > 0 ? parts.join(' AND ') : null
}

/** Word tokens (no identifier fragment) and filter words as one FTS5 expression. */
export function wordsAndFacets(tokens: readonly string[], facets: string | null): string {
  const words = tokens.map((t) => `${quoteFts(t)}*`)
  return [...words, ...(facets ? [facets] : [])].join(' AND ')
}
