import type Database from 'better-sqlite3'
import type { CountryCode } from 'libphonenumber-js'
import {
  MAX_PEOPLE,
  MAX_PERSON_DEVICES,
  type Person,
  type PersonDevice,
  type PersonResult,
} from '@shared/api/schemas/person'
import type { EnrollmentKind, PasscodeAction, Verdict } from '@shared/eligibility/codes'
import { createScopeDenials } from '../store/scope-denials'
import { looksLikePhone, phoneRegionOf, phoneSearchDigits, pickPhoneRegion } from './phone'
import { parseSearchText, prefixQuery, quoteFts } from './query-text'

/**
 * Start from the caller (devices:person): the people a search text names — by display name,
 * sign-in name, e-mail or phone — each with every device of theirs in the cache, most recently
 * checked in first. Two indexed reads over the word index (store/device-tables.ts): the person
 * columns only (a device name or serial never makes a person card), then each person's devices by
 * their sign-in name as an FTS phrase, checked for equality on the row (a phrase also matches a
 * longer name).
 */

/** Fewer characters than this match too many people to mean one ("a", "ma"). */
const MIN_PERSON_CHARS = 3
const PERSON_COLUMNS = '{user_principal_name user_display_name email_address}'

interface PersonRowSql {
  id: string
  device_name: string | null
  user_principal_name: string
  user_display_name: string | null
  email_address: string | null
  phone_number: string | null
  model: string | null
  manufacturer: string | null
  operating_system: string | null
  os_version: string | null
  last_sync_date_time: string | null
  enrollment_kind: EnrollmentKind
  verdict: Verdict
  action: PasscodeAction | null
}

export const PEOPLE_SQL = `SELECT DISTINCT lower(d.user_principal_name) AS upn
  FROM devices_fts f JOIN devices d ON d.pk = f.rowid
  WHERE f.devices_fts MATCH ? AND d.user_principal_name IS NOT NULL AND d.user_principal_name <> ''
  LIMIT ?`

export const PERSON_DEVICES_SQL = `SELECT d.id, d.device_name, d.user_principal_name, d.user_display_name,
    d.email_address, d.phone_number, d.model, d.manufacturer, d.operating_system, d.os_version,
    d.last_sync_date_time, d.enrollment_kind, d.verdict, d.action
  FROM devices_fts f JOIN devices d ON d.pk = f.rowid
  WHERE f.devices_fts MATCH ? AND lower(d.user_principal_name) = ?
  ORDER BY d.last_sync_ms IS NULL, d.last_sync_ms DESC, d.name_key
  LIMIT ?`

/** The FTS5 phrase of a sign-in name's words ("zoe.belanger@contoso.fr" → "zoe" + "belanger" + …). */
export function upnPhrase(upn: string): string | null {
  const words = upn
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter(Boolean)
  return words.length > 0 ? `{user_principal_name} : ${words.map(quoteFts).join(' + ')}` : null
}

export interface PersonLookupOptions {
  /** The agent's locale (BCP 47), whose region reads phone numbers typed without a country code. */
  readonly locale?: () => string | undefined
  /** Tests: records every statement, for EXPLAIN QUERY PLAN checks. */
  readonly trace?: { sql: string; params: unknown[] }[]
}

export function createPersonLookup(db: Database.Database, options: PersonLookupOptions = {}) {
  const locale = options.locale ?? (() => Intl.DateTimeFormat().resolvedOptions().locale)
  const statements = new Map<string, Database.Statement>()
  const all = <T>(sql: string, params: unknown[]): T[] => {
    options.trace?.push({ sql, params })
    let statement = statements.get(sql)
    if (!statement) statements.set(sql, (statement = db.prepare(sql)))
    return statement.all(...params) as T[]
  }

  /** The region a typed phone number is read in: the agent's, or the tenant's commonest (phone.ts). */
  const phoneRegion = (): CountryCode | undefined => {
    const sample = all<{ phone_number: string }>(
      'SELECT phone_number FROM devices WHERE phone_number IS NOT NULL LIMIT 200',
      [],
    ).map((r) => r.phone_number)
    return pickPhoneRegion(phoneRegionOf(locale()), sample)
  }

  /** The word-index query for the person columns, or null when the text cannot name one person. */
  function personMatch(query: string): string | null {
    if (looksLikePhone(query)) {
      const digits = phoneSearchDigits(query, phoneRegion())
      return digits ? `{phone_number} : ${quoteFts(digits)}*` : null
    }
    const { tokens } = parseSearchText(query)
    if (tokens.join('').length < MIN_PERSON_CHARS) return null
    return `${PERSON_COLUMNS} : (${prefixQuery(tokens)})`
  }

  function devicesOf(upn: string): Person | null {
    const phrase = upnPhrase(upn)
    if (!phrase) return null
    const rows = all<PersonRowSql>(PERSON_DEVICES_SQL, [phrase, upn, MAX_PERSON_DEVICES + 1])
    const first = rows[0]
    if (!first) return null
    const listed = rows.slice(0, MAX_PERSON_DEVICES)
    const marked = createScopeDenials(db).markedAmong(listed.map((r) => r.id))
    const known = (pick: (r: PersonRowSql) => string | null) => listed.map(pick).find((v) => v) ?? null
    return {
      userPrincipalName: first.user_principal_name,
      // The most recently active device's record is the freshest copy of the directory's values.
      userDisplayName: known((r) => r.user_display_name),
      emailAddress: known((r) => r.email_address),
      phoneNumber: known((r) => r.phone_number),
      devices: listed.map((r): PersonDevice => ({
        id: r.id,
        deviceName: r.device_name,
        model: r.model,
        manufacturer: r.manufacturer,
        operatingSystem: r.operating_system,
        osVersion: r.os_version,
        lastSyncDateTime: r.last_sync_date_time,
        enrollmentKind: r.enrollment_kind,
        verdict: r.verdict,
        action: r.action,
        ...(marked.has(r.id) ? { outOfScope: true as const } : {}),
      })),
      moreDevices: rows.length > MAX_PERSON_DEVICES,
    }
  }

  return {
    lookup(query: string): PersonResult {
      const match = personMatch(query)
      if (!match) return { people: [], ambiguous: false }
      const upns = all<{ upn: string }>(PEOPLE_SQL, [match, MAX_PEOPLE + 1]).map((r) => r.upn)
      if (upns.length > MAX_PEOPLE) return { people: [], ambiguous: true }
      const people = upns.map(devicesOf).filter((p): p is Person => p !== null)
      people.sort((a, b) =>
        (a.userDisplayName ?? a.userPrincipalName).localeCompare(b.userDisplayName ?? b.userPrincipalName),
      )
      return { people, ambiguous: false }
    },
  }
}
