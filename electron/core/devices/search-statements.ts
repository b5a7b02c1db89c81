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
  /** Changes of the devices since the last look (other connections, a table swap, row writes on this one). */
  version(): string
  /** count(*) per filter set, remembered until the database changes when `cacheable`. */
  /** A count that depends only on the devices (not on the time), remembered until they change. */
  rememberedCount(sql: string, params: unknown[]): number
  /** A list of numbers (one column) that depends only on the devices, remembered until they change. */
  rememberedTimes(sql: string, params: unknown[]): number[]
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
  // until the devices change (DESIGN §5): data_version sees commits of other connections (a sync in
  // the SQL worker), schema_version a sync's table swap on this one, and the temp triggers below
  // this connection's row writes to devices (devices:refresh, verdict refresh). Writes to other
  // tables on this connection (actions and their polls, history, sync meta) and this search's own
  // temp match table are not changes of the devices: they used to clear every remembered count.
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS search_device_writes (n INTEGER NOT NULL);
    INSERT INTO temp.search_device_writes (n) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM temp.search_device_writes)`)
  const watch = () => {
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS search_device_${event.toLowerCase()}
        AFTER ${event} ON main.devices BEGIN UPDATE temp.search_device_writes SET n = n + 1; END`)
    }
  }
  const versionStatement = db.prepare(`SELECT (SELECT data_version FROM pragma_data_version) || ':' ||
    (SELECT schema_version FROM pragma_schema_version) || ':' || (SELECT n FROM temp.search_device_writes)`)
  let watchedSchema = ''
  const version = () => {
    const now = versionStatement.pluck().get() as string
    // A swap drops the old devices table and its triggers: watch the new one (the swap itself
    // changed schema_version, so nothing written before this is missed).
    const schema = now.split(':')[1]!
    if (schema !== watchedSchema) {
      watch()
      watchedSchema = schema
    }
    return now
  }
  // Remembered values by statement and parameters; `cap` bounds each store (the time lists of
  // check-in searches hold up to thousands of numbers each, so fewer of them are kept).
  const stores = [new Map<string, unknown>(), new Map<string, unknown>()] as const
  const caps = [1000, 64]
  let valuesVersion = ''
  const remember = <T>(
    store: 0 | 1,
    sql: string,
    params: unknown[],
    cacheable: boolean,
    compute: () => T,
  ): T => {
    const now = version()
    if (now !== valuesVersion) {
      for (const values of stores) values.clear()
      valuesVersion = now
    }
    const values = stores[store]
    const key = `${sql}|${JSON.stringify(params)}`
    if (values.has(key)) return values.get(key) as T
    const value = compute()
    if (cacheable) {
      if (values.size >= caps[store]!) values.clear()
      values.set(key, value)
    }
    return value
  }
  const remembered = (sql: string, params: unknown[], cacheable: boolean): number =>
    remember(0, sql, params, cacheable, () => count(sql, params))
  const cachedCount = (filters: Built, cacheable: boolean): number =>
    remembered(`SELECT count(*) FROM devices d WHERE ${filters.sql}`, filters.params, cacheable)

  return {
    prepare,
    all: (sql, params) => prepare(sql, params).all(...params) as RowSql[],
    count,
    version,
    cachedCount,
    rememberedCount: (sql, params) => remembered(sql, params, true),
    rememberedTimes: (sql, params) =>
      remember(
        1,
        sql,
        params,
        true,
        () =>
          prepare(sql, params)
            .pluck()
            .all(...params) as number[],
      ),
    textCount: (hits, tokens) =>
      remembered(
        `SELECT count(*) FROM (${hits.sql})`,
        hits.params,
        tokens.every((t) => Array.from(t).length <= 2),
      ),
    deviceCount: () => cachedCount({ sql: '1', params: [] }, true),
  }
}
