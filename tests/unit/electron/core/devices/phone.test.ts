import { describe, expect, it } from 'vitest'
import {
  looksLikePhone,
  phoneIndexWords,
  phoneRegionOf,
  phoneSearchDigits,
  pickPhoneRegion,
} from '../../../../../electron/core/devices/phone'

describe('phone numbers as typed and as stored', () => {
  it('reads the region from a locale', () => {
    expect(phoneRegionOf('fr-FR')).toBe('FR')
    expect(phoneRegionOf('fr_BE')).toBe('BE')
    expect(phoneRegionOf('fr')).toBe('FR')
    expect(phoneRegionOf('en-GB')).toBe('GB')
    expect(phoneRegionOf(undefined)).toBeUndefined()
    expect(phoneRegionOf('not a locale!')).toBeUndefined()
  })

  it('reduces every French style of one number to its national significant number', () => {
    for (const typed of [
      '06 97 13 93 15',
      '0697139315',
      '06.97.13.93.15',
      '06-97-13-93-15',
      '+33 (0)6 97 13 93 15',
      '+33 6 97 13 93 15',
      '+33697139315',
      '0033 6 97 13 93 15',
    ]) {
      expect(phoneSearchDigits(typed, 'FR'), typed).toBe('697139315')
    }
  })

  it('normalizes a number still being typed, so the list narrows key by key', () => {
    expect(phoneSearchDigits('06 97', 'FR')).toBe('697')
    expect(phoneSearchDigits('+33 (0)6 97 1', 'FR')).toBe('6971')
  })

  it('reads a national number in the given region', () => {
    expect(phoneSearchDigits('020 7946 0958', 'GB')).toBe('2079460958')
    expect(phoneSearchDigits('+44 20 7946 0958', 'FR')).toBe('2079460958')
  })

  it('leaves names, serials and bare digit fragments alone', () => {
    for (const typed of ['helene', 'C02XK1', '12345', '33697139315', '06', '0 6', '+3', 'O6 97 13']) {
      expect(phoneSearchDigits(typed, 'FR'), typed).toBeNull()
    }
    expect(looksLikePhone('06 97')).toBe(true)
    expect(looksLikePhone('06 97 abc')).toBe(false)
  })

  it('indexes a stored number by its national significant number and E.164 digits', () => {
    expect(phoneIndexWords('+33 6 97 13 93 15', 'US')).toEqual(['697139315', '33697139315'])
    expect(phoneIndexWords('06 97 13 93 15', 'FR')).toEqual(['697139315', '33697139315'])
    expect(phoneIndexWords(null, 'FR')).toEqual([])
    expect(phoneIndexWords('n/a', 'FR')).toEqual([])
  })

  it("prefers the agent's region when the tenant has callers there, else the tenant's own", () => {
    const french = ['+33 6 12 34 56 78', '+33 7 12 34 56 78', '+44 20 7946 0958']
    expect(pickPhoneRegion('US', french)).toBe('FR')
    expect(pickPhoneRegion('GB', french)).toBe('GB')
    expect(pickPhoneRegion('US', [])).toBe('US')
    expect(pickPhoneRegion(undefined, french)).toBe('FR')
  })
})
