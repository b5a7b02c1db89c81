/** Odd casing, unknown enum members, v1.0-shaped records, overrides, staleness and hostile input. */
import { describe, expect, it } from 'vitest'
import { enrollmentKindOf, evaluatePasscodeAction, type DeviceFacts } from '@shared/eligibility'
import { beta, v1 } from './fixtures'

describe('odd casing and whitespace', () => {
  it.each<[string, DeviceFacts, string]>([
    ['IOS', { operatingSystem: 'IOS', deviceEnrollmentType: 'APPLEBULKWITHUSER' }, 'iosDeviceEnrollment'],
    ['ipados', { operatingSystem: 'ipados', deviceEnrollmentType: 'userenrollment' }, 'iosDeviceEnrollment'],
    [
      'user enrollment upper',
      { operatingSystem: 'iOS', deviceEnrollmentType: 'APPLEUSERENROLLMENT' },
      'appleUserEnrollment',
    ],
    [
      'ANDROID + FULLYMANAGED',
      { operatingSystem: 'ANDROID', deviceEnrollmentType: 'ANDROIDENTERPRISEFULLYMANAGED' },
      'androidFullyManaged',
    ],
    [
      'androidforwork type',
      { operatingSystem: 'android', deviceType: 'ANDROIDFORWORK', deviceEnrollmentType: 'UserEnrollment' },
      'androidWorkProfilePersonal',
    ],
    ['padded', { operatingSystem: '  macOS ', deviceType: ' macMDM' }, 'macos'],
    ['Mac OS X', { operatingSystem: 'Mac OS X' }, 'macos'],
    ['Windows Holographic', { operatingSystem: 'Windows Holographic' }, 'windows'],
  ])('%s', (_l, device, kind) => {
    expect(enrollmentKindOf(device)).toBe(kind)
  })

  it('matches override values case-insensitively', () => {
    const r = evaluatePasscodeAction(
      beta({
        operatingSystem: 'iOS',
        deviceEnrollmentType: 'userEnrollment',
        managementState: 'WIPEPENDING',
      }),
    )
    expect(r.verdict).toBe('ineligible')
    expect(r.reasons).toEqual(['wipePending'])
  })
})

describe('unknown and future enum members', () => {
  it('an unknown operating system is undetermined', () => {
    const r = evaluatePasscodeAction(beta({ operatingSystem: 'FuchsiaOS', deviceType: 'somethingNew2027' }))
    expect(r).toMatchObject({
      verdict: 'undetermined',
      enrollment: 'unknown',
      reasons: ['platformUnknown'],
      action: null,
    })
  })

  it.each([
    {},
    { operatingSystem: null },
    { operatingSystem: '' },
    { operatingSystem: 'unknown', deviceType: 'unknown' },
  ])('no platform at all (%j) is undetermined', (device) => {
    expect(evaluatePasscodeAction(device)).toMatchObject({ verdict: 'undetermined', enrollment: 'unknown' })
  })

  it('deviceType decides when operatingSystem is missing', () => {
    expect(enrollmentKindOf({ deviceType: 'iPhone', deviceEnrollmentType: 'appleBulkWithUser' })).toBe(
      'iosDeviceEnrollment',
    )
    expect(enrollmentKindOf({ deviceType: 'chromeOS' })).toBe('other')
    expect(enrollmentKindOf({ deviceType: 'tvOS' })).toBe('other')
  })

  it('an Android-only enrollment type or agent still identifies Android', () => {
    expect(enrollmentKindOf({ deviceEnrollmentType: 'androidEnterpriseDedicatedDevice' })).toBe(
      'androidDedicated',
    )
    expect(enrollmentKindOf({ managementAgent: 'intuneAosp' })).toBe('androidAosp')
    expect(enrollmentKindOf({ managementAgent: 'googleCloudDevicePolicyController' })).toBe(
      'androidEnterpriseUnknown',
    )
  })

  it('an iOS device with a new enrollment member is undetermined unless supervised', () => {
    expect(
      evaluatePasscodeAction(beta({ operatingSystem: 'iOS', deviceEnrollmentType: 'appleSomethingNew2027' })),
    ).toMatchObject({
      verdict: 'undetermined',
      enrollment: 'appleEnrollmentUnknown',
      reasons: ['appleEnrollmentTypeUnknown'],
    })
    const supervised = beta({
      operatingSystem: 'iOS',
      deviceEnrollmentType: 'appleSomethingNew2027',
      isSupervised: true,
    })
    expect(evaluatePasscodeAction(supervised).verdict).toBe('eligible')
  })

  it('Android Enterprise of unknown subtype is undetermined', () => {
    const r = evaluatePasscodeAction(
      beta({
        operatingSystem: 'Android',
        deviceType: 'androidEnterprise',
        deviceEnrollmentType: 'androidEnterpriseSomethingNew',
        osVersion: '14',
      }),
    )
    expect(r).toMatchObject({
      verdict: 'undetermined',
      enrollment: 'androidEnterpriseUnknown',
      reasons: ['androidEnterpriseSubtypeUnknown'],
    })
  })

  it('a work profile with unknown ownership and no enrollment type is undetermined', () => {
    const r = evaluatePasscodeAction(
      beta({
        operatingSystem: 'AndroidForWork',
        ownerType: 'unknown',
        managedDeviceOwnerType: 'unknown',
        osVersion: '12',
      }),
    )
    expect(r.enrollment).toBe('androidEnterpriseUnknown')
    expect(r.verdict).toBe('undetermined')
  })
})

