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
import { assertNever } from '@shared/errors'
import { bucketRange } from './buckets'
import type { ReadinessQueries } from './queries'

const DAY_MS = 86_400_000

/**
 * How the charts group an action's state (schemas/readiness.ts ACTION_OUTCOMES). `stillPending`,
 * `awaitingApproval` and `unknownState` are open, not failed: Intune may still deliver them
 * (schemas/actions.ts), so counting them as failures would overstate the risk.
 */
export function outcomeOf(state: ActionState): ActionOutcome {
  switch (state) {
    case 'done':
      return 'succeeded'
    case 'failed':
    case 'notSupported':
      return 'failed'
    case 'notSent':
      return 'notSent'
    case 'canceled':
      return 'canceled'
    case 'sending':
    case 'pending':
    case 'active':
    case 'stillPending':
    case 'awaitingApproval':
    case 'unknownState':
      return 'pending'
    default:
      return assertNever(state)
  }
}

export interface SummaryContext {
  readonly queries: ReadinessQueries
  readonly nowMs: number
  readonly rangeDays: ReadinessRange
  readonly utcOffsetMinutes: number
  readonly lastSyncAt: string | null
}

/** Every verdict, zero included, in the eligibility module's order (stable bars). */
function verdictCounts(rows: readonly { key: string | null; n: number }[]) {
  const counts = new Map(rows.map((r) => [r.key, r.n]))
  return VERDICTS.map((verdict: Verdict) => ({ verdict, count: counts.get(verdict) ?? 0 }))
}

export function buildSummary(ctx: SummaryContext): ReadinessSummary {
  const q = ctx.queries
  const byVerdict = verdictCounts(q.byVerdict())
  const stale = q
    .staleByKind(ctx.nowMs - STALE_CHECK_IN_DAYS * DAY_MS)
    .map((r) => ({ enrollmentKind: r.key as EnrollmentKind, count: r.n }))
    .sort((a, b) => b.count - a.count || a.enrollmentKind.localeCompare(b.enrollmentKind))

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
      byKindPlatform: q
        .byKindPlatform()
        .map((r) => ({ enrollmentKind: r.kind as EnrollmentKind, platform: r.platform, count: r.n }))
        .sort((a, b) => b.count - a.count || a.enrollmentKind.localeCompare(b.enrollmentKind)),
      stale: { days: STALE_CHECK_IN_DAYS, total: stale.reduce((sum, s) => sum + s.count, 0), byKind: stale },
    },
    actions: {
      rangeDays: ctx.rangeDays,
      bucket: range.bucket,
      overTime: range.starts.map((start) => ({ start, ...buckets.get(start)! })),
      failures: q.failures(range.fromIso).map((r) => ({
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
