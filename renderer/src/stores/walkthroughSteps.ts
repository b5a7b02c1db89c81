import type { ActionAvailability } from '@shared/api/schemas/actions'
import type { PasscodeEligibilityDto } from '@shared/api/schemas/devices'
import type { PreconditionCode } from '@shared/eligibility/codes'
import { foldText } from '@shared/text'

/** The walkthrough's seven steps, in order (DESIGN §1: one step per screen). */
export const WALKTHROUGH_STEPS = [
  'verify',
  'device',
  'eligibility',
  'script',
  'confirm',
  'status',
  'finish',
] as const
export type WalkthroughStep = (typeof WALKTHROUGH_STEPS)[number]

/** Why the step's primary button is disabled; the view says it in words beside the button. */
export type StepBlock =
  | { readonly kind: 'outOfScope' }
  | { readonly kind: 'verify'; readonly checks: readonly string[] }
  | { readonly kind: 'device' }
  | { readonly kind: 'preconditions' }
  | { readonly kind: 'ineligible' }
  | { readonly kind: 'script' }
  | { readonly kind: 'ticket' }
  /** The organisation's TicketPattern (managed policy, DESIGN §3) refuses the reference typed. */
  | { readonly kind: 'ticketFormat' }
  /** Offline, signed out, not allowed: the confirm step's own alert gives the reason. */
  | { readonly kind: 'unavailable' }
  | { readonly kind: 'busy' }
  | { readonly kind: 'finished' }

export interface StepFacts {
  readonly step: WalkthroughStep
  readonly outOfScope: boolean
  readonly missingChecks: readonly string[]
  readonly deviceConfirmed: { readonly model: boolean; readonly serial: boolean; readonly checkIn: boolean }
  readonly eligibility: Pick<PasscodeEligibilityDto, 'verdict' | 'preconditions'> | null
  readonly preconditions: readonly PreconditionCode[]
  readonly scriptRead: boolean
  readonly ticketMissing: boolean
  readonly ticketMismatch: boolean
  readonly availability: ActionAvailability | null
  readonly issuing: boolean
  readonly finished: boolean
}

/**
 * What stops the agent moving on from this step, or null when they may. The same answers core
 * checks again when issuing (policy fields, preconditions, the script read to the caller), so the
 * button is never enabled for an action core would refuse.
 */
export function stepBlock(f: StepFacts): StepBlock | null {
  if (f.outOfScope) return { kind: 'outOfScope' }
  switch (f.step) {
    case 'verify':
      return f.missingChecks.length === 0 ? null : { kind: 'verify', checks: f.missingChecks }
    case 'device': {
      const c = f.deviceConfirmed
      return c.model && c.serial && c.checkIn ? null : { kind: 'device' }
    }
    case 'eligibility':
      if (f.eligibility?.verdict !== 'eligible') return { kind: 'ineligible' }
      return f.eligibility.preconditions.every((p) => f.preconditions.includes(p))
        ? null
        : { kind: 'preconditions' }
    case 'script':
      return f.scriptRead ? null : { kind: 'script' }
    case 'confirm':
      if (f.ticketMissing) return { kind: 'ticket' }
      if (f.ticketMismatch) return { kind: 'ticketFormat' }
      if (f.availability?.available === false) return { kind: 'unavailable' }
      return f.issuing ? { kind: 'busy' } : null
    case 'status':
      return null
    case 'finish':
      return f.finished ? { kind: 'finished' } : null
  }
}

/**
 * The caller's name to start step 1 with, when the agent found the device by typing its user's name:
 * the device user's display name as the directory spells it ("Zoé Bélanger", not the "zoe belanger"
 * typed in the search box). When the search did not match the user — a serial, an IMEI, a phone
 * number, a device name, another person's name — the field starts empty: the agent asks.
 */
export function callerFromSearch(
  query: string,
  user: { readonly userDisplayName: string | null; readonly userPrincipalName?: string | null },
): string | null {
  const q = query.trim()
  const name = user.userDisplayName?.trim()
  if (!q || !name || /\d/.test(q) || q.length > 120) return null
  // Case and accents folded, the way the search box matches ("helene" finds "Hélène"); the sign-in
  // name's local part counts as the user too ("zbelanger").
  const haystacks = [foldText(name), foldText((user.userPrincipalName ?? '').split('@')[0] ?? '')]
  const words = foldText(q).split(/\s+/)
  return words.every((word) => haystacks.some((h) => h.length > 0 && h.includes(word))) ? name : null
}

export function newIdempotencyKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`
}
