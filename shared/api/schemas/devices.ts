import { z } from 'zod'
import {
  ENROLLMENT_KINDS,
  OUTCOME_CODES,
  PASSCODE_ACTIONS,
  PRECONDITION_CODES,
  REASON_CODES,
  VERDICTS,
} from '../../eligibility/codes'
import { SOURCE_IDS } from '../../eligibility/sources'
import { id, text } from './common'

/**
 * The local device cache (domain §2.1–2.2, §2.6): search, one device, live refresh of one device.
 * Rows come from the SQLite cache filled by sync (schemas/sync.ts); `devices:refresh` is the only
 * channel here that calls Graph.
 */

export const verdict = z.enum(VERDICTS)
export const enrollmentKind = z.enum(ENROLLMENT_KINDS)
export const passcodeAction = z.enum(PASSCODE_ACTIONS)

/** Graph's ownerType / managedDeviceOwnerType, normalised ('unknown' when absent or unrecognised). */
export const OWNERSHIPS = ['company', 'personal', 'unknown'] as const
export const ownership = z.enum(OWNERSHIPS)
export type Ownership = z.infer<typeof ownership>

/** Graph's complianceState members; anything else Graph may add is stored as 'unknown'. */
export const COMPLIANCE_STATES = [
  'compliant',
  'noncompliant',
  'inGracePeriod',
  'conflict',
  'error',
  'configManager',
  'unknown',
] as const
export const complianceState = z.enum(COMPLIANCE_STATES)
export type ComplianceState = z.infer<typeof complianceState>

/** Longest query accepted; core truncates further internally (hostile input never errors). */
export const MAX_QUERY_CHARS = 20_000
export const MAX_PAGE_SIZE = 500

export const DEVICE_SORT_FIELDS = ['relevance', 'deviceName', 'userDisplayName', 'lastSyncDateTime'] as const
export const deviceSortField = z.enum(DEVICE_SORT_FIELDS)
export type DeviceSortField = z.infer<typeof deviceSortField>

export const deviceFilters = z.strictObject({
  enrollmentKinds: z.array(enrollmentKind).max(ENROLLMENT_KINDS.length).optional(),
  verdicts: z.array(verdict).max(VERDICTS.length).optional(),
  ownership: z.array(ownership).max(OWNERSHIPS.length).optional(),
  compliance: z.array(complianceState).max(COMPLIANCE_STATES.length).optional(),
  /**
   * Graph's operatingSystem exactly as cached ("iOS", "Android", "Windows"…): the Readiness view's
   * platform bars. Free text from Graph, so values are bound parameters, never FTS words.
   */
  platforms: z.array(z.string().min(1).max(64)).max(20).optional(),
  /** Last check-in (lastSyncDateTime) strictly older than N days; devices that never checked in match too. */
  lastCheckInOlderThanDays: z.number().int().min(0).max(36_500).optional(),
})
export type DeviceFilters = z.infer<typeof deviceFilters>

export const deviceSearchInput = z.strictObject({
  /** Free text typed by the agent: words are prefix-matched, case- and accent-insensitive; 3+ characters also match inside serials/IMEIs. */
  query: text(MAX_QUERY_CHARS).default(''),
  filters: deviceFilters.default({}),
  /**
   * Default: relevance when there is a query, deviceName otherwise. `relevance` without a query
   * falls back to deviceName. Direction defaults to asc (desc for lastSyncDateTime).
   */
  sort: z.strictObject({ field: deviceSortField, direction: z.enum(['asc', 'desc']).optional() }).optional(),
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
})
export type DeviceSearchInput = z.input<typeof deviceSearchInput>

const nstr = z.string().nullable()
const ndate = z.string().nullable() // ISO 8601 as Graph sent it

/** What a list row needs (Devices view). */
export const deviceRow = z.strictObject({
  id: z.string(),
  deviceName: nstr,
  userPrincipalName: nstr,
  userDisplayName: nstr,
  operatingSystem: nstr,
  osVersion: nstr,
  model: nstr,
  manufacturer: nstr,
  serialNumber: nstr,
  ownership,
  complianceState,
  /** Last check-in with Intune (Graph lastSyncDateTime); null when never. */
  lastSyncDateTime: ndate,
  /** Eligibility computed when the row was written (shared/eligibility), indexed for filters. */
  enrollmentKind,
  verdict,
  action: passcodeAction.nullable(),
  /** Intune refused the agent this device for its scope tags (domain §9); absent when not marked. */
  outOfScope: z.literal(true).optional(),
})
export type DeviceRow = z.infer<typeof deviceRow>

