/**
 * readiness:summary latency at enterprise size (DESIGN §5: the Readiness view stays under 200 ms at
 * 200,000 devices). The cache is built with the snapshot builder from the demo generator (same rows
 * and schema as a sync) plus a history of PD_BENCH_ACTIONS actions (default 5,000) over a year;
 * each range (30 / 90 / 365 days) goes through router.call('readiness:summary') like the UI, beside
 * two same-run baselines: a bare `SELECT count(*) FROM devices` (the cheapest question SQLite can
 * answer about every device) and the summary's own statements replayed bare with better-sqlite3
 * (no router, validation or mapping).
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
          // One pass over every device through the smallest index (last check-in): the cheapest full read.
          const onePass = db.prepare('SELECT sum(ifnull(last_sync_ms, 0) < ?) FROM devices').pluck()
          process.stdout.write(
            `\n${size} devices, ${ACTIONS} actions, ${ROUNDS} rounds (ms): range | cold p50 | cold p95 | warm p50 | warm p95 | raw same SQL p50 | p95 | one-pass scan p50 | p95 | count(*) p50 | p95 | cold p95 / one-pass p95\n`,
          )
          for (const rangeDays of READINESS_RANGES) {
            const input = { rangeDays, utcOffsetMinutes: 60 }
            // The summary's statements, recorded once and replayed bare.
            const trace: { sql: string; params: unknown[] }[] = []
            buildSummary({
              queries: createReadinessQueries(db, trace),
              nowMs: Date.now(),
              rangeDays,
              utcOffsetMinutes: 60,
              lastSyncAt: null,
            })
            const replay = trace.map(({ sql, params }) => {
              const statement = db.prepare(sql)
              return () => statement.all(...params)
            })
            const cold: number[] = []
            const warm: number[] = []
            const raw: number[] = []
            const pass: number[] = []
            const count: number[] = []
            const kept = routerOf()
            await kept.call('readiness:summary', input, ctx) // device figures kept from here on
            const passCutoff = Date.now() - 7 * 86_400_000
            for (let round = 0; round < ROUNDS; round++) {
              // Cold: a new module, so the device pass runs (the first open after a sync).
              const fresh = routerOf()
              const t0 = performance.now()
              const result = await fresh.call('readiness:summary', input, ctx)
              cold.push(performance.now() - t0)
              if (!result.ok) throw new Error(`summary failed: ${result.error.code}`)
              const t1 = performance.now()
              await kept.call('readiness:summary', input, ctx)
              warm.push(performance.now() - t1)
              const t2 = performance.now()
              for (const run of replay) run()
              raw.push(performance.now() - t2)
              const t3 = performance.now()
              onePass.get(passCutoff)
              pass.push(performance.now() - t3)
              const t4 = performance.now()
              countAll.get()
              count.push(performance.now() - t4)
            }
            for (const list of [cold, warm, raw, pass, count]) list.sort((a, b) => a - b)
            process.stdout.write(
              `${rangeDays} days | ${f(cold, 50)} | ${f(cold, 95)} | ${f(warm, 50)} | ${f(warm, 95)} | ${f(raw, 50)} | ${f(raw, 95)} | ${f(pass, 50)} | ${f(pass, 95)} | ${f(count, 50)} | ${f(count, 95)} | ${(percentile(cold, 95) / percentile(pass, 95)).toFixed(1)}×\n`,
            )
          }
          // The device figures as three statements (one scan each) against the one grouped scan
          // queries.ts runs, to show what merging them saves.
          const cutoff = Date.now() - 7 * 86_400_000
          const three = [
            db.prepare('SELECT verdict, count(*) FROM devices GROUP BY verdict'),
            db.prepare(
              'SELECT enrollment_kind, operating_system, count(*) FROM devices GROUP BY enrollment_kind, operating_system',
            ),
            db.prepare(`SELECT enrollment_kind, count(*) FROM devices
              WHERE +verdict = 'eligible' AND ifnull(last_sync_ms, 0) < ? GROUP BY enrollment_kind`),
          ]
          const one = db.prepare(`SELECT enrollment_kind, operating_system, verdict, count(*),
            sum(ifnull(last_sync_ms, 0) < ?) FROM devices GROUP BY enrollment_kind, operating_system, verdict`)
          const time = (run: () => void) => {
            const times: number[] = []
            for (let i = 0; i < ROUNDS; i++) {
              const t = performance.now()
              run()
              times.push(performance.now() - t)
            }
            return f(
              times.sort((a, b) => a - b),
              50,
            )
          }
          process.stdout.write(
            `device figures p50: three scans ${time(() => {
              three[0]!.all()
              three[1]!.all()
              three[2]!.all(cutoff)
            })} ms; one grouped scan ${time(() => one.all(cutoff))} ms\n`,
          )
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
