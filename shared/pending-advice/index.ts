import type { ActionState } from '../api/schemas/actions'
import type { PasscodeAction } from '../eligibility/codes'

/**
 * What to tell the caller, and when to hand the case on, once a passcode action has been sent
 * (DESIGN §1: tell the truth on screen). Pure: the walkthrough re-reads the device from Intune
 * while the action is pending and passes the facts in; the view only renders the answer.
 *
 * Sources (../../../shared/reference/intune-passcode-domain.md):
 * - Intune delivers a remote action when the device checks in; the device must be on and online
 *   (§1.5 "Remote actions need the device online/powered on"; `lastSyncDateTime` is the last
 *   check-in, §2). A sync can be started from Company Portal on the device (glossary "CP").
 * - A failed Remove passcode on iOS/iPadOS/visionOS: Intune may hold the wrong unlock token; Microsoft's
 *   guidance is to wipe the device (§1.3, RM-2025/RM-2026).
 * - A failed Android reset: a passcode policy must be assigned (§1.2, MD-2025b); a work profile needs
 *   its reset token activated by the user (§1.6).
 * - Canceled: a pending Retire, Wipe or Delete takes precedence over other actions (§1.5).
 * - Multi Admin Approval: a second administrator approves; requests expire after 3 days; Intune
 *   notifies nobody (§9).
 */

/** Intune reports what happened within minutes of a check-in [INFERRED]: give its report this long. */
export const REPORT_GRACE_MS = 15 * 60_000
/** Multi Admin Approval requests expire after 3 days (domain §9). */
export const APPROVAL_EXPIRY_MS = 3 * 24 * 60 * 60_000

export const CALLER_STEPS = ['switchOn', 'connect', 'openCompanyPortal', 'sync'] as const
export type CallerStep = (typeof CALLER_STEPS)[number]

export const ESCALATION_REASONS = [
  /** The device checked in after the send, yet Intune still reports the action pending. */
  'pendingAfterCheckIn',
  /** This app stopped waiting and the device still has not checked in. */
  'noCheckIn',
  /** Remove passcode failed: wipe per Microsoft's guidance. */
  'removalFailed',
  /** Reset passcode failed: the passcode policy (and the work profile's reset token) to check. */
  'resetFailed',
  'notSupported',
  /** A Retire, Wipe or Delete pending on the device canceled it. */
  'canceled',
  'awaitingApproval',
] as const
export type EscalationReason = (typeof ESCALATION_REASONS)[number]

/** Who takes the case: the tenant's Intune administrators, or (MAA) an approver among them. */
export type EscalationTarget = 'intuneAdministrators' | 'approvalApprover'

export interface ActionFacts {
  readonly state: ActionState
  readonly action: PasscodeAction
  /** When the POST was sent (ISO); null while it has not been. */
  readonly sentAt: string | null
  /** The device's last check-in as last read from Intune (`lastSyncDateTime`, ISO), null = never. */
  readonly lastCheckIn: string | null
  /** When the device was last read from Intune (ISO); null = not since the walkthrough opened. */
  readonly deviceReadAt: string | null
  readonly now: number
}

export interface ActionAdvice {
  /**
   * Whether the device checked in after the action was sent: `unknown` until the device has been
   * re-read after the send (a check-in read before the send proves nothing either way).
   */
  readonly checkedInSinceSent: 'yes' | 'no' | 'unknown'
  readonly lastCheckIn: string | null
  readonly sentAt: string | null
  /** What to ask the caller to do now, in order (empty when the caller cannot help). */
  readonly callerSteps: readonly CallerStep[]
  readonly escalation: { readonly reason: EscalationReason; readonly to: EscalationTarget } | null
  /** Multi Admin Approval: when the request expires if nobody approves it (ISO). */
  readonly approvalExpiresAt: string | null
}

/** Intune has not reported an outcome yet: the device is what the action waits for. */
export const WAITING_STATES: readonly ActionState[] = ['pending', 'active', 'stillPending', 'unknownState']

const time = (iso: string | null): number | null => {
  if (!iso) return null
  const t = Date.parse(iso)
  return Number.isFinite(t) ? t : null
}

function checkedIn(f: ActionFacts): ActionAdvice['checkedInSinceSent'] {
  const sent = time(f.sentAt)
  const read = time(f.deviceReadAt)
  if (sent === null || read === null || read < sent) return 'unknown'
  const last = time(f.lastCheckIn)
  return last !== null && last > sent ? 'yes' : 'no'
}

function escalationFor(
  f: ActionFacts,
  since: ActionAdvice['checkedInSinceSent'],
): ActionAdvice['escalation'] {
  const admins = (reason: EscalationReason) => ({ reason, to: 'intuneAdministrators' as const })
  switch (f.state) {
    case 'failed':
      return admins(f.action === 'removePasscode' ? 'removalFailed' : 'resetFailed')
    case 'notSupported':
      return admins('notSupported')
    case 'canceled':
      return admins('canceled')
    case 'awaitingApproval':
      return { reason: 'awaitingApproval', to: 'approvalApprover' }
    case 'pending':
    case 'active':
    case 'stillPending':
    case 'unknownState': {
      const last = time(f.lastCheckIn)
      if (since === 'yes' && last !== null && f.now - last >= REPORT_GRACE_MS)
        return admins('pendingAfterCheckIn')
      if (since === 'no' && f.state === 'stillPending') return admins('noCheckIn')
      return null
    }
    default:
      return null
  }
}

export function actionAdvice(f: ActionFacts): ActionAdvice {
  const waiting = WAITING_STATES.includes(f.state)
  const since = waiting ? checkedIn(f) : 'unknown'
  const sent = time(f.sentAt)
  return {
    checkedInSinceSent: since,
    lastCheckIn: f.lastCheckIn,
    sentAt: f.sentAt,
    // The device has not fetched the action: only the caller can bring it online.
    callerSteps: waiting && since === 'no' ? CALLER_STEPS : [],
    escalation: escalationFor(f, since),
    approvalExpiresAt:
      f.state === 'awaitingApproval' && sent !== null
        ? new Date(sent + APPROVAL_EXPIRY_MS).toISOString()
        : null,
  }
}
