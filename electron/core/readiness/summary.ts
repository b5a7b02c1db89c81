import type { ActionState } from '@shared/api/schemas/actions'
import {
  ACTION_OUTCOMES,
  STALE_CHECK_IN_DAYS,
  type ActionOutcome,
  type ReadinessRange,
  type ReadinessSummary,
} from '@shared/api/schemas/readiness'
import type { EnrollmentKind, PasscodeAction, Verdict } from '@shared/eligibility/codes'
import { VERDICTS } from '@shared/eligibility/codes'
import type { ErrorCode } from '@shared/errors'
import { outcomeOf } from '@shared/action-outcomes'
import { bucketRange } from './buckets'
import type { ReadinessQueries } from './queries'

const DAY_MS = 86_400_000

export { outcomeOf }

export interface SummaryContext {
  readonly queries: ReadinessQueries
  readonly nowMs: number
  readonly rangeDays: ReadinessRange
  readonly utcOffsetMinutes: number
  readonly lastSyncAt: string | null
}

/** Sums of `value` per key, largest first (ties by key: stable bars). */
function totals<K extends string>(entries: Iterable<[K, number]>): { key: K; count: number }[] {
  const map = new Map<K, number>()
  for (const [key, value] of entries) map.set(key, (map.get(key) ?? 0) + value)
  return [...map]
    .filter(([, count]) => count > 0)
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
}

export function buildSummary(ctx: SummaryContext): ReadinessSummary {
  const q = ctx.queries
  const groups = q.deviceGroups(ctx.nowMs - STALE_CHECK_IN_DAYS * DAY_MS)
  const verdicts = new Map(totals(groups.map((g) => [g.verdict, g.n])).map((v) => [v.key, v.count]))
  // Every verdict, zero included, in the eligibility module's order.
  const byVerdict = VERDICTS.map((verdict: Verdict) => ({ verdict, count: verdicts.get(verdict) ?? 0 }))
  const pairs = new Map<string, { enrollmentKind: EnrollmentKind; platform: string | null; count: number }>()
  for (const g of groups) {
    const key = `${g.kind}\u0000${g.platform ?? ''}\u0000${g.platform === null ? 0 : 1}`
    const pair = pairs.get(key) ?? {
      enrollmentKind: g.kind as EnrollmentKind,
      platform: g.platform,
      count: 0,
    }
    pair.count += g.n
    pairs.set(key, pair)
  }
  const stale = totals(
    groups.filter((g) => g.verdict === 'eligible').map((g) => [g.kind as EnrollmentKind, g.stale]),
  ).map((s) => ({ enrollmentKind: s.key, count: s.count }))

  const range = bucketRange(ctx.nowMs, ctx.rangeDays, ctx.utcOffsetMinutes)
  const zero = () => Object.fromEntries(ACTION_OUTCOMES.map((o) => [o, 0])) as Record<ActionOutcome, number>
  const buckets = new Map(range.starts.map((start) => [start, zero()]))
  const bounds = range.starts.map((start, i) => [start, ...range.bounds[i]!] as const)
  for (const row of q.overTime(bounds)) {
    const bucket = buckets.get(row.start)
    if (bucket) bucket[outcomeOf(row.state as ActionState)] += row.n
  }

  const completion = q.completion(range.fromIso)
  const overall = completion.find((c) => c.grp === '*')
  return {
    generatedAt: new Date(ctx.nowMs).toISOString(),
    lastSyncAt: ctx.lastSyncAt,
    devices: {
      total: byVerdict.reduce((sum, v) => sum + v.count, 0),
      byVerdict,
      byKindPlatform: [...pairs.values()].sort(
        (a, b) => b.count - a.count || a.enrollmentKind.localeCompare(b.enrollmentKind),
      ),
      stale: { days: STALE_CHECK_IN_DAYS, total: stale.reduce((sum, s) => sum + s.count, 0), byKind: stale },
    },
    actions: {
      rangeDays: ctx.rangeDays,
      bucket: range.bucket,
      overTime: range.starts.map((start, i) => ({
        start,
        from: range.bounds[i]![0],
        to: range.bounds[i]![1],
        ...buckets.get(start)!,
      })),
      failures: q.failures(range.fromIso, range.toIso).map((r) => ({
        state: r.state as ActionState,
        failureCode: r.failure_code as ErrorCode | null,
        intuneErrorCode: r.intune_error_code,
        actions: r.actions,
        devices: r.devices,
      })),
      completion: {
        medianMs: overall ? overall.median : null,
        count: overall ? overall.n : 0,
        byAction: completion
          .filter((c) => c.grp !== '*')
          .map((c) => ({ action: c.grp as PasscodeAction, medianMs: c.median, count: c.n }))
          .sort((a, b) => a.action.localeCompare(b.action)),
      },
    },
  }
}
