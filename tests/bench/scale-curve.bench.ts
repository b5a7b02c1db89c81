/**
 * Scale curve (DESIGN §5): at 10k / 100k / 200k / 500k demo devices (PD_BENCH_SIZES), one table of
 * the full sync's time (built CLI, its own process, SQL worker thread included), its peak
 * resident memory, the cache's size on disk, and devices:search p50/p95/p99 through
 * router.call('devices:search') over the search workload (search-workload.ts, one warm-up round
 * then PD_BENCH_ROUNDS rounds) beside the same-run fair baseline: the very SQL statements the
 * search ran, prepared once and run bare (as device-search.bench.ts). The smallest size is the
 * growth baseline: "per device vs first" shows how the sync's cost per device grows.
 * `npm run build`, then
 * `node --expose-gc ./node_modules/vitest/vitest.mjs bench --run --project bench tests/bench/scale-curve.bench.ts`.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { bench, describe } from 'vitest'
import type { SessionProvider } from '../../electron/core/auth/session'
import { createDeviceCacheModule } from '../support/device-cache-module'
import { createDeviceSearch } from '../../electron/core/devices/search'
import { silentLogger } from '../../electron/core/log'
import { createRouter, type Handlers } from '../../electron/core/router'
import { deviceSearchInput } from '../../shared/api/schemas/devices'
import { CLI, startTenant } from './cache-fixture'
import { cliSync } from './cli-sync'
import { percentile, searchWorkload } from './search-workload'

const SIZES = process.env.PD_BENCH_SIZES?.split(',').map(Number) ?? [10_000, 100_000, 200_000, 500_000]
const ROUNDS = Number(process.env.PD_BENCH_ROUNDS ?? 2)
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')

async function searchFigures(dir: string) {
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
  const replays = inputs.map((input) => {
    const trace: { sql: string; params: unknown[] }[] = []
    createDeviceSearch(db, { trace }).search(deviceSearchInput.parse(input))
    return trace.map(({ sql, params }) => {
      const statement = db.prepare(sql)
      return () => (statement.reader ? statement.all(...params) : statement.run(...params))
    })
  })
  for (const input of inputs) await router.call('devices:search', input, ctx)
  const routed: number[] = []
  const raw: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, input] of inputs.entries()) {
      const t0 = performance.now()
      const result = await router.call('devices:search', input, ctx)
      routed.push(performance.now() - t0)
      if (!result.ok) throw new Error(`search failed: ${result.error.code}`)
      const t1 = performance.now()
      for (const run of replays[i]!) run()
      raw.push(performance.now() - t1)
    }
  }
  module.dispose()
  routed.sort((a, b) => a - b)
  raw.sort((a, b) => a - b)
  return { routed, raw }
}

describe('scale curve', () => {
  bench(
    'sync, search, disk and memory at 10k to 500k devices',
    async () => {
      if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first.`)
      process.stdout.write(`\nmachine: ${cpus().length} CPUs; node ${process.version}; load ${load()}\n`)
      const work = mkdtempSync(join(tmpdir(), 'pd-scale-'))
      const rows: string[] = []
      let first: { size: number; ms: number } | null = null
      try {
        for (const size of SIZES) {
          const dir = join(work, String(size))
          const file = join(dir, 'cache.db')
          const tenant = await startTenant(size)
          let sync: Awaited<ReturnType<typeof cliSync>>
          const loadBefore = load()
          try {
            sync = await cliSync(tenant.graphUrl, tenant.token, file)
          } finally {
            tenant.child.kill('SIGTERM')
          }
          const bytes = statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0)
          const { routed, raw } = await searchFigures(dir)
          first ??= { size, ms: sync.durationMs }
          const perDevice = sync.durationMs / size / (first.ms / first.size)
          const p = (list: number[], q: number) => percentile(list, q).toFixed(2)
          const row = `${size} | ${(sync.durationMs / 1000).toFixed(1)} s (${Math.round(size / (sync.durationMs / 1000))}/s, ${perDevice.toFixed(2)}× per device vs first) | ${sync.peakRssMb.toFixed(0)} MB | ${(bytes / 1024 / 1024).toFixed(0)} MB (${(bytes / size / 1024).toFixed(2)} KiB/device) | ${routed.length} | ${p(routed, 50)} / ${p(routed, 95)} / ${p(routed, 99)} | ${p(raw, 50)} / ${p(raw, 95)} / ${p(raw, 99)} | ${(percentile(routed, 95) / percentile(raw, 95)).toFixed(1)}× | ${loadBefore} → ${load()}`
          rows.push(row)
          process.stdout.write(`${row}\n`)
          rmSync(dir, { recursive: true, force: true })
        }
        process.stdout.write(
          `\ndevices | full sync (CLI) | peak RSS | cache on disk | searches | search p50 / p95 / p99 ms | raw same SQL p50 / p95 / p99 | p95 ratio | load before → after\n${rows.join('\n')}\n`,
        )
      } finally {
        rmSync(work, { recursive: true, force: true })
      }
    },
    { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
  )
})
