/**
 * What the benchmarks share to get a device cache (DESIGN §5: figures beside same-run baselines):
 * - the demo tenant's devices (seed 1, the generator's fixed clock) as cache records, mapped like
 *   a sync maps Graph pages (beta fields);
 * - a cache written from them by the snapshot builder, in pages of 1,000 like a sync (no HTTP);
 * - the demo tenant served by the built CLI in its own process, so that generating pages does not
 *   share the measured process's thread.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import { openDatabase, type Db } from '../../electron/core/store/db'
import { toDeviceRecord, type DeviceRecord } from '../../electron/core/store/device-record'
import { beginSnapshot } from '../../electron/core/store/snapshot'
import { BETA_FIELDS } from '../../electron/core/sync/fields'
import { generateDevices } from '../../electron/demo-tenant/generator'

/** The built CLI (`npm run build`). */
export const CLI = resolve(import.meta.dirname, '../../out/main/cli.js')

export type DemoGraph = Record<string, unknown>

const PAGE = 1000

/** The demo tenant's first `count` devices, as Graph objects. */
export function demoGraphs(count: number): DemoGraph[] {
  return generateDevices(1, count).map((d) => d.graph as DemoGraph)
}

/** One Graph device as the cache record a sync writes. */
export function cacheRecord(graph: DemoGraph, at: string): DeviceRecord {
  return toDeviceRecord(Object.fromEntries(BETA_FIELDS.map((f) => [f, graph[f] ?? null])), 'beta', at)!
}

/** Already-mapped records into `db` through the snapshot builder, one page of 1,000 at a time. */
export function writeRecords(db: Db, records: readonly DeviceRecord[]): void {
  const snapshot = beginSnapshot(db)
  for (let i = 0; i < records.length; i += PAGE) snapshot.addPage(records.slice(i, i + PAGE))
  snapshot.commit()
}

/** Graph devices into `db`, mapped page by page (no 200,000 records held at once). */
export function writeCache(db: Db, graphs: readonly DemoGraph[], at = new Date().toISOString()): void {
  const snapshot = beginSnapshot(db)
  for (let i = 0; i < graphs.length; i += PAGE) {
    snapshot.addPage(graphs.slice(i, i + PAGE).map((g) => cacheRecord(g, at)))
  }
  snapshot.commit()
}

/** A cache file of the demo tenant's first `count` devices; returns their Graph objects. */
export function buildCache(file: string, count: number): DemoGraph[] {
  const graphs = demoGraphs(count)
  const db = openDatabase(file)
  try {
    writeCache(db, graphs)
  } finally {
    db.close()
  }
  return graphs
}

export interface DemoTenantProcess {
  readonly child: ChildProcess
  readonly graphUrl: string
  readonly token: string
}

/**
 * `passcode-desk demo-tenant serve` with `devices` devices (seed 1) on 127.0.0.1 port 0; resolves
 * when it prints its address. `stderr: 'inherit'` shows the tenant's errors in the bench output.
 */
export function startTenant(
  devices: number,
  options: { stderr?: 'inherit' | 'ignore' } = {},
): Promise<DemoTenantProcess> {
  const child = spawn(
    process.execPath,
    [CLI, 'demo-tenant', 'serve', '--devices', String(devices), '--seed', '1'],
    {
      stdio: ['ignore', 'pipe', options.stderr ?? 'ignore'],
    },
  )
  return new Promise((done, fail) => {
    let out = ''
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString()
      const nl = out.indexOf('\n')
      if (nl >= 0) {
        const ready = JSON.parse(out.slice(0, nl)) as { graphUrl: string; accessToken: string }
        done({ child, graphUrl: ready.graphUrl, token: ready.accessToken })
      }
    })
    child.on('exit', (code) => fail(new Error(`demo tenant exited ${code}`)))
  })
}
