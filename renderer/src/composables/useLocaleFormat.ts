import { useI18n } from 'vue-i18n'

/** One formatter per language and kind, kept for the page's life: building one costs far more than using it. */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.DisplayNames>()

/** The formatter of `kind` for `locale`, built on first use (a result row mounts by the dozen while typing). */
export function cachedFormatter<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.DisplayNames>(
  kind: string,
  locale: string,
  build: () => T,
): T {
  const key = `${kind}\u0000${locale}`
  let formatter = formatters.get(key) as T | undefined
  if (!formatter) formatters.set(key, (formatter = build()))
  return formatter
}

/**
 * Dates, numbers and language names through `Intl` in the active language (DESIGN §3), so views
 * never format by hand. Formatters are built once per language (cachedFormatter), not per component.
 */
export function useLocaleFormat() {
  const { locale } = useI18n()
  const dateTime = () =>
    cachedFormatter(
      'dateTime',
      locale.value,
      () => new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium', timeStyle: 'short' }),
    )
  const dateTimeSeconds = () =>
    cachedFormatter(
      'dateTimeSeconds',
      locale.value,
      () => new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium', timeStyle: 'medium' }),
    )
  const date = () =>
    cachedFormatter(
      'date',
      locale.value,
      () => new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium' }),
    )
  const number = () => cachedFormatter('number', locale.value, () => new Intl.NumberFormat(locale.value))
  const languages = () =>
    cachedFormatter(
      'languages',
      locale.value,
      () => new Intl.DisplayNames([locale.value], { type: 'language' }),
    )

  return {
    formatDateTime: (value: Date | string | number) => dateTime().format(new Date(value)),
    /** With seconds: for two instants that would read the same to the minute. */
    formatDateTimeSeconds: (value: Date | string | number) => dateTimeSeconds().format(new Date(value)),
    formatDate: (value: Date | string | number) => date().format(new Date(value)),
    formatNumber: (value: number) => number().format(value),
    /** `fr-CA` → "français (Canada)" in French, "French (Canada)" in English; the tag itself if unknown. */
    languageName: (tag: string) => {
      try {
        return languages().of(tag) ?? tag
      } catch {
        return tag
      }
    },
  }
}
