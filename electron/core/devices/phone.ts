import { AsYouType, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js'

/**
 * Phone numbers as an agent hears them (domain §9, caller lookup): a French caller reads out
 * « 06 97 13 93 15 », Intune stores `+33 6 97 13 93 15`. Both sides are reduced to the national
 * significant number (`697139315`, the digits without country code or trunk prefix "0") with
 * libphonenumber-js (Google's libphonenumber metadata), so `0697139315`, `06 97 13 93 15`,
 * `+33 (0)6 97 13 93 15` and `0033 6 97…` all find the same device, while typing too.
 */

/** Fewer digits than this are a serial or name fragment, not a phone number being typed. */
const MIN_PHONE_DIGITS = 4
/** Only phone punctuation: a query with letters is never a phone number. */
const PHONE_SHAPED = /^[\d\s+().\-/]+$/
/**
 * What makes digits a phone number rather than an identifier fragment: an international prefix
 * (`+`, `00`), a trunk prefix `0`, or the `(0)` of the international-with-trunk style. Plain digits
 * ("33697…", "12345") stay identifier fragments: the trigram index already finds them inside the
 * stored digits.
 */
const PHONE_MARKER = /^\s*(\+|0|\(0\))/

/**
 * The agent's default region for numbers typed without a country code, from a BCP 47 locale
 * (`fr-FR` → FR, `en-GB` → GB; a bare language is maximized: `fr` → FR, `en` → US).
 */
export function phoneRegionOf(locale: string | undefined): CountryCode | undefined {
  if (!locale) return undefined
  try {
    const region = new Intl.Locale(locale.replace('_', '-')).maximize().region
    return region && /^[A-Z]{2}$/.test(region) ? (region as CountryCode) : undefined
  } catch {
    return undefined
  }
}

/** Whether a query is shaped like a phone number (checked before any region is worked out). */
export function looksLikePhone(query: string): boolean {
  const text = query.trim()
  return PHONE_SHAPED.test(text) && PHONE_MARKER.test(text)
}

/**
 * The region to read a typed number in: the agent's own (locale) when the tenant has callers
 * there, else the tenant's most common one — a French tenant's callers read French numbers even
 * to an agent whose computer says en-US. `stored` is a sample of the cache's phone numbers.
 */
export function pickPhoneRegion(
  localeRegion: CountryCode | undefined,
  stored: readonly string[],
): CountryCode | undefined {
  const counts = new Map<CountryCode, number>()
  for (const phone of stored) {
    const country = parsePhoneNumberFromString(phone, localeRegion)?.country
    if (country) counts.set(country, (counts.get(country) ?? 0) + 1)
  }
  if (localeRegion && (counts.size === 0 || counts.has(localeRegion))) return localeRegion
  let best: CountryCode | undefined
  for (const [country, n] of counts) if (!best || n > counts.get(best)!) best = country
  return best ?? localeRegion
}

/**
 * The national significant number to search for when the query is a phone number (complete or
 * still being typed), else null. `region` reads numbers without a country code.
 */
export function phoneSearchDigits(query: string, region: CountryCode | undefined): string | null {
  if (!looksLikePhone(query)) return null
  const text = query.trim()
  const digits = text.replace(/\D+/g, '')
  if (digits.length < MIN_PHONE_DIGITS) return null
  const typing = new AsYouType(region)
  typing.input(text.replace(/\(0\)/, ''))
  const national = typing.getNationalNumber()
  return national && national.length >= MIN_PHONE_DIGITS - 1 ? national : null
}

/**
 * Extra words for a stored phone number in the word index: its national significant number and
 * E.164 digits, so a search by either finds it as a word prefix. Empty when it cannot be parsed
 * (the bare digits are indexed regardless, device-record.ts).
 */
export function phoneIndexWords(phone: string | null, region: CountryCode | undefined): string[] {
  if (!phone) return []
  const parsed = parsePhoneNumberFromString(phone, region)
  if (!parsed) return []
  return [parsed.nationalNumber, `${parsed.countryCallingCode}${parsed.nationalNumber}`]
}
