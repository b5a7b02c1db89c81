// Managed settings ENFORCED by the real core (createCore on a temp data folder, the embedded demo
// tenant), fed the way the app reads them in production: real `reg query` output (HKLM and HKCU
// fixtures, CRLF as reg.exe prints) and a managed-preferences plist. Precedence is HKLM over HKCU
// over the agent's own settings, value by value; a refusal comes back as a coded error.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../../../../electron/core'
import { createLogger } from '../../../../../electron/core/log'
import { loadManagedPolicy, loadManagedPolicyFile } from '../../../../../electron/core/policy'
import { managedProfileId } from '../../../../../electron/core/profiles/managed'
import type { ManagedPolicy } from '@shared/api/schemas/policy'

const fixtures = join(import.meta.dirname, 'fixtures')
const fixture = (name: string) => readFileSync(join(fixtures, name), 'utf8')
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47'
const CLIENT = '04b07795-8ddb-461a-bbee-02f9e1bf7b46'
const PRESET_ID = managedProfileId({ tenantId: TENANT, clientId: CLIENT, cloud: 'global' })

const cores: Core[] = []
const dirs: string[] = []
afterEach(async () => {
  for (const core of cores.splice(0)) await core.dispose()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

async function start(policy: ManagedPolicy, startDemoTenant?: () => Promise<never>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'pd-policy-enforced-'))
  dirs.push(dataDir)
  const core = await createCore({
    dataDir,
    host: { kind: 'electron', locale: () => 'en-US' },
    logger: createLogger({}),
    managedPolicy: policy,
    allowKeychain: false,
    reachabilityProbe: false,
    ...(startDemoTenant ? { startDemoTenant } : {}),
  })
  cores.push(core)
  const call = (channel: string, input?: unknown) =>
    core.router.call(channel as never, input, { host: 'electron', clientId: 'test' }) as Promise<{
      ok: boolean
      value?: unknown
      error?: { code: string }
    }>
  return { core, call, dataDir }
}

const windowsPolicy = () =>
  loadManagedPolicy(
    {
      platform: 'win32',
      regQuery: async (key) =>
        key.startsWith('HKEY_LOCAL_MACHINE')
          ? fixture('reg-query-hklm-team.txt')
          : fixture('reg-query-hkcu-team.txt'),
    },
    createLogger({}),
  )

describe('managed settings enforced by core', () => {
  it('HKLM over HKCU over the agent’s own settings, value by value; bad types and unknown names ignored', async () => {
    const policy = await windowsPolicy()
    expect(policy.sources).toMatchObject({
      TicketPattern: 'HKLM', // HKCU's ^RITM…$ loses
      AllowAddProfiles: 'HKLM', // HKCU's 1 loses
      TicketRequired: 'HKCU', // only HKCU sets it: beats the agent's own
      IdentityChecksRequired: 'HKCU',
      ShowDemoProfile: 'HKCU',
    })
    expect(policy.problems).toEqual([
      { key: 'DefaultLanguage', source: 'HKCU', reason: 'badType' },
      { key: 'TicketFormat', source: 'HKCU', reason: 'unknownKey' },
    ])
    const { call } = await start(policy)
    // The agent asks for the opposite of everything managed; only the theme is theirs to change.
    const updated = await call('settings:update', {
      theme: 'dark',
      policy: { ticketRequired: true, requiredChecks: ['employeeId'] },
    })
    expect(updated).toMatchObject({
      ok: true,
      value: {
        theme: 'dark',
        policy: {
          ticketRequired: false,
          requiredChecks: ['managerCallback', 'badgePhoto'],
          ticketPattern: '^INC[0-9]{7}$',
        },
      },
    })
    // An agent cannot set a ticket format of their own: the input schema has no such field.
    expect(
      await call('settings:update', {
        policy: { ticketRequired: true, requiredChecks: [], ticketPattern: '.*' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('the preset profile is listed read-only; adding is refused in core, whatever the renderer shows', async () => {
    const { call } = await start(await windowsPolicy())
    const list = await call('profiles:list')
    expect(list).toMatchObject({
      ok: true,
      value: {
        activeId: 'demo', // ShowDemoProfile=1 (HKCU): the demo stays the default
        profiles: [
          { id: 'demo', builtIn: true },
          { id: PRESET_ID, name: 'Contoso', tenantId: TENANT, managed: true, builtIn: false },
        ],
      },
    })
    const draft = { name: 'Fabrikam', tenantId: TENANT, clientId: CLIENT, cloud: 'global' }
    expect(await call('profiles:save', { draft })).toMatchObject({
      ok: false,
      error: { code: 'PROFILE_ADD_DISABLED' },
    })
    expect(await call('profiles:save', { id: PRESET_ID, draft })).toMatchObject({
      error: { code: 'PROFILE_MANAGED' },
    })
    expect(await call('profiles:remove', { id: PRESET_ID })).toMatchObject({
      error: { code: 'PROFILE_MANAGED' },
    })
  })

  it('a hidden demo profile is neither listed, selectable nor started (macOS managed preferences)', async () => {
    const plist = join(mkdtempSync(join(tmpdir(), 'pd-policy-plist-')), 'managed.plist')
    dirs.push(join(plist, '..'))
    writeFileSync(
      plist,
      `<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0"><dict>
  <key>ShowDemoProfile</key><false/>
  <key>HistoryRetentionDays</key><integer>30</integer>
  <key>Surprise</key><string>x</string>
</dict></plist>`,
    )
    const policy = await loadManagedPolicyFile(plist, createLogger({}))
    expect(policy.values).toEqual({ ShowDemoProfile: false, HistoryRetentionDays: 30 })
    expect(policy.problems).toEqual([{ key: 'Surprise', source: 'macComputer', reason: 'unknownKey' }])
    let demoStarts = 0
    const { call } = await start(policy, async () => {
      demoStarts++
      throw new Error('the hidden demo tenant must not start')
    })
    expect(await call('profiles:list')).toMatchObject({ ok: true, value: { profiles: [] } })
    expect(await call('profiles:activate', { id: 'demo' })).toMatchObject({
      error: { code: 'PROFILE_DEMO_HIDDEN' },
    })
    expect(await call('auth:signIn')).toMatchObject({ ok: false, error: { code: 'PROFILE_DEMO_HIDDEN' } })
    expect(demoStarts).toBe(0)
  })
})
