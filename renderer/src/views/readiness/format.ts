import type { ReadinessBucket } from '@shared/api/schemas/readiness'

/**
 * A duration as an agent says it: "45 s", "12 min", "2 h 5 min" (Intl unit formats, so French and
 * English get their own abbreviations and spacing).
 */
export function formatDuration(ms: number, locale: string): string {
  const unit = (value: number, u: 'second' | 'minute' | 'hour') =>
    new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: u,
      unitDisplay: 'short',
      maximumFractionDigits: 0,
    }).format(value)
  const seconds = Math.round(ms / 1000)
  if (seconds < 60) return unit(seconds, 'second')
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return unit(minutes, 'minute')
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  return rest === 0 ? unit(hours, 'hour') : `${unit(hours, 'hour')} ${unit(rest, 'minute')}`
}

/** A bucket's first day (a local YYYY-MM-DD from core) as the axis shows it. */
export function formatBucketStart(start: string, bucket: ReadinessBucket, locale: string): string {
  const date = new Date(`${start}T00:00:00Z`)
  const options: Intl.DateTimeFormatOptions =
    bucket === 'month' ? { month: 'short', year: 'numeric' } : { day: 'numeric', month: 'short' }
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(date)
}
