import type { ReadinessBucket, ReadinessRange } from '@shared/api/schemas/readiness'

/**
 * Time buckets of the action charts. Days, weeks (Monday first, ISO 8601 as in France) and months
 * start at the agent's local midnight: core is given the agent's UTC offset and shifts times by it,
 * in SQL (`date(requested_at, '+120 minutes')`) and here, so both name a bucket by the same local
 * date. One offset for the whole range: a DST change inside it moves that day's boundary by an hour.
 */

const DAY_MS = 86_400_000

export const BUCKET_OF_RANGE: Readonly<Record<ReadinessRange, ReadinessBucket>> = {
  30: 'day',
  90: 'week',
  365: 'month',
}

/** SQLite time modifier for the offset, e.g. '+120 minutes' (sqlite.org/lang_datefunc.html §3). */
export function offsetModifier(utcOffsetMinutes: number): string {
  return `${utcOffsetMinutes >= 0 ? '+' : '-'}${Math.abs(utcOffsetMinutes)} minutes`
}

/**
 * SQL naming the bucket of `requested_at` as a local YYYY-MM-DD (its first day); `?` is the offset
 * modifier. Week: 6 days back, then forward to a Monday, lands on the Monday of that week.
 */
export function bucketSql(bucket: ReadinessBucket): string {
  switch (bucket) {
    case 'day':
      return 'date(requested_at, ?)'
    case 'week':
      return "date(requested_at, ?, '-6 days', 'weekday 1')"
    case 'month':
      return "strftime('%Y-%m-01', requested_at, ?)"
  }
}

const ymd = (local: Date) => local.toISOString().slice(0, 10)

/** The local first day of the bucket holding `localMs` (a time already shifted by the offset). */
function bucketStartOf(localMs: number, bucket: ReadinessBucket): Date {
  const d = new Date(localMs)
  d.setUTCHours(0, 0, 0, 0)
  if (bucket === 'week') d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7))
  if (bucket === 'month') d.setUTCDate(1)
  return d
}

function next(d: Date, bucket: ReadinessBucket): Date {
  const n = new Date(d)
  if (bucket === 'day') n.setUTCDate(n.getUTCDate() + 1)
  else if (bucket === 'week') n.setUTCDate(n.getUTCDate() + 7)
  else n.setUTCMonth(n.getUTCMonth() + 1)
  return n
}

export interface BucketRange {
  readonly bucket: ReadinessBucket
  /** Every bucket's local first day, oldest first; the last one holds `now`. */
  readonly starts: readonly string[]
  /** The first bucket's start as a UTC instant (ISO 8601): actions requested from then on count. */
  readonly fromIso: string
}

/**
 * The whole buckets covering the last `rangeDays` days up to now: the first bucket holds the day
 * `rangeDays - 1` days ago and is counted whole, so no bar stands for a partial period but the
 * current one.
 */
export function bucketRange(nowMs: number, rangeDays: ReadinessRange, utcOffsetMinutes: number): BucketRange {
  const bucket = BUCKET_OF_RANGE[rangeDays]
  const shift = utcOffsetMinutes * 60_000
  const localNow = nowMs + shift
  const first = bucketStartOf(localNow - (rangeDays - 1) * DAY_MS, bucket)
  const last = bucketStartOf(localNow, bucket)
  const starts: string[] = []
  for (let d = first; d.getTime() <= last.getTime(); d = next(d, bucket)) starts.push(ymd(d))
  return { bucket, starts, fromIso: new Date(first.getTime() - shift).toISOString() }
}