describe('v1.0-shaped records (no deviceType/ownerType; Android Enterprise types read unknownFutureValue)', () => {
  it.each<[string, DeviceFacts, string, string]>([
    [
      'AndroidForWork + userEnrollment',
      v1({ operatingSystem: 'AndroidForWork', deviceEnrollmentType: 'userEnrollment', osVersion: '11' }),
      'androidWorkProfilePersonal',
      'eligible',
    ],
    [
      'AndroidForWork + unknownFutureValue = COPE',
      v1({ operatingSystem: 'AndroidForWork', deviceEnrollmentType: 'unknownFutureValue', osVersion: '13' }),
      'androidWorkProfileCorporate',
      'eligible',
    ],
    [
      'AndroidAOSP + unknownFutureValue',
      v1({ operatingSystem: 'AndroidAOSP', deviceEnrollmentType: 'unknownFutureValue', osVersion: '12' }),
      'androidAosp',
      'eligible',
    ],
    [
      'Android + unknownFutureValue + cloud DPC',
      v1({
        operatingSystem: 'Android',
        deviceEnrollmentType: 'unknownFutureValue',
        managementAgent: 'googleCloudDevicePolicyController',
        osVersion: '14',
      }),
      'androidEnterpriseUnknown',
      'undetermined',
    ],
    [
      'Android + unknownFutureValue + mdm',
      v1({ operatingSystem: 'Android', deviceEnrollmentType: 'unknownFutureValue', osVersion: '14' }),
      'androidEnterpriseUnknown',
      'undetermined',
    ],
    [
      'AndroidEnterprise + unknownFutureValue',
      v1({
        operatingSystem: 'AndroidEnterprise',
        deviceEnrollmentType: 'unknownFutureValue',
        osVersion: '14',
      }),
      'androidEnterpriseUnknown',
      'undetermined',
    ],
    [
      'Android + userEnrollment (DA or work profile?)',
      v1({ operatingSystem: 'Android', deviceEnrollmentType: 'userEnrollment', osVersion: '6.0.1' }),
      'androidUnknown',
      'undetermined',
    ],
    [
      'iOS + unknownFutureValue (account-driven UE?)',
      v1({ operatingSystem: 'iOS', deviceEnrollmentType: 'unknownFutureValue', osVersion: '17.0' }),
      'appleEnrollmentUnknown',
      'undetermined',
    ],
    [
      'iOS + unknownFutureValue, supervised',
      v1({ operatingSystem: 'iOS', deviceEnrollmentType: 'unknownFutureValue', isSupervised: true }),
      'iosDeviceEnrollment',
      'eligible',
    ],
    [
      'iOS + appleBulkWithUser',
      v1({ operatingSystem: 'iOS', deviceEnrollmentType: 'appleBulkWithUser' }),
      'iosDeviceEnrollment',
      'eligible',
    ],
    [
      'Windows',
      v1({
        operatingSystem: 'Windows',
        deviceEnrollmentType: 'windowsAzureADJoin',
        osVersion: '10.0.22631.3880',
      }),
      'windows',
      'ineligible',
    ],
  ])('%s', (_l, device, kind, verdict) => {
    const r = evaluatePasscodeAction(device)
    expect(r.enrollment).toBe(kind)
    expect(r.verdict).toBe(verdict)
  })

  it('a v1.0 personal work profile falls back to managedDeviceOwnerType when the type is missing', () => {
    const device = v1({
      operatingSystem: 'AndroidForWork',
      managedDeviceOwnerType: 'personal',
      osVersion: '10',
    })
    const { deviceEnrollmentType: _none, ...rest } = device
    expect(enrollmentKindOf(rest)).toBe('androidWorkProfilePersonal')
  })

  it('a beta deviceType refines a plain "Android" operatingSystem', () => {
    expect(
      enrollmentKindOf(
        beta({ operatingSystem: 'Android', deviceType: 'android', deviceEnrollmentType: 'userEnrollment' }),
      ),
    ).toBe('androidDeviceAdministrator')
  })
})

