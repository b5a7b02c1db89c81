import { createI18n } from 'vue-i18n'
import type { Locale } from '@shared/api/schemas/common'
import en from './en.json'
import fr from './fr.json'

/** The catalogue shape: English is the reference, French must match it key for key (unit test). */
export type MessageSchema = typeof en

export const SUPPORTED_LOCALES: readonly Locale[] = ['fr', 'en']

/**
 * The OS language as the browser engine reports it: any French variant → fr, anything else → en
 * (the two languages the helpdesk works in, DESIGN §3).
 */
export function localeFromLanguages(languages: readonly string[] | undefined): Locale {
  const first = languages?.find((tag) => typeof tag === 'string' && tag.length > 0)
  return first?.toLowerCase().startsWith('fr') ? 'fr' : 'en'
}

export function systemLocale(): Locale {
  if (typeof navigator === 'undefined') return 'en'
  return localeFromLanguages(navigator.languages?.length ? navigator.languages : [navigator.language])
}

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: systemLocale(),
  fallbackLocale: 'en',
  messages: { fr, en },
  // Missing keys are caught by the catalogue unit tests, not by console noise at run time.
  missingWarn: false,
  fallbackWarn: false,
})

/** Switches the active language and tells assistive technology which language the page is in. */
export function applyLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  if (typeof document !== 'undefined') document.documentElement.lang = locale
}
