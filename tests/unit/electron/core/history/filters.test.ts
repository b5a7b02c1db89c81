import { describe, expect, it } from 'vitest'
import type { PasscodeGraph } from '../../../../../electron/core/actions/graph'
import { buildHistoryWhere, createActionRepository } from '../../../../../electron/core/actions/repository'
import { remoteEntryMatches } from '../../../../../electron/core/history/filters'
import { createHistoryHandlers } from '../../../../../electron/core/history/handlers'
import { openDatabase } from '../../../../../electron/core/store/db'
import type { TeamEntry } from '@shared/api/schemas/history'
import { sampleRecord } from './fixtures'

const now = Date.parse('2026-11-30T12:00:00Z')

function remote(over: Partial<TeamEntry>): TeamEntry {
  return {
    key: 'rau:x',
    source: 'remoteActionAudit',
    at: '2026-11-26T08:00:00Z',
    deviceId: 'd9',
    deviceName: 'Pixel de Zoé',
    agentUpn: 'samuel@contoso.example',
    activity: 'resetPasscode',
    action: null,
    state: 'done',
    ticketReference: null,
    mine: false,
    localActionId: null,
    ...over,
  }
}

describe('team filters on Intune records (core, not the renderer)', () => {
  it('matches device name or id, agent UPN, folded; a ticket filter keeps only our rows', () => {
    expect(remoteEntryMatches(remote({}), { device: 'ZOE' })).toBe(true)
    expect(remoteEntryMatches(remote({}), { device: 'd9' })).toBe(true)
    expect(remoteEntryMatches(remote({}), { device: 'hélène' })).toBe(false)
    expect(remoteEntryMatches(remote({}), { agent: 'SAMU' })).toBe(true)
    expect(remoteEntryMatches(remote({}), { agent: 'elodie' })).toBe(false)
    expect(remoteEntryMatches(remote({}), { ticket: 'INC' })).toBe(false)
    // Intune's records carry no error code either: a failure reason keeps only our rows.
    expect(remoteEntryMatches(remote({}), { reason: { failureCode: null, intuneErrorCode: null } })).toBe(
      false,
    )
    expect(remoteEntryMatches(remote({ deviceName: null, deviceId: null }), { device: 'x' })).toBe(false)
  })

  it('reads Intune’s states in our vocabulary (audit events say Success)', () => {
    expect(remoteEntryMatches(remote({ state: 'failed' }), { states: ['failed'] })).toBe(true)
    expect(remoteEntryMatches(remote({ state: 'done' }), { states: ['failed'] })).toBe(false)
    expect(remoteEntryMatches(remote({ source: 'auditEvent', state: 'Success' }), { states: ['done'] })).toBe(
      true,
    )
    expect(remoteEntryMatches(remote({ state: null }), { states: ['done'] })).toBe(false)
    expect(remoteEntryMatches(remote({ state: null }), { states: [] })).toBe(true)
  })
})

describe('history:team applies the filters in core', () => {
  const db = openDatabase(':memory:')
  const repo = createActionRepository(db)
  const rows = [
    {
      id: 'a',
      device: 'iPhone de Hélène',
      ticket: 'INC-1001',
      state: 'done' as const,
      at: '2026-11-26T08:00:00.000Z',
    },
    {
      id: 'b',
      device: 'iPhone de François',
      ticket: 'INC-2002',
      state: 'failed' as const,
      at: '2026-11-27T08:00:00.000Z',
    },
  ]
  for (const r of rows) {
    const base = sampleRecord()
    repo.insert({
      ...base,
      id: r.id,
      idempotencyKey: `key-${r.id}-xxxxx`,
      profileId: 'demo',
      ticketReference: r.ticket,
      device: { ...base.device, deviceName: r.device },
      deviceId: `dev-${r.id}`,
      baselineStart: null,
      requestedAt: r.at,
    })
    repo.transition(r.id, { state: r.state, at: r.at, sentAt: r.at })
  }
  const audits = [
    // Intune's record of our own action "a" (same device, same agent, seconds later; its audit
    // still says active while our row, read from the device, is done).
    {
      id: 'r-a',
      action: 'resetPasscode',
      requestDateTime: '2026-11-26T08:00:05Z',
      managedDeviceId: 'dev-a',
      deviceDisplayName: 'iPhone de Hélène',
      initiatedByUserPrincipalName: 'agent@contoso.example',
      actionState: 'active',
    },
    // A colleague's action from the portal.
    {
      id: 'r-z',
      action: 'resetPasscode',
      requestDateTime: '2026-11-28T09:00:00Z',
      managedDeviceId: 'dev-z',
      deviceDisplayName: 'Pixel de Zoé',
      initiatedByUserPrincipalName: 'samuel@contoso.example',
      actionState: 'failed',
    },
  ]
  const graph = {
    remoteActionAudits: async () => audits,
    auditEvents: async () => [],
  } as unknown as PasscodeGraph
  const handlers = createHistoryHandlers({
    repo: () => repo,
    graph: () => graph,
    agentUpn: () => 'agent@contoso.example',
    toRecord: (a) => ({ ...a.record, passcodeAvailable: false }),
    now: () => now,
  })
  const team = async (filters: Parameters<(typeof handlers)['history:team']>[0]) =>
    (await handlers['history:team'](filters, { host: 'test', clientId: 'unit' })).entries.map((e) => e.key)

  it('without filters: ours once each (Intune’s copy folded) and the colleague’s', async () => {
    expect(await team({})).toEqual(['rau:r-z', 'local:b', 'local:a'])
  })

  it('device, ticket, agent and state filters hold for both sources', async () => {
    expect(await team({ device: 'francois' })).toEqual(['local:b'])
    expect(await team({ device: 'zoé' })).toEqual(['rau:r-z'])
    // Hiding our row "a" must not bring Intune's record of it back as a separate entry.
    expect(await team({ ticket: 'inc-2' })).toEqual(['local:b'])
    expect(await team({ states: ['active'] })).toEqual([])
    expect(await team({ agent: 'samuel' })).toEqual(['rau:r-z'])
    expect(await team({ states: ['failed'] })).toEqual(['rau:r-z', 'local:b'])
    expect(await team({ from: '2026-11-27T00:00:00.000Z', to: '2026-11-28T00:00:00.000Z' })).toEqual([
      'local:b',
    ])
  })

  it('the team view’s filtered query runs on the date index', () => {
    const where = buildHistoryWhere({
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
      device: 'françois',
      agent: 'élodie',
    })
    const plan = (
      db
        .prepare(`EXPLAIN QUERY PLAN SELECT * FROM actions ${where.sql} ORDER BY requested_at DESC, id`)
        .all(...where.params) as { detail: string }[]
    )
      .map((r) => r.detail)
      .join(' | ')
    expect(plan).toMatch(/SEARCH actions USING INDEX actions_by_time \(requested_at>\? AND requested_at<\?\)/)
    expect(plan).not.toMatch(/SCAN actions(?! USING)/)
  })
})
