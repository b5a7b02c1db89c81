import type Database from 'better-sqlite3'
import type { DeviceSearchResult } from '@shared/api/schemas/devices'
import { isFragment, prefixQuery } from './query-text'
import {
  facetMatch,
  filterSql,
  hitsSql,
  relevanceSql,
  ROW_SELECT,
  toRow,
  walkUse,
  wordsAndFacets,
  type Built,
  type RowSql,
} from './search-sql'
import type { AgeQuery } from './search-age'
import type { SearchInput } from './search-input'
import type { SearchStatements } from './search-statements'

/**
 * The plans of a device search (which one runs: devices/search.ts). Each reads one page and its
 * exact total through the same cached statements (search-statements.ts).
 */
export interface PlanContext {
  readonly db: Database.Database
  readonly sql: SearchStatements
  readonly now: () => number
  /** BROAD_QUERY_MATCHES: up to this many text matches are sorted by relevance. */
  readonly broadQueryMatches: number
  /** SORT_OVER_WALK: sort the match set rather than walk an index under this ratio. */
  readonly sortOverWalk: number
}

/** One search's shape, decided once by the caller. */
export interface PlanInput {
  readonly input: SearchInput
  readonly tokens: readonly string[]
  readonly relevance: boolean
  readonly order: string
  readonly empty: DeviceSearchResult
}

export interface SearchPlans {
  /** Text + filters, through a temp match table (run it in a read transaction). */
  filteredText(plan: PlanInput, nowMs: number): DeviceSearchResult
  /** Words + discrete filters, no check-in age: one FTS5 query over words and filter words. */
  facetText(plan: PlanInput, facets: string): DeviceSearchResult
  /** Words (and filter words) + a check-in age: FTS5 over check-in week words (run it in a read transaction). */
  ageText(plan: PlanInput, age: AgeQuery, nowMs: number): DeviceSearchResult
  /** Text alone. */
  text(plan: PlanInput): DeviceSearchResult
  /** No text: walk the sort's index under the filters; the total is a remembered count. */
  list(plan: PlanInput, nowMs: number): DeviceSearchResult
}

const FTS_HITS = 'SELECT rowid AS pk FROM devices_fts WHERE devices_fts MATCH ?'
const NO_RESIDUAL: Built = { sql: '1', params: [] }

/** How many of the ascending `times` are before `threshold`. */
function before(times: readonly number[], threshold: number): number {
  let low = 0
  let high = times.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (times[mid]! < threshold) low = mid + 1
    else high = mid
  }
  return low
}

