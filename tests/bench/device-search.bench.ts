/**
 * devices:search latency per query class (DESIGN §5: p95 < 10 ms), without the sync: the cache is
 * built with the snapshot builder from the demo generator (same rows, same schema as a sync), then
 * every workload input goes through router.call('devices:search') like the UI, each beside the raw
 * FTS5 `MATCH … LIMIT 50` for the same text on the same database.
 * PD_BENCH_SIZES (default 200000); PD_BENCH_DB=<dir> keeps the built cache between runs (the
 * directory is reused when it already holds a cache of the right size — rebuild it after changing
 * index DDL). Needs no build. Run alone:
 * `node --expose-gc ./node_modules/vitest/vitest.mjs bench --run --project bench tests/bench/device-search.bench.ts`.
 * Classes split text + filters from filters only (device-cache.bench.ts lumps them as "with filters").
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { bench, describe } from 'vitest'
import { createDeviceCacheModule } from '../../electron/core/devices'
import { parseSearchText, prefixQuery } from '../../electron/core/devices/query-text'
import { silentLogger } from '../../electron/core/log'
import { createRouter, type Handlers } from '../../electron/core/router'
import type { SessionProvider } from '../../electron/core/auth/session'
import { openDatabase } from '../../electron/core/store/db'
import { toDeviceRecord } from '../../electron/core/store/device-record'
import { beginSnapshot } from '../../electron/core/store/snapshot'
import { BETA_FIELDS } from '../../electron/core/sync/fields'
import { generateDevices } from '../../electron/demo-tenant/generator'
import { percentile, searchClass, searchWorkload } from './search-workload'

const SIZES = process.env.PD_BENCH_SIZES?.split(',').map(Number) ?? [200_000]
const ROUNDS = Number(process.env.PD_BENCH_ROUNDS ?? 5)

function build(file: string, count: number): void {
  if (existsSync(file)) {
    const db = openDatabase(file)
    const n = db.prepare('SELECT count(*) FROM devices').pluck().get() as number
    db.close()
    if (n === count) return
    rmSync(file)
  }
  const at = new Date().toISOString()
  const db = openDatabase(file)
  const snapshot = beginSnapshot(db)
  const all = generateDevices(1, count)
  for (let i = 0; i < all.length; i += 1000) {
    snapshot.addPage(
      all
        .slice(i, i + 1000)
        .map((d) =>
          toDeviceRecord(Object.fromEntries(BETA_FIELDS.map((f) => [f, d.graph[f] ?? null])), 'beta', at)!,
        ),
    )
  }
  snapshot.commit()
  db.close()
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
  const raw = module.cache
    .db()
    .prepare('SELECT rowid FROM devices_fts WHERE devices_fts MATCH ? LIMIT 50')
    .pluck()
  for (const input of inputs) await router.call('devices:search', input, ctx)
  const byClass = new Map<string, { routed: number[]; raw: number[] }>()
  for (let round = 0; round < ROUNDS; round++) {
    for (const input of inputs) {
      const t0 = performance.now()
      const result = await router.call('devices:search', input, ctx)
      const ms = performance.now() - t0
      if (!result.ok) throw new Error(`search failed: ${result.error.code}`)
      const entry = byClass.get(searchClass(input, true)) ?? { routed: [], raw: [] }
      byClass.set(searchClass(input, true), entry)
      entry.routed.push(ms)
      const tokens = parseSearchText(input.query).tokens
      if (tokens.length > 0) {
        const t1 = performance.now()
        raw.all(prefixQuery(tokens))
        entry.raw.push(performance.now() - t1)
      }
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
            `\n${size} devices, ${ROUNDS} rounds (ms): class | n | p50 | p95 | p99 | raw FTS5 p50 | p95 | p99\n`,
          )
          for (const [cls, { routed, raw }] of await figures(dir)) {
            routed.sort((a, b) => a - b)
            raw.sort((a, b) => a - b)
            process.stdout.write(
              `${cls} | ${routed.length} | ${f(routed, 50)} | ${f(routed, 95)} | ${f(routed, 99)} | ${f(raw, 50)} | ${f(raw, 95)} | ${f(raw, 99)}\n`,
            )
          }
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
