import { COMPLIANCE_STATES, type ComplianceState, type Ownership } from '@shared/api/schemas/devices'
import { normalizeManagedDevice } from '../graph/normalize'
import { evaluatePasscodeAction } from '@shared/eligibility'
import { foldText } from '@shared/text'
import { phoneIndexWords, phoneRegionOf } from '../devices/phone'

/** Which Graph version a record came from (v1.0 lacks deviceType, ownerType, joinType and beta enum members). */
export type ApiVersion = 'beta' | 'v1.0'

/** One devices row, as bound to the INSERT (column names = SQL names). */
export interface DeviceRecord {
  readonly id: string
  readonly device_name: string | null
  readonly user_principal_name: string | null
  readonly user_display_name: string | null
  readonly email_address: string | null
  readonly serial_number: string | null
  readonly imei: string | null
  readonly meid: string | null
  readonly phone_number: string | null
  readonly model: string | null
  readonly manufacturer: string | null
  readonly operating_system: string | null
  readonly os_version: string | null
  readonly device_type: string | null
  readonly device_enrollment_type: string | null
  readonly management_agent: string | null
  readonly ownership: Ownership
  readonly management_state: string | null
  readonly compliance_state: ComplianceState
  readonly join_type: string | null
  readonly is_supervised: 0 | 1 | null
  readonly last_sync_date_time: string | null
  readonly last_sync_ms: number | null
  readonly enrolled_date_time: string | null
  readonly enrollment_kind: string
  readonly verdict: string
  readonly action: string | null
  readonly name_key: string
  readonly user_key: string
  readonly api_version: ApiVersion
  readonly cached_at: string
  readonly raw: string
}

/** Graph strings are short in practice; a bound keeps one odd record from bloating the cache. */
const MAX_FIELD = 2048

function str(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed.slice(0, MAX_FIELD)
}

/** Lower-case, accent-free sort key ("Élodie" sorts with "elodie"). */
export function foldKey(value: string | null): string {
  return value ? foldText(value) : ''
}

export function digitsOf(value: string | null): string {
  return value ? value.replace(/\D+/g, '') : ''
}

const COMPLIANCE_BY_LOWER = new Map<string, ComplianceState>(
  COMPLIANCE_STATES.map((c) => [c.toLowerCase(), c]),
)

function complianceOf(value: unknown): ComplianceState {
  return (typeof value === 'string' && COMPLIANCE_BY_LOWER.get(value.trim().toLowerCase())) || 'unknown'
}

/** Beta's ownerType is the newer field, managedDeviceOwnerType its v1.0 twin (domain §2). */
function ownershipOf(record: Record<string, unknown>): Ownership {
  for (const key of ['ownerType', 'managedDeviceOwnerType']) {
    const v = typeof record[key] === 'string' ? (record[key] as string).trim().toLowerCase() : ''
    if (v === 'company' || v === 'personal') return v
  }
  return 'unknown'
}

/**
 * Graph reports "never" as 0001-01-01T00:00:00Z; that and anything unparseable is null.
 */
function epochMs(value: string | null): number | null {
  if (!value) return null
  const ms = Date.parse(value)
  return Number.isFinite(ms) && ms > 0 ? ms : null
}

/** Keys never written to disk (DESIGN §4): passcodes Intune returns, bypass codes, anything password-like. */
const SECRET_KEY = /passcode|password|bypasscode|secret|token$/i

/**
 * A deep copy without secrets. deviceActionResults[].passcode holds the temporary passcode of a
 * resetPasscode action (domain §6: store it only transiently); activationLockBypassCode unlocks a
 * device. Booleans such as bootstrapTokenEscrowed are facts, not secrets, and are kept.
 */
