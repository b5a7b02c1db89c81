/** Version boundaries and the version formats Graph produces (domain §1.2, §6). */
import { describe, expect, it } from 'vitest'
import { evaluatePasscodeAction, type Verdict } from '@shared/eligibility'
import { beta } from './fixtures'

const da = (osVersion: string | null) =>
  beta({
    operatingSystem: 'Android',
    deviceType: 'android',
    deviceEnrollmentType: 'userEnrollment',
    osVersion,
  })
const wp = (osVersion: string | null) =>
  beta({
    operatingSystem: 'Android',
    deviceType: 'androidForWork',
    deviceEnrollmentType: 'userEnrollment',
    osVersion,
  })

describe('device administrator: 6.x supported, 7.0+ not (MD-2018..2022)', () => {
  it.each<[string | null, Verdict]>([
    ['4.4.2', 'eligible'],
    ['5.1.1', 'eligible'],
    ['6', 'eligible'],
    ['6.0', 'eligible'],
    ['6.0.1', 'eligible'],
    ['6.9.9', 'eligible'],
    ['7', 'ineligible'],
    ['7.0', 'ineligible'],
    ['7.0.0', 'ineligible'],
    ['7.1.2 (N2G48C)', 'ineligible'],
    ['8.1.0', 'ineligible'],
    ['14', 'ineligible'],
    ['', 'undetermined'],
    [null, 'undetermined'],
    ['unknown', 'undetermined'],
    ['Unknown', 'undetermined'],
    ['8.x', 'undetermined'],
  ])('osVersion %j → %s', (osVersion, verdict) => {
    const r = evaluatePasscodeAction(da(osVersion))
    expect(r.verdict).toBe(verdict)
    if (verdict === 'undetermined') expect(r.reasons).toEqual(['osVersionUnknown'])
  })

  it('a missing osVersion property is undetermined, not a guess', () => {
    const { osVersion: _dropped, ...rest } = da('6.0')
    expect(evaluatePasscodeAction(rest).verdict).toBe('undetermined')
  })
})

describe('personal work profile: 7.x not supported, 8.0+ supported', () => {
  it.each<[string | null, Verdict]>([
    ['5.0', 'ineligible'],
    ['7', 'ineligible'],
    ['7.0', 'ineligible'],
    ['7.1.1', 'ineligible'],
    ['7.99', 'ineligible'],
    ['8', 'eligible'],
    ['8.0', 'eligible'],
    ['8.0.0', 'eligible'],
    ['8.1.0', 'eligible'],
    ['14', 'eligible'],
    ['', 'undetermined'],
    [null, 'undetermined'],
    ['unknown', 'undetermined'],
  ])('osVersion %j → %s', (osVersion, verdict) => {
    expect(evaluatePasscodeAction(wp(osVersion)).verdict).toBe(verdict)
  })
})

describe('kinds where the version does not matter', () => {
  it.each(['', null, 'unknown', '10.0.22631.3880', '14'])(
    'iOS with osVersion %j is still eligible',
    (osVersion) => {
      expect(
        evaluatePasscodeAction(
          beta({ operatingSystem: 'iOS', deviceEnrollmentType: 'userEnrollment', osVersion }),
        ).verdict,
      ).toBe('eligible')
    },
  )

  it.each(['', null, 'unknown', '10.0.22631.3880'])(
    'Windows with osVersion %j is still ineligible',
    (osVersion) => {
      expect(evaluatePasscodeAction(beta({ operatingSystem: 'Windows', osVersion })).verdict).toBe(
        'ineligible',
      )
    },
  )
})

// MD-2020/MD-2022: device owner (fully managed, dedicated) and COPE resets give a temporary passcode "on 8.x+"
// (domain §1.5, §1.8); the seed lists Android 7.0+ outside work profiles as unsupported. The demo tenant,
// written independently, answers notSupported below 8.0 (tests/integration/eligibility-vs-tenant.test.ts).
describe.each([
  ['dedicated', 'androidEnterpriseDedicatedDevice', 'androidEnterpriseBelow8Unsupported'],
  ['fully managed', 'androidEnterpriseFullyManaged', 'androidEnterpriseBelow8Unsupported'],
  ['corporate work profile', 'androidEnterpriseCorporateWorkProfile', 'androidWorkProfileBelow8Unsupported'],
])('%s: 7.x not supported, 8.0+ supported', (_label, deviceEnrollmentType, below8Reason) => {
  it.each<[string | null, Verdict]>([
    ['7.0', 'ineligible'],
    ['7.1.2', 'ineligible'],
    ['8', 'eligible'],
    ['8.0.0', 'eligible'],
    ['8.1.0', 'eligible'],
    ['14', 'eligible'],
    ['', 'undetermined'],
    [null, 'undetermined'],
    ['unknown', 'undetermined'],
  ])('osVersion %j → %s', (osVersion, verdict) => {
    const r = evaluatePasscodeAction(
      beta({ operatingSystem: 'Android', deviceType: 'androidEnterprise', deviceEnrollmentType, osVersion }),
    )
    expect(r.verdict).toBe(verdict)
    if (verdict === 'ineligible') expect(r.reasons).toEqual([below8Reason])
    if (verdict === 'undetermined') expect(r.reasons).toEqual(['osVersionUnknown'])
  })
})
