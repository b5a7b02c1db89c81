/**
 * Responsive during a sync (DESIGN §5): while a full sync of PD_BENCH_DEVICES (default 200,000)
 * demo devices runs, a stand-in renderer (bridge-load.mjs, its own thread) sends devices:search
 * over the browser host's real WebSocket bridge every 25 ms; we record each answer's round trip
 * and the core thread's event-loop delay (perf_hooks.monitorEventLoopDelay), per phase: idle
 * (the 3 s before sync:start: the same-run baseline), fetching (from sync:start), committing (build +
 * swap, from the 'committing' progress event). Run twice in
 * the same process: full-pass writes on the core thread (no worker script: the code before the
 * SQL worker) and in the SQL worker thread (out/main/sql-worker.js, what the hosts run).
 * Both runs sync over a copy of the same 200,000-device cache (seedCache): searches read a full cache.
 * The demo tenant is a separate process (built CLI) so that generating pages is not core's work.
 * `npm run build`, then
 * `node ./node_modules/vitest/vitest.mjs bench --run --project bench tests/bench/sync-responsiveness.bench.ts`.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'
import { bench, describe } from 'vitest'
import { BRIDGE_PATH, BRIDGE_PROTOCOL, SECRET_PROTOCOL_PREFIX } from '../../shared/api/bridge'
import type { SyncFinished, SyncProgress } from '../../shared/api/schemas/sync'
import { createCore } from '../../electron/core'
import { silentLogger } from '../../electron/core/log'
import { startBrowserHost } from '../../electron/browser-host/server'
import { buildCache, startTenant } from './cache-fixture'
import { percentile } from './search-workload'

const OUT = resolve(import.meta.dirname, '../../out/main')
const DEVICES = Number(process.env.PD_BENCH_DEVICES ?? 200_000)
const EVERY_MS = 25
const IDLE_MS = 3000
/** What an agent types, letter by letter (each prefix is one search). */
const QUERIES = ['helene durand', 'martin', 'sophie lef', 'nicolas', 'camille ber', 'thomas', 'iphone', 'C02']
  .flatMap((word) => Array.from({ length: word.length }, (_, i) => word.slice(0, i + 1)))
  .filter((q) => q.trim() !== '')

const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')

/**
 * The cache an agent already has: the same demo devices, written by the snapshot builder (no
 * HTTP). Each run syncs again over a copy of it, so searches during the sync read 200,000 live
 * devices, as they would for an agent whose morning sync runs.
 */
function seedCache(file: string): void {
  buildCache(file, DEVICES)
}

type Phase = 'idle' | 'fetching' | 'committing'
interface PhaseFigures {
  ms: number
  loopMaxMs: number
  loopP99Ms: number
  trips: number[]
  failed: number
}

