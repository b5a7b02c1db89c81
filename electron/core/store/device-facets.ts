/**
 * Filter values as words of the device word index (DESIGN §5: every query class within budget).
 * Text + a filter such as "ma" + personal devices is then one FTS5 query,
 * `"ma"* AND "\uE000opersonal"`, answered by intersecting two doclists inside FTS5 (about a
 * millisecond at 200,000 devices) instead of probing a set of 42,000 text hits for each of 59,000
 * personal devices. Each word starts with a private-use character (U+E000): the unicode61
 * tokenizer keeps it inside the word (it is neither space nor punctuation, sqlite.org/fts5.html
 * §4.3.1), and query-text.ts drops private-use characters from what the agent types, so a search
 * can never match a filter word.
 */
import type { DeviceRecord } from './device-record'

export const FACET_MARK = '\uE000'

/** Filtered columns and the letter their words carry (the values are single camelCase words). */
export const FACETS = {
  verdict: 'v',
  enrollment_kind: 'k',
  ownership: 'o',
  compliance_state: 'c',
} as const satisfies Partial<Record<keyof DeviceRecord, string>>

export type FacetColumn = keyof typeof FACETS

/**
 * The check-in age is a range relative to now, so no word can say "older than 30 days". What is
 * static is the week of the last check-in: weeks since 1970-01-01 (UTC), never checked in = week 0,
 * like the age filter's `ifnull(last_sync_ms, 0)` (devices/search-sql.ts). "No check-in for N days"
 * is then the words NOT the few weeks after the boundary week, plus an exact check of the boundary
 * week's devices (devices/search-age.ts); the words stay right as time passes without a sync.
 */
export const WEEK_MS = 7 * 86_400_000

/** The check-in week of a last-sync time in ms (null: never checked in). */
export function checkInWeek(lastSyncMs: number | null): number {
  return Math.max(0, Math.floor((lastSyncMs ?? 0) / WEEK_MS))
}

/** The filter word of one check-in week. */
export function weekWord(week: number): string {
  return `"${FACET_MARK}w${week}"`
}

/** The filter words of one device (the `facets` column of devices_fts). */
export function facetText(record: Pick<DeviceRecord, FacetColumn | 'last_sync_ms'>): string {
  return [
    ...(Object.keys(FACETS) as FacetColumn[]).map(
      (column) => `${FACET_MARK}${FACETS[column]}${record[column]}`,
    ),
    `${FACET_MARK}w${checkInWeek(record.last_sync_ms)}`,
  ].join(' ')
}

/** The same text computed by SQL from a devices row (snapshot build), `alias.` prefixed. */
export function facetTextSql(alias: string): string {
  return [
    ...(Object.keys(FACETS) as FacetColumn[]).map(
      (column) => `'${FACET_MARK}${FACETS[column]}' || ${alias}.${column}`,
    ),
    `'${FACET_MARK}w' || max(0, CAST(ifnull(${alias}.last_sync_ms, 0) / ${WEEK_MS} AS INTEGER))`,
  ].join(` || ' ' || `)
}

/**
 * An FTS5 expression matching devices whose column has one of `values`. Values come from the
 * contract's enums (shared/api/schemas/devices.ts), quoted anyway (DESIGN §3).
 */
export function facetQuery(column: FacetColumn, values: readonly string[]): string {
  const words = values.map((v) => `"${`${FACET_MARK}${FACETS[column]}${v}`.replace(/"/g, '""')}"`)
  return words.length === 1 ? words[0]! : `(${words.join(' OR ')})`
}
