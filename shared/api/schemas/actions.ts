import { z } from 'zod'
import {
  ENROLLMENT_KINDS,
  OUTCOME_CODES,
  PASSCODE_ACTIONS,
  PRECONDITION_CODES,
} from '../../eligibility/codes'
import { ERROR_CODES } from '../../errors'
import { id, isoDateTime, text } from './common'
import { passcodeEligibility } from './devices'
import { verificationCheck } from './settings'

/**
 * Issuing and tracking the passcode action (domain §2.3–2.4). Graph has one action, `resetPasscode`; the agent
 * sees "Remove passcode" on iOS/iPadOS and "Reset passcode" on Android (domain §2.4).
 *
 * The temporary passcode Intune returns for Android kinds crosses this contract in exactly one place,
 * `actions:revealPasscode`. Every other shape carries at most `passcodeAvailable: boolean`.
 */

/**
 * Local life cycle of an action:
 * - `sending`: recorded, POST in flight (a row left in this state after a crash is checked against
 *   Intune on the next start, never re-sent);
 * - `notSent`: Intune did not register it (POST refused, or verified absent after a timeout / 5xx);
 * - `pending` / `active`: Intune's actionState while the device has not answered;
 * - `done` / `failed` / `notSupported` / `canceled`: Intune's terminal actionState (domain §2.3);
 * - `stillPending`: this app stopped polling after the give-up time; Intune may still deliver it;
 * - `awaitingApproval`: Multi Admin Approval holds the request (403 ApprovalRequired, domain §9):
 *   nothing reached the device; a second admin must approve within 3 days. Never re-sent on its own;
 * - `unknownState`: Intune reported an actionState this app does not know (e.g. the proposed
 *   `awaitingAdminAction`, domain §9): still polled, never taken as done.
 */
export const ACTION_STATES = [
  'sending',
  'notSent',
  'pending',
  'active',
  'done',
  'failed',
  'notSupported',
  'canceled',
  'stillPending',
  'awaitingApproval',
  'unknownState',
] as const
export const actionState = z.enum(ACTION_STATES)
export type ActionState = z.infer<typeof actionState>

/** States after which this app no longer polls on its own. */
export const FINAL_STATES: readonly ActionState[] = [
  'notSent',
  'done',
  'failed',
  'notSupported',
  'canceled',
  'stillPending',
  'awaitingApproval',
]
/** Intune's terminal actionState members (domain §2.3, §6). */
export const INTUNE_TERMINAL_STATES: readonly ActionState[] = ['done', 'failed', 'notSupported', 'canceled']

export const passcodeActionKind = z.enum(PASSCODE_ACTIONS)
export const preconditionCode = z.enum(PRECONDITION_CODES)

/** What the agent saw on the device, without anything secret (no deviceActionResults, no lock codes). */
export const deviceSnapshot = z.strictObject({
  deviceName: z.string().nullable(),
  model: z.string().nullable(),
  manufacturer: z.string().nullable(),
  operatingSystem: z.string().nullable(),
  osVersion: z.string().nullable(),
  serialNumber: z.string().nullable(),
  userPrincipalName: z.string().nullable(),
  userDisplayName: z.string().nullable(),
  deviceEnrollmentType: z.string().nullable(),
  deviceType: z.string().nullable(),
  ownerType: z.string().nullable(),
  managementState: z.string().nullable(),
  lastSyncDateTime: z.string().nullable(),
})
export type DeviceSnapshot = z.infer<typeof deviceSnapshot>

export const verificationAnswers = z.strictObject({
  /** The checks the agent ticked (a subset of the configured list, or more). */
  checks: z.array(verificationCheck).max(10),
  /** Who called, as the caller gave it. */
  callerName: text(200).optional(),
  /**
   * The agent read the walkthrough's script (what will happen to the device) to the caller. Core
   * refuses an action without it; absent on records made before it was recorded.
   */
  scriptRead: z.boolean().optional(),
})
export type VerificationAnswers = z.infer<typeof verificationAnswers>

