import type { CountryCode } from 'libphonenumber-js'
import { looksLikePhone, phoneRegionOf, phoneSearchDigits, pickPhoneRegion } from './phone'
import { parseSearchText, type SearchText } from './query-text'

/** The phone numbers the cache holds, a sample of which tells their usual region. */
export const PHONE_SAMPLE = 'SELECT phone_number FROM devices WHERE phone_number IS NOT NULL LIMIT 200'

export interface SearchTextDeps {
  /** The agent's locale (BCP 47), whose region reads phone numbers typed without a country code. */
  readonly locale: () => string | undefined
  /** Changes whenever the database does (search-statements.ts): the region is re-read then. */
  readonly version: () => string
  /** Phone numbers from the cache (PHONE_SAMPLE). */
  readonly sample: () => string[]
}

/**
 * What the agent typed, as search tokens. A phone number typed in any national or international
 * style is searched as its national significant number (devices/phone.ts; the index holds it as
 * a word and inside the digits).
 */
export function createSearchText(deps: SearchTextDeps): (query: string) => SearchText {
  let region: { version: string; locale: string | undefined; region: CountryCode | undefined } | null = null
  const phoneRegion = (): CountryCode | undefined => {
    const version = deps.version()
    const agent = deps.locale()
    if (region?.version !== version || region.locale !== agent) {
      region = { version, locale: agent, region: pickPhoneRegion(phoneRegionOf(agent), deps.sample()) }
    }
    return region.region
  }
  return (query) => {
    const text = parseSearchText(query)
    const phone = looksLikePhone(query) ? phoneSearchDigits(query, phoneRegion()) : null
    return phone ? { ...text, tokens: [phone] } : text
  }
}
