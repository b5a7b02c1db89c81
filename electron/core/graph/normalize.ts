/**
 * Real tenants' data quirks, normalised once at the Graph boundary (domain §9 "data quirks",
 * "deviceActionResults"): booleans sent as strings, the string "null", sentinel dates meaning "never"
 * (0001-01-01T00:00:00Z, 9999-12-31…), and a single-device GET wrapped in `value` as Microsoft's
 * own examples show. Cheap on purpose: it runs on every record of a sync (one pass over the keys).
 */

/** managedDevice Edm.Boolean properties (v1.0 schema, reference/graph/managed-device-schema.json, plus beta ones read). */
const BOOLEAN_KEYS: ReadonlySet<string> = new Set([
  'azureADRegistered',
  'easActivated',
  'isEncrypted',
  'isSupervised',
  'requireUserEnrollmentApproval',
  'aadRegistered',
  'autopilotEnrolled',
  'bootstrapTokenEscrowed',
])

/** Year ≤ 1 or ≥ 9999: Graph's and Intune's placeholders for "never" / "no expiry". */
const SENTINEL_DATE = /^(0001-01-01|9999-12-31)/

function normalizeValue(key: string, value: unknown): unknown {
  if (typeof value !== 'string') return value
  const trimmed = value.trim()
  if (trimmed.toLowerCase() === 'null') return null
  if (BOOLEAN_KEYS.has(key)) {
    const lower = trimmed.toLowerCase()
    if (lower === 'true') return true
    if (lower === 'false') return false
    return value
  }
  if ((key.endsWith('DateTime') || key.endsWith('Date')) && SENTINEL_DATE.test(trimmed)) return null
  return value
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function normalizeObject(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(record)) {
    if (key === '__proto__') continue
    out[key] = normalizeValue(key, record[key])
  }
  return out
}

/**
 * One managedDevice as this app reads it: quirks normalised at the top level and in each
 * deviceActionResults entry (their dates are sentinels too when Intune has none).
 */
export function normalizeManagedDevice(device: unknown): unknown {
  if (!isRecord(device)) return device
  const out = normalizeObject(device)
  const results = out.deviceActionResults
  if (Array.isArray(results)) {
    out.deviceActionResults = results.map((r: unknown) => (isRecord(r) ? normalizeObject(r) : r))
  }
  return out
}

/**
 * The device of a single-device GET. Live responses carry it at the top level; Microsoft's documented
 * examples wrap it in `value` (domain §9) — both are accepted. A list (`value` array) is not a device.
 */
export function singleDeviceOf(body: unknown): unknown {
  if (!isRecord(body)) return body
  if (typeof body.id === 'string') return body
  const value = body.value
  if (isRecord(value)) return value
  if (Array.isArray(value) && value.length === 1 && isRecord(value[0])) return value[0]
  return body
}
