import { describe, expect, it } from 'vitest'
import type { FailureFacts } from '@shared/api/schemas/failure-facts'
import { failureFacts } from '../../../support/failure-facts'
import { failureCauses, MAX_AUDIT_RESULTS, questionsFor, type FailureCause } from '@shared/failure-causes'

const READ_AT = '2026-11-26T12:00:00.000Z'
const hoursAgo = (h: number) => new Date(Date.parse(READ_AT) - h * 3_600_000).toISOString()

const facts = (partial: Partial<FailureFacts> = {}): FailureFacts =>
  failureFacts({ lastCheckIn: hoursAgo(2), readAt: READ_AT, ...partial })
const kinds = (causes: FailureCause[]) => causes.map((c) => c.kind)

describe('failureCauses (before the click)', () => {
  it('finds nothing to worry about on a device that checked in recently, with no failures anywhere', () => {
    expect(failureCauses(facts())).toEqual([])
  })

  it('measures the check-in age from the facts: over a day is said, 7 days or more is a warning', () => {
    expect(failureCauses(facts({ lastCheckIn: hoursAgo(23) }))).toEqual([])
    expect(failureCauses(facts({ lastCheckIn: hoursAgo(30) }))).toEqual([
      { kind: 'checkInOverADay', severity: 'info', ask: 'deviceOnline', hours: 30 },
    ])
    expect(failureCauses(facts({ lastCheckIn: hoursAgo(7 * 24 + 5) }))).toEqual([
      { kind: 'staleCheckIn', severity: 'warning', ask: 'lastUsed', days: 7 },
    ])
    expect(failureCauses(facts({ lastCheckIn: null }))).toEqual([
      { kind: 'neverCheckedIn', severity: 'warning', ask: 'deviceOnline' },
    ])
  })

  it('puts a scope refusal first, whatever else is known', () => {
    const causes = failureCauses(
      facts({ outOfScope: true, lastCheckIn: hoursAgo(400), passcodePolicy: 'notKnown' }),
    )
    expect(kinds(causes)).toEqual(['outOfScope', 'staleCheckIn', 'policyNotKnown'])
  })

  it("joins the device's earlier failures with the tenant's for the same reason, and lists the tenant's others apart", () => {
    const causes = failureCauses(
      facts({
        deviceFailures: [
          { reason: { kind: 'state', state: 'stillPending' }, count: 2, lastAt: '2026-11-20T10:00:00Z' },
        ],
        tenantFailures: [
          { reason: { kind: 'error', code: 'GRAPH_FORBIDDEN' }, count: 9, lastAt: '2026-11-21T10:00:00Z' },
          { reason: { kind: 'state', state: 'stillPending' }, count: 5, lastAt: '2026-11-22T10:00:00Z' },
        ],
      }),
    )
    expect(causes).toEqual([
      {
        kind: 'failedOnDevice',
        severity: 'warning',
        ask: 'deviceOnline',
        reason: { kind: 'state', state: 'stillPending' },
        count: 2,
        lastAt: '2026-11-20T10:00:00Z',
        tenantCount: 5,
      },
      {
        kind: 'failedInTenant',
        severity: 'info',
        ask: null,
        reason: { kind: 'error', code: 'GRAPH_FORBIDDEN' },
        count: 9,
        lastAt: '2026-11-21T10:00:00Z',
      },
    ])
  })

  it('asks whether the device is online only for reasons that say it did not answer', () => {
    const failure = (reason: FailureFacts['deviceFailures'][number]['reason']) => ({
      reason,
      count: 1,
      lastAt: '2026-11-20T10:00:00Z',
    })
    const causes = failureCauses(
      facts({
        deviceFailures: [
          failure({ kind: 'error', code: 'TIMEOUT' }),
          failure({ kind: 'error', code: 'GRAPH_FORBIDDEN' }),
          failure({ kind: 'state', state: 'notSupported' }),
        ],
        // Same code as the device's error, and a state with the same name is another reason.
        tenantFailures: [
          { ...failure({ kind: 'error', code: 'GRAPH_FORBIDDEN' }), count: 4 },
          { ...failure({ kind: 'state', state: 'failed' }), count: 2 },
        ],
      }),
    )
    expect(causes.map((c) => (c.kind === 'failedOnDevice' ? [c.ask, c.tenantCount] : c.kind))).toEqual([
      ['deviceOnline', 0],
      [null, 4],
      [null, 0],
      'failedInTenant',
    ])
  })

  it('says nothing about the check-in when its time cannot be read (never a guess)', () => {
    expect(failureCauses(facts({ lastCheckIn: 'not a date' }))).toEqual([])
  })

  it('lists at most three other tenant reasons', () => {
    const tenantFailures = (['failed', 'notSupported', 'canceled', 'stillPending'] as const).map((state) => ({
      reason: { kind: 'state' as const, state },
      count: 1,
      lastAt: '2026-11-01T00:00:00Z',
    }))
    expect(kinds(failureCauses(facts({ tenantFailures })))).toEqual([
      'failedInTenant',
      'failedInTenant',
      'failedInTenant',
    ])
  })

  it('warns that Multi Admin Approval held actions in this tenant before', () => {
    expect(failureCauses(facts({ approvalRequired: { count: 3, lastAt: '2026-11-25T09:00:00Z' } }))).toEqual([
      {
        kind: 'approvalRequired',
        severity: 'warning',
        ask: 'approvalWait',
        count: 3,
        lastAt: '2026-11-25T09:00:00Z',
      },
    ])
  })

  it('says a passcode policy is not known rather than guessing, and warns when none applies', () => {
    expect(failureCauses(facts({ passcodePolicy: 'notKnown', action: 'removePasscode' }))).toEqual([
      { kind: 'policyNotKnown', severity: 'info', ask: 'newPasscode', action: 'removePasscode' },
    ])
    expect(failureCauses(facts({ passcodePolicy: 'notKnown' }))[0]?.ask).toBeNull()
    expect(kinds(failureCauses(facts({ passcodePolicy: 'notAssigned' })))).toEqual(['noPasscodePolicy'])
    // No action possible: nothing about policies to say.
    expect(failureCauses(facts({ passcodePolicy: 'notKnown', action: null }))).toEqual([])
  })

  it('never states a probability: every cause carries only facts (counts, ages, dates)', () => {
    const causes = failureCauses(
      facts({
        lastCheckIn: null,
        outOfScope: true,
        passcodePolicy: 'notKnown',
        approvalRequired: { count: 1, lastAt: READ_AT },
        deviceFailures: [{ reason: { kind: 'error', code: 'TIMEOUT' }, count: 1, lastAt: READ_AT }],
      }),
    )
    for (const cause of causes)
      expect(Object.keys(cause).filter((k) => /percent|probab|likel|chance/i.test(k))).toEqual([])
  })
})

