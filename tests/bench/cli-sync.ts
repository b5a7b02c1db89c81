import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

/** The built CLI (`npm run build`): the demo tenant and the sync each run in their own process. */
export const CLI = resolve(import.meta.dirname, '../../out/main/cli.js')

export function startTenant(
  devices: number,
): Promise<{ child: ChildProcess; graphUrl: string; token: string }> {
  const child = spawn(
    process.execPath,
    [CLI, 'demo-tenant', 'serve', '--devices', String(devices), '--seed', '1'],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
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

function kb(status: string, key: string): number {
  const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)
  return m ? Number(m[1]) : 0
}

/**
 * Runs `passcode-desk sync` (its SQL worker thread included) and tracks the process's peak
 * resident memory (VmHWM: every thread of the process) from /proc.
 */
export async function cliSync(graphUrl: string, token: string, file: string) {
  const started = performance.now()
  const child = spawn(process.execPath, [CLI, 'sync', '--graph-url', graphUrl, '--db', file], {
    env: { ...process.env, PASSCODE_DESK_ACCESS_TOKEN: token },
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  let stdout = ''
  let peakKb = 0
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()))
  const poll = setInterval(() => {
    try {
      peakKb = Math.max(peakKb, kb(readFileSync(`/proc/${child.pid}/status`, 'utf8'), 'VmHWM'))
    } catch {
      // exited between polls
    }
  }, 50)
  const code = await new Promise<number | null>((done) => child.on('exit', done))
  clearInterval(poll)
  if (code !== 0) throw new Error(`sync failed with ${code}`)
  const summary = JSON.parse(stdout.trim()) as { devices: number; durationMs: number }
  return { ...summary, wallMs: performance.now() - started, peakRssMb: peakKb / 1024 }
}
