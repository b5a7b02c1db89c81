import type { AuditFailure, FailureFacts, FailureReason } from '../api/schemas/failure-facts'
import type { PasscodeAction } from '../eligibility/codes'
import type { ErrorCode } from '../errors'
import { STALE_SYNC_DAYS } from '../eligibility/overrides'

/**
 * "Before the click": what could make a passcode action fail on this device, and what to ask the
 * caller first — from facts only (schemas/failure-facts.ts). Each cause says the fact it stands on
 * (an age, a count, a date); nothing here estimates a probability (a made-up percentage would
 * tell the agent more than the facts do). Pure: shared by the renderer and its tests.
 */

export type Severity = 'blocker' | 'warning' | 'info'

/** What the agent should ask or tell the caller before sending. */
export const ASKS = ['deviceOnline', 'lastUsed', 'approvalWait', 'newPasscode', 'colleagueInScope'] as const
export type Ask = (typeof ASKS)[number]

export type FailureCause = { readonly severity: Severity; readonly ask: Ask | null } & (
  | { readonly kind: 'outOfScope' }
  | { readonly kind: 'neverCheckedIn' }
  | { readonly kind: 'staleCheckIn'; readonly days: number }
  | { readonly kind: 'checkInOverADay'; readonly hours: number }
  | { readonly kind: 'policyNotKnown'; readonly action: PasscodeAction }
  | { readonly kind: 'noPasscodePolicy' }
  | {
      readonly kind: 'failedOnDevice'
      readonly reason: FailureReason
      readonly count: number
      readonly lastAt: string
      /** The same reason on other devices of the tenant, same action (0 when none). */
      readonly tenantCount: number
    }
  | {
      readonly kind: 'failedInTenant'
      readonly reason: FailureReason
      readonly count: number
      readonly lastAt: string
    }
  | { readonly kind: 'approvalRequired'; readonly count: number; readonly lastAt: string }
  /** Intune's audit log: passcode requests on this device, or on others allowing the same action,
   * recorded with a result other than Success since `since` (its text is Intune's own). */
  | ({ readonly kind: 'auditFailedOnDevice'; readonly since: string } & AuditFailure)
  | ({ readonly kind: 'auditFailedInTenant'; readonly since: string } & AuditFailure)
  /** The audit log was not read (refused, unreachable, late, signed out): the rest is local only. */
  | { readonly kind: 'auditNotRead'; readonly code: ErrorCode }
)

const HOUR = 3_600_000
/** A device that checked in within this is online by the facts we have. */
export const RECENT_CHECK_IN_HOURS = 24
/** Tenant-wide reasons listed at most (the rest are in History). */
export const MAX_TENANT_REASONS = 3

const SEVERITY_ORDER: Record<Severity, number> = { blocker: 0, warning: 1, info: 2 }

export function sameReason(a: FailureReason, b: FailureReason): boolean {
  return a.kind === 'error'
    ? b.kind === 'error' && a.code === b.code
    : b.kind === 'state' && a.state === b.state
}

/**
 * Reasons that say the device did not answer: an offline device is the usual cause (Intune keeps
 * the command until the next check-in, domain §2.3), so the caller is asked whether it is online.
 */
function deviceDidNotAnswer(reason: FailureReason): boolean {
  return reason.kind === 'state'
    ? reason.state === 'stillPending' || reason.state === 'failed'
    : reason.code === 'TIMEOUT'
}

function checkInCause(facts: FailureFacts): FailureCause | null {
  if (facts.lastCheckIn === null) return { kind: 'neverCheckedIn', severity: 'warning', ask: 'deviceOnline' }
  const age = Date.parse(facts.readAt) - Date.parse(facts.lastCheckIn)
  if (Number.isNaN(age)) return null
  const hours = Math.floor(age / HOUR)
  if (hours >= STALE_SYNC_DAYS * 24)
    return { kind: 'staleCheckIn', severity: 'warning', ask: 'lastUsed', days: Math.floor(hours / 24) }
  if (hours >= RECENT_CHECK_IN_HOURS)
    return { kind: 'checkInOverADay', severity: 'info', ask: 'deviceOnline', hours }
  return null
}

function policyCause(facts: FailureFacts): FailureCause | null {
  if (!facts.action) return null
  switch (facts.passcodePolicy) {
    case 'assigned':
      return null
    case 'notAssigned':
      // Removal leaves the device without a passcode until a policy asks for one (domain §9 re-prompt).
      return { kind: 'noPasscodePolicy', severity: 'warning', ask: 'newPasscode' }
    case 'notKnown':
      return {
        kind: 'policyNotKnown',
        severity: 'info',
        ask: facts.action === 'removePasscode' ? 'newPasscode' : null,
        action: facts.action,
      }
  }
}

/** Audit results listed per place at most (the rest are in History's team view). */
export const MAX_AUDIT_RESULTS = 2

function auditCauses(facts: FailureFacts): FailureCause[] {
  const audit = facts.audit
  if (audit.status === 'notRead')
    return [{ kind: 'auditNotRead', severity: 'info', ask: null, code: audit.code }]
  const since = audit.since
  return [
    ...audit.deviceFailures.slice(0, MAX_AUDIT_RESULTS).map((f): FailureCause => ({
      kind: 'auditFailedOnDevice',
      severity: 'warning',
      ask: null,
      since,
      ...f,
    })),
    ...audit.tenantFailures
      .slice(0, MAX_AUDIT_RESULTS)
      .map((f): FailureCause => ({ kind: 'auditFailedInTenant', severity: 'info', ask: null, since, ...f })),
  ]
}

/** The causes, most serious first (then in the order the facts were read). */
export function failureCauses(facts: FailureFacts): FailureCause[] {
  const causes: FailureCause[] = []
  if (facts.outOfScope) causes.push({ kind: 'outOfScope', severity: 'blocker', ask: 'colleagueInScope' })
  const checkIn = checkInCause(facts)
  if (checkIn) causes.push(checkIn)
  for (const failure of facts.deviceFailures) {
    const tenant = facts.tenantFailures.find((t) => sameReason(t.reason, failure.reason))
    causes.push({
      kind: 'failedOnDevice',
      severity: 'warning',
      ask: deviceDidNotAnswer(failure.reason) ? 'deviceOnline' : null,
      reason: failure.reason,
      count: failure.count,
      lastAt: failure.lastAt,
      tenantCount: tenant?.count ?? 0,
    })
  }
  const elsewhere = facts.tenantFailures.filter(
    (t) => !facts.deviceFailures.some((d) => sameReason(d.reason, t.reason)),
  )
  for (const failure of elsewhere.slice(0, MAX_TENANT_REASONS)) {
    causes.push({ kind: 'failedInTenant', severity: 'info', ask: null, ...failure })
  }
  causes.push(...auditCauses(facts))
  if (facts.approvalRequired)
    causes.push({
      kind: 'approvalRequired',
      severity: 'warning',
      ask: 'approvalWait',
      ...facts.approvalRequired,
    })
  const policy = policyCause(facts)
  if (policy) causes.push(policy)
  return causes
    .map((cause, i) => ({ cause, i }))
    .sort((a, b) => SEVERITY_ORDER[a.cause.severity] - SEVERITY_ORDER[b.cause.severity] || a.i - b.i)
    .map(({ cause }) => cause)
}

/** What to ask the caller first, once each, in the order of the causes that need it. */
export function questionsFor(causes: readonly FailureCause[]): Ask[] {
  const asks: Ask[] = []
  for (const cause of causes) if (cause.ask && !asks.includes(cause.ask)) asks.push(cause.ask)
  return asks
}
