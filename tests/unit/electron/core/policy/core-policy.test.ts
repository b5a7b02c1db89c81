// Managed values through the REAL core (createCore on a temp data dir, embedded demo tenant):
// `policy:get` tells the renderer what is managed, and the settings every part of core reads —
// including `actions:issue`'s ticket rule — are the organisation's, whatever the agent saves.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../../../../electron/core'
import { createLogger } from '../../../../../electron/core/log'
import { mergePolicy } from '../../../../../electron/core/policy'
import type { ManagedPolicy } from '@shared/api/schemas/policy'

let dataDir: string
let core: Core
const policy: ManagedPolicy = mergePolicy([
  {
    source: 'HKLM',
    values: new Map([
      ['TicketRequired', { from: 'registry', value: { type: 'REG_DWORD', data: 1 } }],
      ['DefaultLanguage', { from: 'registry', value: { type: 'REG_SZ', data: 'fr' } }],
      ['Bogus', { from: 'registry', value: { type: 'REG_SZ', data: 'x' } }],
    ]),
  },
])
const call = (channel: string, input?: unknown) =>
  core.router.call(channel as never, input, { host: 'electron', clientId: 'test' })

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'pd-policy-core-'))
  core = await createCore({
    dataDir,
    host: { kind: 'electron', locale: () => 'en-US' },
    logger: createLogger({}),
    managedPolicy: policy,
    allowKeychain: false,
  })
})
afterAll(async () => {
  await core.dispose()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('managed settings in core', () => {
  it('policy:get returns what is managed, from where, and what was ignored', async () => {
    const result = await call('policy:get')
    expect(result).toEqual({
      ok: true,
      value: {
        values: { TicketRequired: true, DefaultLanguage: 'fr' },
        sources: { TicketRequired: 'HKLM', DefaultLanguage: 'HKLM' },
        problems: [{ key: 'Bogus', source: 'HKLM', reason: 'unknownKey' }],
      },
    })
  })

  it('managed values win over the agent’s saved ones; unmanaged ones still change', async () => {
    const updated = await call('settings:update', {
      locale: 'en',
      theme: 'dark',
      policy: { ticketRequired: false, requiredChecks: [] },
    })
    expect(updated).toMatchObject({
      ok: true,
      value: { locale: 'fr', theme: 'dark', policy: { ticketRequired: true, requiredChecks: [] } },
    })
    expect(await call('settings:get')).toMatchObject({
      value: { locale: 'fr', policy: { ticketRequired: true } },
    })
    // The agent's own choice is kept on disk, for the day the policy is lifted.
    const onDisk = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'))
    expect(onDisk).toMatchObject({ locale: 'en', policy: { ticketRequired: false } })
  })
})
