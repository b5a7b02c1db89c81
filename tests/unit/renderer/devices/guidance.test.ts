import { describe, expect, it } from 'vitest'
import { checkInStale, platformGuidance, wipePending } from '@renderer/components/devices/guidance'
import { isIntuneOnly } from '@renderer/components/devices/preconditions'
import { localizedLearnUrl, sourceKey } from '@renderer/i18n/sources'
import type { DeviceDetail } from '@shared/api/schemas/devices'
import type { EnrollmentKind, Verdict } from '@shared/eligibility/codes'
import { SOURCE_IDS } from '@shared/eligibility'
import en from '@renderer/i18n/en.json'
import fr from '@renderer/i18n/fr.json'

const NOW = Date.parse('2026-12-01T12:00:00Z')
const DAY = 86_400_000

function device(
  enrollment: EnrollmentKind,
  verdict: Verdict,
  extra: { os?: string; deviceType?: string; state?: string; lastSync?: string | null } = {},
): DeviceDetail {
  return {
    id: 'd1',
    deviceName: 'D1',
    user: { userPrincipalName: null, userDisplayName: null, emailAddress: null, phoneNumber: null },
    hardware: {
      model: null,
      manufacturer: null,
      serialNumber: null,
      imei: null,
      meid: null,
      deviceType: extra.deviceType ?? null,
    },
    management: {
      operatingSystem: extra.os ?? null,
      osVersion: null,
      deviceEnrollmentType: null,
      managementAgent: 'mdm',
      ownership: 'company',
      managementState: extra.state ?? 'managed',
      joinType: null,
      isSupervised: null,
      enrolledDateTime: null,
      lastSyncDateTime: extra.lastSync === undefined ? new Date(NOW - DAY).toISOString() : extra.lastSync,
    },
    compliance: { complianceState: 'compliant' },
    eligibility: {
      verdict,
      action: null,
      enrollment,
      reasons: [],
      preconditions: [],
      outcome: null,
      sources: [],
    },
    cachedAt: new Date(NOW).toISOString(),
    source: 'beta',
    raw: {},
  }
}

describe('blocked-case guidance', () => {
  it('picks the platform card only when Intune refuses the platform', () => {
    expect(platformGuidance(device('windows', 'ineligible'))).toBe('windows')
    expect(platformGuidance(device('macos', 'ineligible'))).toBe('macos')
    expect(platformGuidance(device('other', 'ineligible', { os: 'Linux' }))).toBe('linux')
    expect(platformGuidance(device('other', 'ineligible', { os: 'ChromeOS' }))).toBe('other')
    expect(platformGuidance(device('iosDeviceEnrollment', 'eligible'))).toBeNull()
    expect(platformGuidance(device('androidWorkProfilePersonal', 'ineligible'))).toBeNull()
  })

  it('knows a pending wipe whatever Graph’s casing', () => {
    expect(wipePending(device('androidWorkProfilePersonal', 'ineligible', { state: 'WipePending' }))).toBe(
      true,
    )
    expect(wipePending(device('androidWorkProfilePersonal', 'ineligible', { state: 'wipeIssued' }))).toBe(
      false,
    )
  })

  it('calls a device stale after 7 days without check-in, and a sentinel date "never"', () => {
    const at = (days: number) => new Date(NOW - days * DAY).toISOString()
    expect(checkInStale(device('windows', 'ineligible', { lastSync: at(1) }), NOW)).toEqual({
      stale: false,
      never: false,
    })
    expect(checkInStale(device('windows', 'ineligible', { lastSync: at(8) }), NOW)).toEqual({
      stale: true,
      never: false,
    })
    expect(checkInStale(device('windows', 'ineligible', { lastSync: null }), NOW)).toEqual({
      stale: true,
      never: true,
    })
    expect(
      checkInStale(device('windows', 'ineligible', { lastSync: '0001-01-01T00:00:00Z' }), NOW).never,
    ).toBe(true)
  })

  it('asks the caller only what the caller can know', () => {
    expect(isIntuneOnly('passcodePolicyAssigned')).toBe(true)
    expect(isIntuneOnly('workProfilePasscodePolicyAssigned')).toBe(true)
    expect(isIntuneOnly('deviceOnline')).toBe(false)
    expect(isIntuneOnly('workProfileResetTokenActivated')).toBe(false)
  })

  it('every source a rule may cite has its title in both languages (never its key on screen)', () => {
    const titles = (catalogue: { eligibility: { source: Record<string, string> } }) =>
      SOURCE_IDS.filter((id) => !catalogue.eligibility.source[sourceKey(id).split('.').at(-1)!])
    expect(titles(fr)).toEqual([])
    expect(titles(en)).toEqual([])
  })

  it('names sources by a localized key and opens Learn in the agent’s language', () => {
    expect(sourceKey('SEED-2018')).toBe('eligibility.source.seed2018')
    expect(sourceKey('GRAPH-MANAGED-DEVICE')).toBe('eligibility.source.graphmanageddevice')
    expect(localizedLearnUrl('https://learn.microsoft.com/en-us/intune/x', 'fr')).toBe(
      'https://learn.microsoft.com/fr-fr/intune/x',
    )
    expect(localizedLearnUrl('https://learn.microsoft.com/graph/api/x', 'en')).toBe(
      'https://learn.microsoft.com/en-us/graph/api/x',
    )
    expect(localizedLearnUrl('https://docs.microsoft.com/fr-fr/intune/x', 'en')).toBe(
      'https://docs.microsoft.com/fr-fr/intune/x',
    )
  })
})
