import type Database from 'better-sqlite3'
import type { ParsedInput } from '@shared/api/contract'
import type { DeviceRow, DeviceSearchResult } from '@shared/api/schemas/devices'
import type { PasscodeAction, EnrollmentKind, Verdict } from '@shared/eligibility'
import { isFragment, parseSearchText, prefixQuery, quoteFts } from './query-text'

export type SearchInput = ParsedInput<'devices:search'>

const DAY_MS = 86_400_000

const ROW_SELECT = `d.id, d.device_name, d.user_principal_name, d.user_display_name, d.operating_system,
  d.os_version, d.model, d.manufacturer, d.serial_number, d.ownership, d.compliance_state,
  d.last_sync_date_time, d.enrollment_kind, d.verdict, d.action`

interface RowSql {
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

function toRow(r: RowSql): DeviceRow {
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

interface Built {
  readonly sql: string
  readonly params: unknown[]
}

function filterSql(filters: SearchInput['filters'], now: number): Built {
  const clauses: string[] = []
  const params: unknown[] = []
  const inList = (column: string, values: readonly string[] | undefined) => {
    if (!values || values.length === 0) return
    clauses.push(`d.${column} IN (${values.map(() => '?').join(', ')})`)
    params.push(...values)
  }
  inList('verdict', filters.verdicts)
  inList('enrollment_kind', filters.enrollmentKinds)
  inList('ownership', filters.ownership)
  inList('compliance_state', filters.compliance)
  if (filters.lastCheckInOlderThanDays !== undefined) {
    // Never checked in counts as "older than any N days": those are the devices an agent worries about.
    clauses.push('(d.last_sync_ms IS NULL OR d.last_sync_ms < ?)')
    params.push(now - filters.lastCheckInOlderThanDays * DAY_MS)
  }
  return { sql: clauses.length > 0 ? clauses.join(' AND ') : '1', params }
}

function orderSql(input: SearchInput, hasQuery: boolean): string {
  const field = input.sort?.field ?? (hasQuery ? 'relevance' : 'deviceName')
  const dir = (fallback: 'ASC' | 'DESC') =>
    input.sort?.direction ? (input.sort.direction === 'desc' ? 'DESC' : 'ASC') : fallback
  switch (field) {
    case 'relevance':
      return hasQuery
        ? 'h.score ASC, d.name_key ASC, d.pk ASC'
        : `d.name_key ${dir('ASC')}, d.pk ${dir('ASC')}`
    case 'deviceName':
      return `d.name_key ${dir('ASC')}, d.pk ${dir('ASC')}`
    case 'userDisplayName':
      return `d.user_key ${dir('ASC')}, d.pk ${dir('ASC')}`
    case 'lastSyncDateTime':
      return `d.last_sync_ms ${dir('DESC')}, d.pk ${dir('DESC')}`
  }
}

/**
 * Matching devices. A device matches when every token is a word prefix in the word index, or — for
 * tokens of 3+ characters — when each token is found either as a word prefix or inside an
 * identifier (serial, IMEI, MEID, phone digits) through the trigram index.
 * `set`: the pks only (for counting and probing); `ranked`: pk + score (bm25, lower is better;
 * identifier-only matches score 0, after word matches).
 */
function hitsSql(tokens: readonly string[]): { set: Built; ranked: Built } {
  const all = prefixQuery(tokens)
  const fts = 'SELECT rowid AS pk FROM devices_fts WHERE devices_fts MATCH ?'
  const ids = 'SELECT rowid AS pk FROM devices_ids WHERE devices_ids MATCH ?'
  if (!tokens.some(isFragment)) {
    return {
      set: { sql: fts, params: [all] },
      ranked: {
        sql: 'SELECT rowid AS pk, rank AS score FROM devices_fts WHERE devices_fts MATCH ?',
        params: [all],
      },
    }
  }
  let other: Built
  if (tokens.length === 1) {
    other = { sql: ids, params: [quoteFts(tokens[0]!)] }
  } else {
    const params: unknown[] = []
    const perToken = tokens.map((t) => {
      params.push(`${quoteFts(t)}*`)
      if (!isFragment(t)) return `SELECT pk FROM (${fts})`
      params.push(quoteFts(t))
      return `SELECT pk FROM (${fts} UNION ${ids})`
    })
    other = { sql: perToken.join(' INTERSECT '), params }
  }
  return {
    set: { sql: `${fts} UNION ${other.sql}`, params: [all, ...other.params] },
    ranked: {
      sql: `SELECT pk, min(score) AS score FROM (
        SELECT rowid AS pk, rank AS score FROM devices_fts WHERE devices_fts MATCH ?
        UNION ALL SELECT pk, 0.0 AS score FROM (${other.sql})) GROUP BY pk`,
      params: [all, ...other.params],
    },
  }
}

/**
 * Above this many text matches, results are read in index order (name, user or check-in) probing
 * the hit set, instead of fetching and sorting every match: a one- or two-letter prefix matches
 * most of a 200,000-device tenant. bm25 relevance is only computed below it (it means little for
 * "a"), so `relevance` on a broad query lists by device name.
 */
export const BROAD_QUERY_MATCHES = 4000

export interface DeviceSearch {
  search(input: SearchInput): DeviceSearchResult
}

/**
 * Search over the live table set (issue 5, devices:search). Statements are cached by their SQL
 * (the SQL only varies with the shape of the input, never with its values).
 */
export interface DeviceSearchOptions {
  readonly now?: () => number
  /** Tests: a lower threshold exercises the broad-query plan on a small database. */
  readonly broadQueryMatches?: number
  /** Tests: records every statement a search runs, for EXPLAIN QUERY PLAN checks. */
  readonly trace?: { sql: string; params: unknown[] }[]
}

export function createDeviceSearch(db: Database.Database, options: DeviceSearchOptions = {}): DeviceSearch {
  const now = options.now ?? Date.now
  const broadQueryMatches = options.broadQueryMatches ?? BROAD_QUERY_MATCHES
  const statements = new Map<string, Database.Statement>()
  const prepare = (sql: string, params: unknown[]) => {
    options.trace?.push({ sql, params })
    let statement = statements.get(sql)
    if (!statement) {
      if (statements.size > 200) statements.clear()
      statement = db.prepare(sql)
      statements.set(sql, statement)
    }
    return statement
  }
  const all = (sql: string, params: unknown[]) => prepare(sql, params).all(...params) as RowSql[]
  const count = (sql: string, params: unknown[]) =>
    prepare(sql, params)
      .pluck()
      .get(...params) as number
  // Counting every row under a filter is the one O(n) step of a list without text; remember it
  // until the database changes (data_version: other connections; total_changes: this one).
  const versionStatement = db
    .prepare("SELECT (SELECT data_version FROM pragma_data_version) || ':' || total_changes()")
    .pluck()
  const counts = new Map<string, number>()
  let countsVersion = ''

  return {
    search(input) {
      const text = parseSearchText(input.query)
      const empty = {
        rows: [],
        total: 0,
        offset: input.offset,
        limit: input.limit,
        queryTruncated: text.truncated,
      }
      if (text.hadText && text.tokens.length === 0) return empty
      const filters = filterSql(input.filters, now())
      const hasQuery = text.tokens.length > 0
      const order = orderSql(input, hasQuery)

      if (hasQuery) {
        const hits = hitsSql(text.tokens)
        const matches = count(`SELECT count(*) FROM (${hits.set.sql})`, hits.set.params)
        if (matches === 0) return empty
        let total = matches
        if (filters.params.length > 0) {
          // `+d.pk`: probe the hit set from the devices side, never one lookup per hit.
          total = count(
            `SELECT count(*) FROM devices d WHERE +d.pk IN (${hits.set.sql}) AND ${filters.sql}`,
            [...hits.set.params, ...filters.params],
          )
          if (total === 0) return empty
        }
        const rows =
          matches <= broadQueryMatches
            ? all(
                `WITH h AS (${hits.ranked.sql})
                SELECT ${ROW_SELECT} FROM h JOIN devices d ON d.pk = h.pk
                WHERE ${filters.sql} ORDER BY ${order} LIMIT ? OFFSET ?`,
                [...hits.ranked.params, ...filters.params, input.limit, input.offset],
              )
            : all(
                `SELECT ${ROW_SELECT} FROM devices d
                WHERE +d.pk IN (${hits.set.sql}) AND ${filters.sql}
                ORDER BY ${orderSql(input, false)} LIMIT ? OFFSET ?`,
                [...hits.set.params, ...filters.params, input.limit, input.offset],
              )
        return { ...empty, rows: rows.map(toRow), total }
      }

      const rows = all(
        `SELECT ${ROW_SELECT} FROM devices d WHERE ${filters.sql} ORDER BY ${order} LIMIT ? OFFSET ?`,
        [...filters.params, input.limit, input.offset],
      )
      const version = versionStatement.get() as string
      if (version !== countsVersion) {
        counts.clear()
        countsVersion = version
      }
      const countKey = `${filters.sql}|${JSON.stringify(filters.params)}`
      let total = counts.get(countKey)
      if (total === undefined) {
        total = count(`SELECT count(*) FROM devices d WHERE ${filters.sql}`, filters.params)
        if (input.filters.lastCheckInOlderThanDays === undefined) counts.set(countKey, total)
      }
      return { ...empty, rows: rows.map(toRow), total }
    },
  }
}