describe('overrides: pending retire/wipe/delete, no MDM channel', () => {
  const ios = (extra: DeviceFacts) =>
    beta({ operatingSystem: 'iOS', deviceEnrollmentType: 'userEnrollment', ...extra })

  it.each([
    ['retirePending', 'retirePending'],
    ['retireIssued', 'retirePending'],
    ['wipePending', 'wipePending'],
    ['wipeIssued', 'wipePending'],
    ['deletePending', 'deletePending'],
  ])('managementState %s makes an eligible device ineligible (%s)', (state, reason) => {
    const r = evaluatePasscodeAction(ios({ managementState: state }))
    expect(r).toMatchObject({
      verdict: 'ineligible',
      action: null,
      outcome: null,
      preconditions: [],
      reasons: [reason],
    })
    expect(r.sources.map((s) => s.id)).toContain('DM-ACTIONS')
  })

  it.each([
    'managed',
    'retireFailed',
    'wipeFailed',
    'wipeCanceled',
    'retireCanceled',
    'unhealthy',
    'unknownFutureValue',
  ])('managementState %s changes nothing', (state) => {
    expect(evaluatePasscodeAction(ios({ managementState: state })).verdict).toBe('eligible')
  })

  it('managementState discovered ("discovered but not fully enrolled") has no MDM channel', () => {
    expect(evaluatePasscodeAction(ios({ managementState: 'Discovered' }))).toMatchObject({
      verdict: 'ineligible',
      action: null,
      reasons: ['deviceNotEnrolled'],
    })
  })

  it('keeps the platform reasons when the platform also says no', () => {
    const r = evaluatePasscodeAction(beta({ operatingSystem: 'macOS', managementState: 'retireIssued' }))
    expect(r.reasons).toEqual(['retirePending', 'macosUnsupported'])
  })

  it('an undetermined platform with a pending wipe is ineligible', () => {
    const r = evaluatePasscodeAction({ managementState: 'wipePending' })
    expect(r.verdict).toBe('ineligible')
    expect(r.reasons).toEqual(['wipePending', 'platformUnknown'])
  })

  it('Exchange ActiveSync only has no MDM channel', () => {
    const r = evaluatePasscodeAction(ios({ managementAgent: 'eas' }))
    expect(r).toMatchObject({ verdict: 'ineligible', reasons: ['exchangeActiveSyncOnly'] })
  })

  it.each(['easMdm', 'easIntuneClient', 'mdm', 'unknownFutureValue'])(
    'managementAgent %s keeps the MDM channel',
    (agent) => {
      expect(evaluatePasscodeAction(ios({ managementAgent: agent })).verdict).toBe('eligible')
    },
  )

  it('a partner-managed (Jamf) device is ineligible', () => {
    expect(evaluatePasscodeAction(ios({ managementAgent: 'jamf' })).reasons).toEqual(['managedByPartner'])
  })
})

describe('stale sync (options.now)', () => {
  const now = new Date('2026-11-26T12:00:00Z')
  const ios = (lastSyncDateTime: string | null) =>
    beta({ operatingSystem: 'iOS', deviceEnrollmentType: 'userEnrollment', lastSyncDateTime })

  it('adds a precondition after 7 days without sync, without changing the verdict', () => {
    const r = evaluatePasscodeAction(ios('2026-11-10T12:00:00Z'), { now })
    expect(r.verdict).toBe('eligible')
    expect(r.preconditions).toEqual(['deviceOnline', 'deviceNotSyncedRecently'])
    expect(r.sources.map((s) => s.id)).toContain('DM-ACTIONS')
  })

  it('treats Graph\'s "never synced" date as stale', () => {
    expect(
      evaluatePasscodeAction(ios('0001-01-01T00:00:00Z'), { now: now.getTime() }).preconditions,
    ).toContain('deviceNotSyncedRecently')
  })

  it.each<[string, string | null, Date | number | undefined]>([
    ['recent sync', '2026-11-25T12:00:00Z', now],
    ['exactly 7 days', '2026-11-19T12:00:00Z', now],
    ['no clock given', '2020-01-01T00:00:00Z', undefined],
    ['unparseable date', 'yesterday', now],
    ['no date', null, now],
    ['invalid clock', '2020-01-01T00:00:00Z', Number.NaN],
  ])('no warning: %s', (_l, lastSync, clock) => {
    expect(evaluatePasscodeAction(ios(lastSync), { now: clock }).preconditions).toEqual(['deviceOnline'])
  })

  it('ineligible devices get no staleness warning', () => {
    const r = evaluatePasscodeAction(
      beta({ operatingSystem: 'Windows', lastSyncDateTime: '2020-01-01T00:00:00Z' }),
      { now },
    )
    expect(r.preconditions).toEqual([])
  })
})

