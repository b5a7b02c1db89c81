import type Database from 'better-sqlite3'
import type { ParsedInput } from '@shared/api/contract'
import type { DeviceRow, DeviceSearchResult } from '@shared/api/schemas/devices'
import type { CountryCode } from 'libphonenumber-js'
import type { PasscodeAction, EnrollmentKind, Verdict } from '@shared/eligibility'
import { foldKey } from '../store/device-record'
import { looksLikePhone, phoneRegionOf, phoneSearchDigits, pickPhoneRegion } from './phone'
import { isFragment, parseSearchText, prefixQuery, quoteFts, type SearchText } from './query-text'

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
type FilterUse = 'count' | 'name' | 'other'

function filterSql(filters: SearchInput['filters'], now: number, use: FilterUse = 'count'): Built {
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
  if (filters.lastCheckInOlderThanDays !== undefined) {
    // Never checked in counts as "older than any N days": those are the devices an agent worries
    // about. Unprefixed, this expression is a range of the verdict_age index (device-tables.ts).
    clauses.push(`ifnull(${use === 'count' ? '' : '+'}d.last_sync_ms, 0) < ?`)
    params.push(now - filters.lastCheckInOlderThanDays * DAY_MS)
  }
  return { sql: clauses.length > 0 ? clauses.join(' AND ') : '1', params }
}

/** Which index a page in this order walks (see FilterUse). */
function walkUse(input: SearchInput): FilterUse {
  const field = input.sort?.field ?? 'relevance'
  return field === 'relevance' || field === 'deviceName' ? 'name' : 'other'
}

/**
 * Relevance without bm25: bm25 needs document counts for every phrase, i.e. a full pass over the
 * doclist of a short prefix such as "h" on every keystroke. Instead: devices whose user or name
 * starts with the whole typed text first, then with its first word, then the rest (matches in
 * UPN, e-mail, serial, model…), each group by name. Computed on at most BROAD_QUERY_MATCHES rows.
 */
function relevanceSql(tokens: readonly string[]): Built {
  const whole = foldKey(tokens.join(' '))
  const first = foldKey(tokens[0] ?? '')
  const starts = 'substr(d.user_key, 1, length(?)) = ? OR substr(d.name_key, 1, length(?)) = ?'
  return {
    sql: `CASE WHEN ${starts} THEN 0 WHEN ${starts} THEN 1 ELSE 2 END, d.name_key ASC, d.pk ASC`,
    params: [whole, whole, whole, whole, first, first, first, first],
  }
}

