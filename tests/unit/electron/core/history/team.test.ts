import { describe, expect, it } from 'vitest'
import {
  auditEventEntries,
  localEntries,
  mergeTimeline,
  remoteAuditEntries,
} from '../../../../../electron/core/history/team'
import { sampleRecord } from './fixtures'

const from = Date.parse('2026-11-01T00:00:00Z')
const to = Date.parse('2026-12-01T00:00:00Z')

describe('team timeline', () => {
  it('keeps passcode audits in range only and folds the Intune record of our own action into our row', () => {
    const local = localEntries([sampleRecord({ sentAt: '2026-11-26T08:05:10.000Z' })])
    const remote = remoteAuditEntries(
      [
        {
          id: 'r1',
          action: 'resetPasscode',
          requestDateTime: '2026-11-26T08:05:11Z',
          managedDeviceId: 'd1',
          initiatedByUserPrincipalName: 'AGENT@contoso.example',
          actionState: 'done',
        },
        {
          id: 'r2',
          action: 'resetPasscode',
          requestDateTime: '2026-11-25T08:00:00Z',
          managedDeviceId: 'd2',
          initiatedByUserPrincipalName: 'other@contoso.example',
          actionState: 'failed',
          deviceDisplayName: 'LYO-1',
        },
        { id: 'r3', action: 'remoteLock', requestDateTime: '2026-11-25T08:00:00Z', managedDeviceId: 'd3' },
        { id: 'r4', action: 'resetPasscode', requestDateTime: '2025-01-01T00:00:00Z', managedDeviceId: 'd4' },
      ],
      from,
      to,
    )
    expect(remote.map((e) => e.key)).toEqual(['rau:r1', 'rau:r2'])
    const audits = auditEventEntries(
      [
        {
          id: 'e1',
          activityType: 'ResetPasscode ManagedDevice',
          activityDateTime: '2026-11-25T08:00:02Z',
          activityResult: 'Success',
          actor: { userPrincipalName: 'other@contoso.example' },
          resources: [{ resourceId: 'd2', displayName: 'LYO-1' }],
        },
        { id: 'e2', activityType: 'Wipe ManagedDevice', activityDateTime: '2026-11-25T08:00:02Z' },
      ],
      from,
      to,
    )
    expect(audits).toHaveLength(1)
    const merged = mergeTimeline(local, [...remote, ...audits])
    expect(merged.map((e) => `${e.source}:${e.deviceId}`)).toEqual(['local:d1', 'remoteActionAudit:d2'])
    expect(merged[1]).toMatchObject({ agentUpn: 'other@contoso.example', state: 'failed', mine: false })
  })
  it("labels each entry with the agent's passcode action: ours from the record, Intune's from the cached device", () => {
    const local = localEntries([sampleRecord({ action: 'removePasscode' })])
    expect(local[0]!.action).toBe('removePasscode')
    const cache: Record<string, 'removePasscode' | 'resetPasscode'> = {
      ios: 'removePasscode',
      pixel: 'resetPasscode',
    }
    const lookup = (id: string) => cache[id] ?? null
    const remote = remoteAuditEntries(
      ['ios', 'pixel', 'gone'].map((id, i) => ({
        id: `r${i}`,
        action: 'resetPasscode',
        requestDateTime: '2026-11-20T08:00:00Z',
        managedDeviceId: id,
      })),
      from,
      to,
      lookup,
    )
    expect(remote.map((e) => e.action)).toEqual(['removePasscode', 'resetPasscode', null])
    const audit = auditEventEntries(
      [
        {
          id: 'e1',
          activityType: 'ResetPasscode ManagedDevice',
          activityDateTime: '2026-11-25T08:00:02Z',
          resources: [{ resourceId: 'ios' }],
        },
      ],
      from,
      to,
      lookup,
    )
    expect(audit[0]!.action).toBe('removePasscode')
  })
})
