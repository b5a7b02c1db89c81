/**
 * A validator for Graph payloads built from Microsoft's metadata (fixtures/managed-device-schema.json,
 * a copy of shared/reference/graph/managed-device-schema.json): property names, Edm types,
 * nullability, enum members. v1.0: the v1.0 CSDL entity; beta: the beta property list + beta enum
 * members (types of properties shared with v1.0 still checked against the CSDL).
 */
import schema from './fixtures/managed-device-schema.json'

type Prop = { name: string; type: string; nullable: boolean }
type Complex = { baseType: string | null; properties: Prop[] }

const V1 = schema['v1.0']
const entityProps = (name: 'managedDevice' | 'auditEvent'): Prop[] =>
  V1.entityTypes[name].properties as Prop[]
const complexTypes = V1.complexTypes as Record<string, Complex>
const v1Enums = Object.fromEntries(Object.entries(V1.enumTypes).map(([k, v]) => [k, Object.keys(v.members)]))
const betaEnums = schema.beta.enumMembers as Record<string, string[]>

/** Beta-only properties whose values are enums in beta (type mappings). */
const BETA_ONLY_ENUMS: Record<string, string> = {
  deviceType: 'deviceType',
  joinType: 'joinType',
  ownerType: 'ownerType',
  processorArchitecture: 'managedDeviceArchitecture',
}

export type Flavour = 'v1.0' | 'v1.0+prefer' | 'beta'

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$/

function enumMembers(type: string, flavour: Flavour): string[] | undefined {
  const name = type.replace(/^graph\./, '')
  if (flavour === 'v1.0') return v1Enums[name]
  return betaEnums[name] ?? v1Enums[name]
}

function checkValue(
  path: string,
  value: unknown,
  type: string,
  nullable: boolean,
  flavour: Flavour,
  errors: string[],
): void {
  if (value === null) {
    if (!nullable) errors.push(`${path}: null but not nullable (${type})`)
    return
  }
  const coll = /^Collection\((.+)\)$/.exec(type)
  if (coll) {
    if (!Array.isArray(value)) return void errors.push(`${path}: expected array for ${type}`)
    value.forEach((v, i) => checkValue(`${path}[${i}]`, v, coll[1], false, flavour, errors))
    return
  }
  switch (type) {
    case 'Edm.String':
      if (typeof value !== 'string') errors.push(`${path}: expected string, got ${typeof value}`)
      return
    case 'Edm.Boolean':
      if (typeof value !== 'boolean') errors.push(`${path}: expected boolean`)
      return
    case 'Edm.Int32':
      if (!Number.isInteger(value) || (value as number) < -2147483648 || (value as number) > 2147483647)
        errors.push(`${path}: expected Int32`)
      return
    case 'Edm.Int64':
      if (!Number.isSafeInteger(value)) errors.push(`${path}: expected Int64`)
      return
    case 'Edm.Guid':
      if (typeof value !== 'string' || !GUID.test(value))
        errors.push(`${path}: expected Guid, got ${String(value)}`)
      return
    case 'Edm.DateTimeOffset':
      if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(value)))
        errors.push(`${path}: expected DateTimeOffset, got ${String(value)}`)
      return
  }
  const members = enumMembers(type, flavour)
  if (members) {
    if (typeof value !== 'string' || !members.includes(value))
      errors.push(`${path}: '${String(value)}' is not a member of ${type} (${flavour})`)
    return
  }
  const complex = complexTypes[type.replace(/^graph\./, '')]
  if (complex) return void checkComplex(path, value, type.replace(/^graph\./, ''), flavour, errors)
  // Complex types the slice does not describe (configurationManagerClientEnabledFeatures, …): objects.
  if (typeof value !== 'object') errors.push(`${path}: expected object for ${type}`)
}

function complexProps(name: string): Prop[] {
  const c = complexTypes[name]
  const base = c.baseType ? complexProps(c.baseType.replace(/^graph\./, '')) : []
  return [...base, ...c.properties]
}

export function checkComplex(
  path: string,
  value: unknown,
  declared: string,
  flavour: Flavour,
  errors: string[],
): void {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return void errors.push(`${path}: expected object`)
  const record = value as Record<string, unknown>
  const odataType = record['@odata.type']
  let name = declared
  if (odataType !== undefined) {
    const m = /^#?microsoft\.graph\.(\w+)$/.exec(String(odataType))
    if (!m || !complexTypes[m[1]])
      return void errors.push(`${path}: unknown @odata.type ${String(odataType)}`)
    // Must be the declared type or derive from it.
    let t: string | null = m[1]
    while (t && t !== declared) t = complexTypes[t].baseType?.replace(/^graph\./, '') ?? null
    if (!t) return void errors.push(`${path}: ${m[1]} does not derive from ${declared}`)
    name = m[1]
  }
  const props = complexProps(name)
  for (const key of Object.keys(record)) {
    if (key.startsWith('@odata.')) continue
    if (!props.some((p) => p.name === key)) errors.push(`${path}.${key}: not a property of ${name}`)
  }
  for (const p of props) {
    if (!(p.name in record)) errors.push(`${path}.${p.name}: missing`)
    else checkValue(`${path}.${p.name}`, record[p.name], p.type, p.nullable, flavour, errors)
  }
}

const V1_DEVICE = entityProps('managedDevice')
const BETA_NAMES = new Set(schema.beta.managedDeviceProperties)

/**
 * Validates a managedDevice payload. `complete`: every property of the flavour must be present
 * (a response without $select).
 */
export function validateManagedDevice(
  device: Record<string, unknown>,
  flavour: Flavour,
  complete: boolean,
): string[] {
  const errors: string[] = []
  const id = String(device.id ?? '?')
  if (typeof device.id !== 'string' || device.id === '') errors.push(`${id}.id: missing key`)
  for (const key of Object.keys(device)) {
    if (key === 'id' || key.startsWith('@odata.')) continue
    const v1 = V1_DEVICE.find((p) => p.name === key)
    if (flavour !== 'beta') {
      if (!v1) errors.push(`${id}.${key}: not a v1.0 managedDevice property`)
      else checkValue(`${id}.${key}`, device[key], v1.type, v1.nullable, flavour, errors)
      continue
    }
    if (!BETA_NAMES.has(key)) errors.push(`${id}.${key}: not a beta managedDevice property`)
    else if (v1) checkValue(`${id}.${key}`, device[key], v1.type, v1.nullable, flavour, errors)
    else if (BETA_ONLY_ENUMS[key] && !betaEnums[BETA_ONLY_ENUMS[key]].includes(String(device[key]))) {
      errors.push(`${id}.${key}: '${String(device[key])}' is not a beta ${BETA_ONLY_ENUMS[key]} member`)
    }
  }
  if (complete) {
    const expected = flavour === 'beta' ? [...BETA_NAMES] : V1_DEVICE.map((p) => p.name)
    for (const name of expected) if (!(name in device)) errors.push(`${id}.${name}: missing`)
  }
  return errors
}

export function validateAuditEvent(event: Record<string, unknown>): string[] {
  const errors: string[] = []
  const props = entityProps('auditEvent')
  for (const key of Object.keys(event)) {
    if (key === 'id' || key.startsWith('@odata.')) continue
    const p = props.find((x) => x.name === key)
    if (!p) errors.push(`auditEvent.${key}: not a property`)
    else checkValue(`auditEvent.${key}`, event[key], p.type, p.nullable, 'v1.0', errors)
  }
  for (const p of props) if (!(p.name in event)) errors.push(`auditEvent.${p.name}: missing`)
  return errors
}

export const schemaEnums = { v1: v1Enums, beta: betaEnums }
