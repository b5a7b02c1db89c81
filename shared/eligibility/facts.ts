/**
 * The slice of Graph's managedDevice (v1.0 or beta, exactly as Graph returns it) the rules read.
 * Every field is optional and nullable and any string is accepted: Graph enums evolve
 * (`unknownFutureValue`, members added after it, beta-only members), so nothing here is a closed union.
 * A whole managedDevice object can be passed as-is; other properties are ignored. (No index signature:
 * it would reject interface-typed Graph records, which TypeScript never treats as indexable.)
 */
export interface DeviceFacts {
  /** Free string: "iOS", "iPadOS", "Android", "AndroidForWork", "AndroidEnterprise", "AndroidAOSP", "Windows", "macOS", "Linux"… */
  readonly operatingSystem?: string | null
  readonly osVersion?: string | null
  /** deviceEnrollmentType; the Android Enterprise/AOSP members exist in beta only (domain §2.1–2.2). */
  readonly deviceEnrollmentType?: string | null
  /** managementAgentType: eas, mdm, easMdm, googleCloudDevicePolicyController, intuneAosp (beta), jamf, … */
  readonly managementAgent?: string | null
  readonly managedDeviceOwnerType?: string | null
  /** Beta only. */
  readonly ownerType?: string | null
  /** Beta only: iPhone, iPad, android, androidForWork, androidEnterprise, androidnGMS, mac, … */
  readonly deviceType?: string | null
  readonly managementState?: string | null
  /** Beta only; read by nobody yet, listed because callers pass it. */
  readonly joinType?: string | null
  readonly isSupervised?: boolean | null
  readonly lastSyncDateTime?: string | null
  readonly enrolledDateTime?: string | null
}

/** Facts after normalisation: enum-like strings trimmed and lower-cased, `null` when absent or not a string. */
export interface NormalizedFacts {
  readonly operatingSystem: string | null
  readonly osVersion: unknown
  readonly deviceEnrollmentType: string | null
  readonly managementAgent: string | null
  readonly owner: string | null
  readonly deviceType: string | null
  readonly managementState: string | null
  readonly isSupervised: boolean | null
  readonly lastSyncDateTime: string | null
  /**
   * Enrolled (an enrollment date) but no check-in date at all: Graph's "never" (0001-01-01, which
   * the Graph boundary turns into null, domain §9) on a device that exists — it has never checked in.
   */
  readonly neverCheckedIn: boolean
}

function read(record: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key)
    ? (record as Record<string, unknown>)[key]
    : undefined
}

/** Graph enums are matched case-insensitively (domain §2.3: "match case-insensitively"); blanks and "unknown" carry no information. */
function enumOf(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const v = value.trim().toLowerCase()
  return v === '' || v === 'unknown' ? null : v
}

export function isRecord(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function normalizeFacts(device: unknown): NormalizedFacts {
  const r: object = isRecord(device) ? device : {}
  const supervised = read(r, 'isSupervised')
  const lastSync = read(r, 'lastSyncDateTime')
  return {
    operatingSystem: enumOf(read(r, 'operatingSystem')),
    osVersion: read(r, 'osVersion'),
    deviceEnrollmentType: enumOf(read(r, 'deviceEnrollmentType')),
    managementAgent: enumOf(read(r, 'managementAgent')),
    // Beta has both; ownerType is the newer one. Either may be missing (v1.0 has no ownerType).
    owner: enumOf(read(r, 'ownerType')) ?? enumOf(read(r, 'managedDeviceOwnerType')),
    deviceType: enumOf(read(r, 'deviceType')),
    managementState: enumOf(read(r, 'managementState')),
    isSupervised: typeof supervised === 'boolean' ? supervised : null,
    lastSyncDateTime: typeof lastSync === 'string' ? lastSync : null,
    neverCheckedIn: lastSync === null && typeof read(r, 'enrolledDateTime') === 'string',
  }
}
