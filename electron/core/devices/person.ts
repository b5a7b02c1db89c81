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
 * the words of their sign-in name's local part, checked for equality on the row. Domain words
 * ("contoso", "com") are never looked up: every device has them, and reading their doclists costs
 * as much as scanning the cache (tests/bench/person-lookup.bench.ts).
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
/** The same, for a typed address: the words of its local part match, the whole text is in the row. */
export const PEOPLE_BY_ADDRESS_SQL = `SELECT DISTINCT lower(d.user_principal_name) AS upn
  FROM devices_fts f JOIN devices d ON d.pk = f.rowid
  WHERE f.devices_fts MATCH ? AND d.user_principal_name IS NOT NULL AND d.user_principal_name <> ''
    AND (instr(lower(d.user_principal_name), ?) > 0 OR instr(lower(ifnull(d.email_address, '')), ?) > 0)
  LIMIT ?`

export const PERSON_DEVICES_SQL = `SELECT d.id, d.device_name, d.user_principal_name, d.user_display_name,
    d.email_address, d.phone_number, d.model, d.manufacturer, d.operating_system, d.os_version,
    d.last_sync_date_time, d.enrollment_kind, d.verdict, d.action
  FROM devices_fts f JOIN devices d ON d.pk = f.rowid
  WHERE f.devices_fts MATCH ? AND lower(d.user_principal_name) = ?
  ORDER BY d.last_sync_ms IS NULL, d.last_sync_ms DESC, d.name_key
  LIMIT ?`

/** The FTS5 phrase of a sign-in name's local part ("zoe.belanger@contoso.fr" → "zoe" + "belanger"). */
export function upnPhrase(upn: string): string | null {
  const local = (upn.split('@')[0] ?? '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter(Boolean)
  return local.length > 0 ? `{user_principal_name} : ${local.map(quoteFts).join(' + ')}` : null
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

  /**
   * The region a typed phone number is read in: the agent's, or the tenant's commonest (phone.ts),
   * worked out again only when the database or the locale changed (parsing the sample costs ~10 ms).
   */
  const version = db
    .prepare("SELECT (SELECT data_version FROM pragma_data_version) || ':' || total_changes()")
    .pluck()
  let region: { key: string; value: CountryCode | undefined } | null = null
  const phoneRegion = (): CountryCode | undefined => {
    const key = `${version.get() as string}|${locale() ?? ''}`
    if (region?.key !== key) {
      const sample = all<{ phone_number: string }>(
        'SELECT phone_number FROM devices WHERE phone_number IS NOT NULL LIMIT 200',
        [],
      ).map((r) => r.phone_number)
      region = { key, value: pickPhoneRegion(phoneRegionOf(locale()), sample) }
    }
    return region.value
  }

  /** The people query for what was typed, or null when the text cannot name one person. */
  function peopleQuery(query: string): { sql: string; params: unknown[] } | null {
    const limit = MAX_PEOPLE + 1
    if (looksLikePhone(query)) {
      const digits = phoneSearchDigits(query, phoneRegion())
      return digits ? { sql: PEOPLE_SQL, params: [`{phone_number} : ${quoteFts(digits)}*`, limit] } : null
    }
    const at = query.indexOf('@')
    if (at >= 0) {
      // An address: its local part's words find the candidates, the typed text must be in the row.
      const local = parseSearchText(query.slice(0, at)).tokens
      const typed = query.trim().toLowerCase()
      if (local.length === 0 || typed.length < MIN_PERSON_CHARS) return null
      const match = `${PERSON_COLUMNS} : (${prefixQuery(local)})`
      return { sql: PEOPLE_BY_ADDRESS_SQL, params: [match, typed, typed, limit] }
    }
    const { tokens } = parseSearchText(query)
    if (tokens.join('').length < MIN_PERSON_CHARS) return null
    return { sql: PEOPLE_SQL, params: [`${PERSON_COLUMNS} : (${prefixQuery(tokens)})`, limit] }
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
      const found = peopleQuery(query)
      if (!found) return { people: [], ambiguous: false }
      const upns = all<{ upn: string }>(found.sql, found.params).map((r) => r.upn)
      if (upns.length > MAX_PEOPLE) return { people: [], ambiguous: true }
      const people = upns.map(devicesOf).filter((p): p is Person => p !== null)
      people.sort((a, b) =>
        (a.userDisplayName ?? a.userPrincipalName).localeCompare(b.userDisplayName ?? b.userPrincipalName),
      )
      return { people, ambiguous: false }
    },
  }
}