export function createSearchPlans(ctx: PlanContext): SearchPlans {
  const { db, sql, broadQueryMatches, sortOverWalk } = ctx
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
  const clearMatches = () => clearStatement!.run()
  const filteredText = (plan: PlanInput, nowMs: number): DeviceSearchResult => {
    const { input, tokens, relevance, order, empty } = plan
    if (!clearStatement) {
      db.exec('CREATE TEMP TABLE IF NOT EXISTS search_matches (pk INTEGER PRIMARY KEY)')
      clearStatement = db.prepare('DELETE FROM temp.search_matches')
    }
    // Words with filter words: the hit set holds only devices that also pass the discrete filters
    // (33k instead of 53k for "iphone" + eligible at 200k), so the check-in walk probes less.
    const facets = facetMatch(input.filters)
    const hits: Built =
      facets && !tokens.some(isFragment)
        ? { sql: FTS_HITS, params: [wordsAndFacets(tokens, facets)] }
        : hitsSql(tokens)
    const filters = filterSql(input.filters, nowMs)
    clearMatches()
    try {
      const insert = `INSERT INTO temp.search_matches (pk)
        SELECT d.pk FROM devices d WHERE ${filters.sql} AND +d.pk IN (${hits.sql})`
      const params = [...filters.params, ...hits.params]
      const total = sql.prepare(insert, params).run(...params).changes
      if (total === 0) return empty
      const matches =
        total > broadQueryMatches ? total : sql.count(`SELECT count(*) FROM (${hits.sql})`, hits.params)
      const page = [input.limit, input.offset]
      let rows: RowSql[]
      if (matches <= broadQueryMatches) {
        const ranked = relevance ? relevanceSql(tokens) : { sql: order, params: [] }
        rows = sql.all(
          `SELECT ${ROW_SELECT} FROM devices d WHERE d.pk IN (SELECT pk FROM temp.search_matches)
          ORDER BY ${ranked.sql} LIMIT ? OFFSET ?`,
          [...ranked.params, ...page],
        )
      } else if (total * total <= sortOverWalk * (input.offset + input.limit) * sql.deviceCount()) {
        // Few matches spread over many devices: reading and sorting them all is cheaper than
        // walking an index until the page is full. The walk reads about (offset + limit) × devices /
        // total index entries; sorting reads total rows (0.4 ms for 1,263 matches at 200k devices,
        // vs 2 ms walking; deep pages gain most).
        rows = sql.all(
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
        rows = sql.all(
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
   * (store/device-facets.ts). The count intersects doclists inside FTS5; the page is read by
   * facetPage.
   */
  const facetText = (plan: PlanInput, facets: string): DeviceSearchResult => {
    const match = wordsAndFacets(plan.tokens, facets)
    const total = sql.textCount({ sql: FTS_HITS, params: [match] }, plan.tokens)
    return facetPage(plan, match, total, NO_RESIDUAL, ctx.now())
  }
  /**
   * Words (and filter words) + a check-in age (search-age.ts): the devices that are old whatever
   * their time are counted inside FTS5; the boundary week's devices are read once for their
   * check-in times, sorted. Neither depends on the clock within that week, only on the devices, so
   * both are remembered until the devices change (like the list counts) and the exact total at any
   * moment is the definite count plus the boundary times before the threshold (a binary search).
   * Run in a read transaction (the counts and the page see one snapshot).
   */
  const ageText = (plan: PlanInput, age: AgeQuery, nowMs: number): DeviceSearchResult => {
    const definite = sql.rememberedCount(`SELECT count(*) FROM (${FTS_HITS})`, [age.definite])
    const times = sql.rememberedTimes(
      `SELECT ifnull(d.last_sync_ms, 0) AS ms FROM devices d WHERE d.pk IN (${FTS_HITS}) ORDER BY ms`,
      [age.boundary],
    )
    return facetPage(plan, age.match, definite + before(times, age.threshold), age.residual, nowMs)
  }
  /**
   * One page of an FTS5 match (words and filter words) whose exact total is known, each row also
   * passing `residual`: relevance for few matches, FTS rowid = name order for many, else the sort's
   * index probing the hit set, or the whole set sorted when it is small (SORT_OVER_WALK).
   */
  const facetPage = (
    plan: PlanInput,
    match: string,
    total: number,
    residual: Built,
    nowMs: number,
  ): DeviceSearchResult => {
    const { input, tokens, relevance, order, empty } = plan
    if (total === 0) return empty
    const page = [input.limit, input.offset]
    const and = `AND ${residual.sql}`
    let rows: RowSql[]
    if (total <= broadQueryMatches) {
      const ranked = relevance ? relevanceSql(tokens) : { sql: order, params: [] }
      rows = sql.all(
        `SELECT ${ROW_SELECT} FROM devices d WHERE d.pk IN (${FTS_HITS}) ${and}
        ORDER BY ${ranked.sql} LIMIT ? OFFSET ?`,
        [match, ...residual.params, ...ranked.params, ...page],
      )
    } else if (relevance) {
      rows = sql.all(
        `SELECT ${ROW_SELECT} FROM devices_fts f JOIN devices d ON d.pk = f.rowid
        WHERE f.devices_fts MATCH ? ${and} ORDER BY f.rowid LIMIT ? OFFSET ?`,
        [match, ...residual.params, ...page],
      )
    } else if (total * total <= sortOverWalk * (input.offset + input.limit) * sql.deviceCount()) {
      rows = sql.all(
        `SELECT ${ROW_SELECT} FROM devices d WHERE d.pk IN (${FTS_HITS}) ${and}
        ORDER BY ${order} LIMIT ? OFFSET ?`,
        [match, ...residual.params, ...page],
      )
    } else {
      // The walk checks every filter per index entry, the check-in age too (filterSql).
      const walk = filterSql(input.filters, nowMs, walkUse(input))
      rows = sql.all(
        `SELECT ${ROW_SELECT} FROM devices d WHERE +d.pk IN (${FTS_HITS}) AND ${walk.sql}
        ORDER BY ${order} LIMIT ? OFFSET ?`,
        [match, ...walk.params, ...page],
      )
    }
    return { ...empty, rows: rows.map(toRow), total }
  }
  const text = (plan: PlanInput): DeviceSearchResult => {
    const { input, tokens, relevance, order, empty } = plan
    const hits = hitsSql(tokens)
    const matches = sql.textCount(hits, tokens)
    if (matches === 0) return empty
    const total = matches
    const page = [input.limit, input.offset]
    let rows: RowSql[]
    if (matches <= broadQueryMatches) {
      const ranked = relevance ? relevanceSql(tokens) : { sql: order, params: [] }
      rows = sql.all(
        `SELECT ${ROW_SELECT} FROM devices d WHERE d.pk IN (${hits.sql})
          ORDER BY ${ranked.sql} LIMIT ? OFFSET ?`,
        [...hits.params, ...ranked.params, ...page],
      )
    } else if (relevance && !tokens.some(isFragment)) {
      rows = sql.all(
        `SELECT ${ROW_SELECT} FROM devices_fts f JOIN devices d ON d.pk = f.rowid
          WHERE f.devices_fts MATCH ? ORDER BY f.rowid LIMIT ? OFFSET ?`,
        [prefixQuery(tokens), ...page],
      )
    } else {
      rows = sql.all(
        `SELECT ${ROW_SELECT} FROM devices d WHERE +d.pk IN (${hits.sql})
          ORDER BY ${order} LIMIT ? OFFSET ?`,
        [...hits.params, ...page],
      )
    }
    return { ...empty, rows: rows.map(toRow), total }
  }

  const list = (plan: PlanInput, nowMs: number): DeviceSearchResult => {
    const { input, order, empty } = plan
    const walk = filterSql(input.filters, nowMs, walkUse(input))
    const rows = sql.all(
      `SELECT ${ROW_SELECT} FROM devices d WHERE ${walk.sql} ORDER BY ${order} LIMIT ? OFFSET ?`,
      [...walk.params, input.limit, input.offset],
    )
    const total = sql.cachedCount(
      filterSql(input.filters, nowMs),
      input.filters.lastCheckInOlderThanDays === undefined,
    )
    return { ...empty, rows: rows.map(toRow), total }
  }

  return { filteredText, facetText, ageText, text, list }
}
