/**
 * readiness:summary latency at enterprise size (DESIGN §5: the Readiness view stays under 200 ms at
 * 200,000 devices). The cache is built with the snapshot builder from the demo generator (same rows
 * and schema as a sync) plus a history of PD_BENCH_ACTIONS actions (default 5,000) over a year;
 * each range (30 / 90 / 365 days) goes through router.call('readiness:summary') like the UI, beside
 * same-run baselines: the same summary with its device figures from a scan of every device (as
 * before the check-in counts of migration 0120), the device figures alone both ways, and a bare
 * `SELECT count(*) FROM devices` (the cheapest question SQLite can answer about every device).
 * PD_BENCH_SIZES (default 200000), PD_BENCH_ROUNDS (default 20). Needs no build. Run alone:
 * `node --expose-gc ./node_modules/vitest/vitest.mjs bench --run --project bench tests/bench/readiness.bench.ts`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { bench, describe } from 'vitest'
import { silentLogger } from '../../electron/core/log'
import { createReadinessModule } from '../../electron/core/readiness'
import { createReadinessQueries } from '../../electron/core/readiness/queries'
import { buildSummary } from '../../electron/core/readiness/summary'
import { createRouter, type Handlers } from '../../electron/core/router'
import { openDatabase, type Db } from '../../electron/core/store/db'
import { READINESS_RANGES } from '../../shared/api/schemas/readiness'
import { demoGraphs, writeCache } from './cache-fixture'
import { percentile } from './search-workload'

const SIZES = process.env.PD_BENCH_SIZES?.split(',').map(Number) ?? [200_000]
const ROUNDS = Number(process.env.PD_BENCH_ROUNDS ?? 20)
const ACTIONS = Number(process.env.PD_BENCH_ACTIONS ?? 5_000)
const STATES = ['done', 'done', 'done', 'failed', 'notSent', 'notSupported', 'canceled', 'stillPending']

function build(file: string, count: number): Db {
  const db = openDatabase(file)
  const all = demoGraphs(count)
  writeCache(db, all)
  const insert = db.prepare(`INSERT INTO actions (id, idempotency_key, profile_id, tenant_id, device_id,
    action, enrollment, state, agent_upn, verification_json, preconditions_json, device_json, eligibility_json,
    client_request_id, failure_code, intune_error_code, requested_at, sent_at, completed_at, updated_at)
    VALUES (?, ?, 'demo', 't', ?, ?, 'androidFullyManaged', ?, 'a@x', '{}', '[]', '{}', '{}', 'r', ?, ?, ?, ?, ?, ?)`)
  const now = Date.now()
  db.transaction(() => {
    for (let i = 0; i < ACTIONS; i++) {
      const state = STATES[i % STATES.length]!
      const requested = now - ((i * 7919) % 365) * 86_400_000 - (i % 86_400) * 1000
      const iso = (ms: number) => new Date(ms).toISOString()
      insert.run(
        `a${i}`,
        `k${i}`,
        all[(i * 31) % all.length]!.id as string,
        i % 3 === 0 ? 'removePasscode' : 'resetPasscode',
        state,
        state === 'notSent' ? 'GRAPH_FORBIDDEN' : null,
        state === 'failed' ? -2016345060 + (i % 3) : null,
        iso(requested),
        state === 'notSent' ? null : iso(requested + 2000),
        state === 'done' ? iso(requested + 2000 + ((i * 104729) % 900_000)) : null,
        iso(requested),
      )
    }
  })()
  return db
}

describe('readiness', () => {
  bench(
    'readiness:summary latency',
    async () => {
      const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
      process.stdout.write(`\nmachine: ${cpus().length} CPUs; node ${process.version}; load ${load()}\n`)
      const work = mkdtempSync(join(tmpdir(), 'pd-readiness-bench-'))
      const f = (times: number[], p: number) => percentile(times, p).toFixed(2)
      try {
        for (const size of SIZES) {
          const db = build(join(work, `${size}.db`), size)
          const ctx = { host: 'test', clientId: 'bench' } as const
          const routerOf = () => {
            const module = createReadinessModule({ database: () => db })
            return createRouter(module.handlers as unknown as Handlers, {
              validateOutput: false,
              log: silentLogger,
            })
          }
          const countAll = db.prepare('SELECT count(*) FROM devices').pluck()
          const queries = createReadinessQueries(db)
          // The summary as before the check-in counts (migration 0120): the same statements, the
          // device figures from one scan of every device. Same run, same database: the baseline.
          const scanQueries = { ...queries, deviceGroups: queries.deviceGroupsScan }
          const groupRows = db.prepare('SELECT count(*) FROM devices_checkins').pluck().get() as number
          process.stdout.write(
            `\n${size} devices (${groupRows} check-in count rows), ${ACTIONS} actions, ${ROUNDS} rounds (ms): range | summary p50 | p95 | summary with the device scan p50 | p95 | scan / counts p50 | device counts p50 | p95 | device scan p50 | p95 | scan / counts p50 | count(*) p50 | p95\n`,
          )
          const router = routerOf()
          for (const rangeDays of READINESS_RANGES) {
            const input = { rangeDays, utcOffsetMinutes: 60 }
            const summary: number[] = []
            const scanSummary: number[] = []
            const counts: number[] = []
            const scan: number[] = []
            const count: number[] = []
            for (let round = 0; round < ROUNDS; round++) {
              // Through the router like the UI; nothing is kept between calls (readiness/index.ts).
              const t0 = performance.now()
              const result = await router.call('readiness:summary', input, ctx)
              summary.push(performance.now() - t0)
              if (!result.ok) throw new Error(`summary failed: ${result.error.code}`)
              const t1 = performance.now()
              db.transaction(() =>
                buildSummary({
                  queries: scanQueries,
                  nowMs: Date.now(),
                  rangeDays,
                  utcOffsetMinutes: 60,
                  lastSyncAt: null,
                }),
              )()
              scanSummary.push(performance.now() - t1)
              const cutoff = Date.now() - 7 * 86_400_000
              const t2 = performance.now()
              const a = queries.deviceGroups(cutoff)
              counts.push(performance.now() - t2)
              const t3 = performance.now()
              const b = queries.deviceGroupsScan(cutoff)
              scan.push(performance.now() - t3)
              if (round === 0 && a.length !== b.length)
                throw new Error('check-in counts differ from the scan')
              const t4 = performance.now()
              countAll.get()
              count.push(performance.now() - t4)
            }
            for (const list of [summary, scanSummary, counts, scan, count]) list.sort((x, y) => x - y)
            const ratio = (x: number[], y: number[]) => (percentile(x, 50) / percentile(y, 50)).toFixed(1)
            process.stdout.write(
              `${rangeDays} days | ${f(summary, 50)} | ${f(summary, 95)} | ${f(scanSummary, 50)} | ${f(scanSummary, 95)} | ${ratio(scanSummary, summary)}× | ${f(counts, 50)} | ${f(counts, 95)} | ${f(scan, 50)} | ${f(scan, 95)} | ${ratio(scan, counts)}× | ${f(count, 50)} | ${f(count, 95)}\n`,
            )
          }
          db.close()
        }
        process.stdout.write(`load after: ${load()}\n`)
      } finally {
        if (process.env.PD_BENCH_KEEP) process.stdout.write(`kept ${work}\n`)
        else rmSync(work, { recursive: true, force: true })
      }
    },
    { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
  )
})