export const deviceSearchResult = z.strictObject({
  rows: z.array(deviceRow),
  /** Number of matches for query + filters (all pages). */
  total: z.number().int().min(0),
  offset: z.number().int().min(0),
  limit: z.number().int().min(1),
  /** The query was longer than core searches on and was cut (still a valid search). */
  queryTruncated: z.boolean(),
})
export type DeviceSearchResult = z.infer<typeof deviceSearchResult>

/** Same shape as shared/eligibility's PasscodeEligibility (domain §6). */
export const passcodeEligibility = z.strictObject({
  verdict,
  action: passcodeAction.nullable(),
  enrollment: enrollmentKind,
  reasons: z.array(z.enum(REASON_CODES)),
  preconditions: z.array(z.enum(PRECONDITION_CODES)),
  outcome: z.enum(OUTCOME_CODES).nullable(),
  /** The documents the applied rules come from (shared/eligibility SOURCES). */
  sources: z.array(z.strictObject({ id: z.enum(SOURCE_IDS), title: z.string(), url: z.string() })),
})
export type PasscodeEligibilityDto = z.infer<typeof passcodeEligibility>

export const outOfScope = z.strictObject({
  agentUpn: z.string(),
  deniedAt: z.string(),
  requestId: z.string().nullable(),
  activityId: z.string().nullable(),
})
export type OutOfScope = z.infer<typeof outOfScope>

/** One device, grouped as an agent thinks of it (domain §2.1–2.2, §6). */
export const deviceDetail = z.strictObject({
  id: z.string(),
  deviceName: nstr,
  user: z.strictObject({
    userPrincipalName: nstr,
    userDisplayName: nstr,
    emailAddress: nstr,
    phoneNumber: nstr,
  }),
  hardware: z.strictObject({
    model: nstr,
    manufacturer: nstr,
    serialNumber: nstr,
    imei: nstr,
    meid: nstr,
    deviceType: nstr,
  }),
  management: z.strictObject({
    operatingSystem: nstr,
    osVersion: nstr,
    deviceEnrollmentType: nstr,
    managementAgent: nstr,
    /** Graph ownerType (beta) or managedDeviceOwnerType, normalised. */
    ownership,
    managementState: nstr,
    joinType: nstr,
    isSupervised: z.boolean().nullable(),
    enrolledDateTime: ndate,
    lastSyncDateTime: ndate,
  }),
  compliance: z.strictObject({ complianceState }),
  /** Recomputed from the cached record with shared/eligibility on every `devices:get`. */
  eligibility: passcodeEligibility,
  /** When this row was last written from Graph (sync or refresh), ISO 8601. */
  cachedAt: z.string(),
  /** Which Graph version the cached record came from (v1.0 lacks fields eligibility needs). */
  source: z.enum(['beta', 'v1.0']),
  /** The cached Graph record (secrets such as deviceActionResults[].passcode are never stored). */
  raw: z.record(z.string(), z.unknown()),
  /**
   * The last live read was refused for scope tags (a 404 that is not a deleted device, domain §9):
   * who was refused, when, and the support IDs. Absent while the device is in scope.
   */
  outOfScope: outOfScope.optional(),
})
export type DeviceDetail = z.infer<typeof deviceDetail>

export const deviceIdInput = z.strictObject({ id: id() })

export const devicesContract = {
  'devices:search': { input: deviceSearchInput, output: deviceSearchResult },
  /** NOT_FOUND when the device is not in the cache. */
  'devices:get': { input: deviceIdInput, output: deviceDetail },
  /**
   * Re-reads one device live from Graph and updates its row. When Intune no longer has it, the
   * row is removed and the call fails with GRAPH_NOT_FOUND. When Intune refuses it for scope tags
   * the row stays, marked `outOfScope`, and the call fails with GRAPH_OUT_OF_SCOPE (domain §9).
   */
  'devices:refresh': { input: deviceIdInput, output: deviceDetail },
} as const
