import type { ReadinessBucket, ReadinessRange } from '@shared/api/schemas/readiness'

/**
 * Time buckets of the action charts. Days, weeks (Monday first, ISO 8601 as in France) and months
 * start at the agent's local midnight: core is given the agent's UTC offset and computes each
 * bucket's bounds as UTC instants here, so SQL only compares ISO strings against an index (date
 * functions per row cost ~10× more: tests/bench/readiness.bench.ts). One offset for the whole
 * range: a DST change inside it moves that day's boundary by an hour.
 */

const DAY_MS = 86_400_000

export const BUCKET_OF_RANGE: Readonly<Record<ReadinessRange, ReadinessBucket>> = {
  30: 'day',
  90: 'week',
  365: 'month',
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
  /** Each bucket's [start, end) as UTC instants (ISO 8601), in the order of `starts`. */
  readonly bounds: readonly (readonly [string, string])[]
  /** The first bucket's start as a UTC instant (ISO 8601): actions requested from then on count. */
  readonly fromIso: string
  /** The last bucket's end (exclusive), the range's other end: History gets both (readinessCharts.ts). */
  readonly toIso: string
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
  const bounds: [string, string][] = []
  const utc = (local: Date) => new Date(local.getTime() - shift).toISOString()
  for (let d = first; d.getTime() <= last.getTime(); d = next(d, bucket)) {
    starts.push(ymd(d))
    bounds.push([utc(d), utc(next(d, bucket))])
  }
  return { bucket, starts, bounds, fromIso: utc(first), toIso: utc(next(last, bucket)) }
}
