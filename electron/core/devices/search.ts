import type Database from 'better-sqlite3'
import type { DeviceSearchResult } from '@shared/api/schemas/devices'
import { isFragment } from './query-text'
import type { SearchInput } from './search-input'
import { createSearchPlans } from './search-plans'
import { ageQuery } from './search-age'
import { DAY_MS, facetMatch, filterSql, orderSql, wordsAndFacets } from './search-sql'
import { createSearchStatements } from './search-statements'
import { createSearchText, PHONE_SAMPLE } from './search-text'

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
 * - words with discrete filters: one FTS5 query over words and filter words (facetText); with a
 *   check-in age too, over the check-in week words, reading only the boundary week's devices
 *   (search-age.ts);
 * - other text with filters: the matches (text and filters) are written once to a temp table, whose size is
 *   the total; then as above (relevance for few text matches, else walk the sort's index or the
 *   filter's own index in name order), probing that set, or sort the set when it is small against
 *   the page depth (SORT_OVER_WALK). See search-plans.ts, filteredText.
 */
export const BROAD_QUERY_MATCHES = 1000
/**
 * Text + filters: sort the whole match set rather than walk an index when total² is at most this
 * × (offset + limit) × devices. Measured at 200k devices: a walk costs ~0.25 µs per index entry, a
 * sorted read ~0.45 µs per match.
 */
const SORT_OVER_WALK = 0.55

const NEWEST_CHECK_IN = 'SELECT max(last_sync_ms) FROM devices'

export interface DeviceSearch {
  search(input: SearchInput): DeviceSearchResult
}

/**
 * Search over the live table set (devices:search). Statements are cached by their SQL
 * (search-statements.ts); the plans themselves are in search-plans.ts.
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
  const sql = createSearchStatements(db, options.trace)
  const searchText = createSearchText({
    locale: options.locale ?? (() => Intl.DateTimeFormat().resolvedOptions().locale),
    version: sql.version,
    sample: () => sql.prepare(PHONE_SAMPLE, []).pluck().all() as string[],
  })
  const plans = createSearchPlans({
    db,
    sql,
    now,
    broadQueryMatches: options.broadQueryMatches ?? BROAD_QUERY_MATCHES,
    sortOverWalk: options.sortOverWalk ?? SORT_OVER_WALK,
  })
  const transaction = <T>(fn: () => T): T => db.transaction(fn)()
  // The newest check-in: one seek at the end of the check-in index.
  const newest = () => sql.prepare(NEWEST_CHECK_IN, []).pluck().get() as number | null

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
      const relevance = hasQuery && (input.sort?.field ?? 'relevance') === 'relevance'
      const plan = { input, tokens: text.tokens, relevance, order: orderSql(input), empty }

      const facets = facetMatch(input.filters)
      // The operating system has no filter word (Graph's free text): its searches take the SQL
      // plans below, which check every filter (filterSql).
      const words = hasQuery && !text.tokens.some(isFragment) && !input.filters.platforms?.length
      const days = input.filters.lastCheckInOlderThanDays
      if (words && facets && days === undefined) return plans.facetText(plan, facets)
      if (words && days !== undefined) {
        const age = transaction(() => {
          const query = ageQuery(wordsAndFacets(text.tokens, facets), nowMs - days * DAY_MS, newest())
          return query && plans.ageText(plan, query, nowMs)
        })
        if (age) return age
      }
      if (hasQuery && filters.params.length > 0) return transaction(() => plans.filteredText(plan, nowMs))
      if (hasQuery) return plans.text(plan)
      return plans.list(plan, nowMs)
    },
  }
}
