import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { createDeviceCache } from '../../../electron/core/store/cache'
import { createDeviceSearch } from '../../../electron/core/devices/search'
import { createReachability } from '../../../electron/core/connectivity/model'
import { createSyncEngine } from '../../../electron/core/sync/engine'
import { createGraphClient } from '../../../electron/core/graph/client'
import { startFixture, type Fixture } from './harness'

const CLI = resolve(import.meta.dirname, '../../../out/main/cli.js')
const built = existsSync(CLI)
if (!built)
  console.warn(`kill.test.ts skipped: ${CLI} is missing (run \`npm run build\`; npm test builds first).`)

function syncInProcess(fixture: Fixture, file: string, now?: () => number) {
  const cache = createDeviceCache({ file })
  const engine = createSyncEngine({
    cache,
    now,
    connectivity: createReachability(),
    graph: () =>
      createGraphClient({
        baseUrl: fixture.demo.graphUrl,
        getAccessToken: async () => fixture.demo.issueAccessToken(),
      }),
  })
  return engine.start().done.finally(() => cache.close())
}

function runCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: 'pipe' })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('exit', (code) => done({ code, stdout, stderr }))
  })
}

/** Starts `passcode-desk sync` in its own process and SIGKILLs it once two pages are staged. */
async function killCliSyncAfterPage2(fixture: Fixture, file: string): Promise<void> {
  const child = spawn(process.execPath, [CLI, 'sync', '--graph-url', fixture.demo.graphUrl, '--db', file], {
    env: { ...process.env, PASSCODE_DESK_ACCESS_TOKEN: fixture.demo.issueAccessToken() },
    stdio: 'pipe',
  })
  let stderr = ''
  const exited = new Promise<NodeJS.Signals | null>((done) =>
    child.on('exit', (_code, signal) => done(signal)),
  )
  // Kill once at least two pages are staged in the child's own tables.
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no progress from the CLI: ${stderr}`)), 30_000)
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
      if (/page 2,/.test(stderr)) {
        clearTimeout(timer)
        done()
      }
    })
  })
  child.kill('SIGKILL')
  expect(await exited).toBe('SIGKILL')
  // The tenant logs a request when it answers: let the dead child's last one (400 ms latency) land.
  await new Promise((r) => setTimeout(r, 1000))
}

describe.skipIf(!built)('passcode-desk sync / search (built CLI)', () => {
  let fixture: Fixture
  beforeAll(async () => {
    fixture = await startFixture({ devices: 1200 })
  })
  afterAll(async () => {
    await fixture.close()
  })

  it('syncs with a token from the environment and prints one JSON summary line', async () => {
    const file = join(fixture.dir, 'cli.db')
    const token = fixture.demo.issueAccessToken()
    const sync = await runCli(['sync', '--graph-url', fixture.demo.graphUrl, '--db', file], {
      PASSCODE_DESK_ACCESS_TOKEN: token,
    })
    expect(sync.code).toBe(0)
    const lines = sync.stdout.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0]!)).toMatchObject({ devices: 1200, durationMs: expect.any(Number) })
    expect(sync.stderr).toContain('page 2')
    expect(sync.stderr + sync.stdout).not.toContain(token)

    const search = await runCli(['search', 'hélène', '--db', file, '--limit', '3'])
    expect(search.code).toBe(0)
    const rows = search.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { userDisplayName: string })
    expect(rows).toHaveLength(3)
    expect(rows.every((r) => /Hélène/.test(r.userDisplayName))).toBe(true)
  })

  it('refuses a bad command line with exit code 2', async () => {
    expect((await runCli(['sync', '--graph-url', fixture.demo.graphUrl])).code).toBe(2)
  })
})

describe.skipIf(!built)('a sync killed mid-way (separate process, SIGKILL)', () => {
  let fixture: Fixture
  beforeAll(async () => {
    fixture = await startFixture({ devices: 6000 })
  })
  afterAll(async () => {
    await fixture.close()
  })

  it('leaves the previous snapshot intact and the database sound', async () => {
    const file = join(fixture.dir, 'cache.db')
    expect(await syncInProcess(fixture, file)).toMatchObject({ outcome: 'succeeded', devices: 6000 })

    const ids = fixture.demo.devices.listDeviceIds()
    fixture.demo.devices.updateDevice(ids[1]!, { deviceName: 'Never-Published-Name' })
    fixture.demo.devices.removeDevice(ids[2]!)
    fixture.demo.setFaults({ latencyMs: 400 })

    await killCliSyncAfterPage2(fixture, file)

    const db = new Database(file)
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(db.prepare('SELECT count(*) FROM devices').pluck().get()).toBe(6000)
      // The child's staging tables may remain; they are never read and the next sync drops them.
      const search = createDeviceSearch(db)
      expect(search.search({ query: 'Never-Published-Name', filters: {}, offset: 0, limit: 10 }).total).toBe(
        0,
      )
      expect(search.search({ query: 'hel', filters: {}, offset: 0, limit: 10 }).total).toBeGreaterThan(0)
    } finally {
      db.close()
    }

    fixture.demo.setFaults({ latencyMs: 0 })
    fixture.demo.clearRequestLog()
    const resumed = await syncInProcess(fixture, file)
    expect(resumed).toMatchObject({ outcome: 'succeeded', mode: 'full', devices: 5999, removed: 1 })
    // It went on from the killed run's last staged page instead of starting over.
    expect(resumed.resumedFromPage).toBeGreaterThanOrEqual(2)
    const lists = fixture.demo.requestLog().filter((r) => r.path.includes('/managedDevices'))
    expect(lists[0]!.path).toContain('skiptoken')
    expect(lists).toHaveLength(6 - resumed.resumedFromPage!)
    const after = new Database(file, { readonly: true })
    try {
      const tables = after
        .prepare("SELECT name FROM sqlite_master WHERE name LIKE '%next%' OR name = 'devices_stage'")
        .pluck()
        .all()
      expect(tables).toEqual([])
      // The killed run's staged JSON was kept and published: every device has its own, once.
      const joined = after
        .prepare('SELECT count(DISTINCT r.pk) FROM devices d JOIN devices_raw r ON r.pk = d.raw_pk')
        .pluck()
      expect(joined.get()).toBe(5999)
      expect(after.prepare('SELECT count(*) FROM devices_raw').pluck().get()).toBe(5999)
      const renamed = after.prepare(
        'SELECT r.raw FROM devices d JOIN devices_raw r ON r.pk = d.raw_pk WHERE d.id = ?',
      )
      expect(JSON.parse(renamed.pluck().get(ids[1]) as string).deviceName).toBe('Never-Published-Name')
    } finally {
      after.close()
    }
  })

  it('starts clean when the killed run’s staging is older than the limit', async () => {
    const file = join(fixture.dir, 'old.db')
    expect(await syncInProcess(fixture, file)).toMatchObject({ outcome: 'succeeded' })
    fixture.demo.setFaults({ latencyMs: 400 })
    await killCliSyncAfterPage2(fixture, file)
    fixture.demo.setFaults({ latencyMs: 0 })
    fixture.demo.clearRequestLog()
    // 31 minutes later: past the 30-minute resume limit.
    const result = await syncInProcess(fixture, file, () => Date.now() + 31 * 60_000)
    expect(result).toMatchObject({ outcome: 'succeeded', mode: 'full', resumedFromPage: null })
    const lists = fixture.demo.requestLog().filter((r) => r.path.includes('/managedDevices'))
    expect(lists[0]!.path).not.toContain('skiptoken')
    expect(lists).toHaveLength(6)
  })
})
