/**
 * Device cache figures (DESIGN §5), each beside its same-run baseline:
 * - full sync of 100,000 devices from the demo tenant on loopback (built CLI, its own process, like
 *   a core process) vs inserting the same, already-mapped rows into the same schema;
 * - devices:search latency p50/p95/p99 at 10k, 100k and 200k devices through router.call (what the
 *   UI calls) vs the raw FTS5 query for the same text on the same database;
 * - resident memory of the sync process with 200,000 devices (peak VmHWM) and of this process
 *   after serving searches on the 200k cache.
 * The demo tenant runs in its own process so that generating pages does not share the sync's thread.
 * Needs `npm run build` (out/main/cli.js). Prints a table; `npm run bench`.
 */
import { spawn } from 'node:child_process'
import { cpus } from 'node:os'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bench, describe } from 'vitest'
import { createDeviceCacheModule } from '../support/device-cache-module'
import { parseSearchText, prefixQuery } from '../../electron/core/devices/query-text'
import { silentLogger } from '../../electron/core/log'
import { createRouter, type Handlers } from '../../electron/core/router'
import type { SessionProvider } from '../../electron/core/auth/session'
import { openDatabase } from '../../electron/core/store/db'
import { cacheRecord, CLI, demoGraphs, startTenant, writeRecords } from './cache-fixture'
import { cliSync, kb } from './cli-sync'
import { percentile, searchClass, searchWorkload, type SearchBenchInput } from './search-workload'

// PD_BENCH_SIZES=2000,5000 for a quick dry run; the sync baseline runs at the middle size.
const SIZES = process.env.PD_BENCH_SIZES?.split(',').map(Number) ?? [10_000, 100_000, 200_000]
const SYNC_SIZE = SIZES[Math.floor(SIZES.length / 2)]!
const LARGEST = SIZES.at(-1)!
const lines: string[] = []
const say = (line: string) => {
  lines.push(line)
  process.stdout.write(line + '\n')
}

/** Peak RSS of a fresh core process (the built CLI) that opens the cache and answers a search. */
async function cliSearchPeakRssMb(file: string, query: string): Promise<number> {
  const child = spawn(process.execPath, [CLI, 'search', query, '--db', file, '--limit', '50'], {
    stdio: ['ignore', 'ignore', 'ignore'],
  })
  let peakKb = 0
  const poll = setInterval(() => {
    try {
      peakKb = Math.max(peakKb, kb(readFileSync(`/proc/${child.pid}/status`, 'utf8'), 'VmHWM'))
    } catch {
      // exited between polls
    }
  }, 5)
  await new Promise((done) => child.on('exit', done))
  clearInterval(poll)
  return peakKb / 1024
}

function rawInsert(count: number, file: string): { ms: number; rows: number } {
  const at = new Date().toISOString()
  const rows = demoGraphs(count).map((g) => cacheRecord(g, at))
  const db = openDatabase(file)
  const started = performance.now()
  writeRecords(db, rows)
  const ms = performance.now() - started
  db.close()
  return { ms, rows: rows.length }
}

async function searchFigures(dir: string) {
  const file = join(dir, 'cache.db')
  const sessions = {
    current: () => ({ profileDataDir: dir }),
    onChange: () => () => {},
  } as unknown as SessionProvider
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
  const rssBeforeMb = process.memoryUsage().rss / 1024 / 1024
  const module = createDeviceCacheModule({ sessions })
  const router = createRouter(module.handlers as unknown as Handlers, {
    validateOutput: false,
    log: silentLogger,
  })
  const ctx = { host: 'test', clientId: 'bench' } as const
  const inputs = searchWorkload(file)
  const db = module.cache.db()
  const raw = db.prepare('SELECT rowid FROM devices_fts WHERE devices_fts MATCH ? LIMIT 50').pluck()

  // Warm the page cache the way an app that has been open a while would be.
  for (const input of inputs) await router.call('devices:search', input, ctx)

  const routed: number[] = []
  const rawTimes: number[] = []
  const byClass = new Map<string, number[]>()
  const slowest: { ms: number; input: SearchBenchInput }[] = []
  const classOf = (input: SearchBenchInput) => searchClass(input)
  for (let round = 0; round < 3; round++) {
    for (const input of inputs) {
      const t0 = performance.now()
      const result = await router.call('devices:search', input, ctx)
      const ms = performance.now() - t0
      routed.push(ms)
      const cls = classOf(input)
      byClass.set(cls, [...(byClass.get(cls) ?? []), ms])
      slowest.push({ ms, input })
      if (!result.ok) throw new Error(`search failed: ${result.error.code}`)
      const tokens = parseSearchText(input.query).tokens
      if (tokens.length > 0) {
        const t1 = performance.now()
        raw.all(prefixQuery(tokens))
        rawTimes.push(performance.now() - t1)
      }
    }
  }
  routed.sort((a, b) => a - b)
  rawTimes.sort((a, b) => a - b)
  gc?.()
  const rssMb = process.memoryUsage().rss / 1024 / 1024
  const heapMb = process.memoryUsage().heapUsed / 1024 / 1024
  module.dispose()
  slowest.sort((a, b) => b.ms - a.ms)
  const classes = [...byClass].map(([cls, times]) => {
    times.sort((a, b) => a - b)
    return `${cls}: n=${times.length} p50 ${percentile(times, 50).toFixed(2)} p95 ${percentile(times, 95).toFixed(2)} ms`
  })
  return {
    classes,
    slowest: slowest.slice(0, 5).map((s) => `${s.ms.toFixed(1)} ms ${JSON.stringify(s.input)}`),
    n: routed.length,
    p50: percentile(routed, 50),
    p95: percentile(routed, 95),
    p99: percentile(routed, 99),
    max: routed.at(-1)!,
    raw50: percentile(rawTimes, 50),
    raw95: percentile(rawTimes, 95),
    raw99: percentile(rawTimes, 99),
    rssMb,
    rssBeforeMb,
    heapMb,
  }
}

