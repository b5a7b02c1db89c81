// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { applyLocale, i18n, localeFromLanguages } from '@renderer/i18n'

describe('localeFromLanguages', () => {
  it.each([
    [['fr-FR', 'en-US'], 'fr'],
    [['fr-CA'], 'fr'],
    [['FR'], 'fr'],
    [['en-GB', 'fr-FR'], 'en'],
    [['de-DE'], 'en'],
    [[], 'en'],
    [undefined, 'en'],
    [['', 'fr-BE'], 'fr'],
  ] as const)('%j → %s', (languages, expected) => {
    expect(localeFromLanguages(languages)).toBe(expected)
  })
})

describe('applyLocale', () => {
  it('switches vue-i18n and <html lang>', () => {
    applyLocale('fr')
    expect(i18n.global.locale.value).toBe('fr')
    expect(document.documentElement.lang).toBe('fr')
    expect(i18n.global.t('nav.settings')).toBe('Paramètres')
    applyLocale('en')
    expect(document.documentElement.lang).toBe('en')
    expect(i18n.global.t('nav.settings')).toBe('Settings')
  })
})
