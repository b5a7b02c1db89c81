/**
 * Every row of both documents: the original product document (seed, 2018, French) and the current
 * Microsoft pages (domain §1.2–1.6, §6). Where they differ, the current one is expected.
 */
import { describe, expect, it } from 'vitest'
import { evaluatePasscodeAction, type DeviceFacts, type PasscodeEligibility } from '@shared/eligibility'
import { beta } from './fixtures'

type Expected = Pick<PasscodeEligibility, 'verdict' | 'action' | 'enrollment' | 'outcome'> & {
  reason: string
}

const eligibleWp = (enrollment: Expected['enrollment'], reason: string): Expected => ({
  verdict: 'eligible',
  action: 'resetPasscode',
  enrollment,
  outcome: 'temporaryWorkProfilePasscode',
  reason,
})
const eligibleDevice = (enrollment: Expected['enrollment'], reason: string): Expected => ({
  verdict: 'eligible',
  action: 'resetPasscode',
  enrollment,
  outcome: 'temporaryDevicePasscode',
  reason,
})
const no = (enrollment: Expected['enrollment'], reason: string): Expected => ({
  verdict: 'ineligible',
  action: null,
  enrollment,
  outcome: null,
  reason,
})
const iosRemove: Expected = {
  verdict: 'eligible',
  action: 'removePasscode',
  enrollment: 'iosDeviceEnrollment',
  outcome: 'passcodeRemoved',
  reason: 'iosDeviceEnrollmentSupported',
}

const wp = (osVersion: string): DeviceFacts =>
  beta({
    operatingSystem: 'Android',
    deviceType: 'androidForWork',
    deviceEnrollmentType: 'userEnrollment',
    ownerType: 'personal',
    managedDeviceOwnerType: 'personal',
    osVersion,
  })
const da = (osVersion: string): DeviceFacts =>
  beta({
    operatingSystem: 'Android',
    deviceType: 'android',
    deviceEnrollmentType: 'userEnrollment',
    osVersion,
  })
const ae = (deviceEnrollmentType: string, deviceType = 'androidEnterprise'): DeviceFacts =>
  beta({
    operatingSystem: 'Android',
    deviceType,
    deviceEnrollmentType,
    managementAgent: 'googleCloudDevicePolicyController',
    osVersion: '14',
  })

const SEED: [string, DeviceFacts, Expected][] = [
  // Supported
  [
    'profil professionnel, version 8.0 et ultérieure',
    wp('8.0'),
    eligibleWp('androidWorkProfilePersonal', 'androidWorkProfilePersonalSupported'),
  ],
  [
    'Android version 6.0 ou antérieure',
    da('6.0'),
    eligibleDevice('androidDeviceAdministrator', 'androidDeviceAdministratorLegacySupported'),
  ],
  [
    'appareils kiosque Android Entreprise',
    ae('androidEnterpriseDedicatedDevice'),
    eligibleDevice('androidDedicated', 'androidDedicatedSupported'),
  ],
  // Seed says iOS is "reset"; current docs: the passcode is removed (RM-2026).
  [
    'iOS',
    beta({
      operatingSystem: 'iOS',
      deviceType: 'iPhone',
      deviceEnrollmentType: 'userEnrollment',
      osVersion: '11.2',
    }),
    iosRemove,
  ],
  // Unsupported
  [
    'profil professionnel, version 7.0 et antérieure',
    wp('7.0'),
    no('androidWorkProfilePersonal', 'androidWorkProfileBelow8Unsupported'),
  ],
  [
    'Android version 7.0 ou supérieure',
    da('7.0'),
    no('androidDeviceAdministrator', 'androidDeviceAdministrator7PlusUnsupported'),
  ],
  [
    'macOS',
    beta({ operatingSystem: 'macOS', deviceType: 'macMDM', osVersion: '10.13.4' }),
    no('macos', 'macosUnsupported'),
  ],
  [
    'Windows',
    beta({ operatingSystem: 'Windows', deviceType: 'desktop', osVersion: '10.0.16299.371' }),
    no('windows', 'windowsUnsupported'),
  ],
]

