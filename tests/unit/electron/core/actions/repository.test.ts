import { describe, expect, it } from 'vitest'
import { buildHistoryWhere, createActionRepository } from '../../../../../electron/core/actions/repository'
import { openDatabase } from '../../../../../electron/core/store/db'
import { sampleRecord } from '../history/fixtures'
import { foldText } from '@shared/text'

function repoWith(
  rows: {
    id: string
    at: string
    state: 'done' | 'failed'
    agent: string
    device: string
    ticket: string | null
  }[],
) {
  const db = openDatabase(':memory:')
  const repo = createActionRepository(db)
  for (const r of rows) {
    const base = sampleRecord()
    repo.insert({
      ...base,
      id: r.id,
      idempotencyKey: `key-${r.id}-xxxxx`,
      profileId: 'demo',
      agentUpn: `${r.agent.toLowerCase()}@contoso.example`,
      agentDisplayName: r.agent,
      ticketReference: r.ticket,
      device: { ...base.device, deviceName: r.device },
      baselineStart: null,
      requestedAt: r.at,
    })
    repo.transition(r.id, { state: r.state, at: r.at })
  }
  return { db, repo }
}

describe('action repository: history filters', () => {
  const { db, repo } = repoWith([
    {
      id: 'a',
      at: '2026-11-20T10:00:00.000Z',
      state: 'done',
      agent: 'Élodie',
      device: 'iPhone de François',
      ticket: 'INC-100',
    },
    {
      id: 'b',
      at: '2026-11-24T10:00:00.000Z',
      state: 'failed',
      agent: 'Samuel',
      device: 'KIOSK_50%',
      ticket: null,
    },
    {
      id: 'c',
      at: '2026-11-26T10:00:00.000Z',
      state: 'done',
      agent: 'Élodie',
      device: 'Quest 3 Anaïs',
      ticket: 'INC-200',
    },
  ])
  const ids = (filters: Parameters<typeof repo.all>[0]) => repo.all(filters).map((a) => a.record.id)

  it('folds case and accents the way an agent types', () => {
    expect(foldText('Élodie François Anaïs')).toBe('elodie francois anais')
    expect(ids({ agent: 'elodie' })).toEqual(['c', 'a'])
    expect(ids({ device: 'FRANCOIS' })).toEqual(['a'])
    expect(ids({ device: 'anaïs' })).toEqual(['c'])
  })

  it('filters by date range (inclusive from, exclusive to), state and ticket; wildcards are literal', () => {
    expect(ids({ from: '2026-11-24T10:00:00.000Z' })).toEqual(['c', 'b'])
    expect(ids({ to: '2026-11-24T10:00:00.000Z' })).toEqual(['a'])
    expect(ids({ states: ['failed'] })).toEqual(['b'])
    expect(ids({ ticket: 'inc-2' })).toEqual(['c'])
    expect(ids({ device: '50%' })).toEqual(['b'])
    expect(ids({ device: '%' })).toEqual(['b'])
    expect(repo.history({ filters: {}, offset: 1, limit: 1 })).toMatchObject({ total: 3 })
  })

  it('keeps every transition and no passcode column exists', () => {
    expect(repo.transitions('b').map((t) => t.state)).toEqual(['sending', 'failed'])
    const columns = db.prepare("SELECT name FROM pragma_table_info('actions')").all() as { name: string }[]
    expect(
      columns.map((c) => c.name).filter((n) => /passcode|secret|pin/i.test(n) && n !== 'has_passcode'),
    ).toEqual([])
  })

  it('uses the indexes for the newest-first history and the per-device list', () => {
    const plan = (sql: string, ...p: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...p) as { detail: string }[])
        .map((r) => r.detail)
        .join(' | ')
    expect(plan('SELECT * FROM actions ORDER BY requested_at DESC LIMIT 100')).toMatch(/actions_by_time/)
    expect(
      plan('SELECT * FROM actions WHERE device_id = ? ORDER BY requested_at DESC LIMIT 20', 'x'),
    ).toMatch(/actions_by_device/)
    const where = buildHistoryWhere({ states: ['done'] })
    expect(plan(`SELECT * FROM actions ${where.sql} ORDER BY requested_at DESC`, ...where.params)).toMatch(
      /actions_by_state/,
    )
  })
})

