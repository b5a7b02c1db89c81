/**
 * What each managed setting accepts (DESIGN §3 "managed settings"), and the one conversion from a
 * raw registry or plist value to it. Every value is checked on its own: a malformed one is
 * reported and ignored, the others still apply, and nothing here ever throws.
 *
 * Types per source: the ADMX template writes booleans and numbers as REG_DWORD, text as REG_SZ,
 * lists as REG_MULTI_SZ, and the tenant profiles as one REG_SZ holding JSON (an ADMX cannot
 * describe a list of records). A plist has native booleans, integers, arrays and dictionaries;
 * the profiles may also be given there as the same JSON string.
 */
import {
  managedProfile,
  managedValues,
  type ManagedProfile,
  type ManagedValues,
  type PolicyKey,
} from '@shared/api/schemas/policy'
import { GUID_PATTERN } from '@shared/api/schemas/profiles'
import { verificationCheck, type VerificationCheck } from '@shared/api/schemas/settings'
import { compileTicketPattern } from '@shared/ticket-pattern'
import type { RegistryValue } from './registry'

export type Converted<T> =
  { ok: true; value: T } | { ok: false; reason: 'badType' | 'badValue' | 'badPattern' }

/** A raw value as read: from the registry (typed) or from a plist (JSON-like, Dates, Buffers). */
export type RawValue =
  | { readonly from: 'registry'; readonly value: RegistryValue }
  | { readonly from: 'plist'; readonly value: unknown }

const badType = { ok: false, reason: 'badType' } as const
const badValue = { ok: false, reason: 'badValue' } as const
const ok = <T>(value: T): Converted<T> => ({ ok: true, value })

function asBoolean(raw: RawValue): Converted<boolean> {
  if (raw.from === 'registry') {
    if (raw.value.type !== 'REG_DWORD') return badType
    return raw.value.data === 0 || raw.value.data === 1 ? ok(raw.value.data === 1) : badValue
  }
  return typeof raw.value === 'boolean' ? ok(raw.value) : badType
}

function asInteger(raw: RawValue): Converted<number> {
  if (raw.from === 'registry')
    return raw.value.type === 'REG_DWORD' || raw.value.type === 'REG_QWORD' ? ok(raw.value.data) : badType
  return typeof raw.value === 'number' && Number.isInteger(raw.value) ? ok(raw.value) : badType
}

function asString(raw: RawValue): Converted<string> {
  if (raw.from === 'registry')
    return raw.value.type === 'REG_SZ' || raw.value.type === 'REG_EXPAND_SZ' ? ok(raw.value.data) : badType
  return typeof raw.value === 'string' ? ok(raw.value) : badType
}

function asStringList(raw: RawValue): Converted<string[]> {
  if (raw.from === 'registry') return raw.value.type === 'REG_MULTI_SZ' ? ok([...raw.value.data]) : badType
  return Array.isArray(raw.value) && raw.value.every((v) => typeof v === 'string')
    ? ok(raw.value as string[])
    : badType
}

/** A JSON string (registry or plist) or, in a plist, an array of dictionaries. */
function asRecordList(raw: RawValue): Converted<unknown[]> {
  let value: unknown = raw.value
  if (raw.from === 'registry') {
    const text = asString(raw)
    if (!text.ok) return text
    value = text.value
  }
  if (typeof value === 'string') {
    if (value.length > 20_000) return badValue
    try {
      value = JSON.parse(value)
    } catch {
      return badValue
    }
  }
  return Array.isArray(value) ? ok(value) : badType
}

const isHttpsUrl = (text: string) => {
  try {
    const url = new URL(text)
    return url.protocol === 'https:' && !url.username && !url.password
  } catch {
    return false
  }
}

/**
 * A ticket pattern is an agent-facing check, not code: bounded, it must compile, and it must not be
 * able to backtrack for ever (shared/ticket-pattern.ts); otherwise the value is ignored, with a notice.
 */
function ticketPattern(raw: RawValue): Converted<string> {
  const s = asString(raw)
  if (!s.ok) return s
  const compiled = compileTicketPattern(s.value)
  if (compiled.ok) return s
  return compiled.problem === 'doesNotCompile' || compiled.problem === 'tooComplex'
    ? { ok: false, reason: 'badPattern' }
    : badValue
}

function profiles(raw: RawValue): Converted<ManagedProfile[]> {
  const list = asRecordList(raw)
  if (!list.ok) return list
  const result: ManagedProfile[] = []
  for (const item of list.value) {
    const parsed = managedProfile.safeParse(item)
    if (
      !parsed.success ||
      parsed.data.name.trim() === '' ||
      !GUID_PATTERN.test(parsed.data.tenantId) ||
      !GUID_PATTERN.test(parsed.data.clientId)
    )
      return badValue
    result.push(parsed.data)
  }
  return result.length <= 20 ? ok(result) : badValue
}

type Definition = (raw: RawValue) => Converted<unknown>

const inRange = (min: number, max: number) => (raw: RawValue) => {
  const n = asInteger(raw)
  return !n.ok ? n : n.value >= min && n.value <= max ? n : badValue
}

const stringWhere = (check: (text: string) => boolean) => (raw: RawValue) => {
  const s = asString(raw)
  return !s.ok ? s : check(s.value) ? s : badValue
}

export const DEFINITIONS: Record<PolicyKey, Definition> = {
  TenantProfiles: profiles,
  AllowAddProfiles: asBoolean,
  ShowDemoProfile: asBoolean,
  TicketRequired: asBoolean,
  TicketPattern: ticketPattern,
  IdentityChecksRequired: (raw) => {
    const list = asStringList(raw)
    if (!list.ok) return list
    const checks: VerificationCheck[] = []
    for (const item of list.value) {
      const parsed = verificationCheck.safeParse(item)
      if (!parsed.success) return badValue
      if (!checks.includes(parsed.data)) checks.push(parsed.data)
    }
    return ok(checks)
  },
  HistoryRetentionDays: inRange(1, 3650),
  UpdateFeedUrl: stringWhere((text) => text.length <= 500 && isHttpsUrl(text)),
  DefaultLanguage: stringWhere((text) => text === 'fr' || text === 'en'),
}

/** Checks one converted set against the contract (a last guard; the definitions already did). */
export function isValidManagedValues(values: ManagedValues): boolean {
  return managedValues.safeParse(values).success
}