async function run(tenant: { graphUrl: string; token: string }, worker: boolean, seeded: string) {
  const base = mkdtempSync(join(tmpdir(), 'pd-sync-resp-'))
  copyFileSync(seeded, join(base, 'cache.db'))
  const core = await createCore({
    dataDir: join(base, 'data'),
    host: { kind: 'browser', locale: () => 'fr-FR' },
    logger: silentLogger,
    validateOutput: false,
    allowKeychain: false,
    reachabilityProbe: false,
    demoTenant: { devices: 0 },
    cacheFile: join(base, 'cache.db'),
    graphTarget: { baseUrl: tenant.graphUrl, accessToken: tenant.token },
    sqlWorkerScript: worker ? join(OUT, 'sql-worker.js') : undefined,
  })
  const host = await startBrowserHost({
    router: core.router,
    events: core.events,
    log: silentLogger,
    staticDir: base,
    port: 0,
  })
  const loop = monitorEventLoopDelay({ resolution: 10 })
  const marks: { phase: Phase; at: number }[] = []
  let phase: Phase = 'idle'
  const figures = new Map<Phase, PhaseFigures>()
  const close = (next: Phase | null) => {
    const at = Date.now()
    const start = marks.at(-1)!.at
    figures.set(phase, {
      ms: at - start,
      loopMaxMs: loop.max / 1e6,
      loopP99Ms: loop.percentile(99) / 1e6,
      trips: [],
      failed: 0,
    })
    loop.reset()
    if (next) {
      phase = next
      marks.push({ phase, at })
    }
  }
  let finished: (f: SyncFinished) => void
  const done = new Promise<SyncFinished>((r) => (finished = r))
  core.events.subscribe((event, payload) => {
    if (event === 'sync:progress') {
      const p = payload as SyncProgress
      if (p.phase === 'committing' && phase === 'fetching') close('committing')
    }
    if (event === 'sync:finished') finished(payload as SyncFinished)
  })
  const client = new Worker(new URL('./bridge-load.mjs', import.meta.url), {
    workerData: {
      url: `ws://127.0.0.1:${host.port}${BRIDGE_PATH}`,
      protocols: [BRIDGE_PROTOCOL, `${SECRET_PROTOCOL_PREFIX}${host.secret}`],
      origin: `http://127.0.0.1:${host.port}`,
      queries: QUERIES,
      everyMs: EVERY_MS,
    },
  })
  await new Promise<void>((ok, fail) =>
    client.on('message', (m: { t: string; message?: string }) =>
      m.t === 'open' ? ok() : m.t === 'error' ? fail(new Error(m.message)) : undefined,
    ),
  )
  // Warm-up, not counted: the first searches open the cache and compile the search path.
  await new Promise((r) => setTimeout(r, 1500))
  const countFrom = Date.now()
  loop.enable()
  marks.push({ phase: 'idle', at: Date.now() })
  // Idle baseline: the same searches over the same cache with no sync running.
  await new Promise((r) => setTimeout(r, IDLE_MS))
  // Fetching from sync:start on: starting the pass (and its worker) is the sync's work too.
  close('fetching')
  const started = await core.router.call('sync:start', { mode: 'full' }, { host: 'test', clientId: 'bench' })
  if (!started.ok) throw new Error(`sync:start failed: ${started.error.code}`)
  const result = await done
  close(null)
  loop.disable()
  const samples = await new Promise<{ sent: number; received: number; ok: boolean }[]>((r) => {
    client.on('message', (m: { t: string; samples?: { sent: number; received: number; ok: boolean }[] }) => {
      if (m.t === 'samples') r(m.samples!)
    })
    client.postMessage('stop')
  })
  await client.terminate()
  const endAt = Date.now()
  for (const s of samples) {
    const index = marks.findLastIndex((m) => m.at <= s.sent)
    const mark = marks[index]
    if (!mark || s.sent < countFrom || s.sent > endAt) continue
    const entry = figures.get(mark.phase)!
    if (s.ok) entry.trips.push(s.received - s.sent)
    else entry.failed++
  }
  await host.close()
  await core.dispose()
  rmSync(base, { recursive: true, force: true })
  return { result, figures }
}

describe('sync responsiveness', () => {
  bench(
    'searches and event-loop delay during a full sync',
    async () => {
      process.stdout.write(
        `\nmachine: ${cpus().length} CPUs; node ${process.version}; load ${load()}; ${DEVICES} devices\n`,
      )
      const seedDir = mkdtempSync(join(tmpdir(), 'pd-sync-resp-seed-'))
      const seeded = join(seedDir, 'cache.db')
      seedCache(seeded)
      if (existsSync(`${seeded}-wal`)) throw new Error('the seeded cache was not checkpointed')
      const tenant = await startTenant(DEVICES, { stderr: 'inherit' })
      try {
        const f = (n: number) => n.toFixed(1)
        process.stdout.write(
          `writes | phase | s | searches | unanswered | round trip p50 | p95 | p99 | max | loop delay p99 | max (ms)\n`,
        )
        for (const worker of [false, true]) {
          const { result, figures } = await run(tenant, worker, seeded)
          if (result.outcome !== 'succeeded') throw new Error(`sync ${result.outcome}: ${result.error?.code}`)
          for (const [phase, p] of figures) {
            const t = [...p.trips].sort((a, b) => a - b)
            const q = (x: number) => (t.length ? f(percentile(t, x)) : '-')
            process.stdout.write(
              `${worker ? 'SQL worker' : 'core thread'} | ${phase} | ${(p.ms / 1000).toFixed(1)} | ${t.length} | ${p.failed} | ${q(50)} | ${q(95)} | ${q(99)} | ${t.length ? f(t.at(-1)!) : '-'} | ${f(p.loopP99Ms)} | ${f(p.loopMaxMs)}\n`,
            )
          }
          process.stdout.write(
            `${worker ? 'SQL worker' : 'core thread'}: ${result.devices} devices in ${(result.durationMs / 1000).toFixed(1)} s; load ${load()}\n`,
          )
        }
      } finally {
        tenant.child.kill('SIGTERM')
        rmSync(seedDir, { recursive: true, force: true })
      }
    },
    { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
  )
})
