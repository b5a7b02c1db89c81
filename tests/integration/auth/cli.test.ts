import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { run as signIn } from '../../../electron/cli/commands/sign-in'
import { run as signOut } from '../../../electron/cli/commands/sign-out'
import { run as whoami } from '../../../electron/cli/commands/whoami'
import { DEMO_AGENTS } from '../../../electron/demo-tenant'
import { signInAs } from './browser'

const dirs: string[] = []
afterEach(() => {
  vi.restoreAllMocks()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function capture() {
  const out: string[] = []
  const err: string[] = []
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true))
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true))
  return { out, err }
}

describe('passcode-desk sign-in / whoami / sign-out', () => {
  it('signs in to the Demo profile through the browser, and says a memory-only sign-in cannot be reused', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pd-cli-'))
    dirs.push(dataDir)
    const env = { PASSCODE_DESK_DEMO_DEVICES: '10', PASSCODE_DESK_NO_OPEN: '1' }
    const agent = DEMO_AGENTS.find((a) => a.role === 'helpDeskOperator')!
    const io = capture()
    const urls: string[] = []
    const code = await signIn(['--profile', 'demo'], {
      dataDir,
      env,
      openBrowser: async (url) => {
        urls.push(url)
        await signInAs(agent.upn)(url)
      },
    })
    expect(code).toBe(0)
    expect(urls).toHaveLength(1)
    const line = JSON.parse(io.out.join('').trim()) as Record<string, unknown>
    expect(line).toMatchObject({
      profile: 'Demo',
      state: 'signedIn',
      upn: agent.upn,
      canResetPasscode: true,
      cachePersistence: 'memory',
    })
    expect(io.err.join('')).toMatch(/memory only/)
    expect(io.out.join('') + io.err.join('')).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./)

    // A new process (here: a new run) has no keychain to read from on this machine.
    io.out.length = 0
    expect(await whoami([], { dataDir, env })).toBe(1)
    expect(JSON.parse(io.out.join('').trim())).toMatchObject({ state: 'signedOut', upn: null })

    io.out.length = 0
    expect(await signOut([], { dataDir, env })).toBe(0)
    expect(JSON.parse(io.out.join('').trim())).toMatchObject({ state: 'signedOut' })
  })

  it('refuses an unknown profile name and bad options', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pd-cli-'))
    dirs.push(dataDir)
    const io = capture()
    expect(await whoami(['--profile', 'Nowhere'], { dataDir, env: {} })).toBe(1)
    expect(io.err.join('')).toMatch(/PROFILE_NOT_FOUND/)
    await expect(whoami(['--tenant', 'x'], { dataDir, env: {} })).rejects.toThrow(/Unknown option/)
  })
})
