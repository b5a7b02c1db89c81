import { createSharedComposable, useNow } from '@vueuse/core'
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/**
 * "il y a 3 jours" / "3 days ago" from an ISO date, in the given locale (DESIGN §3: dates follow the
 * locale, through Intl rather than hand-built strings). Past and future both work (a device clock
 * a little ahead of ours reads "à l'instant", not "dans 2 minutes"). Returns null for no/invalid date.
 */
export function formatRelativeTime(
  value: string | number | Date | null | undefined,
  now: number | Date,
  locale: string,
  formatter: Intl.RelativeTimeFormat = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
  /** What to say under a minute; Intl's own word ("maintenant") reads oddly after "Dernière synchronisation". */
  justNow?: string,
): string | null {
  if (value === null || value === undefined || value === '') return null
  const then = value instanceof Date ? value.getTime() : new Date(value).getTime()
  if (Number.isNaN(then)) return null
  const diff = then - (now instanceof Date ? now.getTime() : now)
  const abs = Math.abs(diff)
  // Under a minute (either way) is "now": a few seconds of clock skew must not read as the future.
  if (abs < MINUTE) return justNow ?? formatter.format(0, 'second')
  const sign = diff < 0 ? -1 : 1
  if (abs < HOUR) return formatter.format(sign * Math.floor(abs / MINUTE), 'minute')
  if (abs < DAY) return formatter.format(sign * Math.floor(abs / HOUR), 'hour')
  if (abs < 30 * DAY) return formatter.format(sign * Math.floor(abs / DAY), 'day')
  if (abs < 365 * DAY) return formatter.format(sign * Math.floor(abs / (30 * DAY)), 'month')
  return formatter.format(sign * Math.floor(abs / (365 * DAY)), 'year')
}

const formatters = new Map<string, Intl.RelativeTimeFormat>()
/** Built once per language: rows mount by the dozen while scrolling. */
function relativeFormatter(locale: string): Intl.RelativeTimeFormat {
  let formatter = formatters.get(locale)
  if (!formatter)
    formatters.set(locale, (formatter = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })))
  return formatter
}

/** One clock for the whole window (not one timer per visible row), ticking every 30 s. */
const useSharedNow = createSharedComposable(() => useNow({ interval: 30_000 }))

/**
 * Relative times in the active language that stay true while the page is open: the shared clock
 * ticks every 30 s, so "il y a 1 minute" becomes "il y a 2 minutes" without a reload.
 */
export function useRelativeTime() {
  const { locale, t } = useI18n()
  const now = useSharedNow()
  const formatter = computed(() => relativeFormatter(locale.value))
  return {
    now,
    relative: (value: string | null | undefined): string | null =>
      formatRelativeTime(value, now.value, locale.value, formatter.value, t('devices.time.justNow')),
  }
}

/**
 * A short duration for an estimate ("45 s", "3 min", "1 h 5 min"), with the locale's unit names
 * (Intl.NumberFormat unit style). Seconds under a minute, minutes rounded up above.
 */
export function formatShortDuration(seconds: number, locale: string): string {
  const unit = (value: number, name: 'second' | 'minute' | 'hour') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value)
  const s = Math.max(0, Math.round(seconds))
  if (s < 60) return unit(s, 'second')
  const minutes = Math.ceil(s / 60)
  if (minutes < 60) return unit(minutes, 'minute')
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  return rest === 0 ? unit(hours, 'hour') : `${unit(hours, 'hour')} ${unit(rest, 'minute')}`
}
