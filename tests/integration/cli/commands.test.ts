/**
 * The CLI as a thin host (DESIGN §1): `sync`, `search` and `device` go through createCore and the
 * router against a real demo tenant over HTTP and a real SQLite file; exit codes from the built bin.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { run as device } from '../../../electron/cli/commands/device'
import { run as search } from '../../../electron/cli/commands/search'
import { run as sync } from '../../../electron/cli/commands/sync'
import { startDemoTenant, type DemoTenant } from '../../../electron/demo-tenant'

const dir = mkdtempSync(join(tmpdir(), 'pd-cli-commands-'))
const db = join(dir, 'cache.db')
const options = { dataDir: join(dir, 'data'), env: { PASSCODE_DESK_DEMO_DEVICES: '0' } }
let tenant: DemoTenant

beforeAll(async () => {
  tenant = await startDemoTenant({ devices: 60, seed: 7 })
})
afterAll(async () => {
  await tenant.close()
  rmSync(dir, { recursive: true, force: true })
})
afterEach(() => vi.restoreAllMocks())

function capture() {
  const out: string[] = []
  const err: string[] = []
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true))
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true))
  return { out: () => out.join(''), err: () => err.join('') }
}

const target = () => ['--graph-url', tenant.graphUrl, '--access-token', tenant.issueAccessToken(), '--db', db]

describe('passcode-desk sync / search / device through core', () => {
  it('syncs every device into the --db file and prints one summary line', async () => {
    const io = capture()
    expect(await sync(target(), options)).toBe(0)
    const summary = JSON.parse(io.out().trim()) as Record<string, unknown>
    expect(summary).toMatchObject({ devices: 60, removed: 0, apiVersion: 'beta' })
    expect(io.err()).toMatch(/sync: (fetching|committing)/)
  })

  it('searches the same file the way the Devices view does', async () => {
    const name = tenant.devices.getDevice(tenant.devices.listDeviceIds()[3]!)!.deviceName as string
    const io = capture()
    expect(await search([name.split(/[\s-]/)[0]!, '--db', db, '--limit', '5'], options)).toBe(0)
    const rows = io
      .out()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { deviceName: string })
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.length).toBeLessThanOrEqual(5)
    expect(io.err()).toMatch(/of \d+ devices/)
  })

  it('prints one device by serial number with its eligibility, and --refresh re-reads it live', async () => {
    const id = tenant.devices.listDeviceIds().find((d) => tenant.devices.getDevice(d)!.serialNumber)!
    const serial = tenant.devices.getDevice(id)!.serialNumber as string
    let io = capture()
    expect(await device([serial.toLowerCase(), '--db', db], options)).toBe(0)
    const cached = JSON.parse(io.out()) as { id: string; eligibility: { verdict: string }; cachedAt: string }
    expect(cached.id).toBe(id)
    expect(['eligible', 'ineligible', 'undetermined']).toContain(cached.eligibility.verdict)

    tenant.devices.updateDevice(id, { deviceName: 'Renamed in Intune' })
    vi.restoreAllMocks()
    io = capture()
    expect(await device([id, '--refresh', ...target()], options)).toBe(0)
    const live = JSON.parse(io.out()) as { deviceName: string; cachedAt: string }
    expect(live.deviceName).toBe('Renamed in Intune')
    expect(Date.parse(live.cachedAt)).toBeGreaterThanOrEqual(Date.parse(cached.cachedAt))
  })

  it('--refresh of a device Intune no longer has fails (exit 1) and it leaves the cache', async () => {
    const id = tenant.devices.listDeviceIds()[10]!
    tenant.devices.removeDevice(id)
    let io = capture()
    expect(await device([id, '--refresh', ...target()], options)).toBe(1)
    expect(io.err()).toMatch(/GRAPH_NOT_FOUND/)
    vi.restoreAllMocks()
    io = capture()
    expect(await device([id, '--db', db], options)).toBe(1)
    expect(io.err()).toMatch(/NOT_FOUND/)
  })

  it('an unknown serial says how to find it (exit 1); a usage mistake throws for the dispatcher', async () => {
    const io = capture()
    expect(await device(['NO-SUCH-SERIAL', '--db', db], options)).toBe(1)
    expect(io.err()).toMatch(/no device with the serial number NO-SUCH-SERIAL/)
    await expect(device(['a', 'b', '--db', db], options)).rejects.toThrow(/Wrong number of arguments/)
    await expect(device(['x', '--graph-url', tenant.graphUrl], options)).rejects.toThrow(/--access-token/)
    await expect(search(['--limit', '0', '--db', db], options)).rejects.toThrow(/--limit is 1 to/)
  })
})

const cli = resolve(import.meta.dirname, '../../../out/main/cli.js')
describe.runIf(existsSync(cli))('the built bin: documented exit codes', () => {
  const env = { ...process.env, PASSCODE_DESK_DATA_DIR: options.dataDir, PASSCODE_DESK_DEMO_DEVICES: '0' }
  const runBin = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env })

  it('--help is 0 for the CLI and for each command', () => {
    expect(execFileSync(process.execPath, [cli, '--help'], { encoding: 'utf8', env })).toMatch(/Exit codes/)
    for (const command of ['sync', 'search', 'device', 'history', 'sign-in', 'whoami', 'sign-out']) {
      const result = runBin(command, '--help')
      expect(result.status, command).toBe(0)
      expect(result.stdout).toMatch(new RegExp(`Usage: passcode-desk ${command}`))
    }
  })

  it('a usage mistake is 2 with the command usage; a failure is 1', () => {
    const unknown = runBin('device', '--nope', 'x')
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toMatch(/Unknown option "--nope"[\s\S]*Usage: passcode-desk device/)
    expect(runBin('frobnicate').status).toBe(2)
    expect(runBin('search', '--db').status).toBe(2)
    const missing = runBin('device', 'SERIAL-X', '--db', join(dir, 'nothing-here.db'))
    expect(missing.status).toBe(1)
  })
})