function orderSql(input: SearchInput): string {
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
function hitsSql(tokens: readonly string[]): Built {
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
 * Plans, chosen from the number of text matches (an FTS count, which is cheap):
 * - up to BROAD_QUERY_MATCHES: fetch every match by key and sort by relevance (relevanceSql);
 * - more, sorted by relevance (what search-as-you-type asks for): read FTS hits in rowid order and
 *   stop after one page. A sync writes rows in name order (store/snapshot.ts), so this lists by
 *   name as of the last sync (a device renamed by devices:refresh keeps its place until then);
 *   bm25-style ranking means little for "a" anyway;
 * - more, with an explicit sort: walk that sort's index and probe the hit set, built once as an
 *   ephemeral table with a Bloom filter, until the page is full;
 * - with filters: the matches (text and filters) are written once to a temp table, whose size is
 *   the total; then as above (relevance for few text matches, else walk the sort's index or the
 *   filter's own index in name order), probing that set, or sort the set when it is small against
 *   the page depth (SORT_OVER_WALK). See filteredTextSearch.
 */
export const BROAD_QUERY_MATCHES = 1000
/**
 * Text + filters: sort the whole match set rather than walk an index when total² is at most this
 * × (offset + limit) × devices. Measured at 200k devices: a walk costs ~0.25 µs per index entry, a
 * sorted read ~0.45 µs per match.
 */
const SORT_OVER_WALK = 0.55

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
  /** Tests: SORT_OVER_WALK (0 always walks an index, Infinity always sorts the match set). */
  readonly sortOverWalk?: number
  /** The agent's locale (BCP 47), whose region reads phone numbers typed without a country code. */
  readonly locale?: () => string | undefined
  /** Tests: records every statement a search runs, for EXPLAIN QUERY PLAN checks. */
  readonly trace?: { sql: string; params: unknown[] }[]
}

export function createDeviceSearch(db: Database.Database, options: DeviceSearchOptions = {}): DeviceSearch {
  const now = options.now ?? Date.now
  const broadQueryMatches = options.broadQueryMatches ?? BROAD_QUERY_MATCHES
  const sortOverWalk = options.sortOverWalk ?? SORT_OVER_WALK
  const locale = options.locale ?? (() => Intl.DateTimeFormat().resolvedOptions().locale)
  /**
   * A phone number typed in any national or international style is searched as its national
   * significant number (devices/phone.ts; the index holds it as a word and inside the digits).
   */
  const phoneSample = 'SELECT phone_number FROM devices WHERE phone_number IS NOT NULL LIMIT 200'
  let region: { version: string; locale: string | undefined; region: CountryCode | undefined } | null = null
  const phoneRegion = (): CountryCode | undefined => {
    const version = versionStatement.get(ownChanges) as string
    const agent = locale()
    if (region?.version !== version || region.locale !== agent) {
      const sample = prepare(phoneSample, []).pluck().all() as string[]
      region = { version, locale: agent, region: pickPhoneRegion(phoneRegionOf(agent), sample) }
    }
    return region.region
  }
  const searchText = (query: string): SearchText => {
    const text = parseSearchText(query)
    const phone = looksLikePhone(query) ? phoneSearchDigits(query, phoneRegion()) : null
    return phone ? { ...text, tokens: [phone] } : text
  }
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
  // until the database changes (data_version: other connections; total_changes: this one, less
  // the rows this search itself writes to and clears from its temp match table).
  let ownChanges = 0
  const versionStatement = db
    .prepare("SELECT (SELECT data_version FROM pragma_data_version) || ':' || (total_changes() - ?)")
    .pluck()
  const counts = new Map<string, number>()
  let countsVersion = ''
  /** count(*) per filter set, remembered until the database changes. */
  const cachedCount = (filters: Built, cacheable: boolean): number => {
    const version = versionStatement.get(ownChanges) as string
    if (version !== countsVersion) {
      counts.clear()
      countsVersion = version
    }
    const key = `${filters.sql}|${JSON.stringify(filters.params)}`
    let total = counts.get(key)
    if (total === undefined) {
      total = count(`SELECT count(*) FROM devices d WHERE ${filters.sql}`, filters.params)
      if (cacheable) counts.set(key, total)
    }
    return total
  }

  const deviceCount = () => cachedCount({ sql: '1', params: [] }, true)

  /**
   * Text + filters. The matching devices (text hit and filters) are written once per search into a
   * temp table keyed by pk: its row count is the exact total, and the page then probes it by key.
   * The write walks the filter's own index range (verdict_age for verdict + check-in, the filters
   * index otherwise) and probes the FTS hit set, built once as an ephemeral table with a Bloom
   * filter (`+d.pk`: never one FTS lookup per device); before, the count and the page each built
   * that hit set (53k rowids for "iphone" at 200k devices), which cost more than everything else.
   * The number of text matches only decides between relevance order and an index walk
   * (BROAD_QUERY_MATCHES), so it is counted only when the filtered total is at most that.
   * One read transaction, so the total and the page see the same snapshot; the set is emptied
   * before it ends.
   */
  let clearStatement: Database.Statement | undefined
  const clearMatches = () => (ownChanges += clearStatement!.run().changes)
  const filteredTextSearch = (
    input: SearchInput,
    tokens: readonly string[],
    nowMs: number,
    relevance: boolean,
    order: string,
    empty: DeviceSearchResult,
  ): DeviceSearchResult => {
    if (!clearStatement) {
      db.exec('CREATE TEMP TABLE IF NOT EXISTS search_matches (pk INTEGER PRIMARY KEY)')
      clearStatement = db.prepare('DELETE FROM temp.search_matches')
    }
    const hits = hitsSql(tokens)
    const filters = filterSql(input.filters, nowMs)
    clearMatches()
    try {
      const insert = `INSERT INTO temp.search_matches (pk)
        SELECT d.pk FROM devices d WHERE ${filters.sql} AND +d.pk IN (${hits.sql})`
      const params = [...filters.params, ...hits.params]
      const total = prepare(insert, params).run(...params).changes
      ownChanges += total
      if (total === 0) return empty
      const matches =
        total > broadQueryMatches ? total : count(`SELECT count(*) FROM (${hits.sql})`, hits.params)
      const page = [input.limit, input.offset]
      let rows: RowSql[]
      if (matches <= broadQueryMatches) {
        const ranked = relevance ? relevanceSql(tokens) : { sql: order, params: [] }
        rows = all(
          `SELECT ${ROW_SELECT} FROM devices d WHERE d.pk IN (SELECT pk FROM temp.search_matches)
          ORDER BY ${ranked.sql} LIMIT ? OFFSET ?`,
          [...ranked.params, ...page],
        )
      } else if (total * total <= sortOverWalk * (input.offset + input.limit) * deviceCount()) {
        // Few matches spread over many devices: reading and sorting them all is cheaper than
        // walking an index until the page is full. The walk reads about (offset + limit) × devices /
        // total index entries; sorting reads total rows (0.4 ms for 1,263 matches at 200k devices,
        // vs 2 ms walking; deep pages gain most).
        rows = all(
          `SELECT ${ROW_SELECT} FROM devices d WHERE d.pk IN (SELECT pk FROM temp.search_matches)
          ORDER BY ${order} LIMIT ? OFFSET ?`,
          page,
        )
      } else {
        // The filters again, though the set already holds them: they steer the walk onto the
        // verdict/kind name-ordered index, which reaches a page of matches sooner than the name
        // index. The set is probed first, on the index entry's pk (`+`: a seek into the temp table,
        // no row read for devices that are not in it; 2 vs 7 ms for "hel" + company + compliant).
        const walk = filterSql(input.filters, nowMs, walkUse(input))
        rows = all(
          `SELECT ${ROW_SELECT} FROM devices d
          WHERE +d.pk IN (SELECT pk FROM temp.search_matches) AND ${walk.sql}
          ORDER BY ${order} LIMIT ? OFFSET ?`,
          [...walk.params, ...page],
        )
      }
      return { ...empty, rows: rows.map(toRow), total }
    } finally {
      clearMatches()
    }
  }
  const transaction = <T>(fn: () => T): T => db.transaction(fn)()

  return {
    search(input) {
      const text = searchText(input.query)
      const empty = {
        rows: [],
        total: 0,
        offset: input.offset,
        limit: input.limit,
        queryTruncated: text.truncated,
      }
      if (text.hadText && text.tokens.length === 0) return empty
      const nowMs = now()
      const filters = filterSql(input.filters, nowMs)
      const hasQuery = text.tokens.length > 0
      const order = orderSql(input)
      const relevance = hasQuery && (input.sort?.field ?? 'relevance') === 'relevance'

      if (hasQuery && filters.params.length > 0) {
        return transaction(() => filteredTextSearch(input, text.tokens, nowMs, relevance, order, empty))
      }

      if (hasQuery) {
        const hits = hitsSql(text.tokens)
        const matches = count(`SELECT count(*) FROM (${hits.sql})`, hits.params)
        if (matches === 0) return empty
        const total = matches
        const page = [input.limit, input.offset]
        let rows: RowSql[]
        if (matches <= broadQueryMatches) {
          const ranked = relevance ? relevanceSql(text.tokens) : { sql: order, params: [] }
          rows = all(
            `SELECT ${ROW_SELECT} FROM devices d WHERE d.pk IN (${hits.sql})
            ORDER BY ${ranked.sql} LIMIT ? OFFSET ?`,
            [...hits.params, ...ranked.params, ...page],
          )
        } else if (relevance && !text.tokens.some(isFragment)) {
          rows = all(
            `SELECT ${ROW_SELECT} FROM devices_fts f JOIN devices d ON d.pk = f.rowid
            WHERE f.devices_fts MATCH ? ORDER BY f.rowid LIMIT ? OFFSET ?`,
            [prefixQuery(text.tokens), ...page],
          )
        } else {
          rows = all(
            `SELECT ${ROW_SELECT} FROM devices d WHERE +d.pk IN (${hits.sql})
            ORDER BY ${order} LIMIT ? OFFSET ?`,
            [...hits.params, ...page],
          )
        }
        return { ...empty, rows: rows.map(toRow), total }
      }

      const walk = filterSql(input.filters, nowMs, walkUse(input))
      const rows = all(
        `SELECT ${ROW_SELECT} FROM devices d WHERE ${walk.sql} ORDER BY ${order} LIMIT ? OFFSET ?`,
        [...walk.params, input.limit, input.offset],
      )
      const total = cachedCount(filters, input.filters.lastCheckInOlderThanDays === undefined)
      return { ...empty, rows: rows.map(toRow), total }
    },
  }
}
