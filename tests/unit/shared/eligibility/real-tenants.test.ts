/**
 * Platform rules that changed (domain §9): visionOS, tvOS/watchOS, and beta-only enum members
 * returned by v1.0 in practice.
 */
import { describe, expect, it } from 'vitest'
import { evaluatePasscodeAction } from '@shared/eligibility'
import { beta, v1 } from './fixtures'

describe('visionOS (ACTIONS-2026, APPLE-CLEAR-PASSCODE)', () => {
  it('ADE / device enrollment on visionOS 1.1+ gets Remove passcode, nothing returned', () => {
    const e = evaluatePasscodeAction(
      beta({
        operatingSystem: 'visionOS',
        deviceType: 'visionOS',
        osVersion: '2.2',
        deviceEnrollmentType: 'appleBulkWithUser',
      }),
    )
    expect(e).toMatchObject({
      verdict: 'eligible',
      action: 'removePasscode',
      enrollment: 'visionosDeviceEnrollment',
      outcome: 'passcodeRemoved',
      reasons: ['visionosDeviceEnrollmentSupported'],
    })
    expect(e.sources.map((s) => s.id)).toEqual(['ACTIONS-2026', 'APPLE-CLEAR-PASSCODE'])
    expect(
      evaluatePasscodeAction(
        beta({ operatingSystem: 'visionOS', osVersion: '1.1', deviceEnrollmentType: 'userEnrollment' }),
      ).verdict,
    ).toBe('eligible')
  })

  it('visionOS 1.0 cannot receive ClearPasscode; an unreadable version is not guessed', () => {
    const old = evaluatePasscodeAction(
      beta({ operatingSystem: 'visionOS', osVersion: '1.0.3', deviceEnrollmentType: 'appleBulkWithUser' }),
    )
    expect(old).toMatchObject({ verdict: 'ineligible', reasons: ['visionosBelow11Unsupported'] })
    const unknown = evaluatePasscodeAction(
      beta({ operatingSystem: 'visionOS', osVersion: null, deviceEnrollmentType: 'appleBulkWithUser' }),
    )
    expect(unknown).toMatchObject({ verdict: 'undetermined', reasons: ['osVersionUnknown'] })
  })

  it('User Enrollment on visionOS is refused like on iOS', () => {
    for (const type of ['appleUserEnrollment', 'appleAccountDrivenUserEnrollment']) {
      expect(
        evaluatePasscodeAction(
          beta({ operatingSystem: 'visionOS', osVersion: '2.4', deviceEnrollmentType: type }),
        ),
      ).toMatchObject({ verdict: 'ineligible', enrollment: 'appleUserEnrollment' })
    }
  })

  it('a visionOS record without an enrollment type is not guessed unless supervised', () => {
    expect(
      evaluatePasscodeAction(
        v1({ operatingSystem: 'visionOS', osVersion: '2.2', deviceEnrollmentType: 'unknownFutureValue' }),
      ).verdict,
    ).toBe('undetermined')
    expect(
      evaluatePasscodeAction(
        v1({
          operatingSystem: 'visionOS',
          osVersion: '2.2',
          deviceEnrollmentType: 'unknownFutureValue',
          isSupervised: true,
        }),
      ).enrollment,
    ).toBe('visionosDeviceEnrollment')
  })

  it.each(['tvOS', 'watchOS'])('%s has no passcode action in Intune', (os) => {
    expect(evaluatePasscodeAction(beta({ operatingSystem: os, osVersion: '11.0' }))).toMatchObject({
      verdict: 'ineligible',
      enrollment: 'other',
      reasons: ['platformUnsupported'],
    })
  })
})

describe('v1.0 answering with beta-only members (microsoft-graph-docs issue 18926)', () => {
  it.each([
    ['androidEnterpriseCorporateWorkProfile', 'androidWorkProfileCorporate'],
    ['androidEnterpriseFullyManaged', 'androidFullyManaged'],
    ['androidEnterpriseDedicatedDevice', 'androidDedicated'],
    ['androidAOSPUserlessDeviceEnrollment', 'androidAosp'],
  ])('a v1.0 record with %s is read as on beta', (type, kind) => {
    const fromV1 = evaluatePasscodeAction(
      v1({ operatingSystem: 'Android', osVersion: '14', deviceEnrollmentType: type }),
    )
    const fromBeta = evaluatePasscodeAction(
      beta({ operatingSystem: 'Android', osVersion: '14', deviceEnrollmentType: type }),
    )
    expect(fromV1.enrollment).toBe(kind)
    expect(fromV1).toEqual(fromBeta)
  })

  it('a v1.0 account-driven User Enrollment member is refused, not guessed', () => {
    expect(
      evaluatePasscodeAction(
        v1({
          operatingSystem: 'iOS',
          osVersion: '18.1',
          deviceEnrollmentType: 'appleAccountDrivenUserEnrollment',
        }),
      ),
    ).toMatchObject({ verdict: 'ineligible', enrollment: 'appleUserEnrollment' })
  })

  it('unknownFutureValue still cannot tell', () => {
    expect(
      evaluatePasscodeAction(
        v1({ operatingSystem: 'Android', osVersion: '14', deviceEnrollmentType: 'unknownFutureValue' }),
      ).verdict,
    ).toBe('undetermined')
    expect(
      evaluatePasscodeAction(
        v1({ operatingSystem: 'iOS', osVersion: '18.1', deviceEnrollmentType: 'unknownFutureValue' }),
      ).verdict,
    ).toBe('undetermined')
  })
})
