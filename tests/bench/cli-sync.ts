import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { CLI } from './cache-fixture'

/** A `kB` figure of /proc/<pid>/status (VmHWM: peak resident memory of every thread). */
export function kb(status: string, key: string): number {
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