const CURRENT: [string, DeviceFacts, Expected][] = [
  // MD-2025b reset table
  [
    'COSU dedicated',
    ae('androidEnterpriseDedicatedDevice'),
    eligibleDevice('androidDedicated', 'androidDedicatedSupported'),
  ],
  // COBO: the 2025 table ticks "work profile"; fully managed has no work profile, so a device passcode (domain §1.2).
  [
    'COBO fully managed',
    ae('androidEnterpriseFullyManaged'),
    eligibleDevice('androidFullyManaged', 'androidFullyManagedSupported'),
  ],
  [
    'COPE corporate work profile',
    ae('androidEnterpriseCorporateWorkProfile', 'androidForWork'),
    eligibleWp('androidWorkProfileCorporate', 'androidWorkProfileCorporateSupported'),
  ],
  [
    'BYOD personal work profile',
    wp('13'),
    eligibleWp('androidWorkProfilePersonal', 'androidWorkProfilePersonalSupported'),
  ],
  [
    'AOSP user-associated',
    beta({
      operatingSystem: 'AndroidAOSP',
      deviceEnrollmentType: 'androidAOSPUserOwnedDeviceEnrollment',
      managementAgent: 'intuneAosp',
      osVersion: '12',
    }),
    eligibleDevice('androidAosp', 'androidAospSupported'),
  ],
  [
    'AOSP userless',
    beta({
      operatingSystem: 'AndroidAOSP',
      deviceEnrollmentType: 'androidAOSPUserlessDeviceEnrollment',
      managementAgent: 'intuneAosp',
      osVersion: '10',
    }),
    eligibleDevice('androidAosp', 'androidAospSupported'),
  ],
  // RM-2026 remove page
  [
    'iOS device enrollment (Company Portal)',
    beta({
      operatingSystem: 'iOS',
      deviceType: 'iPhone',
      deviceEnrollmentType: 'userEnrollment',
      osVersion: '17.5.1',
    }),
    iosRemove,
  ],
  [
    'iPadOS automated device enrollment (ADE)',
    beta({
      operatingSystem: 'iPadOS',
      deviceType: 'iPad',
      deviceEnrollmentType: 'appleBulkWithUser',
      isSupervised: true,
      osVersion: '18.1',
    }),
    iosRemove,
  ],
  [
    'iOS ADE userless',
    beta({
      operatingSystem: 'iOS',
      deviceType: 'iPhone',
      deviceEnrollmentType: 'appleBulkWithoutUser',
      isSupervised: true,
      osVersion: '16.0',
    }),
    iosRemove,
  ],
  [
    'iOS device enrollment manager',
    beta({
      operatingSystem: 'iOS',
      deviceType: 'iPhone',
      deviceEnrollmentType: 'deviceEnrollmentManager',
      osVersion: '15.8',
    }),
    iosRemove,
  ],
  // MD-2020/2022: User Enrollment "No"
  [
    'Apple User Enrollment',
    beta({
      operatingSystem: 'iOS',
      deviceType: 'iPhone',
      deviceEnrollmentType: 'appleUserEnrollment',
      ownerType: 'personal',
    }),
    no('appleUserEnrollment', 'appleUserEnrollmentUnsupported'),
  ],
  [
    'Apple User Enrollment with service account',
    beta({ operatingSystem: 'iPadOS', deviceEnrollmentType: 'appleUserEnrollmentWithServiceAccount' }),
    no('appleUserEnrollment', 'appleUserEnrollmentUnsupported'),
  ],
  [
    'Apple account-driven User Enrollment',
    beta({ operatingSystem: 'iOS', deviceEnrollmentType: 'appleAccountDrivenUserEnrollment' }),
    no('appleUserEnrollment', 'appleUserEnrollmentUnsupported'),
  ],
  // MD-2018..2022 device administrator and work-profile boundaries
  [
    'device administrator 6.x',
    da('6.0.1'),
    eligibleDevice('androidDeviceAdministrator', 'androidDeviceAdministratorLegacySupported'),
  ],
  [
    'device administrator 7.0+',
    da('10'),
    no('androidDeviceAdministrator', 'androidDeviceAdministrator7PlusUnsupported'),
  ],
  [
    'personal work profile 7.x',
    wp('7.1.2'),
    no('androidWorkProfilePersonal', 'androidWorkProfileBelow8Unsupported'),
  ],
  // §1.5: macOS, Windows, ChromeOS, Linux
  [
    'macOS (current)',
    beta({ operatingSystem: 'macOS', deviceType: 'macMDM', osVersion: '15.1' }),
    no('macos', 'macosUnsupported'),
  ],
  [
    'Windows 11',
    beta({ operatingSystem: 'Windows', deviceType: 'desktop', osVersion: '10.0.22631.3880' }),
    no('windows', 'windowsUnsupported'),
  ],
  [
    'Linux',
    beta({ operatingSystem: 'Linux', deviceType: 'linux', osVersion: '22.04' }),
    no('other', 'platformUnsupported'),
  ],
  [
    'ChromeOS',
    beta({ operatingSystem: 'ChromeOS', deviceType: 'chromeOS', osVersion: '120' }),
    no('other', 'platformUnsupported'),
  ],
]

