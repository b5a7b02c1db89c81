/**
 * devices:person latency (the person card asks it after every new result set, so it shares the
 * search's budget, DESIGN §5: p95 < 10 ms through the router) at 200,000 devices, beside a fair raw
 * baseline: the very SQL statements the lookup ran for each input (recorded with its trace option),
 * prepared once and run bare with better-sqlite3 — no router, validation, phone parsing or mapping.
 * Inputs are what an agent types for a caller: full names, a name being typed, sign-in names,
 * e-mails, phone numbers read the French way, and device names and serials (no person).
 * PD_BENCH_SIZES (default 200000), PD_BENCH_ROUNDS (default 5). Needs no build. Run alone:
 * `node --expose-gc ./node_modules/vitest/vitest.mjs bench --run --project bench tests/bench/person-lookup.bench.ts`.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { bench, describe } from 'vitest'
import { createDeviceCacheModule } from '../support/device-cache-module'
import { createPersonLookup } from '../../electron/core/devices/person'
import { silentLogger } from '../../electron/core/log'
import { createRouter, type Handlers } from '../../electron/core/router'
import type { SessionProvider } from '../../electron/core/auth/session'
import type { PersonResult } from '../../shared/api/schemas/person'
import { buildCache, type DemoGraph } from './cache-fixture'
import { percentile } from './search-workload'

const SIZES = process.env.PD_BENCH_SIZES?.split(',').map(Number) ?? [200_000]
const ROUNDS = Number(process.env.PD_BENCH_ROUNDS ?? 5)
const PER_CLASS = 25

type Graph = DemoGraph

/** What agents type for a caller, by class, spread over the cache. */
function workload(devices: readonly Graph[]): Map<string, string[]> {
  const str = (v: unknown) => (typeof v === 'string' && v ? v : null)
  const pick = (fn: (g: Graph) => string | null) => {
    const out: string[] = []
    for (let i = 0; out.length < PER_CLASS && i < devices.length; i += Math.floor(devices.length / 200) + 1) {
      const value = fn(devices[i]!)
      if (value && !out.includes(value)) out.push(value)
    }
    return out
  }
  return new Map([
    ['full name', pick((g) => str(g.userDisplayName))],
    ['name being typed (4 letters)', pick((g) => str(g.userDisplayName)?.slice(0, 4) ?? null)],
    ['sign-in name', pick((g) => str(g.userPrincipalName))],
    ['e-mail', pick((g) => str(g.emailAddress))],
    ['phone, French style', pick((g) => str(g.phoneNumber)?.replace(/^\+33 /, '0') ?? null)],
    ['device name (no person)', pick((g) => str(g.deviceName))],
    ['serial (no person)', pick((g) => str(g.serialNumber))],
  ])
}

describe('person lookup', () => {
  bench(
    'devices:person latency per input class',
    async () => {
      const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
      process.stdout.write(`\nmachine: ${cpus().length} CPUs; node ${process.version}; load ${load()}\n`)
      const work = mkdtempSync(join(tmpdir(), 'pd-person-bench-'))
      try {
        for (const size of SIZES) {
          const dir = join(work, String(size))
          mkdirSync(dir, { recursive: true })
          const devices = buildCache(join(dir, 'cache.db'), size)
          const sessions = {
            current: () => ({ profileDataDir: dir }),
            onChange: () => () => {},
          } as unknown as SessionProvider
          const module = createDeviceCacheModule({ sessions, locale: () => 'fr-FR' })
          const router = createRouter(module.handlers as unknown as Handlers, {
            validateOutput: false,
            log: silentLogger,
          })
          const ctx = { host: 'test', clientId: 'bench' } as const
          const db = module.cache.db()
          const f = (times: number[], p: number) => percentile(times, p).toFixed(2)
          process.stdout.write(
            `\n${size} devices, ${ROUNDS} rounds (ms): class | n | cards | p50 | p95 | p99 | raw same SQL p50 | p95 | p99 | p95 ratio\n`,
          )
          for (const [cls, queries] of workload(devices)) {
            const replays = queries.map((query) => {
              const trace: { sql: string; params: unknown[] }[] = []
              createPersonLookup(db, { locale: () => 'fr-FR', trace }).lookup(query)
              return trace.map(({ sql, params }) => {
                const statement = db.prepare(sql)
                return () => statement.all(...params)
              })
            })
            const routed: number[] = []
            const raw: number[] = []
            let cards = 0
            for (const query of queries) await router.call('devices:person', { query }, ctx) // warm-up
            for (let round = 0; round < ROUNDS; round++) {
              for (const [i, query] of queries.entries()) {
                const t0 = performance.now()
                const result = await router.call('devices:person', { query }, ctx)
                routed.push(performance.now() - t0)
                if (!result.ok) throw new Error(`lookup failed: ${result.error.code}`)
                if (round === 0 && (result.value as PersonResult).people.length > 0) cards++
                const t1 = performance.now()
                for (const run of replays[i]!) run()
                raw.push(performance.now() - t1)
              }
            }
            routed.sort((a, b) => a - b)
            raw.sort((a, b) => a - b)
            process.stdout.write(
              `${cls} | ${routed.length} | ${cards}/${queries.length} | ${f(routed, 50)} | ${f(routed, 95)} | ${f(routed, 99)} | ${f(raw, 50)} | ${f(raw, 95)} | ${f(raw, 99)} | ${(percentile(routed, 95) / percentile(raw, 95)).toFixed(1)}×\n`,
            )
          }
          module.dispose()
        }
        process.stdout.write(`load after: ${load()}\n`)
      } finally {
        rmSync(work, { recursive: true, force: true })
      }
    },
    { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
  )
})
