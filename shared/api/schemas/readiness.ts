import { z } from 'zod'
import { ERROR_CODES } from '../../errors'
import { actionState, passcodeActionKind } from './actions'
import { isoDateTime } from './common'
import { enrollmentKind, verdict } from './devices'

/**
 * Fleet readiness (DESIGN §1 "see the fleet"): figures over the local device cache and this
 * machine's action history, computed by SQLite aggregate queries in core, so the view works offline
 * and stays fast at 200,000 devices (DESIGN §5).
 */

/** Ranges of the action charts, in days; each has its own bucket (day, week, month). */
export const READINESS_RANGES = [30, 90, 365] as const
export type ReadinessRange = (typeof READINESS_RANGES)[number]
export const READINESS_BUCKETS = ['day', 'week', 'month'] as const
export type ReadinessBucket = (typeof READINESS_BUCKETS)[number]

/**
 * How an action ended, as the charts group it (a fold of ActionState):
 * done → succeeded; failed, notSupported → failed; notSent → notSent; canceled → canceled;
 * everything still open or never answered → pending.
 */
export const ACTION_OUTCOMES = ['succeeded', 'failed', 'notSent', 'canceled', 'pending'] as const
export type ActionOutcome = (typeof ACTION_OUTCOMES)[number]

/** A device with no check-in for this many days is unlikely to receive an action (domain §1.2 "device online"). */
export const STALE_CHECK_IN_DAYS = 7

export const readinessSummaryInput = z.strictObject({
  rangeDays: z.union([z.literal(30), z.literal(90), z.literal(365)]).default(90),
  /**
   * The agent's UTC offset now (minutes east of UTC, like -Date#getTimezoneOffset()), so days and
   * months start at the agent's midnight.
   */
  utcOffsetMinutes: z.number().int().min(-840).max(840).default(0),
})
export type ReadinessSummaryInput = z.input<typeof readinessSummaryInput>

const count = () => z.number().int().min(0)

export const readinessSummary = z.strictObject({
  /** When core computed these figures (ISO 8601). */
  generatedAt: z.string(),
  /** The cache's last successful sync: the device figures are as of then (null: never synced). */
  lastSyncAt: z.string().nullable(),
  devices: z.strictObject({
    total: count(),
    byVerdict: z.array(z.strictObject({ verdict, count: count() })),
    /** `platform` is Graph's operatingSystem as cached (null when Graph gave none). */
    byKindPlatform: z.array(
      z.strictObject({ enrollmentKind, platform: z.string().nullable(), count: count() }),
    ),
    /** Eligible devices with no check-in for STALE_CHECK_IN_DAYS days or more (never counts too). */
    stale: z.strictObject({
      days: z.number().int().min(1),
      total: count(),
      byKind: z.array(z.strictObject({ enrollmentKind, count: count() })),
    }),
  }),
  actions: z.strictObject({
    rangeDays: z.number().int().min(1),
    bucket: z.enum(READINESS_BUCKETS),
    /**
     * One entry per bucket of the range, oldest first, empty buckets included; `start` is a local
     * date (YYYY-MM-DD), [`from`, `to`) the bucket's UTC bounds, so a bar opens History on exactly
     * the actions it counts (History filters on requestedAt the same way).
     */
    overTime: z.array(
      z.strictObject({
        start: z.string(),
        from: isoDateTime(),
        to: isoDateTime(),
        succeeded: count(),
        failed: count(),
        notSent: count(),
        canceled: count(),
        pending: count(),
      }),
    ),
    /**
     * Earlier failures in the range by reason: Intune's failed / notSupported (with Intune's errorCode
     * when it gave one), or not sent (with this app's error code). `devices` counts distinct devices.
     */
    failures: z.array(
      z.strictObject({
        state: actionState,
        failureCode: z.enum(ERROR_CODES).nullable(),
        intuneErrorCode: z.number().int().nullable(),
        actions: count(),
        devices: count(),
      }),
    ),
    /** Median time from sending to Intune's terminal answer, over actions that succeeded in the range. */
    completion: z.strictObject({
      medianMs: z.number().min(0).nullable(),
      count: count(),
      byAction: z.array(
        z.strictObject({ action: passcodeActionKind, medianMs: z.number().min(0), count: count() }),
      ),
    }),
  }),
})
export type ReadinessSummary = z.infer<typeof readinessSummary>

export const readinessContract = {
  'readiness:summary': { input: readinessSummaryInput, output: readinessSummary },
} as const
