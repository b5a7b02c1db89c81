import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AuthStatus } from '../../../shared/api/schemas/auth'
import type { SyncFinished } from '../../../shared/api/schemas/sync'
import type { Channel } from '../../../shared/api/channels'
import { createCore, type Core } from '../../../electron/core'
import { DEMO_AGENTS } from '../../../electron/demo-tenant'
import { signInAs } from './browser'
import { fakeSafeStorage } from '../../support/fake-safe-storage'
import { captureIssuedTokens, filesUnder } from '../../support/leak-scan'

let core: Core | null = null
let dataDir = ''
afterEach(async () => {
  vi.restoreAllMocks()
  await core?.dispose()
  core = null
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

describe('the whole core (createCore) on the Demo profile', () => {
  it('signs in, syncs devices into SQLite, and leaves no token in responses, events, SQLite files or the log', async () => {
    const secrets = captureIssuedTokens()

    dataDir = mkdtempSync(join(tmpdir(), 'pd-core-auth-'))
    const agent = DEMO_AGENTS.find((a) => a.role === 'helpDeskOperator')!
    core = await createCore({
      dataDir,
      host: {
        kind: 'browser',
        secretStorage: fakeSafeStorage(),
        openExternal: (url) => signInAs(agent.upn)(url),
      },
      validateOutput: true,
      demoTenant: { devices: 120 },
      allowKeychain: false,
    })
    const transcript: string[] = []
    const finished = new Promise<SyncFinished>((resolve) => {
      core!.events.subscribe((name, payload) => {
        transcript.push(JSON.stringify(payload))
        if (name === 'sync:finished') resolve(payload as SyncFinished)
      })
    })
    const ctx = { host: 'test' as const, clientId: 'leak-test' }
    const call = async (channel: Channel, input?: unknown) => {
      const result = await core!.router.call(channel, input, ctx)
      transcript.push(JSON.stringify(result))
      return result
    }

    const signedIn = await call('auth:signIn')
    expect(signedIn.ok).toBe(true)
    expect((signedIn as { value: AuthStatus }).value).toMatchObject({
      state: 'signedIn',
      cachePersistence: 'encrypted',
    })
    expect(core.sessions.current().agent()?.upn).toBe(agent.upn)

    expect((await call('sync:start')).ok).toBe(true)
    const outcome = await finished
    expect(outcome.outcome).toBe('succeeded')
    expect(outcome.devices).toBeGreaterThan(0)
    for (const channel of ['auth:status', 'sync:status', 'profiles:list', 'app:info'] as const)
      await call(channel)
    await call('devices:search', { query: '' })
    await call('profiles:test', { id: 'demo' })

    expect(secrets.size).toBeGreaterThanOrEqual(3)
    const leaks = (text: string) =>
      [...secrets].filter((s) => text.includes(s) || text.includes(s.split('.')[1] ?? s))
    for (const entry of transcript) expect(leaks(entry)).toEqual([])

    await core.dispose()
    core = null
    const files = filesUnder(dataDir)
    expect(files.some((f) => /\.(db|sqlite)(-wal)?$/.test(f))).toBe(true)
    expect(files.some((f) => f.endsWith('passcode-desk.log'))).toBe(true)
    for (const file of files) {
      expect({ file, leaks: leaks(readFileSync(file).toString('latin1')) }).toEqual({ file, leaks: [] })
    }
  })
})