describe('device cache', () => {
  bench(
    'sync, search and memory figures',
    async () => {
      if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first.`)
      const f = (x: number, d = 1) => x.toFixed(d)
      say(
        `\nmachine: ${cpus().length} CPUs, ${cpus()[0]?.model ?? '?'}; node ${process.version}; load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
      )
      const work = mkdtempSync(join(tmpdir(), 'pd-bench-'))
      try {
        const figures: Record<number, Awaited<ReturnType<typeof searchFigures>>> = {}
        for (const size of SIZES) {
          const dir = join(work, String(size))
          const tenant = await startTenant(size, { stderr: 'inherit' })
          try {
            const sync = await cliSync(tenant.graphUrl, tenant.token, join(dir, 'cache.db'))
            say(
              `sync ${size}: ${f(sync.durationMs / 1000, 2)} s (${f(sync.devices / (sync.durationMs / 1000), 0)} devices/s), process wall ${f(sync.wallMs / 1000, 2)} s, peak RSS ${f(sync.peakRssMb, 0)} MB`,
            )
            if (size === SYNC_SIZE) {
              const insert = rawInsert(size, join(work, 'raw', 'cache.db'))
              say(
                `  baseline raw insert of the same ${insert.rows} rows into the same schema: ${f(insert.ms / 1000, 2)} s (${f(insert.rows / (insert.ms / 1000), 0)} rows/s); sync/raw = ${f(sync.durationMs / insert.ms, 2)}x`,
              )
            }
          } finally {
            tenant.child.kill('SIGTERM')
          }
          figures[size] = await searchFigures(dir)
          if (size === LARGEST) {
            const peak = await cliSearchPeakRssMb(join(dir, 'cache.db'), 'hel')
            say(
              `fresh core process (CLI) opening the ${size} cache and searching "hel": peak RSS ${f(peak, 0)} MB`,
            )
          }
        }
        say('\ndevices:search through router.call (ms) vs raw FTS5 MATCH … LIMIT 50 on the same database')
        say('devices  | calls | p50   | p95   | p99   | max    | raw p50 | raw p95 | raw p99 | p95 ratio')
        for (const size of SIZES) {
          const s = figures[size]!
          say(
            `${String(size).padEnd(8)} | ${String(s.n).padEnd(5)} | ${f(s.p50, 2).padEnd(5)} | ${f(s.p95, 2).padEnd(5)} | ${f(s.p99, 2).padEnd(5)} | ${f(s.max, 2).padEnd(6)} | ${f(s.raw50, 3).padEnd(7)} | ${f(s.raw95, 3).padEnd(7)} | ${f(s.raw99, 3).padEnd(7)} | ${f(s.p95 / Math.max(s.raw95, 0.001), 1)}x`,
          )
        }
        for (const size of SIZES) {
          say(`\nby query class at ${size}: ${figures[size]!.classes.join('; ')}`)
          say(`slowest at ${size}: ${figures[size]!.slowest.join(' | ')}`)
        }
        say(
          `\nthis process (vitest worker + core; it also generated the raw-insert rows): RSS ${f(figures[LARGEST]!.rssBeforeMb, 0)} MB before opening the ${LARGEST} cache, ${f(figures[LARGEST]!.rssMb, 0)} MB after the searches (after GC; JS heap ${f(figures[LARGEST]!.heapMb, 0)} MB)`,
        )
      } finally {
        rmSync(work, { recursive: true, force: true })
      }
    },
    { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
  )
})