function check(device: DeviceFacts, expected: Expected): void {
  const result = evaluatePasscodeAction(device)
  expect({
    verdict: result.verdict,
    action: result.action,
    enrollment: result.enrollment,
    outcome: result.outcome,
    reason: result.reasons[0],
  }).toEqual(expected)
}

describe('original product document (seed, 2018)', () => {
  it.each(SEED)('%s', (_label, device, expected) => check(device, expected))
})

describe('current Microsoft documentation (2022–2026)', () => {
  it.each(CURRENT)('%s', (_label, device, expected) => check(device, expected))
})

describe('preconditions and sources', () => {
  it('personal work profile: reset token, work-profile passcode policy, device online', () => {
    expect(evaluatePasscodeAction(wp('9')).preconditions).toEqual([
      'workProfileResetTokenActivated',
      'workProfilePasscodePolicyAssigned',
      'deviceOnline',
    ])
  })

  it('corporate work profile needs the same', () => {
    expect(evaluatePasscodeAction(ae('androidEnterpriseCorporateWorkProfile')).preconditions).toContain(
      'workProfileResetTokenActivated',
    )
  })

  it.each([
    ['dedicated', ae('androidEnterpriseDedicatedDevice')],
    ['fully managed', ae('androidEnterpriseFullyManaged')],
    ['device administrator 6.x', da('6.0.1')],
  ])('Android device-level (%s) needs a passcode policy and the device online', (_l, device) => {
    expect(evaluatePasscodeAction(device).preconditions).toEqual(['passcodePolicyAssigned', 'deviceOnline'])
  })

  it('iOS needs only the device online and cites the remove page', () => {
    const r = evaluatePasscodeAction(
      beta({ operatingSystem: 'iOS', deviceEnrollmentType: 'appleBulkWithUser' }),
    )
    expect(r.preconditions).toEqual(['deviceOnline'])
    expect(r.sources.map((s) => s.id)).toEqual(['SEED-2018', 'MD-2022', 'RM-2026'])
    for (const s of r.sources) expect(s.url).toMatch(/^https:\/\//)
  })

  it('device administrator carries the deprecation note and its source', () => {
    const r = evaluatePasscodeAction(da('5.1'))
    expect(r.reasons).toContain('androidDeviceAdministratorDeprecated')
    expect(r.sources.map((s) => s.id)).toContain('MD-2024')
  })

  it('ineligible and undetermined answers carry no preconditions', () => {
    expect(evaluatePasscodeAction(da('8.0')).preconditions).toEqual([])
    expect(evaluatePasscodeAction(da('')).preconditions).toEqual([])
  })
})