describe('action repository: the failure-reason filter', () => {
  // Three failures of one state, each a reason of its own as the Readiness view groups them
  // (readiness/queries.ts: state, failure_code, intune_error_code), and one not sent.
  const { repo } = repoWith(
    ['f1', 'f2', 'f3', 'n1', 'ok'].map((id, i) => ({
      id,
      at: `2026-11-2${i}T10:00:00.000Z`,
      state: id === 'ok' ? 'done' : 'failed',
      agent: 'Élodie',
      device: `iPhone ${id}`,
      ticket: null,
    })),
  )
  repo.transition('f1', { state: 'failed', at: '2026-11-20T10:05:00.000Z', intuneErrorCode: -2016281112 })
  repo.transition('f2', { state: 'failed', at: '2026-11-21T10:05:00.000Z', intuneErrorCode: 7 })
  repo.transition('n1', { state: 'notSent', at: '2026-11-23T10:05:00.000Z', failureCode: 'OFFLINE' })
  const ids = (filters: Parameters<typeof repo.all>[0]) => repo.all(filters).map((a) => a.record.id)

  it("keeps only the actions of that reason: Intune's code, this app's code, or no code at all", () => {
    expect(ids({ states: ['failed'] })).toEqual(['f3', 'f2', 'f1'])
    expect(ids({ states: ['failed'], reason: { failureCode: null, intuneErrorCode: -2016281112 } })).toEqual([
      'f1',
    ])
    expect(ids({ states: ['failed'], reason: { failureCode: null, intuneErrorCode: 7 } })).toEqual(['f2'])
    // "Failed, no code given" is a reason of its own: not every failure.
    expect(ids({ states: ['failed'], reason: { failureCode: null, intuneErrorCode: null } })).toEqual(['f3'])
    // A reason is a failure's: widening the states never takes in the success that has no code.
    expect(ids({ reason: { failureCode: null, intuneErrorCode: null } })).toEqual(['f3'])
    expect(ids({ states: ['done'], reason: { failureCode: null, intuneErrorCode: null } })).toEqual([])
    expect(ids({ reason: { failureCode: 'OFFLINE', intuneErrorCode: null } })).toEqual(['n1'])
    expect(ids({ reason: { failureCode: 'OFFLINE', intuneErrorCode: 7 } })).toEqual([])
    expect(
      repo.history({ filters: { reason: { failureCode: null, intuneErrorCode: 7 } }, offset: 0, limit: 10 }),
    ).toMatchObject({ total: 1 })
  })
})

describe('action repository: the caller name (migration 0060)', () => {
  it('stores the caller given at step 1 in its own column and reads it back', () => {
    const db = openDatabase(':memory:')
    const repo = createActionRepository(db)
    const base = sampleRecord()
    const insert = (id: string, callerName: string | undefined) =>
      repo.insert({
        ...base,
        id,
        idempotencyKey: `key-${id}-xxxxx`,
        profileId: 'demo',
        verification: { checks: ['employeeId'], callerName },
        baselineStart: null,
      })
    expect(insert('with', '  Zoé Bélanger ').record.callerName).toBe('Zoé Bélanger')
    expect(insert('blank', '   ').record.callerName).toBeNull()
    expect(insert('none', undefined).record.callerName).toBeNull()
    expect(db.prepare("SELECT caller_name FROM actions WHERE id = 'with'").pluck().get()).toBe('Zoé Bélanger')
    expect(
      repo
        .all({})
        .map((a) => a.record.callerName)
        .sort(),
    ).toEqual(['Zoé Bélanger', null, null].sort())
    db.close()
  })
})
