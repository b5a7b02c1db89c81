/**
 * Incremental vs full sync (domain §2.6, DESIGN §5), same run: a full sync of 200,000 devices from
 * the demo tenant on loopback (the built CLI, its own process), then 2 % of the devices check in
 * (lastSyncDateTime = now, a new name) and an incremental pass (`sync --incremental`) fetches and
 * merges only those. Reports Graph requests and wall time of both, and the ratio. The demo tenant
 * runs in this process (the changes are made through it); the syncs run in their own.
 * `PD_BENCH_INCREMENTAL_DEVICES=20000` for a dry run. Needs `npm run build`.
 */
import { spawn } from 'node:child_process'
import { cpus } from 'node:os'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { bench, describe } from 'vitest'
import { startDemoTenant } from '../../electron/demo-tenant'

const CLI = resolve(import.meta.dirname, '../../out/main/cli.js')
const DEVICES = Number(process.env.PD_BENCH_INCREMENTAL_DEVICES ?? 200_000)
const CHANGED_SHARE = 0.02

async function cliSync(graphUrl: string, token: string, file: string, incremental: boolean) {
  const started = performance.now()
  const args = [CLI, 'sync', '--graph-url', graphUrl, '--db', file, ...(incremental ? ['--incremental'] : [])]
  const child = spawn(process.execPath, args, {
    env: { ...process.env, PASSCODE_DESK_ACCESS_TOKEN: token },
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  let stdout = ''
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()))
  const code = await new Promise<number | null>((done) => child.on('exit', done))
  if (code !== 0) throw new Error(`sync failed with ${code}`)
  const summary = JSON.parse(stdout.trim()) as {
    devices: number
    mode: string
    changed: number
    pages: number
    durationMs: number
  }
  return { ...summary, wallMs: performance.now() - started }
}

describe('incremental sync', () => {
  bench(
    'incremental pass vs full sync',
    async () => {
      if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first.`)
      const work = mkdtempSync(join(tmpdir(), 'pd-bench-inc-'))
      const tenant = await startDemoTenant({ port: 0, devices: DEVICES, seed: 1, historyActions: 0 })
      try {
        const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
        console.log(
          `\nmachine: ${cpus().length} CPUs, ${cpus()[0]?.model ?? '?'}; node ${process.version}; load ${load}`,
        )
        const file = join(work, 'cache.db')
        const token = tenant.issueAccessToken()
        const lists = () => tenant.requestLog().filter((r) => r.path.includes('/managedDevices')).length

        tenant.clearRequestLog()
        const full = await cliSync(tenant.graphUrl, token, file, false)
        const fullRequests = lists()

        // 2 % of the devices check in now, with a new name: what the incremental pass must find.
        const ids = tenant.devices.listDeviceIds()
        const step = Math.round(1 / CHANGED_SHARE)
        const now = new Date().toISOString()
        let changed = 0
        for (let i = 0; i < ids.length; i += step) {
          tenant.devices.updateDevice(ids[i]!, { lastSyncDateTime: now, deviceName: `Bench-Changed-${i}` })
          changed++
        }
        tenant.clearRequestLog()
        const inc = await cliSync(tenant.graphUrl, token, file, true)
        const incRequests = lists()
        if (inc.mode !== 'incremental') throw new Error(`expected an incremental pass, got ${inc.mode}`)
        const db = new Database(file, { readonly: true })
        const merged = db
          .prepare("SELECT count(*) FROM devices WHERE device_name LIKE 'Bench-Changed-%'")
          .pluck()
          .get() as number
        db.close()
        if (merged !== changed)
          throw new Error(`incremental pass merged ${merged} of ${changed} changed devices`)

        const s = (ms: number) => (ms / 1000).toFixed(2)
        console.log(
          `\nincremental vs full sync, ${DEVICES} devices, ${changed} changed (${CHANGED_SHARE * 100} %)`,
        )
        console.log(
          'pass        | Graph requests | devices fetched | wall time incl. process start (s) | sync engine time (s)',
        )
        console.log(
          `full        | ${fullRequests} | ${full.devices} | ${s(full.wallMs)} | ${s(full.durationMs)}`,
        )
        console.log(`incremental | ${incRequests} | ${inc.changed} | ${s(inc.wallMs)} | ${s(inc.durationMs)}`)
        console.log(
          `ratio (incremental / full): requests ${(incRequests / fullRequests).toFixed(3)}, wall time ${(inc.wallMs / full.wallMs).toFixed(3)}; all ${changed} changes merged`,
        )
      } finally {
        await tenant.close()
        rmSync(work, { recursive: true, force: true })
      }
    },
    { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
  )
})
