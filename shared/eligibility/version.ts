/**
 * OS version parsing for the rules that depend on it (device administrator 6.x/7.0, work profile 7.x/8.0).
 * Graph's `osVersion` is a free string: "6.0.1", "8.1.0", "14", "10.0.22631.3880", "", null, "unknown".
 * Anything we cannot read with certainty yields `null`, and the caller answers "undetermined" (domain §6).
 */

export interface OsVersion {
  readonly major: number
  readonly minor: number
}

// Leading "major[.minor[.more…]]", optionally followed by a build tag after a space, "(" or "-"
// (e.g. "7.1.2 (N2G48C)"). "8.x", "v8", "Android 8" or "unknown" are refused: not a number we can trust.
const VERSION = /^(\d{1,9})(?:\.(\d{1,9}))?(?:\.\d{1,12})*(?:[\s(-].*)?$/s

export function parseOsVersion(value: unknown): OsVersion | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return null
    return parseOsVersion(String(value))
  }
  if (typeof value !== 'string') return null
  const match = VERSION.exec(value.trim())
  if (!match) return null
  return { major: Number(match[1]), minor: match[2] === undefined ? 0 : Number(match[2]) }
}

/** Negative, zero or positive like a comparator. */
export function compareVersion(a: OsVersion, b: OsVersion): number {
  return a.major !== b.major ? a.major - b.major : a.minor - b.minor
}

export function formatVersion(v: OsVersion): string {
  return `${v.major}.${v.minor}`
}