export function stripSecrets(value: unknown, depth = 0): unknown {
  if (depth > 8) return null
  if (Array.isArray(value)) return value.map((v) => stripSecrets(v, depth + 1))
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, v] of Object.entries(value)) {
      if (key === '__proto__') continue
      if (SECRET_KEY.test(key) && typeof v !== 'boolean') continue
      out[key] = stripSecrets(v, depth + 1)
    }
    return out
  }
  return value
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Maps one managedDevice as Graph returned it to a row. Eligibility is computed here, at write
 * time, so verdict and enrollment kind are indexed columns (filters); `devices:get` recomputes the
 * full explanation. Returns null for a record without a usable id.
 */
export function toDeviceRecord(
  graph: unknown,
  apiVersion: ApiVersion,
  cachedAt: string,
): DeviceRecord | null {
  // Strings for booleans, "null", sentinel dates: normalised once here for sync and refresh (domain §9).
  graph = normalizeManagedDevice(graph)
  if (!isRecord(graph)) return null
  const id = str(graph['id'])
  if (!id || id.length > 128) return null
  const clean = stripSecrets(graph) as Record<string, unknown>
  const eligibility = evaluatePasscodeAction(clean)
  const lastSync = str(graph['lastSyncDateTime'])
  const deviceName = str(graph['deviceName'])
  const displayName = str(graph['userDisplayName'])
  const upn = str(graph['userPrincipalName'])
  const supervised = graph['isSupervised']
  return {
    id,
    device_name: deviceName,
    user_principal_name: upn,
    user_display_name: displayName,
    email_address: str(graph['emailAddress']),
    serial_number: str(graph['serialNumber']),
    imei: str(graph['imei']),
    meid: str(graph['meid']),
    phone_number: str(graph['phoneNumber']),
    model: str(graph['model']),
    manufacturer: str(graph['manufacturer']),
    operating_system: str(graph['operatingSystem']),
    os_version: str(graph['osVersion']),
    device_type: str(graph['deviceType']),
    device_enrollment_type: str(graph['deviceEnrollmentType']),
    management_agent: str(graph['managementAgent']),
    ownership: ownershipOf(graph),
    management_state: str(graph['managementState']),
    compliance_state: complianceOf(graph['complianceState']),
    join_type: str(graph['joinType']),
    is_supervised: typeof supervised === 'boolean' ? (supervised ? 1 : 0) : null,
    last_sync_date_time: lastSync,
    last_sync_ms: epochMs(lastSync),
    enrolled_date_time: str(graph['enrolledDateTime']),
    enrollment_kind: eligibility.enrollment,
    verdict: eligibility.verdict,
    action: eligibility.action,
    name_key: foldKey(deviceName),
    user_key: foldKey(displayName ?? upn),
    api_version: apiVersion,
    cached_at: cachedAt,
    raw: JSON.stringify(clean),
  }
}

/** Region for stored phone numbers without a country code (Graph usually stores E.164). */
const INDEX_PHONE_REGION = phoneRegionOf(Intl.DateTimeFormat().resolvedOptions().locale)

/**
 * Text for the word index, column by column (FTS_COLUMNS order). Phone numbers also as bare digits
 * and as their national significant number and E.164 digits (devices/phone.ts), so `0697…` typed
 * by the agent meets `+33 6 97…` stored by Intune.
 */
export function ftsValues(r: DeviceRecord): (string | null)[] {
  const phoneDigits = [digitsOf(r.phone_number), ...phoneIndexWords(r.phone_number, INDEX_PHONE_REGION)]
    .filter((word, i, all) => word && all.indexOf(word) === i)
    .join(' ')
  return [
    r.device_name,
    r.user_principal_name,
    r.user_display_name,
    r.email_address,
    r.serial_number,
    r.imei,
    r.meid,
    r.phone_number ? `${r.phone_number} ${phoneDigits}` : null,
    r.model,
    r.manufacturer,
  ]
}

/** Text for the trigram index: identifiers an agent reads out in fragments. */
export function identifierText(r: DeviceRecord): string {
  return [r.serial_number, r.imei, r.meid, digitsOf(r.phone_number)].filter((v) => v).join(' ')
}
