/**
 * devices:search latency per query class (DESIGN §5: p95 < 10 ms), without the sync: the cache is
 * built with the snapshot builder from the demo generator (same rows, same schema as a sync), then
 * every workload input goes through router.call('devices:search') like the UI, each beside a fair
 * raw baseline: the very SQL statements that search ran (recorded once per input with the
 * search's trace option: same columns, same order, same total), prepared once and run bare with
 * better-sqlite3 — no router, validation, planning or row mapping. "first" is the first round
 * only (the warm-up): no statement prepared and no count remembered yet (search.ts remembers
 * counts until the database changes).
 * PD_BENCH_SIZES (default 200000); PD_BENCH_DB=<dir> keeps the built cache between runs (the
 * directory is reused when it already holds a cache of the right size — rebuild it after changing
 * index DDL). Needs no build. Run alone:
 * `node --expose-gc ./node_modules/vitest/vitest.mjs bench --run --project bench tests/bench/device-search.bench.ts`.
 * Classes split text + filters from filters only (device-cache.bench.ts lumps them as "with filters").
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { bench, describe } from 'vitest'
import { createDeviceCacheModule } from '../support/device-cache-module'
import { createDeviceSearch } from '../../electron/core/devices/search'
import { deviceSearchInput } from '../../shared/api/schemas/devices'
import { silentLogger } from '../../electron/core/log'
import { createRouter, type Handlers } from '../../electron/core/router'
import type { SessionProvider } from '../../electron/core/auth/session'
import { openDatabase } from '../../electron/core/store/db'
import { createDeviceTables } from '../../electron/core/store/device-tables'
import { buildCache } from './cache-fixture'
import { percentile, searchClass, searchWorkload } from './search-workload'

const SIZES = process.env.PD_BENCH_SIZES?.split(',').map(Number) ?? [200_000]
const ROUNDS = Number(process.env.PD_BENCH_ROUNDS ?? 5)

function build(file: string, count: number): void {
  if (existsSync(file)) {
    const db = openDatabase(file)
    const n = db.prepare('SELECT count(*) FROM devices').pluck().get() as number
    // Rebuilt when the word index's columns differ from what this code creates.
    const ftsColumns = (d: Database.Database) =>
      d.prepare("SELECT group_concat(name) FROM pragma_table_xinfo('devices_fts')").pluck().get()
    const fresh = new Database(':memory:')
    createDeviceTables(fresh, '', 'bench')
    const current = ftsColumns(db) === ftsColumns(fresh)
    fresh.close()
    db.close()
    if (n === count && current) return
    rmSync(file)
  }
  buildCache(file, count)
}

async function figures(dir: string) {
  const sessions = {
    current: () => ({ profileDataDir: dir }),
    onChange: () => () => {},
  } as unknown as SessionProvider
  const module = createDeviceCacheModule({ sessions })
  const router = createRouter(module.handlers as unknown as Handlers, {
    validateOutput: false,
    log: silentLogger,
  })
  const ctx = { host: 'test', clientId: 'bench' } as const
  const inputs = searchWorkload(join(dir, 'cache.db'))
  const db = module.cache.db()
  // The statements each input runs, recorded by a second search over the same database.
  const replays = inputs.map((input) => {
    const trace: { sql: string; params: unknown[] }[] = []
    createDeviceSearch(db, { trace }).search(deviceSearchInput.parse(input))
    return trace.map(({ sql, params }) => {
      const statement = db.prepare(sql)
      return () => (statement.reader ? statement.all(...params) : statement.run(...params))
    })
  })
  const byClass = new Map<string, { routed: number[]; raw: number[]; first: number[] }>()
  const entryOf = (input: (typeof inputs)[number]) => {
    const entry = byClass.get(searchClass(input, true)) ?? { routed: [], raw: [], first: [] }
    byClass.set(searchClass(input, true), entry)
    return entry
  }
  // Warm-up round, reported as "first": statements not prepared yet, no count remembered yet.
  for (const input of inputs) {
    const t0 = performance.now()
    await router.call('devices:search', input, ctx)
    entryOf(input).first.push(performance.now() - t0)
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, input] of inputs.entries()) {
      const t0 = performance.now()
      const result = await router.call('devices:search', input, ctx)
      const ms = performance.now() - t0
      if (!result.ok) throw new Error(`search failed: ${result.error.code}`)
      const entry = entryOf(input)
      entry.routed.push(ms)
      const t1 = performance.now()
      for (const run of replays[i]!) run()
      entry.raw.push(performance.now() - t1)
    }
  }
  module.dispose()
  return byClass
}

describe('device search', () => {
  bench(
    'search latency per query class',
    async () => {
      const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
      process.stdout.write(`\nmachine: ${cpus().length} CPUs; node ${process.version}; load ${load}\n`)
      const keep = process.env.PD_BENCH_DB
      const work = keep ?? mkdtempSync(join(tmpdir(), 'pd-search-bench-'))
      try {
        for (const size of SIZES) {
          const dir = join(work, String(size))
          mkdirSync(dir, { recursive: true })
          build(join(dir, 'cache.db'), size)
          const f = (times: number[], p: number) => (times.length ? percentile(times, p).toFixed(2) : '-')
          process.stdout.write(
            `\n${size} devices, ${ROUNDS} rounds (ms): class | n | p50 | p95 | p99 | first-time p95 | raw same SQL p50 | p95 | p99 | p95 ratio\n`,
          )
          const everything = { routed: [] as number[], raw: [] as number[] }
          for (const [cls, { routed, raw, first }] of await figures(dir)) {
            everything.routed.push(...routed)
            everything.raw.push(...raw)
            for (const list of [routed, raw, first]) list.sort((a, b) => a - b)
            const ratio = (percentile(routed, 95) / percentile(raw, 95)).toFixed(1)
            process.stdout.write(
              `${cls} | ${routed.length} | ${f(routed, 50)} | ${f(routed, 95)} | ${f(routed, 99)} | ${f(first, 95)} | ${f(raw, 50)} | ${f(raw, 95)} | ${f(raw, 99)} | ${ratio}×\n`,
            )
          }
          const { routed, raw } = everything
          routed.sort((a, b) => a - b)
          raw.sort((a, b) => a - b)
          process.stdout.write(
            `all | ${routed.length} | ${f(routed, 50)} | ${f(routed, 95)} | ${f(routed, 99)} | - | ${f(raw, 50)} | ${f(raw, 95)} | ${f(raw, 99)} | ${(percentile(routed, 95) / percentile(raw, 95)).toFixed(1)}×\n`,
          )
        }
        process.stdout.write(
          `load after: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}\n`,
        )
      } finally {
        if (!keep) rmSync(work, { recursive: true, force: true })
      }
    },
    { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
  )
})