describe('failureCauses: Intune audit log', () => {
  const SINCE = '2026-10-27T12:00:00.000Z'
  const audit = (
    deviceFailures: FailureFacts['audit'] extends infer A
      ? A extends { deviceFailures: infer D }
        ? D
        : never
      : never,
    tenantFailures: typeof deviceFailures = [],
  ): FailureFacts['audit'] => ({
    status: 'read',
    since: SINCE,
    readAt: READ_AT,
    deviceFailures,
    tenantFailures,
  })

  it("warns of this device's failed requests and informs of the tenant's, with Intune's result and the window", () => {
    const causes = failureCauses(
      facts({
        audit: audit(
          [{ result: 'Failure', count: 2, lastAt: '2026-11-24T09:00:00Z' }],
          [{ result: 'Failure', count: 5, lastAt: '2026-11-25T09:00:00Z' }],
        ),
      }),
    )
    expect(causes).toEqual([
      {
        kind: 'auditFailedOnDevice',
        severity: 'warning',
        ask: null,
        since: SINCE,
        result: 'Failure',
        count: 2,
        lastAt: '2026-11-24T09:00:00Z',
      },
      {
        kind: 'auditFailedInTenant',
        severity: 'info',
        ask: null,
        since: SINCE,
        result: 'Failure',
        count: 5,
        lastAt: '2026-11-25T09:00:00Z',
      },
    ])
  })

  it('lists at most two results per place, most frequent first as core sent them', () => {
    const many = ['Failure', 'Error', 'Timeout'].map((result, i) => ({
      result,
      count: 3 - i,
      lastAt: READ_AT,
    }))
    const causes = failureCauses(facts({ audit: audit(many, many) }))
    expect(causes.filter((c) => c.kind === 'auditFailedOnDevice')).toHaveLength(MAX_AUDIT_RESULTS)
    expect(causes.filter((c) => c.kind === 'auditFailedInTenant')).toHaveLength(MAX_AUDIT_RESULTS)
  })

  it('says the audit log was not read, whatever the reason, beside the local causes', () => {
    const causes = failureCauses(
      facts({
        lastCheckIn: hoursAgo(30),
        audit: { status: 'notRead', code: 'GRAPH_FORBIDDEN' },
        deviceFailures: [{ reason: { kind: 'state', state: 'failed' }, count: 1, lastAt: READ_AT }],
      }),
    )
    expect(kinds(causes)).toEqual(['failedOnDevice', 'checkInOverADay', 'auditNotRead'])
    expect(causes.at(-1)).toEqual({
      kind: 'auditNotRead',
      severity: 'info',
      ask: null,
      code: 'GRAPH_FORBIDDEN',
    })
  })
})

describe('questionsFor', () => {
  it('asks each question once, in the order of the causes', () => {
    const causes = failureCauses(
      facts({
        lastCheckIn: hoursAgo(30),
        approvalRequired: { count: 1, lastAt: READ_AT },
        deviceFailures: [{ reason: { kind: 'error', code: 'TIMEOUT' }, count: 1, lastAt: READ_AT }],
      }),
    )
    expect(questionsFor(causes)).toEqual(['deviceOnline', 'approvalWait'])
  })
})
