/**
 * The team-scale benchmark's processes: one demo tenant (the built CLI's `demo-tenant serve`, with
 * Intune's budgets on) and agents, each a separate `passcode-desk sync` process with its own data
 * folder and cache — the CLI is a thin host over createCore, so an agent runs the product's own
 * sync engine, Graph client and SQLite cache, in its own event loop, as 50 agents on 50 computers do.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const CLI = resolve(import.meta.dirname, '../../../out/main/cli.js')

export interface Tenant {
  readonly child: ChildProcess
  readonly graphUrl: string
  readonly token: string
  /** Requests answered since start, by status (GET /_demo/requests `counts`). */
  counts(): Promise<Record<string, number>>
  close(): void
}

export function startTenant(devices: number, rateScale: number): Promise<Tenant> {
  const child = spawn(
    process.execPath,
    [CLI, 'demo-tenant', 'serve', '--devices', String(devices), '--seed', '1', '--token-lifetime', '14400'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: {
        ...process.env,
        PASSCODE_DESK_DEMO_RATE_LIMITS: '1',
        PASSCODE_DESK_DEMO_RATE_SCALE: String(rateScale),
      },
    },
  )
  return new Promise((done, fail) => {
    let out = ''
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString()
      const nl = out.indexOf('\n')
      if (nl < 0) return
      const ready = JSON.parse(out.slice(0, nl)) as { graphUrl: string; accessToken: string }
      done({
        child,
        graphUrl: ready.graphUrl,
        token: ready.accessToken,
        counts: async () =>
          (
            (await (await fetch(`${ready.graphUrl}/_demo/requests`)).json()) as {
              counts: Record<string, number>
            }
          ).counts,
        close: () => void child.kill('SIGTERM'),
      })
    })
    child.on('exit', (code) => fail(new Error(`demo tenant exited ${code}`)))
  })
}

export interface AgentRun {
  readonly agent: number
  readonly ok: boolean
  /** The CLI's summary (`sync:finished`): duration of the sync itself, pages read. */
  readonly durationMs: number
  readonly pages: number
  readonly devices: number
  readonly changed: number
  /** Spawn to exit, process start-up included. */
  readonly wallMs: number
  /** Progress lines that said Intune was limiting requests. */
  readonly throttleNotices: number
  readonly error: string | null
}

/** One agent's `passcode-desk sync` (full, or `--incremental`) in its own process and folder. */
export function runAgent(
  agent: number,
  workDir: string,
  tenant: Tenant,
  mode: 'full' | 'incremental',
): Promise<AgentRun> {
  const dataDir = join(workDir, `agent-${agent}`)
  mkdirSync(dataDir, { recursive: true })
  const args = [CLI, 'sync', '--graph-url', tenant.graphUrl, '--db', join(dataDir, 'cache.db')]
  if (mode === 'incremental') args.push('--incremental')
  const started = performance.now()
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    // The token by environment, as the CLI recommends (not visible in `ps`).
    env: { ...process.env, PASSCODE_DESK_DATA_DIR: dataDir, PASSCODE_DESK_ACCESS_TOKEN: tenant.token },
  })
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()))
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()))
  return new Promise((done) => {
    child.on('exit', (code) => {
      const wallMs = performance.now() - started
      const throttleNotices = stderr
        .split('\n')
        .filter((l) => l.includes('Intune is limiting requests')).length
      const summary = stdout.trim().split('\n').pop() ?? ''
      let parsed: { durationMs?: number; pages?: number; devices?: number; changed?: number } = {}
      try {
        parsed = JSON.parse(summary) as typeof parsed
      } catch {
        // no summary: the sync failed, the reason is on stderr
      }
      const failure = stderr
        .split('\n')
        .filter((l) => l.startsWith('passcode-desk'))
        .pop()
      done({
        agent,
        ok: code === 0 && parsed.durationMs !== undefined,
        durationMs: parsed.durationMs ?? 0,
        pages: parsed.pages ?? 0,
        devices: parsed.devices ?? 0,
        changed: parsed.changed ?? 0,
        wallMs,
        throttleNotices,
        error: code === 0 ? null : (failure ?? `exit ${code}`).slice(0, 300),
      })
    })
  })
}