export const actionRecord = z.strictObject({
  id: z.string(),
  deviceId: z.string(),
  deviceName: z.string().nullable(),
  action: passcodeActionKind,
  enrollment: z.enum(ENROLLMENT_KINDS),
  outcome: z.enum(OUTCOME_CODES).nullable(),
  state: actionState,
  agentUpn: z.string(),
  agentDisplayName: z.string().nullable(),
  tenantId: z.string(),
  ticketReference: z.string().nullable(),
  /** Who called, as recorded at step 1 (its own column since migration 0060; null when not given). */
  callerName: z.string().nullable(),
  verification: verificationAnswers,
  preconditionsConfirmed: z.array(preconditionCode),
  device: deviceSnapshot,
  eligibility: passcodeEligibility,
  clientRequestId: z.string(),
  /** Graph's `request-id` response header of the POST, for Microsoft support. */
  graphRequestId: z.string().nullable(),
  /** Intune's errorCode on resetPasscodeActionResult, when it gave one. */
  intuneErrorCode: z.number().int().nullable(),
  /** Why the POST was not registered (an error code), when state is notSent. */
  failureCode: z.enum(ERROR_CODES).nullable(),
  /** Intune returned a temporary passcode for this action (the value itself is never stored). */
  hasPasscode: z.boolean(),
  /** The passcode can be revealed now (held in memory, or re-readable from Graph while online). */
  passcodeAvailable: z.boolean(),
  outcomeNote: z.string().nullable(),
  requestedAt: z.string(),
  sentAt: z.string().nullable(),
  lastCheckedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  updatedAt: z.string(),
})
export type ActionRecord = z.infer<typeof actionRecord>

export const actionTransition = z.strictObject({
  state: actionState,
  at: z.string(),
  detail: z.string().nullable(),
})
export type ActionTransition = z.infer<typeof actionTransition>

export const actionWithTransitions = z.strictObject({
  action: actionRecord,
  transitions: z.array(actionTransition),
})

export const issueInput = z.strictObject({
  deviceId: id(),
  /** Generated by the renderer once per walkthrough: the same key never sends a second POST. */
  idempotencyKey: z
    .string()
    .min(8)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
  ticketReference: text(120).optional(),
  verification: verificationAnswers,
  preconditionsConfirmed: z.array(preconditionCode).max(PRECONDITION_CODES.length).default([]),
  /** The agent confirmed a second action on a device that had one in the last 15 minutes. */
  confirmRepeat: z.boolean().default(false),
})
export type IssueInput = z.input<typeof issueInput>

export const actionIdInput = z.strictObject({ actionId: id() })

export const revealedPasscode = z.strictObject({
  passcode: z.string(),
  /** When core forgets it again (60 s after the reveal); the renderer hides it at the same time. */
  expiresAt: isoDateTime(),
})

/**
 * What hiding the passcode did to the system clipboard (Electron host; DESIGN §4): `cleared` — it
 * still held the passcode and is now empty; `changed` — the agent copied something else since, left
 * alone; `notCopied` — the passcode was never copied through this host.
 */
export const CLIPBOARD_OUTCOMES = ['cleared', 'changed', 'notCopied'] as const
export const clipboardOutcome = z.enum(CLIPBOARD_OUTCOMES)
export type ClipboardOutcome = z.infer<typeof clipboardOutcome>

export const availabilityInput = z.strictObject({ deviceId: id().optional() })
export const actionAvailability = z.strictObject({
  available: z.boolean(),
  /** Why not: OFFLINE, AUTH_REQUIRED, PERMISSION_DENIED, GRAPH_NOT_FOUND … */
  reason: z.enum(ERROR_CODES).nullable(),
  agentUpn: z.string().nullable(),
})
export type ActionAvailability = z.infer<typeof actionAvailability>

export const actionsContract = {
  /** Re-checks everything live, then sends the one POST (see electron/core/actions/issue.ts). */
  'actions:issue': { input: issueInput, output: actionRecord },
  'actions:get': { input: actionIdInput, output: actionWithTransitions },
  'actions:listForDevice': {
    input: z.strictObject({ deviceId: id(), limit: z.number().int().min(1).max(200).default(20) }),
    output: z.array(actionRecord),
  },
  /** Whether the agent can issue now (signed in, online, allowed), with the reason when not. */
  'actions:availability': { input: availabilityInput, output: actionAvailability },
  /** The only channel that carries a passcode. PASSCODE_EXPIRED when Intune no longer shows it. */
  'actions:revealPasscode': { input: actionIdInput, output: revealedPasscode },
  /** Forgets the passcode in core now (the agent hid it or closed the walkthrough). */
  'actions:hidePasscode': {
    input: actionIdInput,
    output: z.strictObject({ forgotten: z.boolean(), clipboard: clipboardOutcome }),
  },
  /**
   * Electron host: copies the revealed passcode to the system clipboard from core (the value does not
   * cross again) and empties it when the passcode is hidden. NOT_IMPLEMENTED where the host has no
   * clipboard (the browser host's renderer uses navigator.clipboard). PASSCODE_EXPIRED once hidden.
   */
  'actions:copyPasscode': { input: actionIdInput, output: z.strictObject({ copied: z.literal(true) }) },
  /** Stores the agent's outcome note and closes the walkthrough. */
  'actions:finish': { input: z.strictObject({ actionId: id(), note: text(2000) }), output: actionRecord },
  /** Polls a `stillPending` action again (the agent asked to check once more). */
  'actions:recheck': { input: actionIdInput, output: actionRecord },
} as const

export const actionsEvents = {
  'actions:changed': actionRecord,
} as const