describe('hostile or malformed input', () => {
  it.each([null, undefined, 'iOS', 42, true, [], [{ operatingSystem: 'iOS' }]])(
    '%j is undetermined',
    (input) => {
      const r = evaluatePasscodeAction(input as unknown as DeviceFacts)
      expect(r).toMatchObject({ verdict: 'undetermined', action: null, reasons: ['deviceRecordInvalid'] })
    },
  )

  it('a throwing getter does not throw', () => {
    const device = Object.defineProperty({}, 'operatingSystem', {
      enumerable: true,
      get() {
        throw new Error('boom')
      },
    })
    expect(evaluatePasscodeAction(device).verdict).toBe('undetermined')
  })

  it('a revoked proxy does not throw', () => {
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    expect(evaluatePasscodeAction(proxy).verdict).toBe('undetermined')
  })

  it('inherited properties are ignored (no prototype pollution of facts)', () => {
    const device = Object.create({
      operatingSystem: 'iOS',
      deviceEnrollmentType: 'userEnrollment',
    }) as DeviceFacts
    expect(evaluatePasscodeAction(device).verdict).toBe('undetermined')
  })

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])(
    'an Object.prototype name (%s) in any enum field is just an unknown member',
    (name) => {
      const r = evaluatePasscodeAction({
        operatingSystem: name,
        deviceType: name,
        deviceEnrollmentType: name,
        managementAgent: name,
        managementState: name,
      })
      expect(r).toMatchObject({
        verdict: 'undetermined',
        enrollment: 'unknown',
        reasons: ['platformUnknown'],
      })
      expect(enrollmentKindOf({ operatingSystem: 'Android', deviceEnrollmentType: name })).toBe(
        'androidUnknown',
      )
    },
  )

  it('non-string enum fields count as absent', () => {
    const r = evaluatePasscodeAction({ operatingSystem: 42, deviceType: { a: 1 } } as unknown as DeviceFacts)
    expect(r.enrollment).toBe('unknown')
  })
})

describe('results are fresh values', () => {
  it('mutating one answer does not leak into the next', () => {
    const device = beta({ operatingSystem: 'iOS', deviceEnrollmentType: 'userEnrollment' })
    const first = evaluatePasscodeAction(device)
    first.reasons.push('platformUnknown')
    first.preconditions.length = 0
    ;(first.sources[0] as { title: string }).title = 'changed'
    const second = evaluatePasscodeAction(device)
    expect(second.reasons).toEqual(['iosDeviceEnrollmentSupported'])
    expect(second.preconditions).toEqual(['deviceOnline'])
    expect(second.sources[0]!.title).not.toBe('changed')
    const bad = evaluatePasscodeAction(null as unknown as DeviceFacts)
    bad.reasons.length = 0
    expect(evaluatePasscodeAction(null as unknown as DeviceFacts).reasons).toEqual(['deviceRecordInvalid'])
  })
})

describe('never checked in (Graph "never" normalised to null at the Graph boundary)', () => {
  const now = new Date('2026-11-26T12:00:00Z')
  it('an enrolled device with no check-in date gets the staleness precondition', () => {
    const r = evaluatePasscodeAction(
      beta({
        operatingSystem: 'iOS',
        deviceEnrollmentType: 'userEnrollment',
        lastSyncDateTime: null,
        enrolledDateTime: '2026-10-01T08:00:00Z',
      }),
      { now },
    )
    expect(r.verdict).toBe('eligible')
    expect(r.preconditions).toContain('deviceNotSyncedRecently')
  })

  it('no enrollment date either: nothing is known, so no warning', () => {
    const r = evaluatePasscodeAction(
      beta({ operatingSystem: 'iOS', deviceEnrollmentType: 'userEnrollment', lastSyncDateTime: null }),
      { now },
    )
    expect(r.preconditions).not.toContain('deviceNotSyncedRecently')
  })
})
