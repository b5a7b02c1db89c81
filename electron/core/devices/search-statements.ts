import type Database from 'better-sqlite3'
import type { Built, RowSql } from './search-sql'

/**
 * The statements a device search runs, cached by their SQL (the SQL only varies with the shape of
 * the input, never with its values), and the counts it may remember until the database changes.
 */
export interface SearchStatements {
  prepare(sql: string, params: unknown[]): Database.Statement
  all(sql: string, params: unknown[]): RowSql[]
  count(sql: string, params: unknown[]): number
  /** Changes of the database since the last look: data_version (other connections), total_changes (this one). */
  version(): string
  /** Rows this search itself wrote to or cleared from its temp match table: not a change of the data. */
  ownWrites(changes: number): void
  /** count(*) per filter set, remembered until the database changes when `cacheable`. */
  cachedCount(filters: Built, cacheable: boolean): number
  /**
   * Matches of a text (and filter words). Counting is proportional to the matches: one or two
   * letters match most of the cache (148,000 devices for "a" at 200k), and the agent types them
   * first every time, so those counts are remembered like the list counts.
   */
  textCount(hits: Built, tokens: readonly string[]): number
  deviceCount(): number
}

export function createSearchStatements(
  db: Database.Database,
  trace?: { sql: string; params: unknown[] }[],
): SearchStatements {
  const statements = new Map<string, Database.Statement>()
  const prepare = (sql: string, params: unknown[]) => {
    trace?.push({ sql, params })
    let statement = statements.get(sql)
    if (!statement) {
      if (statements.size > 200) statements.clear()
      statement = db.prepare(sql)
      statements.set(sql, statement)
    }
    return statement
  }
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
  const version = () => versionStatement.get(ownChanges) as string
  const counts = new Map<string, number>()
  let countsVersion = ''
  const remembered = (sql: string, params: unknown[], cacheable: boolean): number => {
    const now = version()
    if (now !== countsVersion) {
      counts.clear()
      countsVersion = now
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
  const cachedCount = (filters: Built, cacheable: boolean): number =>
    remembered(`SELECT count(*) FROM devices d WHERE ${filters.sql}`, filters.params, cacheable)

  return {
    prepare,
    all: (sql, params) => prepare(sql, params).all(...params) as RowSql[],
    count,
    version,
    ownWrites(changes) {
      ownChanges += changes
    },
    cachedCount,
    textCount: (hits, tokens) =>
      remembered(
        `SELECT count(*) FROM (${hits.sql})`,
        hits.params,
        tokens.every((t) => Array.from(t).length <= 2),
      ),
    deviceCount: () => cachedCount({ sql: '1', params: [] }, true),
  }
}
