import { describe, expect, it } from 'vitest'
import { buildSummary, outcomeOf } from '../../../../../electron/core/readiness/summary'
import type { ReadinessQueries } from '../../../../../electron/core/readiness/queries'
import { ACTION_STATES } from '../../../../../shared/api/schemas/actions'
import { readinessSummary } from '../../../../../shared/api/schemas/readiness'

const NOW = Date.parse('2026-12-02T10:00:00Z')

function queries(partial: Partial<ReadinessQueries>): ReadinessQueries {
  return {
    deviceGroups: () => [],
    deviceGroupsScan: () => [],
    overTime: () => [],
    failures: () => [],
    completion: () => [],
    ...partial,
  }
}

describe('readiness summary', () => {
  it('folds every action state into one outcome; open states are never failures', () => {
    const folded = Object.fromEntries(ACTION_STATES.map((s) => [s, outcomeOf(s)]))
    expect(folded).toEqual({
      sending: 'pending',
      notSent: 'notSent',
      pending: 'pending',
      active: 'pending',
      done: 'succeeded',
      failed: 'failed',
      notSupported: 'failed',
      canceled: 'canceled',
      stillPending: 'pending',
      awaitingApproval: 'pending',
      unknownState: 'pending',
    })
  })

  it('adds states of one bucket together and ignores a bucket it did not ask for', () => {
    const s = buildSummary({
      queries: queries({
        overTime: () => [
          { start: '2026-12-02', state: 'failed', n: 2 },
          { start: '2026-12-02', state: 'notSupported', n: 3 },
          { start: '2026-12-02', state: 'awaitingApproval', n: 1 },
          { start: '2027-01-05', state: 'done', n: 9 },
        ],
      }),
      nowMs: NOW,
      rangeDays: 30,
      utcOffsetMinutes: 0,
      lastSyncAt: null,
    })
    expect(s.actions.overTime.at(-1)).toEqual({
      start: '2026-12-02',
      // The bucket's UTC bounds (offset 0 here), for History's filter.
      from: '2026-12-02T00:00:00.000Z',
      to: '2026-12-03T00:00:00.000Z',
      succeeded: 0,
      failed: 5,
      notSent: 0,
      canceled: 0,
      pending: 1,
    })
    expect(s.actions.overTime.reduce((n, b) => n + b.succeeded, 0)).toBe(0)
    expect(readinessSummary.safeParse(s).success).toBe(true)
  })

  it('derives verdicts (zero too), kind × platform and stale eligible kinds from the groups, largest first', () => {
    const s = buildSummary({
      queries: queries({
        deviceGroups: () => [
          { kind: 'windows', platform: 'Windows', verdict: 'ineligible', n: 2, stale: 2 },
          { kind: 'androidFullyManaged', platform: 'Android', verdict: 'eligible', n: 5, stale: 1 },
          { kind: 'androidFullyManaged', platform: 'Android', verdict: 'undetermined', n: 2, stale: 2 },
          { kind: 'iosDeviceEnrollment', platform: null, verdict: 'eligible', n: 2, stale: 0 },
          { kind: 'androidDedicated', platform: 'Android', verdict: 'eligible', n: 3, stale: 3 },
        ],
      }),
      nowMs: NOW,
      rangeDays: 90,
      utcOffsetMinutes: 60,
      lastSyncAt: null,
    })
    expect(s.devices.byVerdict).toEqual([
      { verdict: 'eligible', count: 10 },
      { verdict: 'ineligible', count: 2 },
      { verdict: 'undetermined', count: 2 },
    ])
    expect(s.devices.total).toBe(14)
    expect(s.devices.byKindPlatform).toEqual([
      { enrollmentKind: 'androidFullyManaged', platform: 'Android', count: 7 },
      { enrollmentKind: 'androidDedicated', platform: 'Android', count: 3 },
      { enrollmentKind: 'iosDeviceEnrollment', platform: null, count: 2 },
      { enrollmentKind: 'windows', platform: 'Windows', count: 2 },
    ])
    // Only eligible devices count as "likely to wait"; kinds with none are left out.
    expect(s.devices.stale).toEqual({
      days: 7,
      total: 4,
      byKind: [
        { enrollmentKind: 'androidDedicated', count: 3 },
        { enrollmentKind: 'androidFullyManaged', count: 1 },
      ],
    })
  })
})
