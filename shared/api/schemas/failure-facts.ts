import { z } from 'zod'
import { ERROR_CODES } from '../../errors'
import { ACTION_STATES } from './actions'
import { deviceIdInput, passcodeAction } from './devices'

/**
 * "Before the click": the facts core has about what could make a passcode action on one device
 * fail — its last check-in, whether a passcode policy is known to apply, earlier failures on this
 * device and in the tenant (this app's history and Intune's audit log), scope, Multi Admin
 * Approval (domain §9). Facts only: the rules that
 * turn them into causes and questions for the caller are shared/failure-causes (pure).
 */

/** Why an earlier action ended badly: core's error code when it was not sent, else Intune's end state. */
export const failureReason = z.union([
  z.strictObject({ kind: z.literal('error'), code: z.enum(ERROR_CODES) }),
  z.strictObject({ kind: z.literal('state'), state: z.enum(ACTION_STATES) }),
])
export type FailureReason = z.infer<typeof failureReason>

export const reasonCount = z.strictObject({
  reason: failureReason,
  count: z.number().int().min(1),
  /** requested_at of the latest one (ISO 8601). */
  lastAt: z.string(),
})
export type ReasonCount = z.infer<typeof reasonCount>

/**
 * Whether a passcode (or compliance) policy requiring a passcode is known to reach the device.
 * The cached managedDevice record carries no policy assignment (it needs per-device policy-state
 * reads Graph does not give in the device list), so core says `notKnown` rather than guess.
 */
export const PASSCODE_POLICY_KNOWLEDGE = ['assigned', 'notAssigned', 'notKnown'] as const

/** Passcode requests Intune's audit log recorded with a result other than Success, by result text. */
export const auditFailure = z.strictObject({
  /** Intune's activityResult as written (free text: no values are documented). */
  result: z.string().max(80),
  count: z.number().int().min(1),
  /** activityDateTime of the latest one (ISO 8601). */
  lastAt: z.string(),
})
export type AuditFailure = z.infer<typeof auditFailure>

/**
 * Intune's audit log (auditEvents, domain §3.1): read within a time budget over a recent window, or
 * not read — refused (GRAPH_FORBIDDEN: Audit data Read or DeviceManagementApps.Read.All missing),
 * Intune unreachable (OFFLINE), out of time (TIMEOUT), signed out (AUTH_REQUIRED). The local facts
 * stand either way.
 */
export const auditFacts = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('read'),
    /** Oldest moment the read covers: the window's start, or the oldest event read when capped. */
    since: z.string(),
    /** When Intune answered (a cached read may be a few minutes old). */
    readAt: z.string(),
    /** Events of this device not already in this app's history. */
    deviceFailures: z.array(auditFailure).max(5),
    /** Other cached devices allowing the same action. */
    tenantFailures: z.array(auditFailure).max(5),
  }),
  z.strictObject({ status: z.literal('notRead'), code: z.enum(ERROR_CODES) }),
])
export type AuditFacts = z.infer<typeof auditFacts>

export const failureFacts = z.strictObject({
  deviceId: z.string(),
  /** The action the device allows (eligibility), null when none. */
  action: passcodeAction.nullable(),
  /** Last check-in (Graph lastSyncDateTime), null when never. */
  lastCheckIn: z.string().nullable(),
  /** Core's clock when the facts were read (ISO 8601): ages are measured from it. */
  readAt: z.string(),
  outOfScope: z.boolean(),
  passcodePolicy: z.enum(PASSCODE_POLICY_KNOWLEDGE),
  /** This device's earlier passcode actions that failed, by reason, most frequent first. */
  deviceFailures: z.array(reasonCount).max(20),
  /** The tenant's earlier failures of the same action on other devices, by reason (top ones). */
  tenantFailures: z.array(reasonCount).max(20),
  /** Actions in this tenant Intune held for Multi Admin Approval (403 ApprovalRequired). */
  approvalRequired: z.strictObject({ count: z.number().int().min(1), lastAt: z.string() }).nullable(),
  audit: auditFacts,
})
export type FailureFacts = z.infer<typeof failureFacts>

export const failureFactsContract = {
  /**
   * NOT_FOUND when the device is not in the cache. The cache and history, plus Intune's audit log
   * within a short budget (never an error: `audit.status` says whether it was read).
   */
  'devices:failureFacts': { input: deviceIdInput, output: failureFacts },
} as const
