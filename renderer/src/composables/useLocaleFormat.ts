import { computed } from 'vue'
import { useI18n } from 'vue-i18n'

/**
 * Dates, numbers and language names through `Intl` in the active language (DESIGN §3), so views
 * never format by hand. Formatters are rebuilt only when the language changes.
 */
export function useLocaleFormat() {
  const { locale } = useI18n()
  const dateTime = computed(
    () => new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium', timeStyle: 'short' }),
  )
  const date = computed(() => new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium' }))
  const number = computed(() => new Intl.NumberFormat(locale.value))
  const languages = computed(() => new Intl.DisplayNames([locale.value], { type: 'language' }))

  return {
    formatDateTime: (value: Date | string | number) => dateTime.value.format(new Date(value)),
    formatDate: (value: Date | string | number) => date.value.format(new Date(value)),
    formatNumber: (value: number) => number.value.format(value),
    /** `fr-CA` → "français (Canada)" in French, "French (Canada)" in English; the tag itself if unknown. */
    languageName: (tag: string) => {
      try {
        return languages.value.of(tag) ?? tag
      } catch {
        return tag
      }
    },
  }
}
