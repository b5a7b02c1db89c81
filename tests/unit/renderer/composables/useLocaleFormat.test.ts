import { describe, expect, it } from 'vitest'
import { cachedFormatter } from '@renderer/composables/useLocaleFormat'

describe('cachedFormatter', () => {
  it('builds one formatter per kind and language, then hands back the same one', () => {
    let built = 0
    const build = (locale: string) => () => {
      built++
      return new Intl.NumberFormat(locale)
    }
    const fr = cachedFormatter('test-number', 'fr', build('fr'))
    expect(cachedFormatter('test-number', 'fr', build('fr'))).toBe(fr)
    const en = cachedFormatter('test-number', 'en', build('en'))
    expect(en).not.toBe(fr)
    expect(cachedFormatter('test-number-other', 'fr', build('fr'))).not.toBe(fr)
    expect(built).toBe(3)
    expect(fr.format(1234.5)).toBe('1\u202f234,5')
    expect(en.format(1234.5)).toBe('1,234.5')
  })
})
