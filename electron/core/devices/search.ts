import type Database from 'better-sqlite3'
import type { DeviceSearchResult } from '@shared/api/schemas/devices'
import type { CountryCode } from 'libphonenumber-js'
import { looksLikePhone, phoneRegionOf, phoneSearchDigits, pickPhoneRegion } from './phone'
import { isFragment, parseSearchText, prefixQuery, type SearchText } from './query-text'
import {
  facetMatch,
  filterSql,
  hitsSql,
  orderSql,
  relevanceSql,
  ROW_SELECT,
  toRow,
  walkUse,
  wordsAndFacets,
  type Built,
  type RowSql,
} from './search-sql'
import type { SearchInput } from './search-input'

export type { SearchInput } from './search-input'

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
  /** A count(*), remembered until the database changes when `cacheable`. */
  const remembered = (sql: string, params: unknown[], cacheable: boolean): number => {
    const version = versionStatement.get(ownChanges) as string
    if (version !== countsVersion) {
      counts.clear()
      countsVersion = version
    }
    const key = `${sql}|${JSON.stringify(params)}`
    let total = counts.get(key)
    if (total === undefined) {
      total = count(sql, params)
      if (cacheable) {
        if (counts.size > 1000) counts.clear()
        counts.set(key, total)
      }
    }
    return total
  }
  /** count(*) per filter set, remembered until the database changes. */
  const cachedCount = (filters: Built, cacheable: boolean): number =>
    remembered(`SELECT count(*) FROM devices d WHERE ${filters.sql}`, filters.params, cacheable)
  /**
   * Matches of a text (and filter words). Counting is proportional to the matches: one or two
   * letters match most of the cache (148,000 devices for "a" at 200k), and the agent types them
   * first every time, so those counts are remembered like the list counts above.
   */
  const textCount = (hits: Built, tokens: readonly string[]): number =>
    remembered(
      `SELECT count(*) FROM (${hits.sql})`,
      hits.params,
      tokens.every((t) => Array.from(t).length <= 2),
    )

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
    // Words with filter words: the hit set holds only devices that also pass the discrete filters
    // (33k instead of 53k for "iphone" + eligible at 200k), so the check-in walk probes less.
    const facets = facetMatch(input.filters)
    const hits: Built =
      facets && !tokens.some(isFragment)
        ? {
            sql: 'SELECT rowid AS pk FROM devices_fts WHERE devices_fts MATCH ?',
            params: [wordsAndFacets(tokens, facets)],
          }
        : hitsSql(tokens)
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
  /**
   * Words + discrete filters, no check-in age: one FTS5 query over words and filter words
   * (store/device-facets.ts). The count intersects doclists inside FTS5; the page is read like a
   * text-only one (relevance for few matches, FTS rowid = name order for many, else the sort's
   * index probing the hit set, or the whole set sorted when it is small: SORT_OVER_WALK).
   */
  const facetTextSearch = (
    input: SearchInput,
    tokens: readonly string[],
    facets: string,
    relevance: boolean,
    order: string,
    empty: DeviceSearchResult,
  ): DeviceSearchResult => {
    const match = wordsAndFacets(tokens, facets)
    const hits: Built = {
      sql: 'SELECT rowid AS pk FROM devices_fts WHERE devices_fts MATCH ?',
      params: [match],
    }
    const total = textCount(hits, tokens)
    if (total === 0) return empty
    const page = [input.limit, input.offset]
    let rows: RowSql[]
    if (total <= broadQueryMatches) {
      const ranked = relevance ? relevanceSql(tokens) : { sql: order, params: [] }
      rows = all(
        `SELECT ${ROW_SELECT} FROM devices d WHERE d.pk IN (${hits.sql})
        ORDER BY ${ranked.sql} LIMIT ? OFFSET ?`,
        [match, ...ranked.params, ...page],
      )
    } else if (relevance) {
      rows = all(
        `SELECT ${ROW_SELECT} FROM devices_fts f JOIN devices d ON d.pk = f.rowid
        WHERE f.devices_fts MATCH ? ORDER BY f.rowid LIMIT ? OFFSET ?`,
        [match, ...page],
      )
    } else if (total * total <= sortOverWalk * (input.offset + input.limit) * deviceCount()) {
      rows = all(
        `SELECT ${ROW_SELECT} FROM devices d WHERE d.pk IN (${hits.sql}) ORDER BY ${order} LIMIT ? OFFSET ?`,
        [match, ...page],
      )
    } else {
      const walk = filterSql(input.filters, now(), walkUse(input))
      rows = all(
        `SELECT ${ROW_SELECT} FROM devices d WHERE +d.pk IN (${hits.sql}) AND ${walk.sql}
        ORDER BY ${order} LIMIT ? OFFSET ?`,
        [match, ...walk.params, ...page],
      )
    }
    return { ...empty, rows: rows.map(toRow), total }
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

      const facets = facetMatch(input.filters)
      const words = hasQuery && !text.tokens.some(isFragment)
      if (words && facets && input.filters.lastCheckInOlderThanDays === undefined) {
        return facetTextSearch(input, text.tokens, facets, relevance, order, empty)
      }
      if (hasQuery && filters.params.length > 0) {
        return transaction(() => filteredTextSearch(input, text.tokens, nowMs, relevance, order, empty))
      }

      if (hasQuery) {
        const hits = hitsSql(text.tokens)
        const matches = textCount(hits, text.tokens)
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
