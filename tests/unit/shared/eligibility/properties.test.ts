/** Property-based tests (fast-check): any input, no throw, consistent answers, only known codes. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  ENROLLMENT_KINDS,
  OUTCOME_CODES,
  PASSCODE_ACTIONS,
  PRECONDITION_CODES,
  REASON_CODES,
  SOURCE_IDS,
  VERDICTS,
  evaluatePasscodeAction,
  type DeviceFacts,
  type PasscodeEligibility,
} from '@shared/eligibility'

// Real members (beta enum lists, reference/graph/managed-device-schema.json) mixed with noise, so that the
// generator reaches every rule rather than only "unknown platform".
const OS = [
  'iOS',
  'iPadOS',
  'Android',
  'AndroidForWork',
  'AndroidEnterprise',
  'AndroidAOSP',
  'Windows',
  'macOS',
  'Linux',
  'ChromeOS',
  'unknown',
]
const ENROLLMENT = [
  'unknown',
  'userEnrollment',
  'deviceEnrollmentManager',
  'appleBulkWithUser',
  'appleBulkWithoutUser',
  'windowsAzureADJoin',
  'appleUserEnrollment',
  'appleUserEnrollmentWithServiceAccount',
  'androidEnterpriseDedicatedDevice',
  'androidEnterpriseFullyManaged',
  'androidEnterpriseCorporateWorkProfile',
  'androidAOSPUserOwnedDeviceEnrollment',
  'androidAOSPUserlessDeviceEnrollment',
  'appleAccountDrivenUserEnrollment',
  'unknownFutureValue',
]
const AGENT = [
  'eas',
  'mdm',
  'easMdm',
  'intuneClient',
  'jamf',
  'googleCloudDevicePolicyController',
  'intuneAosp',
  'msSense',
  'unknown',
]
const DEVICE_TYPE = [
  'iPhone',
  'iPad',
  'android',
  'androidForWork',
  'androidEnterprise',
  'androidnGMS',
  'mac',
  'macMDM',
  'desktop',
  'linux',
  'chromeOS',
  'unknown',
]
const STATE = [
  'managed',
  'retirePending',
  'wipePending',
  'deletePending',
  'retireIssued',
  'wipeIssued',
  'retireFailed',
  'discovered',
  'unknownFutureValue',
]
const OWNER = ['unknown', 'company', 'personal', 'unknownFutureValue']
const VERSION = ['6.0.1', '8.1.0', '14', '10.0.22631.3880', '', 'unknown', '7.0', '7.1.2', '8', '6']

const casing = (s: string) => fc.constantFrom(s, s.toUpperCase(), s.toLowerCase(), ` ${s} `)
const member = (list: readonly string[]) => fc.constantFrom(...list).chain(casing)
const noise = fc.oneof(
  fc.string(),
  fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'unknownFutureValue'),
  fc.constant(null),
  fc.constant(undefined),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.object(),
  fc.array(fc.string()),
)
const field = (list: readonly string[]) =>
  fc.oneof({ weight: 4, arbitrary: member(list) }, { weight: 1, arbitrary: noise })

const graphLike = fc.record(
  {
    operatingSystem: field(OS),
    osVersion: fc.oneof(fc.constantFrom(...VERSION), noise),
    deviceEnrollmentType: field(ENROLLMENT),
    managementAgent: field(AGENT),
    deviceType: field(DEVICE_TYPE),
    managementState: field(STATE),
    ownerType: field(OWNER),
    managedDeviceOwnerType: field(OWNER),
    joinType: noise,
    isSupervised: fc.oneof(fc.boolean(), noise),
    lastSyncDateTime: fc.oneof(
      fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toISOString())),
      noise,
    ),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<DeviceFacts>

const clock = fc.oneof(fc.constant(undefined), fc.date({ noInvalidDate: false }), fc.integer(), fc.double())

function assertWellFormed(r: PasscodeEligibility): void {
  expect(VERDICTS).toContain(r.verdict)
  expect(ENROLLMENT_KINDS).toContain(r.enrollment)
  if (r.action !== null) expect(PASSCODE_ACTIONS).toContain(r.action)
  if (r.outcome !== null) expect(OUTCOME_CODES).toContain(r.outcome)
  for (const c of r.reasons) expect(REASON_CODES).toContain(c)
  for (const c of r.preconditions) expect(PRECONDITION_CODES).toContain(c)
  for (const s of r.sources) expect(SOURCE_IDS).toContain(s.id)
  expect(r.reasons.length).toBeGreaterThan(0)
  expect(r.sources.length).toBeGreaterThan(0)
  // Eligible ⇔ an action and an outcome; nothing to do or expect otherwise.
  if (r.verdict === 'eligible') {
    expect(r.action).not.toBeNull()
    expect(r.outcome).not.toBeNull()
    expect(r.preconditions).toContain('deviceOnline')
  } else {
    expect(r.action).toBeNull()
    expect(r.outcome).toBeNull()
    expect(r.preconditions).toEqual([])
  }
  // removePasscode is the iOS/iPadOS label only.
  if (r.action === 'removePasscode') expect(r.enrollment).toBe('iosDeviceEnrollment')
  expect(new Set(r.reasons).size).toBe(r.reasons.length)
  expect(new Set(r.preconditions).size).toBe(r.preconditions.length)
}

describe('evaluatePasscodeAction properties', () => {
  it('never throws and is well formed on anything at all', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withObjectString: true,
          withNullPrototype: true,
          withBigInt: true,
          withDate: true,
          withMap: true,
        }),
        clock,
        (input, now) => {
          assertWellFormed(evaluatePasscodeAction(input as DeviceFacts, { now }))
        },
      ),
      { numRuns: 500 },
    )
  })

  it('never throws and is well formed on Graph-like records with noise', () => {
    fc.assert(
      fc.property(graphLike, clock, (device, now) => {
        assertWellFormed(evaluatePasscodeAction(device, { now }))
      }),
      { numRuns: 2000 },
    )
  })

  it('is deterministic and does not mutate its input', () => {
    fc.assert(
      fc.property(graphLike, (device) => {
        const copy = structuredClone(device)
        expect(evaluatePasscodeAction(device)).toEqual(evaluatePasscodeAction(device))
        expect(device).toEqual(copy)
      }),
      { numRuns: 300 },
    )
  })

  it('the clock only ever adds the stale-sync precondition', () => {
    fc.assert(
      fc.property(graphLike, clock, (device, now) => {
        const without = evaluatePasscodeAction(device)
        const withClock = evaluatePasscodeAction(device, { now })
        expect(withClock.verdict).toBe(without.verdict)
        expect(withClock.action).toBe(without.action)
        expect(withClock.reasons).toEqual(without.reasons)
        expect(withClock.preconditions.filter((p) => p !== 'deviceNotSyncedRecently')).toEqual(
          without.preconditions,
        )
      }),
      { numRuns: 500 },
    )
  })

  it('enum casing never changes the answer', () => {
    const enumKeys = [
      'operatingSystem',
      'deviceEnrollmentType',
      'managementAgent',
      'deviceType',
      'managementState',
      'ownerType',
      'managedDeviceOwnerType',
    ] as const
    fc.assert(
      fc.property(graphLike, fc.boolean(), (device, upper) => {
        const recased: Record<string, unknown> = { ...device }
        for (const key of enumKeys) {
          const v = recased[key]
          if (typeof v === 'string') recased[key] = upper ? v.toUpperCase() : v.toLowerCase()
        }
        expect(evaluatePasscodeAction(recased)).toEqual(evaluatePasscodeAction(device))
      }),
      { numRuns: 500 },
    )
  })

  it('a pending retire, wipe or delete is never eligible', () => {
    fc.assert(
      fc.property(
        graphLike,
        member(['retirePending', 'wipePending', 'deletePending', 'retireIssued', 'wipeIssued']),
        (device, state) => {
          expect(evaluatePasscodeAction({ ...device, managementState: state }).verdict).toBe('ineligible')
        },
      ),
      { numRuns: 300 },
    )
  })

  it('device administrator: eligible exactly below 7.0', () => {
    fc.assert(
      fc.property(fc.nat(40), fc.nat(20), fc.nat(20), (major, minor, patch) => {
        const r = evaluatePasscodeAction({
          operatingSystem: 'Android',
          deviceType: 'android',
          osVersion: `${major}.${minor}.${patch}`,
        })
        expect(r.verdict).toBe(major < 7 ? 'eligible' : 'ineligible')
      }),
    )
  })

  it('personal work profile: eligible exactly from 8.0', () => {
    fc.assert(
      fc.property(fc.nat(40), fc.nat(20), (major, minor) => {
        const r = evaluatePasscodeAction({
          operatingSystem: 'AndroidForWork',
          deviceEnrollmentType: 'userEnrollment',
          osVersion: `${major}.${minor}`,
        })
        expect(r.verdict).toBe(major >= 8 ? 'eligible' : 'ineligible')
      }),
    )
  })
})
